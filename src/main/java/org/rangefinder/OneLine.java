package org.rangefinder;

/**
 * Text that stays one line as it is shown: none of its characters ends the line or hides other text. Those that do
 * are the control characters (line feed, carriage return, tab, NEL U+0085, ...), the line and paragraph separators
 * (U+2028, U+2029) and the invisible formatting characters (Unicode's category Cf: bidirectional overrides,
 * zero-width spaces), which make text show other than it reads.
 */
public final class OneLine {

    /** The most characters of a text that {@link #quote} shows. */
    public static final int QUOTED = 40;

    private OneLine() {
    }

    /** Whether a character ends the line or hides text: a control, a line or paragraph separator, or a format one. */
    public static boolean breaks(int codePoint) {
        return Character.isISOControl(codePoint) || switch (Character.getType(codePoint)) {
            case Character.FORMAT, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR -> true;
            default -> false;
        };
    }

    /** The index of the first character of {@code text} that {@link #breaks} its line; -1 when none does. */
    public static int firstBreak(String text) {
        for (int i = 0; i < text.length(); i += Character.charCount(text.codePointAt(i))) {
            if (breaks(text.codePointAt(i))) {
                return i;
            }
        }
        return -1;
    }

    /**
     * {@code text} as a message quotes what the user wrote (a cell of a table): in single quotes, one line
     * ({@link #of}), and, past {@value #QUOTED} characters, cut there with its length said, so that a cell of
     * millions of characters is not a line of megabytes: {@code 'abc…' (20000000 characters)}. Lengths count code
     * points, and the cut splits none.
     */
    public static String quote(String text) {
        int length = text.codePointCount(0, text.length());
        if (length <= QUOTED) {
            return "'" + of(text) + "'";
        }
        return "'" + of(text.substring(0, text.offsetByCodePoints(0, QUOTED))) + "…' (" + length + " characters)";
    }

    /** {@code text} with each character that {@link #breaks} its line replaced by a space. */
    public static String of(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            if (breaks(c)) {
                out.append(' ');
            } else {
                out.appendCodePoint(c);
            }
        });
        return out.toString();
    }
}

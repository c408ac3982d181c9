package org.rangefinder;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Text that stays one line as it is shown: none of its characters ends the line or hides other text. Those that do
 * are the control characters (line feed, carriage return, tab, NEL U+0085, ...), the line and paragraph separators
 * (U+2028, U+2029) and the invisible formatting characters (Unicode's category Cf: bidirectional overrides,
 * zero-width spaces), which make text show other than it reads.
 */
public final class OneLine {

    /** The most characters of a text that {@link #quote} shows. */
    public static final int QUOTED = 40;
    /** The most names of a list that {@link #list} shows. */
    public static final int LISTED = 8;

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
        return cut(text, "'");
    }

    /** {@code text} as {@link #quote} shows it, without the quotes: {@code abc… (20000000 characters)}. */
    public static String cut(String text) {
        return cut(text, "");
    }

    private static String cut(String text, String quote) {
        int length = text.codePointCount(0, text.length());
        if (length <= QUOTED) {
            return quote + of(text) + quote;
        }
        return quote + of(text.substring(0, text.offsetByCodePoints(0, QUOTED))) + "…" + quote + " (" + length
                + " characters)";
    }

    /**
     * Names a message lists (a header's), each {@link #cut}, separated by commas; past {@value #LISTED} names, the
     * first {@value #LISTED} and how many there are, so that a header of a million columns is not a line of megabytes:
     * {@code a, b, c, d, e, f, g, h, … (1000000 columns)}.
     *
     * @param noun what a name names, counted past {@value #LISTED} names: {@code "column"}
     */
    public static String list(List<String> names, String noun) {
        String listed = names.stream().limit(LISTED).map(OneLine::cut).collect(Collectors.joining(", "));
        return names.size() <= LISTED ? listed : listed + ", … (" + Counts.of(names.size(), noun) + ")";
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

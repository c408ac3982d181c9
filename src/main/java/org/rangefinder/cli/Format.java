package org.rangefinder.cli;

import java.util.Locale;
import java.util.regex.Pattern;

/** Number formats of the CLI's tables (files keep full precision), and words of the commands it suggests. */
final class Format {
    /** What a POSIX shell reads as one word as it is. */
    private static final Pattern PLAIN_WORD = Pattern.compile("[A-Za-z0-9_./:@%+=,~-]+");

    private Format() {
    }

    /**
     * A value as one word of a command a user can paste into a POSIX shell: as it is when it holds nothing the shell
     * would read otherwise, else in single quotes (a quote inside written {@code '\''}).
     */
    static String shellWord(Object value) {
        String s = String.valueOf(value);
        return PLAIN_WORD.matcher(s).matches() ? s : "'" + s.replace("'", "'\\''") + "'";
    }

    /** A learning rate in scientific notation with three significant digits, or "-" when there is none. */
    static String lr(Double value) {
        return value == null ? "-" : String.format(Locale.ROOT, "%.2e", value);
    }
}

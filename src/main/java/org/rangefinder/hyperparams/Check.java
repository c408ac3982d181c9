package org.rangefinder.hyperparams;

import java.util.List;
import java.util.Locale;
import org.rangefinder.OneLine;
import org.rangefinder.files.InvalidField;

/** The range checks of the file sections; each failure is an {@link InvalidField} naming the field. */
final class Check {
    private Check() {
    }

    static <T> T present(String field, T value) {
        if (value == null) {
            throw new InvalidField(field, "is required but missing");
        }
        return value;
    }

    /**
     * Text that is there and stays on one line ({@link OneLine}), as a line of a message or of an exported program's
     * comment: {@code toolVersion must be one line of printable text, but character 6 is U+000A}.
     */
    static String oneLine(String field, String value) {
        int at = OneLine.firstBreak(present(field, value));
        if (at >= 0) {
            throw new InvalidField(field, "must be one line of printable text, but character " + (at + 1) + " is "
                    + String.format(Locale.ROOT, "U+%04X", value.codePointAt(at)));
        }
        return value;
    }

    /**
     * A list that is there and holds no null: {@code betas[0] is required but missing} names the first null. The list
     * returned is an unmodifiable copy.
     */
    static <T> List<T> list(String field, List<T> values) {
        present(field, values);
        for (int i = 0; i < values.size(); i++) {
            present(field + "[" + i + "]", values.get(i));
        }
        return List.copyOf(values);
    }

    /** A finite number above 0. */
    static double positive(String field, double value) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new InvalidField(field, "must be a finite number > 0, got " + value);
        }
        return value;
    }

    /** A finite number of at least 0. */
    static double nonNegative(String field, double value) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new InvalidField(field, "must be a finite number >= 0, got " + value);
        }
        return value;
    }

    /** A number in (0, 1). */
    static double openFraction(String field, double value) {
        if (!(value > 0 && value < 1)) {
            throw new InvalidField(field, "must be between 0 and 1 (both excluded), got " + value);
        }
        return value;
    }

    /** A momentum or beta: a number in [0, 1). */
    static double momentum(String field, double value) {
        if (!(value >= 0 && value < 1)) {
            throw new InvalidField(field, "must be in [0, 1), got " + value);
        }
        return value;
    }

    static long atLeast(String field, long value, long min) {
        if (value < min) {
            throw new InvalidField(field, "must be at least " + min + ", got " + value);
        }
        return value;
    }

    static long between(String field, long value, long min, long max) {
        if (value < min || value > max) {
            throw new InvalidField(field, "must be from " + min + " to " + max + ", got " + value);
        }
        return value;
    }

    static String oneOf(String field, String value, List<String> accepted) {
        present(field, value);
        if (!accepted.contains(value)) {
            throw new InvalidField(field, "must be one of " + String.join(", ", accepted) + ", got '" + value + "'");
        }
        return value;
    }
}

package org.rangefinder.cli;

import java.util.Locale;

/** Number formats of the CLI's tables (files keep full precision). */
final class Format {
    private Format() {
    }

    /** A learning rate in scientific notation with three significant digits, or "-" when there is none. */
    static String lr(Double value) {
        return value == null ? "-" : String.format(Locale.ROOT, "%.2e", value);
    }
}

package org.rangefinder.ui.chart;

import java.math.BigDecimal;
import java.math.MathContext;

/**
 * Learning rates as the window shows them: three significant digits, the precision one picks by eye on a
 * logarithmic axis; plain between 1e-3 and 1e4 ({@code 0.00316}, {@code 1.5}), else with an exponent
 * ({@code 3.16e-5}).
 */
public final class LrText {
    private static final MathContext THREE_DIGITS = new MathContext(3);

    private LrText() {
    }

    public static String format(double v) {
        if (!Double.isFinite(v) || v == 0) {
            return String.valueOf(v);
        }
        BigDecimal d = new BigDecimal(v).round(THREE_DIGITS).stripTrailingZeros();
        double a = Math.abs(v);
        if (a >= 1e-3 && a < 1e4) {
            return d.toPlainString();
        }
        int exponent = d.precision() - d.scale() - 1;
        return d.movePointLeft(exponent).toPlainString() + "e" + exponent;
    }

    /** {@code v} rounded to three significant digits. */
    public static double round(double v) {
        return new BigDecimal(v).round(THREE_DIGITS).doubleValue();
    }
}

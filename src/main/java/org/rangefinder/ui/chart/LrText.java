package org.rangefinder.ui.chart;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

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

    /**
     * The largest value of three significant digits below {@code v} (> 0): {@code 0.00999} below {@code 0.01},
     * {@code 0.0122} below {@code 0.0123}; where the min marker stops when dragged onto the max.
     */
    public static double below(double v) {
        return new BigDecimal(Math.nextDown(v)).round(new MathContext(3, RoundingMode.FLOOR)).doubleValue();
    }

    /**
     * The smallest value of three significant digits above {@code v} (> 0): {@code 0.0101} above {@code 0.01};
     * where the max marker stops when dragged onto the min.
     */
    public static double above(double v) {
        return new BigDecimal(Math.nextUp(v)).round(new MathContext(3, RoundingMode.CEILING)).doubleValue();
    }
}

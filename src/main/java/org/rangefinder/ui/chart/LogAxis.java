package org.rangefinder.ui.chart;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Dimension2D;
import javafx.scene.chart.ValueAxis;

/**
 * A base-10 logarithmic axis, for learning rates. Major ticks sit on decades ({@code 1e-7, 1e-6, ..., 1, 10}) and
 * are labelled that way, with more between them in a zoomed view ({@link #majorTicks}); minor ticks on {@code 2..9}
 * times each decade. With the bounds {@code lo, hi} and the axis
 * length {@code L}, a value {@code v} is drawn at
 * <pre>
 *   f = (log10 v - log10 lo) / (log10 hi - log10 lo)
 *   position = f * L              (horizontal)      position = (1 - f) * L   (vertical, measured from the top)
 * </pre>
 * Zero, negative and non-finite values have no place on a logarithmic axis: they are left out of auto-ranging and
 * drawn at the lower end. Auto-ranging widens the data's range to whole decades. Range changes are not animated.
 */
public final class LogAxis extends ValueAxis<Number> {

    /** Below this many pixels per decade, labels are put on every second (third, ...) decade only. */
    private static final double MIN_PIXELS_PER_LABEL = 42;
    private static final int[] ONE_TWO_FIVE = {1, 2, 5};
    private static final int[] ONE_TO_NINE = {1, 2, 3, 4, 5, 6, 7, 8, 9};
    /** Significant digits of a tick label: those of any tick, none of the rounding errors of a double. */
    private static final MathContext LABEL_DIGITS = new MathContext(12);

    private final TickLabelSizes labelSizes =
            new TickLabelSizes(this, label -> measureTickMarkLabelSize(label, getTickLabelRotation()));

    /** An auto-ranging axis showing {@code [lowerBound, upperBound]} until it has data. */
    public LogAxis(double lowerBound, double upperBound) {
        super(lowerBound, upperBound);
        setAutoRanging(true);
        setAnimated(false);
        setMinorTickCount(0);
    }

    /**
     * Auto-ranging only over the values that a logarithmic axis can show. A chart calls this each time its data
     * changes (each batch of a live curve): see {@link #fitData(double, double)}.
     */
    @Override
    public void invalidateRange(List<Number> data) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (Number value : data) {
            if (value != null && isPositiveFinite(value.doubleValue())) {
                min = Math.min(min, value.doubleValue());
                max = Math.max(max, value.doubleValue());
            }
        }
        fitData(min, max);
    }

    /**
     * Takes the range of the chart's positive, finite data, {@code min..max} (min above max: there is none). When
     * the data's decades are the ones shown, nothing is invalidated, so the ticks and their labels are not measured
     * and placed again.
     */
    public void fitData(double min, double max) {
        boolean any = min <= max;
        if (isAutoRanging() && any) {
            double[] decades = decadeRange(min, max);
            if (decades[0] == getLowerBound() && decades[1] == getUpperBound()) {
                return;
            }
        }
        // ValueAxis keeps the smallest and largest of the list; an empty one keeps the bounds
        super.invalidateRange(any ? List.of(min, max) : List.of());
    }

    @Override
    protected Object autoRange(double minValue, double maxValue, double length, double labelSize) {
        if (!isPositiveFinite(minValue) || !(maxValue >= minValue) || !Double.isFinite(maxValue)) {
            return getRange();
        }
        return decadeRange(minValue, maxValue);
    }

    /** The smallest range of whole decades holding {@code [min, max]}; at least one decade wide. */
    static double[] decadeRange(double min, double max) {
        int lo = (int) Math.floor(Math.log10(min) + 1e-9);
        int hi = (int) Math.ceil(Math.log10(max) - 1e-9);
        if (hi <= lo) {
            hi = lo + 1;
        }
        return new double[] {power(1, lo), power(1, hi)};
    }

    @Override
    protected void setRange(Object range, boolean animate) {
        double[] r = (double[]) range;
        setLowerBound(r[0]);
        setUpperBound(r[1]);
        currentLowerBound.set(r[0]);
    }

    @Override
    protected Object getRange() {
        return new double[] {getLowerBound(), getUpperBound()};
    }

    @Override
    protected List<Number> calculateTickValues(double length, Object range) {
        double[] r = (double[]) range;
        return majorTicks(r[0], r[1], length);
    }

    /**
     * The decades within {@code [lo, hi]}, thinned to every k-th decade so labels keep {@value #MIN_PIXELS_PER_LABEL}
     * pixels apart. Where a decade is wide enough that 1, 2 and 5 times it keep that distance (the closest pair, 1 and
     * 2, is log10(2) = 0.301 of a decade apart: a zoomed view), or where the range holds fewer than two decades (it
     * would hardly be labelled otherwise), the 2x and 5x values are ticks too. A view zoomed so far that fewer than two
     * of those fall in it (less than 0.7 of a decade: [2.2e-3, 4.5e-3] held none, [3e-3, 9e-3] 5e-3 alone) gets
     * {@code 1..9 x 10^e} instead, and one within a single step of those ([1.2e-3, 1.9e-3]) the multiples of the
     * {@link NiceScale} unit that gives at least two intervals across it (1.25e-3, 1.5e-3, 1.75e-3): at least two
     * labelled ticks in any view.
     */
    static List<Number> majorTicks(double lo, double hi, double length) {
        List<Number> ticks = new ArrayList<>();
        if (!isPositiveFinite(lo) || !(hi > lo) || !Double.isFinite(hi)) {
            return ticks;
        }
        int first = (int) Math.ceil(Math.log10(lo) - 1e-9);
        int last = (int) Math.floor(Math.log10(hi) + 1e-9);
        int decades = last - first + 1;
        double pixelsPerDecade = length / (Math.log10(hi) - Math.log10(lo));
        if (decades < 2 || pixelsPerDecade * Math.log10(2) >= MIN_PIXELS_PER_LABEL) {
            ticks = multiplesOfDecades(lo, hi, first, last, ONE_TWO_FIVE);
            if (ticks.size() < 2) {
                ticks = multiplesOfDecades(lo, hi, first, last, ONE_TO_NINE);
            }
            return ticks.size() < 2 ? linearTicks(lo, hi) : ticks;
        }
        int step = length > 0 ? Math.max(1, (int) Math.ceil(MIN_PIXELS_PER_LABEL / pixelsPerDecade)) : 1;
        for (int e = first; e <= last; e++) {
            if (Math.floorMod(e, step) == 0) {
                ticks.add(power(1, e));
            }
        }
        return ticks;
    }

    /** {@code m x 10^e} within {@code [lo, hi]} for each of {@code multipliers}, {@code e} from first - 1 to last. */
    private static List<Number> multiplesOfDecades(double lo, double hi, int first, int last, int[] multipliers) {
        List<Number> ticks = new ArrayList<>();
        for (int e = first - 1; e <= last; e++) {
            for (int m : multipliers) {
                double v = power(m, e);
                if (v >= lo * (1 - 1e-9) && v <= hi * (1 + 1e-9)) {
                    ticks.add(v);
                }
            }
        }
        return ticks;
    }

    /**
     * The multiples {@code k * u} within {@code [lo, hi]} of the unit {@code u} of {@code NiceScale.of(lo, hi, 3)}
     * (1, 2, 2.5 or 5 times a power of ten, at most half the span: at least two), each the double nearest the decimal
     * number.
     */
    private static List<Number> linearTicks(double lo, double hi) {
        BigDecimal unit = BigDecimal.valueOf(NiceScale.of(lo, hi, 3).tickUnit()).round(new MathContext(2));
        double u = unit.doubleValue();
        List<Number> ticks = new ArrayList<>();
        for (long k = (long) Math.ceil(lo / u - 1e-9); k <= (long) Math.floor(hi / u + 1e-9); k++) {
            ticks.add(unit.multiply(BigDecimal.valueOf(k)).doubleValue());
        }
        return ticks;
    }

    /** {@code m x 10^e} as the double nearest the decimal number ({@code 9 * 1e-3} would give 0.009000000000000001). */
    private static double power(int m, int e) {
        return Double.parseDouble(m + "e" + e);
    }

    @Override
    protected List<Number> calculateMinorTickMarks() {
        return minorTicks(getLowerBound(), getUpperBound());
    }

    /** {@code 2..9 x 10^e} within {@code [lo, hi]}. */
    static List<Number> minorTicks(double lo, double hi) {
        List<Number> ticks = new ArrayList<>();
        if (!isPositiveFinite(lo) || !(hi > lo) || !Double.isFinite(hi)) {
            return ticks;
        }
        for (int e = (int) Math.floor(Math.log10(lo)); e <= (int) Math.ceil(Math.log10(hi)); e++) {
            for (int m = 2; m <= 9; m++) {
                double v = power(m, e);
                if (v > lo && v < hi) {
                    ticks.add(v);
                }
            }
        }
        return ticks;
    }

    @Override
    protected String getTickMarkLabel(Number value) {
        return label(value.doubleValue());
    }

    /** The size of the tick label of {@code value}, each text measured once ({@link TickLabelSizes}). */
    @Override
    protected Dimension2D measureTickMarkSize(Number value, Object range) {
        return labelSizes.of(getTickMarkLabel(value));
    }

    /**
     * {@code 1e-3}, {@code 0.01}, {@code 0.1}, {@code 1}, {@code 10}, {@code 1e3}; {@code 2e-3} between decades, and as
     * many digits as a tick of a zoomed view has ({@code 2.5e-3}, {@code 1.25e-3}, {@code 0.025}), to 12 significant
     * digits (a tick is a short decimal; the digits past those are a double's rounding).
     */
    static String label(double v) {
        BigDecimal value = BigDecimal.valueOf(v).round(LABEL_DIGITS).stripTrailingZeros();
        int e = value.precision() - value.scale() - 1;
        if (e >= -2 && e <= 2) {
            return value.toPlainString();
        }
        return value.movePointLeft(e).toPlainString() + "e" + e;
    }

    @Override
    public double getDisplayPosition(Number value) {
        double f = fraction(value == null ? Double.NaN : value.doubleValue(), getLowerBound(), getUpperBound());
        return getSide().isVertical() ? (1 - f) * getHeight() : f * getWidth();
    }

    @Override
    public Number getValueForDisplay(double displayPosition) {
        double f = getSide().isVertical() ? 1 - displayPosition / getHeight() : displayPosition / getWidth();
        return valueAt(f, getLowerBound(), getUpperBound());
    }

    /** Where {@code v} lies between {@code lo} (0) and {@code hi} (1) in log space; the lower end for v <= 0. */
    static double fraction(double v, double lo, double hi) {
        double logLo = Math.log10(lo);
        double span = Math.log10(hi) - logLo;
        if (!isPositiveFinite(v) || !(span > 0)) {
            return 0;
        }
        return (Math.log10(v) - logLo) / span;
    }

    /** The inverse of {@link #fraction}: {@code lo * (hi/lo)^f}. */
    static double valueAt(double f, double lo, double hi) {
        return Math.pow(10, Math.log10(lo) + f * (Math.log10(hi) - Math.log10(lo)));
    }

    /** A logarithmic axis has no zero. */
    @Override
    public double getZeroPosition() {
        return Double.NaN;
    }

    @Override
    public boolean isValueOnAxis(Number value) {
        double v = value.doubleValue();
        return isPositiveFinite(v) && v >= getLowerBound() && v <= getUpperBound();
    }

    @Override
    public double toNumericValue(Number value) {
        return value == null ? Double.NaN : value.doubleValue();
    }

    @Override
    public Number toRealValue(double value) {
        return value;
    }

    /** Whether a logarithmic axis can show {@code v}. */
    static boolean isPositiveFinite(double v) {
        return v > 0 && Double.isFinite(v);
    }
}

package org.rangefinder.ui.chart;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javafx.geometry.Dimension2D;
import javafx.scene.chart.ValueAxis;

/**
 * A linear axis, set by hand ({@link #showRange}) for losses, or fitting its chart's data
 * ({@link #fittingData(boolean)}). Unlike JavaFX's {@code NumberAxis}, which puts ticks at
 * {@code lower, lower + unit, ...} (a zoomed view from 1.213 gets 1.213, 1.313, ...), its major ticks sit on whole
 * multiples of the tick unit, {@code k * unit} for every integer {@code k} with {@code lower <= k * unit <= upper},
 * and are labelled with as many decimals as the unit has (unit 0.25: 1.25, 1.50, ...). Minor ticks split each unit in
 * {@link #getMinorTickCount()} parts. Range changes are not animated.
 */
public final class LinearAxis extends ValueAxis<Number> {

    /** Tolerance, in tick units, for a bound that is a multiple of the unit up to rounding. */
    private static final double EPSILON = 1e-9;
    /** Positions this close to an end of the axis, in pixels, are on it ({@link #getDisplayPosition}). */
    private static final double END_SNAP_PIXELS = 1e-6;
    /** More ticks than this means a unit far too small for the range: draw none rather than hang the FX thread. */
    private static final long MAX_TICKS = 10_000;

    /** For a vertical axis that fits its data: at least one major tick interval per this many pixels. */
    static final double VERTICAL_TICK_PIXELS = 40;
    /**
     * For a horizontal axis that fits its data: at least this many major tick intervals, whatever its width, so that
     * charts of the same iterations one above the other (the 1cycle preview) share their ticks.
     */
    static final int HORIZONTAL_TICK_INTERVALS = 4;

    private final boolean wholeUnits;
    private final TickLabelSizes labelSizes =
            new TickLabelSizes(this, label -> measureTickMarkLabelSize(label, getTickLabelRotation()));
    private double tickUnit;
    /** The range of the chart's data, as last given to {@link #invalidateRange(List)}; NaN for no data. */
    private double dataMin = Double.NaN;
    private double dataMax = Double.NaN;
    /** The range the axis fits besides its data ({@link #holdRange}); NaN for none. */
    private double heldMin = Double.NaN;
    private double heldMax = Double.NaN;
    /** A value the axis includes whenever it has data ({@link #anchorAt}); NaN for none. */
    private double anchor = Double.NaN;

    /** An axis showing {@code [lower, upper]} with ticks every {@code tickUnit}. */
    public LinearAxis(double lower, double upper, double tickUnit) {
        this(lower, upper, tickUnit, false);
    }

    private LinearAxis(double lower, double upper, double tickUnit, boolean wholeUnits) {
        super(lower, upper);
        this.tickUnit = tickUnit;
        this.wholeUnits = wholeUnits;
        setAutoRanging(false);
        setAnimated(false);
    }

    /**
     * An axis that fits itself to its chart's data each time the data changes: the data's range rounded out to a
     * {@link NiceScale} with at least one tick interval per {@value #VERTICAL_TICK_PIXELS} pixels (vertical) or at
     * least {@value #HORIZONTAL_TICK_INTERVALS} intervals (horizontal); with {@code wholeUnits}, ticks on whole numbers
     * only (iterations). JavaFX's NumberAxis fits its data by formatting and measuring the tick labels of several
     * candidate units on every change, every frame of a marker drag (the 1cycle preview follows it) and of a training:
     * with this axis the window's thread allocated 296-327 MB in a benchmark session instead of 388-393 MB.
     */
    public static LinearAxis fittingData(boolean wholeUnits) {
        LinearAxis axis = new LinearAxis(0, 1, wholeUnits ? 1 : 0.25, wholeUnits);
        axis.setAutoRanging(true);
        return axis;
    }

    /** Shows exactly {@code [lower, upper]}, with major ticks on the multiples of {@code tickUnit} inside it. */
    public void showRange(double lower, double upper, double tickUnit) {
        // new bounds invalidate the range themselves (ValueAxis listens to them); the same range costs nothing
        if (tickUnit != this.tickUnit) {
            this.tickUnit = tickUnit;
            invalidateRange();
            requestAxisLayout();
        }
        setLowerBound(lower);
        setUpperBound(upper);
    }

    /**
     * Fits the axis to {@code min..max} together with its chart's data from now on: for data that grows into a range
     * known ahead, a training's iterations or its planned learning rates. Fitted to the data so far, the axis would
     * change its range each time the data outgrew it, and JavaFX then replaces every tick mark and label, new
     * {@code Text} nodes styled from scratch. Data outside the held range still widens the axis; a later call
     * replaces the held range.
     */
    public void holdRange(double min, double max) {
        heldMin = min;
        heldMax = max;
        setAutoRanging(true);
        if (length() > 0 && !showsFit()) {
            invalidateRange();
            requestAxisLayout();
        }
    }

    /**
     * Fits the axis to its data and {@code value} together whenever it has data: a bound the data heads for, such as
     * 0 for a loss or 1 for an accuracy, so that the axis changes range only when the data goes past its other end.
     */
    public void anchorAt(double value) {
        anchor = value;
        invalidateRange();
        requestAxisLayout();
    }

    /** The range given to {@link #holdRange}, or null if none. */
    public double[] heldRange() {
        return Double.isNaN(heldMin) ? null : new double[] {heldMin, heldMax};
    }

    public double tickUnit() {
        return tickUnit;
    }

    @Override
    protected Object getRange() {
        return new double[] {getLowerBound(), getUpperBound(), tickUnit};
    }

    /**
     * Takes the chart's data, and lays the axis out afresh only where the data needs another range. JavaFX's
     * {@code Axis} replaces every tick mark and label (a new {@code Text}, styled from scratch) each time its range is
     * invalidated, even when the new ticks are the old ones: for each frame of a marker drag, which moves the 1cycle
     * preview's data, its four axes did so, while the ticks of three of them never change.
     */
    @Override
    public void invalidateRange(List<Number> data) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (Number value : data) {
            min = Math.min(min, value.doubleValue());
            max = Math.max(max, value.doubleValue());
        }
        dataMin = data.isEmpty() ? Double.NaN : min;
        dataMax = data.isEmpty() ? Double.NaN : max;
        if (isAutoRanging() && showsFit()) {
            return;
        }
        super.invalidateRange(data);
    }

    /**
     * Whether the axis is laid out and already shows the range that fits its data, anchor and held range; false
     * before its first layout (no length yet).
     */
    private boolean showsFit() {
        double length = length();
        return length > 0 && Arrays.equals(Arrays.copyOf(fitted(length), 3), (double[]) getRange());
    }

    /**
     * The range that fits the chart's data and the held range over {@code length} pixels. ValueAxis passes its own
     * copy of the data's range, which misses the changes {@link #invalidateRange(List)} kept from it: the axis uses
     * its own.
     */
    @Override
    protected Object autoRange(double minValue, double maxValue, double length, double labelSize) {
        return fitted(length);
    }

    /**
     * {@link #fit} of the data's range, the anchor (with data) and the held range together; with neither data nor a
     * held range, of the bounds shown, which ValueAxis keeps without data.
     */
    private double[] fitted(double length) {
        double min = dataMin;
        double max = dataMax;
        if (!Double.isNaN(min)) {
            min = lowest(min, anchor);
            max = highest(max, anchor);
        }
        min = lowest(min, heldMin);
        max = highest(max, heldMax);
        return Double.isNaN(min) ? fit(getLowerBound(), getUpperBound(), length) : fit(min, max, length);
    }

    /** The lower of two bounds, either of which may be NaN (none); NaN if both are. */
    private static double lowest(double a, double b) {
        return Double.isNaN(a) ? b : Double.isNaN(b) ? a : Math.min(a, b);
    }

    private static double highest(double a, double b) {
        return Double.isNaN(a) ? b : Double.isNaN(b) ? a : Math.max(a, b);
    }

    /**
     * The range of an axis that fits its data, {@code min..max} over {@code length} pixels: lower bound, upper bound,
     * tick unit and the scale (pixels per unit of value) that maps them onto the axis. Data that is not finite leaves
     * the range as it is.
     */
    double[] fit(double min, double max, double length) {
        if (!Double.isFinite(min) || !Double.isFinite(max) || !(length > 0)) {
            return (double[]) getRange();
        }
        NiceScale nice = NiceScale.of(min, max, 1 + intervals(length), wholeUnits);
        return new double[] {nice.lower(), nice.upper(), nice.tickUnit(),
                calculateNewScale(length, nice.lower(), nice.upper())};
    }

    /** The fewest major tick intervals that a fitted range has over {@code length} pixels. */
    private int intervals(double length) {
        return isVertical() ? (int) Math.max(1, length / VERTICAL_TICK_PIXELS) : HORIZONTAL_TICK_INTERVALS;
    }

    /** The axis's length in pixels along its direction. */
    private double length() {
        return isVertical() ? getHeight() : getWidth();
    }

    private boolean isVertical() {
        return getSide() != null && getSide().isVertical();
    }

    @Override
    protected void setRange(Object range, boolean animate) {
        double[] r = (double[]) range;
        setLowerBound(r[0]);
        setUpperBound(r[1]);
        tickUnit = r[2];
        if (r.length > 3) {
            setScale(r[3]); // a fitted range; a range set by hand is scaled by ValueAxis at layout
        }
        currentLowerBound.set(r[0]);
    }

    @Override
    protected List<Number> calculateTickValues(double length, Object range) {
        double[] r = (double[]) range;
        return multiplesWithin(r[0], r[1], r[2]);
    }

    @Override
    protected List<Number> calculateMinorTickMarks() {
        List<Number> minor = multiplesWithin(getLowerBound(), getUpperBound(),
                tickUnit / Math.max(1, getMinorTickCount()));
        minor.removeIf(v -> {
            double k = v.doubleValue() / tickUnit;
            return Math.abs(k - Math.rint(k)) < 1e-6;
        });
        return minor;
    }

    /**
     * Every {@code k * unit} in {@code [lower, upper]}, in increasing order; empty for a unit that is not positive or
     * that would give more than {@value #MAX_TICKS} ticks.
     */
    static List<Number> multiplesWithin(double lower, double upper, double unit) {
        List<Number> values = new ArrayList<>();
        if (!(unit > 0) || !(upper >= lower)) {
            return values;
        }
        long first = (long) Math.ceil(lower / unit - EPSILON);
        long last = (long) Math.floor(upper / unit + EPSILON);
        if (last - first >= MAX_TICKS) {
            return values;
        }
        for (long k = first; k <= last; k++) {
            // k * unit rather than a running sum, whose rounding errors would add up along the axis
            values.add(k * unit);
        }
        return values;
    }

    /**
     * As ValueAxis places it, but a position within a millionth of a pixel of an end of the axis is put on that end.
     * The bounds and the ticks on them are the same multiples of the unit, yet the top one can land a rounding error
     * outside the axis (0.95 on a 224-pixel momentum axis: -2.8e-14 px), where JavaFX's Axis hides its label.
     */
    @Override
    public double getDisplayPosition(Number value) {
        double position = super.getDisplayPosition(value);
        double length = length();
        if (Math.abs(position) < END_SNAP_PIXELS) {
            return 0;
        }
        return Math.abs(position - length) < END_SNAP_PIXELS ? length : position;
    }

    @Override
    protected String getTickMarkLabel(Number value) {
        return label(value.doubleValue(), tickUnit);
    }

    /**
     * The size of a tick label in {@code range}, which may not be shown yet: an axis that fits its data measures the
     * labels of its next range to find its width, and those have the decimals of that range's unit. Each text is
     * measured once ({@link TickLabelSizes}).
     */
    @Override
    protected Dimension2D measureTickMarkSize(Number value, Object range) {
        return labelSizes.of(label(value.doubleValue(), ((double[]) range)[2]));
    }

    /** How many tick label sizes the axis keeps. */
    int measuredLabels() {
        return labelSizes.size();
    }

    /** {@code value} with the decimals of {@code unit} (read to three significant digits, which hides float noise). */
    static String label(double value, double unit) {
        if (!Double.isFinite(value)) {
            return Double.toString(value);
        }
        int decimals = unit > 0 && Double.isFinite(unit)
                ? Math.max(0, BigDecimal.valueOf(unit).round(new MathContext(3)).stripTrailingZeros().scale())
                : 0;
        // rounds as String.format("%.nf") does, without making a Formatter (and its locale's symbols) per label;
        // a BigDecimal has no -0, so the axis never reads "-0.0"
        return BigDecimal.valueOf(value).setScale(decimals, RoundingMode.HALF_UP).toPlainString();
    }
}

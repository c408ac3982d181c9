package org.rangefinder.rangetest;

import java.util.Objects;
import org.rangefinder.Setting;
import org.rangefinder.SettingProblem;
import org.rangefinder.UserInputException;

/**
 * Where on the curve suggestions are looked for, and how the LR range for 1cycle is derived. Of the {@code n} points
 * before the first non-finite smoothed loss, the window is {@code [n / skipStartDivisor, n - skipEnd)} (integer
 * division), as fastai's {@code lr_find} drops the first tenth and the last five points.
 *
 * @param skipStartDivisor the first {@code n / skipStartDivisor} points are skipped (10)
 * @param skipEnd          the last {@code skipEnd} points are skipped (5)
 * @param rangeMethod      the suggestion used as the top of the range (valley)
 * @param rangeFactor      the bottom of the range is the top divided by this (10)
 */
public record SuggestionOptions(int skipStartDivisor, int skipEnd, SuggestionMethod rangeMethod, double rangeFactor) {

    public SuggestionOptions {
        Objects.requireNonNull(rangeMethod, "rangeMethod");
        if (skipStartDivisor < 1) {
            throw new UserInputException("skip-start divisor must be >= 1, got " + skipStartDivisor);
        }
        if (skipEnd < 0) {
            throw new UserInputException("skip-end must be >= 0, got " + skipEnd);
        }
        if (!(rangeFactor >= 1) || Double.isInfinite(rangeFactor)) {
            throw new SettingProblem(Setting.RANGE_FACTOR, "must be a finite number >= 1, got %s", rangeFactor);
        }
    }

    public static SuggestionOptions defaults() {
        return new SuggestionOptions(10, 5, SuggestionMethod.VALLEY, 10);
    }

    public SuggestionOptions withRangeMethod(SuggestionMethod method) {
        return new SuggestionOptions(skipStartDivisor, skipEnd, method, rangeFactor);
    }

    public SuggestionOptions withRangeFactor(double factor) {
        return new SuggestionOptions(skipStartDivisor, skipEnd, rangeMethod, factor);
    }
}

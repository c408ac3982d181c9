package org.rangefinder.rangetest;

/**
 * One member of a sweep in a line, as the sweep's table shows it and the run history's {@code members.csv} keeps it:
 * its value of the factor, why it stopped, the points it recorded, its lowest smoothed loss and the learning rate of
 * that point ({@link RangeTestResult#lowest}), the raw loss of its last point (where it stopped), its suggestions and
 * its seconds. A field a {@code members.csv} written by an older Rangefinder lacks, or one no curve gives (no finite
 * smoothed loss, no suggestion), is null.
 *
 * @param stopReason as recorded: a stop reason this Rangefinder may not know (a later version's) is kept as written
 */
public record MemberSummary(String value, String stopReason, Integer points, Double lowestLoss, Double lowestLossLr,
                            Double lastLoss, Double steep, Double valley, Double minimum, Double rangeMin,
                            Double rangeMax, Double elapsedSeconds) {

    /** The line of the member of value {@code value} that gave {@code result}. */
    public static MemberSummary of(String value, RangeTestResult result) {
        CurvePoint lowest = result.lowest();
        Suggestions s = result.suggestions();
        return new MemberSummary(value, result.stopReason().id(), result.points().size(),
                lowest == null ? null : lowest.smoothedLoss(), lowest == null ? null : lowest.lr(),
                result.points().isEmpty() ? null : result.points().get(result.points().size() - 1).loss(),
                s.steep(), s.valley(), s.minimum(), s.range() == null ? null : s.range().min(),
                s.range() == null ? null : s.range().max(), result.elapsedSeconds());
    }
}

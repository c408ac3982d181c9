package org.rangefinder.rangetest;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.rangefinder.Median;

/**
 * The results of a condition sweep: one range test per value, in the order of the values. A seed family also
 * carries a {@link SeedSummary}.
 */
public record SweepResult(Sweep sweep, List<RangeTestResult> members, SeedSummary seedSummary) {

    public SweepResult {
        members = List.copyOf(members);
    }

    public static SweepResult of(Sweep sweep, List<RangeTestResult> members) {
        return new SweepResult(sweep, members,
                sweep.factor() == SweepFactor.SEED ? SeedSummary.of(members) : null);
    }

    /** Each member in a line, in the order of the sweep's values. */
    public List<MemberSummary> memberSummaries() {
        return IntStream.range(0, members.size())
                .mapToObj(m -> MemberSummary.of(sweep.values().get(m), members.get(m))).toList();
    }

    /**
     * A seed family as one curve over the members with points, {@code s_m} member m's smoothed losses (the ladder is
     * the same for all seeds): at each index {@code i < n}, {@code mean_i = (1/M) sum_m s_m,i}, {@code min_i = min_m
     * s_m,i} and {@code max_i = max_m s_m,i} over those M members, {@code lr_i} the ladder's; and the median of each
     * suggestion over the members that have one (of an even count, the mean of the middle two). The curve is cut as
     * {@link Suggestions} cuts a member's: {@code n} is the first index where any member's smoothed loss is not finite
     * (the point of a member stopped {@code non-finite}), or the shortest member's length where none is, so that no
     * mean, minimum or maximum is NaN. A member stopped before its first step (a sweep cancelled before it ran) is left
     * out, not taken as a curve of no points, which would leave the summary none.
     */
    public record SeedSummary(double[] lrs, double[] meanSmoothedLoss, double[] minSmoothedLoss,
                              double[] maxSmoothedLoss, Double medianSteep, Double medianValley,
                              Double medianMinimum) {

        static SeedSummary of(List<RangeTestResult> all) {
            return of(all.stream().map(RangeTestResult::points).toList(),
                    all.stream().map(RangeTestResult::suggestions).toList());
        }

        /**
         * The summary of members given by their curves and, in the same order, their suggestions: a sweep's
         * recorded curves read back give the summary its results gave.
         */
        public static SeedSummary of(List<List<CurvePoint>> curves, List<Suggestions> suggestions) {
            if (curves.size() != suggestions.size()) {
                throw new IllegalArgumentException(curves.size() + " curves, " + suggestions.size() + " suggestions");
            }
            List<List<CurvePoint>> ran = new ArrayList<>();
            List<Suggestions> suggested = new ArrayList<>();
            for (int m = 0; m < curves.size(); m++) {
                if (!curves.get(m).isEmpty()) {
                    ran.add(curves.get(m));
                    suggested.add(suggestions.get(m));
                }
            }
            int length = ran.stream().mapToInt(SeedSummary::finitePoints).min().orElse(0);
            double[] lrs = new double[length];
            double[] mean = new double[length];
            double[] min = new double[length];
            double[] max = new double[length];
            for (int i = 0; i < length; i++) {
                lrs[i] = ran.get(0).get(i).lr();
                double sum = 0;
                min[i] = Double.POSITIVE_INFINITY;
                max[i] = Double.NEGATIVE_INFINITY;
                for (List<CurvePoint> curve : ran) {
                    double s = curve.get(i).smoothedLoss();
                    sum += s;
                    min[i] = Math.min(min[i], s);
                    max[i] = Math.max(max[i], s);
                }
                mean[i] = sum / ran.size();
            }
            return new SeedSummary(lrs, mean, min, max, median(suggested, Suggestions::steep),
                    median(suggested, Suggestions::valley), median(suggested, Suggestions::minimum));
        }

        /** The points of a curve before its first non-finite smoothed loss: all of them when there is none. */
        private static int finitePoints(List<CurvePoint> curve) {
            int n = 0;
            while (n < curve.size() && Double.isFinite(curve.get(n).smoothedLoss())) {
                n++;
            }
            return n;
        }

        /** The median over the members of what a method suggests; null when no member had a suggestion. */
        public Double median(SuggestionMethod method) {
            return switch (method) {
                case STEEP -> medianSteep;
                case VALLEY -> medianValley;
                case MINIMUM -> medianMinimum;
            };
        }

        private static Double median(List<Suggestions> suggestions, Function<Suggestions, Double> which) {
            double[] suggested = suggestions.stream().map(which).filter(Objects::nonNull)
                    .mapToDouble(Double::doubleValue).toArray();
            return suggested.length == 0 ? null : Median.of(suggested);
        }

        /** Equal when every field is: the arrays by their values. */
        @Override
        public boolean equals(Object o) {
            return o instanceof SeedSummary s && Arrays.equals(lrs, s.lrs)
                    && Arrays.equals(meanSmoothedLoss, s.meanSmoothedLoss)
                    && Arrays.equals(minSmoothedLoss, s.minSmoothedLoss)
                    && Arrays.equals(maxSmoothedLoss, s.maxSmoothedLoss) && Objects.equals(medianSteep, s.medianSteep)
                    && Objects.equals(medianValley, s.medianValley) && Objects.equals(medianMinimum, s.medianMinimum);
        }

        @Override
        public int hashCode() {
            return Objects.hash(Arrays.hashCode(lrs), Arrays.hashCode(meanSmoothedLoss),
                    Arrays.hashCode(minSmoothedLoss), Arrays.hashCode(maxSmoothedLoss), medianSteep, medianValley,
                    medianMinimum);
        }
    }
}

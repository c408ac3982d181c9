package org.rangefinder.rangetest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.rangefinder.UserInputException;
import org.rangefinder.schedule.LadderMode;
import org.rangefinder.schedule.LrLadder;

class SuggestionsTest {

    private static final SuggestionOptions DEFAULTS = SuggestionOptions.defaults();
    /** A window over the whole curve: n/1000 = 0 points skipped at the start, none at the end. */
    private static final SuggestionOptions WHOLE_CURVE = new SuggestionOptions(1000, 0, SuggestionMethod.VALLEY, 10);

    private static double[] ladder(int n) {
        return LrLadder.values(1e-4, 1, n, LadderMode.EXP, 1);
    }

    /** 30 points, lowest at i = 20: s_i = (20 - i)^2 + 1 on the way down, i - 19 on the way up. */
    private static double[] vShape() {
        double[] s = new double[30];
        Arrays.setAll(s, i -> i <= 20 ? (20 - i) * (20 - i) + 1 : i - 19);
        return s;
    }

    @Test
    void vShapedCurve() {
        // window [30/10, 30-5) = [3, 25)
        double[] lrs = ladder(30);
        Suggestions g = Suggestions.fromSmoothed(lrs, vShape(), DEFAULTS);
        // minimum: i = 20, divided by 10
        assertThat(g.minimum()).isEqualTo(lrs[20] / 10);
        // steep: equal log steps, and the drop s_i - s_{i+1} = 39 - 2i is largest for the first pair of the window
        assertThat(g.steep()).isEqualTo(lrs[3]);
        // valley on the window 290, 257, ..., 2, 1, 2, 3, 4, 5 (m = 22): lds_p = p + 1 for p = 0..17 and each p
        // becomes maxEnd with maxStart = p - (p + 1) = -1; the rise afterwards is shorter. maxEnd = 17,
        // maxStart = -1, sec = 18/3 = 6, index -1 + 6 + 3 = 8, i.e. curve point 3 + 8 = 11
        assertThat(g.valley()).isEqualTo(lrs[11]);
        assertThat(g.range()).isEqualTo(new LrRange(lrs[11] / 10, lrs[11]));
        assertThat(g.points()).isEqualTo(30);
        assertThat(g.reason()).isNull();
    }

    @Test
    void monotoneDecreasingCurveWithOneSteepDrop() {
        // 20 points falling by 1 per step, except 3 from i = 9 to 10. Window [2, 15).
        double[] lrs = ladder(20);
        double[] s = new double[20];
        Arrays.setAll(s, i -> 100 - i - (i >= 10 ? 2 : 0));
        Suggestions g = Suggestions.fromSmoothed(lrs, s, DEFAULTS);
        assertThat(g.steep()).isEqualTo(lrs[9]);
        // lowest point of the window is its last, i = 14
        assertThat(g.minimum()).isEqualTo(lrs[14] / 10);
        // valley: the whole window (m = 13) is one decreasing run: maxEnd = 12, maxStart = -1,
        // sec = 13/3 = 4.33, index -1 + 4 + floor(2.17) = 5, i.e. curve point 2 + 5 = 7
        assertThat(g.valley()).isEqualTo(lrs[7]);
    }

    @Test
    void fastaiValleyWorkedByHand() {
        // Window = whole curve: s = 9, 7, 8, 6, 5, 7, 4, 3, 6, 8
        // lds: p0 1; p1 2 (7<9) -> maxEnd 1, maxStart -1; p2 2 (8<9); p3 3 (6<7) -> maxEnd 3, maxStart 0;
        //      p4 4 (5<6) -> maxEnd 4, maxStart 0; p5 3 (7<8); p6 5 (4<5) -> maxEnd 6, maxStart 1;
        //      p7 6 (3<4) -> maxEnd 7, maxStart 1; p8 4 (6<7 after p5); p9 2 (8<9)
        // sec = (7 - 1)/3 = 2, index 1 + 2 + 1 = 4
        double[] lrs = ladder(10);
        double[] s = {9, 7, 8, 6, 5, 7, 4, 3, 6, 8};
        Suggestions g = Suggestions.fromSmoothed(lrs, s, WHOLE_CURVE);
        assertThat(g.valley()).isEqualTo(lrs[4]);
        assertThat(g.minimum()).isEqualTo(lrs[7] / 10);
    }

    @Test
    void valleyIndexMinusOneIsTheLastPointOfTheWindowAsInPython() {
        // s = 5, 4, 6, 7, ..., 13: the longest decreasing run is 5, 4: maxEnd 1, maxStart 1 - 2 = -1,
        // sec = 2/3, index -1 + 0 + 0 = -1: fastai's lrs[-1], the last point
        double[] lrs = ladder(10);
        double[] s = {5, 4, 6, 7, 8, 9, 10, 11, 12, 13};
        assertThat(Suggestions.fromSmoothed(lrs, s, WHOLE_CURVE).valley()).isEqualTo(lrs[9]);
    }

    /**
     * The valley is found in O(m log m), not by fastai's double loop; on curves of every shape (ties, plateaus,
     * curves that only rise, two-point runs that end at position 1) it must agree with the loop, transcribed here
     * statement for statement from fastai's {@code valley}.
     */
    @Test
    void valleyAgreesWithFastaisLoopOnRandomCurves() {
        java.util.Random random = new java.util.Random(7);
        for (int trial = 0; trial < 3000; trial++) {
            int n = 10 + random.nextInt(trial < 2000 ? 40 : 400);
            double[] s = new double[n];
            int shape = trial % 4;
            for (int i = 0; i < n; i++) {
                s[i] = switch (shape) {
                    case 0 -> random.nextInt(4); // many ties
                    case 1 -> i == 0 ? 10 : s[i - 1] + random.nextGaussian(); // a random walk
                    case 2 -> i + (random.nextInt(5) == 0 ? -1.5 : 0); // rising, with a few dips
                    default -> Math.abs(i - n / 2) + 0.5 * random.nextInt(3); // a V with noise
                };
            }
            double[] lrs = ladder(n);
            int lo = n / 10;
            int hi = n - 5;
            assertThat(Suggestions.fromSmoothed(lrs, s, SuggestionOptions.defaults()).valley())
                    .as("trial %d: %s", trial, Arrays.toString(s)).isEqualTo(lrs[lo + fastaiValley(s, lo, hi)]);
        }
    }

    /** fastai's {@code valley} on {@code s[lo..hi)}, as its code runs, Python's negative index included. */
    private static int fastaiValley(double[] all, int lo, int hi) {
        double[] losses = Arrays.copyOfRange(all, lo, hi);
        int n = losses.length;
        int maxStart = 0;
        int maxEnd = 0;
        int[] lds = new int[n];
        Arrays.fill(lds, 1);
        for (int i = 1; i < n; i++) {
            for (int j = 0; j < i; j++) {
                if (losses[i] < losses[j] && lds[i] < lds[j] + 1) {
                    lds[i] = lds[j] + 1;
                }
                if (lds[maxEnd] < lds[i]) {
                    maxEnd = i;
                    maxStart = maxEnd - lds[maxEnd];
                }
            }
        }
        double sections = (maxEnd - maxStart) / 3.0;
        int idx = maxStart + (int) sections + (int) (sections / 2);
        return idx < 0 ? idx + n : idx;
    }

    @Test
    void curveIsCutAtTheFirstNonFiniteLoss() {
        // raw losses fall, then diverge to NaN at i = 25; with beta 0 the smoothed curve is the raw one.
        // n = 25 points, window [2, 20)
        double[] lrs = ladder(30);
        double[] raw = new double[30];
        Arrays.setAll(raw, i -> i < 25 ? 50 - i : Double.NaN);
        raw[12] = 30; // a steep drop from i = 11 (39) to 12 (30), and the lowest point inside the window
        Suggestions g = Suggestions.fromRaw(lrs, raw, 0, DEFAULTS);
        assertThat(g.points()).isEqualTo(25);
        assertThat(g.steep()).isEqualTo(lrs[11]);
        assertThat(g.minimum()).isEqualTo(lrs[12] / 10);
        assertThat(g.reason()).isNull();
    }

    @Test
    void fewerThanTenPointsGiveNoSuggestionsAndSayWhy() {
        double[] lrs = ladder(12);
        double[] raw = {9, 8, 7, 6, 5, 4, 3, Double.POSITIVE_INFINITY, 2, 1, 1, 1};
        Suggestions g = Suggestions.fromRaw(lrs, raw, 0.98, DEFAULTS);
        assertThat(g.steep()).isNull();
        assertThat(g.valley()).isNull();
        assertThat(g.minimum()).isNull();
        assertThat(g.range()).isNull();
        assertThat(g.points()).isEqualTo(7);
        assertThat(g.reason()).isEqualTo("only 7 points before the first non-finite loss; need at least 10");

        Suggestions nine = Suggestions.fromSmoothed(ladder(9), new double[] {9, 8, 7, 6, 5, 4, 3, 2, 1}, DEFAULTS);
        assertThat(nine.reason()).isEqualTo("only 9 points; need at least 10");
        Suggestions one = Suggestions.fromSmoothed(ladder(2), new double[] {9, Double.NaN}, DEFAULTS);
        assertThat(one.reason()).isEqualTo("only 1 point before the first non-finite loss; need at least 10");
    }

    @Test
    void windowTooShortGivesNoSuggestionsAndSaysWhy() {
        // n = 10, window [10/10, 10 - 8) = [1, 2): one point, no pair
        Suggestions g = Suggestions.fromSmoothed(ladder(10), new double[] {9, 8, 7, 6, 5, 4, 3, 2, 1, 0},
                new SuggestionOptions(10, 8, SuggestionMethod.VALLEY, 10));
        assertThat(g.valley()).isNull();
        assertThat(g.reason()).isEqualTo("the window [1, 2) of the 10 points holds fewer than 2 points");
    }

    @Test
    void steepSkipsPairsOnTheSameRungOfAStaircase() {
        // staircase 1e-3 -> 1, N = 24, K = 2: 12 rungs, pairs (2r, 2r+1) share an LR. Window [2, 19).
        // The loss falls 5 within each rung (no slope: skipped) and 1 between rungs, except 2 between
        // iterations 9 and 10: steep is lr 9.
        double[] lrs = LrLadder.values(1e-3, 1, 24, LadderMode.EXP, 2);
        double[] s = new double[24];
        s[0] = 200;
        for (int i = 1; i < 24; i++) {
            s[i] = s[i - 1] - (i % 2 == 1 ? 5 : (i == 10 ? 2 : 1));
        }
        assertThat(Suggestions.fromSmoothed(lrs, s, DEFAULTS).steep()).isEqualTo(lrs[9]);
    }

    @Test
    void steepTakesTheFirstOfEquallySteepPairs() {
        // ln 2 - ln 1 and ln 4 - ln 2 are the same double (ln 4 is exactly twice ln 2 in binary); both pairs fall
        // by 3, the later pairs by 0.1
        double[] lrs = {1, 2, 4, 16, 20, 24, 28, 32, 36, 40};
        double[] s = {20, 17, 14, 13.9, 13.8, 13.7, 13.6, 13.5, 13.4, 13.3};
        assertThat(Suggestions.fromSmoothed(lrs, s, WHOLE_CURVE).steep()).isEqualTo(1.0);
    }

    @Test
    void noSteepWhenEveryLrIsTheSame() {
        double[] lrs = new double[12];
        Arrays.fill(lrs, 0.01);
        double[] s = {12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1};
        Suggestions g = Suggestions.fromSmoothed(lrs, s, DEFAULTS.withRangeMethod(SuggestionMethod.STEEP));
        assertThat(g.steep()).isNull();
        assertThat(g.range()).isNull();
        assertThat(g.valley()).isEqualTo(0.01);
        assertThat(g.minimum()).isEqualTo(0.001);
        assertThat(g.reason()).contains("no slope for steep");
    }

    @Test
    void rangeTopIsTheChosenSuggestionAndBottomIsItDividedByTheFactor() {
        double[] lrs = ladder(30);
        Suggestions g = Suggestions.fromSmoothed(lrs, vShape(),
                DEFAULTS.withRangeMethod(SuggestionMethod.MINIMUM).withRangeFactor(4));
        assertThat(g.range()).isEqualTo(new LrRange(lrs[20] / 10 / 4, lrs[20] / 10));
    }

    @Test
    void badOptionsAreRefused() {
        assertThatThrownBy(() -> DEFAULTS.withRangeFactor(0.5)).isInstanceOf(UserInputException.class)
                .hasMessage("--range-factor must be a finite number >= 1, got 0.5");
        assertThatThrownBy(() -> SuggestionMethod.parse("slide")).isInstanceOf(UserInputException.class)
                .hasMessage("--method must be one of 'steep', 'valley', 'minimum', got 'slide'");
        assertThat(SuggestionMethod.parse("Steep")).isEqualTo(SuggestionMethod.STEEP);
    }
}

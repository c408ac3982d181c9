package org.rangefinder.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class OneCycleScheduleTest {

    private static final double EPS = 1e-15;

    /** T = 10, max 1, div 25, final 1e4: initialLr = 1/25 = 0.04, minLr = 0.04/1e4 = 4e-6. */
    private static OneCycleSettings tenSteps(Anneal anneal, boolean threePhase) {
        return OneCycleSettings.defaults(10, 1.0).withAnneal(anneal).withThreePhase(threePhase);
    }

    @Test
    void cosineValuesEqualPyTorchsToTheLastBitWhereJavasMathCosRoundsDifferently() {
        // /usr/bin/python3: OneCycleLR(SGD(lr=0.1, momentum=0.9), max_lr=0.1, total_steps=100), lr before step 76:
        // 0.024355338709560182; Math.cos gave 0.02435533870956018 here, one ulp below
        OneCycleSchedule s = OneCycleSchedule.of(OneCycleSettings.defaults(100, 0.1));
        assertThat(s.lr(76)).isEqualTo(0.024355338709560182);
        assertThat(s.momentum(76)).isEqualTo(0.9256449638702953);
    }

    /**
     * The extremes, found at the phases' first and last steps only, are those of all the values: with a peak at a
     * fractional step (0.3 x 23 - 1 = 5.9: the largest LR is step 6's, short of maxLr), a whole one, and three phases.
     */
    @Test
    void theExtentsAreTheSmallestAndLargestValuesOfTheCycle() {
        for (OneCycleSettings settings : new OneCycleSettings[] {OneCycleSettings.defaults(23, 0.1),
                tenSteps(Anneal.LINEAR, false), tenSteps(Anneal.COS, true), tenSteps(Anneal.LINEAR, true)
                        .withPctStart(0.45)}) {
            OneCycleSchedule s = OneCycleSchedule.of(settings);
            double[] lrs = s.lrs();
            double[] momenta = s.momenta();
            assertThat(s.lrExtent()).as("%s", settings).containsExactly(
                    java.util.Arrays.stream(lrs).min().orElseThrow(), java.util.Arrays.stream(lrs).max().orElseThrow());
            assertThat(s.momentumExtent()).as("%s", settings).containsExactly(
                    java.util.Arrays.stream(momenta).min().orElseThrow(),
                    java.util.Arrays.stream(momenta).max().orElseThrow());
        }
        OneCycleSchedule fractional = OneCycleSchedule.of(OneCycleSettings.defaults(23, 0.1));
        assertThat(fractional.lrExtent()[1]).isEqualTo(fractional.lr(6)).isLessThan(0.1);
        assertThatThrownBy(() -> OneCycleSchedule.of(OneCycleSettings.defaults(23, 0.1).withCycleMomentum(false))
                .momentumExtent()).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void twoPhaseLinearRisesToThePeakAtPctStartThenFallsToTheFinalLr() {
        // end steps: 0.3*10 - 1 = 2.0 and 10 - 1 = 9
        OneCycleSchedule s = OneCycleSchedule.of(tenSteps(Anneal.LINEAR, false));
        // phase 1, pct = i/2: (1 - 0.04)*pct + 0.04
        assertThat(s.lr(0)).isCloseTo(0.04, within(EPS));
        assertThat(s.lr(1)).isCloseTo(0.96 * 0.5 + 0.04, within(EPS)); // 0.52
        assertThat(s.lr(2)).isCloseTo(1.0, within(EPS));
        // phase 2 from step 2, pct = (i - 2)/7: (4e-6 - 1)*pct + 1
        assertThat(s.lr(3)).isCloseTo(1 - 0.999996 / 7, within(EPS)); // 0.857143428571...
        assertThat(s.lr(9)).isCloseTo(4e-6, within(1e-17 + 1e-12)); // 4e-6 - 1 + 1 loses digits, as in PyTorch
        // momentum the mirror image: 0.95 -> 0.85 over phase 1, back to 0.95 over phase 2
        assertThat(s.momentum(0)).isCloseTo(0.95, within(EPS));
        assertThat(s.momentum(1)).isCloseTo(0.90, within(EPS));
        assertThat(s.momentum(2)).isCloseTo(0.85, within(EPS));
        assertThat(s.momentum(3)).isCloseTo(0.85 + 0.1 / 7, within(EPS));
        assertThat(s.momentum(9)).isCloseTo(0.95, within(EPS));
    }

    @Test
    void twoPhaseCosineFollowsHalfCosinesBetweenThePhaseBoundaries() {
        OneCycleSchedule s = OneCycleSchedule.of(tenSteps(Anneal.COS, false));
        // end + (start - end)/2 * (cos(pi*pct) + 1); phase 1 from 0.04 to 1 over steps 0..2
        assertThat(s.lr(0)).isCloseTo(0.04, within(EPS)); // cos 0 = 1: 1 + (-0.96)/2*2
        assertThat(s.lr(1)).isCloseTo(0.52, within(EPS)); // cos(pi/2) = 0: 1 - 0.48
        assertThat(s.lr(2)).isCloseTo(1.0, within(EPS)); // cos(pi) = -1
        // phase 2 from 1 to 4e-6, pct = 1/7: 4e-6 + 0.999996/2 * (cos(pi/7) + 1), cos(pi/7) = 0.9009688679024191
        assertThat(s.lr(3)).isCloseTo(4e-6 + 0.999996 / 2 * (0.9009688679024191 + 1), within(EPS));
        assertThat(s.lr(9)).isCloseTo(4e-6, within(EPS));
        // momentum, the mirror image: phase 1 from 0.95 to 0.85, phase 2 from 0.85 back to 0.95
        assertThat(s.momentum(1)).isCloseTo(0.90, within(EPS));
        assertThat(s.momentum(3)).isCloseTo(0.95 + (0.85 - 0.95) / 2 * (0.9009688679024191 + 1), within(EPS));
    }

    @Test
    void threePhaseLinearIsSmithsShapeUpDownThenAnnihilation() {
        // T = 20, pct 0.25, max 0.5, div 25 -> initial 0.02, final 2e-6; end steps 0.25*20 - 1 = 4,
        // 2*0.25*20 - 2 = 8, 19
        OneCycleSchedule s = OneCycleSchedule.of(OneCycleSettings.defaults(20, 0.5).withPctStart(0.25)
                .withAnneal(Anneal.LINEAR).withThreePhase(true));
        assertThat(s.lr(0)).isCloseTo(0.02, within(EPS));
        assertThat(s.lr(2)).isCloseTo(0.48 * 0.5 + 0.02, within(EPS)); // 0.26
        assertThat(s.lr(4)).isCloseTo(0.5, within(EPS));
        assertThat(s.lr(6)).isCloseTo((0.02 - 0.5) * 0.5 + 0.5, within(EPS)); // 0.26, symmetric to step 2
        assertThat(s.lr(8)).isCloseTo(0.02, within(EPS));
        assertThat(s.lr(9)).isCloseTo(0.02 - 0.019998 / 11, within(EPS)); // pct (9-8)/11: 0.018182
        assertThat(s.lr(19)).isCloseTo(2e-6, within(1e-17 + 1e-15));
        // momentum: 0.95 -> 0.85 -> 0.95, then held at 0.95 while the LR is annihilated
        assertThat(s.momentum(2)).isCloseTo(0.90, within(EPS));
        assertThat(s.momentum(4)).isCloseTo(0.85, within(EPS));
        assertThat(s.momentum(6)).isCloseTo(0.90, within(EPS));
        for (int i = 8; i < 20; i++) {
            assertThat(s.momentum(i)).isCloseTo(0.95, within(EPS));
        }
    }

    @Test
    void threePhaseCosineWithFractionalPhaseEndsMissesThePeakAsPyTorchDoes() {
        // T = 17, pct 0.3, max 0.01, div 10, final 100: initial 1e-3, final 1e-5; end steps
        // 0.3*17 - 1 = 4.1, 2*0.3*17 - 2 = 8.2, 16
        OneCycleSchedule s = OneCycleSchedule.of(OneCycleSettings.defaults(17, 0.01).withDivFactor(10)
                .withFinalDivFactor(100).withThreePhase(true));
        double pct4 = 4 / 4.1;
        assertThat(s.lr(4)).isCloseTo(0.01 + (0.001 - 0.01) / 2 * (Math.cos(Math.PI * pct4) + 1), within(1e-14));
        assertThat(s.lr(4)).isLessThan(0.01);
        double pct5 = (5 - 4.1) / (8.2 - 4.1);
        assertThat(s.lr(5)).isCloseTo(0.001 + (0.01 - 0.001) / 2 * (Math.cos(Math.PI * pct5) + 1), within(1e-14));
        double pct9 = (9 - 8.2) / (16 - 8.2);
        assertThat(s.lr(9)).isCloseTo(1e-5 + (0.001 - 1e-5) / 2 * (Math.cos(Math.PI * pct9) + 1), within(1e-14));
        assertThat(s.lr(16)).isCloseTo(1e-5, within(1e-19));
    }

    @Test
    void momentumIsTheMirrorImageOfTheLearningRate() {
        // linear annealing, final div 1 so that the LR ends where it started; mapped to [0, 1], the LR's rise
        // (lr - initial)/(max - initial) is the momentum's fall (max_m - m)/(max_m - base_m)
        OneCycleSettings settings = OneCycleSettings.defaults(50, 0.2).withAnneal(Anneal.LINEAR).withFinalDivFactor(1);
        OneCycleSchedule s = OneCycleSchedule.of(settings);
        for (int i = 0; i < 50; i++) {
            double lrUp = (s.lr(i) - settings.initialLr()) / (settings.maxLr() - settings.initialLr());
            double momentumDown = (0.95 - s.momentum(i)) / (0.95 - 0.85);
            assertThat(lrUp).as("iteration %d", i).isCloseTo(momentumDown, within(1e-12));
        }
    }

    /**
     * PyTorch 1.13.1 (Debian python3-torch), values the optimizer holds for steps 0..T-1, printed with repr by:
     * <pre>
     * opt = torch.optim.SGD([torch.zeros(1, requires_grad=True)], lr=0.1, momentum=0.9)
     * s = torch.optim.lr_scheduler.OneCycleLR(opt, max_lr=MAX, total_steps=T, **KW)
     * for i in range(T):
     *     lrs.append(opt.param_groups[0]['lr']); moms.append(opt.param_groups[0]['momentum'])
     *     opt.step(); s.step() if i &lt; T - 1 else None
     * </pre>
     */
    @Test
    void agreesWithPyTorchOneCycleLrToTheLastDigit() {
        // T=10, MAX=1.0, anneal_strategy='linear'
        assertSchedule(OneCycleSettings.defaults(10, 1.0).withAnneal(Anneal.LINEAR),
                new double[] {0.04, 0.52, 1.0, 0.8571434285714286, 0.7142868571428571, 0.5714302857142857,
                    0.42857371428571434, 0.2857171428571429, 0.14286057142857145, 4.000000000004e-06},
                new double[] {0.95, 0.8999999999999999, 0.85, 0.8642857142857142, 0.8785714285714286,
                    0.8928571428571428, 0.9071428571428571, 0.9214285714285714, 0.9357142857142857, 0.95});
        // T=10, MAX=1.0 (cos)
        assertSchedule(OneCycleSettings.defaults(10, 1.0),
                new double[] {0.040000000000000036, 0.52, 1.0, 0.9504846320134737, 0.8117456539497631,
                    0.6112620219362893, 0.38874197806371075, 0.18825834605023697, 0.049519367986526286, 4e-06},
                new double[] {0.95, 0.8999999999999999, 0.85, 0.854951556604879, 0.8688255099070633,
                    0.8888739533021842, 0.9111260466978157, 0.9311744900929366, 0.945048443395121, 0.95});
        // T=20, MAX=0.5, pct_start=0.25, anneal_strategy='linear', three_phase=True
        assertSchedule(OneCycleSettings.defaults(20, 0.5).withPctStart(0.25).withAnneal(Anneal.LINEAR)
                        .withThreePhase(true),
                new double[] {0.02, 0.13999999999999999, 0.26, 0.38, 0.5, 0.38, 0.26, 0.14, 0.020000000000000018,
                    0.018182, 0.016364, 0.014546, 0.012728, 0.01091, 0.009092, 0.007273999999999999,
                    0.005455999999999999, 0.003637999999999999, 0.0018199999999999987, 1.9999999999985307e-06},
                new double[] {0.95, 0.9249999999999999, 0.8999999999999999, 0.875, 0.85, 0.875, 0.8999999999999999,
                    0.9249999999999999, 0.95, 0.95, 0.95, 0.95, 0.95, 0.95, 0.95, 0.95, 0.95, 0.95, 0.95, 0.95});
        // T=17, MAX=0.01, pct_start=0.3, div_factor=10.0, final_div_factor=100.0, three_phase=True (cos)
        assertSchedule(OneCycleSettings.defaults(17, 0.01).withDivFactor(10).withFinalDivFactor(100)
                        .withThreePhase(true),
                new double[] {0.0009999999999999992, 0.0022576528287964583, 0.005327637698394841,
                    0.008493965650745046, 0.009986796105326831, 0.008971701309198745, 0.0060160754142928015,
                    0.0027719856506501273, 0.001052738092988431, 0.000974525538763837, 0.000875512820344695,
                    0.0007172028178945118, 0.0005249316403541604, 0.0003294705809139449, 0.0001621014450127483,
                    4.961017538888201e-05, 1e-05},
                new double[] {0.95, 0.9360260796800393, 0.9019151366845017, 0.8667337149917217, 0.850146709940813,
                    0.8614255410089029, 0.89426582873008, 0.9303112705483318, 0.9494140211890174, 0.95, 0.95, 0.95,
                    0.95, 0.95, 0.95, 0.95, 0.95});
        // T=13, MAX=3e-3, pct_start=0.45, div_factor=7.0, base_momentum=0.8, max_momentum=0.99 (cos)
        assertSchedule(OneCycleSettings.defaults(13, 3e-3).withPctStart(0.45).withDivFactor(7)
                        .withMomenta(0.8, 0.99),
                new double[] {0.00042857142857142877, 0.0006890021007050734, 0.0013647899071247021,
                    0.0021821634903816263, 0.0028099930589862462, 0.002996743372950097, 0.00281255306040157,
                    0.0023790186082646514, 0.001778499383985043, 0.0011250771709293683, 0.0005428838342284748,
                    0.0001425197534033973, 4.285714285714286e-08},
                new double[] {0.99, 0.9707570670034584, 0.9208238568624526, 0.8604290309884688, 0.814039401752683,
                    0.8002062559930081, 0.8118718091051735, 0.8393293833249054, 0.8773628108639596,
                    0.9187468088907909, 0.9556195803023914, 0.9809763343273228, 0.99});
        // T=100, MAX=0.1, defaults; steps 0, 28, 29, 30, 31, 50, 98, 99
        OneCycleSchedule s = OneCycleSchedule.of(OneCycleSettings.defaults(100, 0.1));
        int[] steps = {0, 28, 29, 30, 31, 50, 98, 99};
        double[] lrs = {0.0040000000000000036, 0.09971862194340926, 0.1, 0.09994965352845243, 0.09979871550490317,
            0.0793893450575732, 5.07464715475788e-05, 4e-07};
        double[] momenta = {0.95, 0.850293102142282, 0.85, 0.8500503466729342, 0.850201285300238, 0.8706107373853763,
            0.9499496533270657, 0.95};
        for (int k = 0; k < steps.length; k++) {
            assertThat(s.lr(steps[k])).as("lr %d", steps[k]).isEqualTo(lrs[k]);
            assertThat(s.momentum(steps[k])).as("momentum %d", steps[k]).isEqualTo(momenta[k]);
        }
    }

    private static void assertSchedule(OneCycleSettings settings, double[] lrs, double[] momenta) {
        OneCycleSchedule s = OneCycleSchedule.of(settings);
        assertThat(s.lrs()).as("lr of %s", settings).containsExactly(lrs);
        assertThat(s.momenta()).as("momentum of %s", settings).containsExactly(momenta);
    }

    @Test
    void boundsFromARangeTestGiveTheDivFactor() {
        OneCycleSettings s = OneCycleSettings.fromBounds(100, 0.004, 0.1);
        assertThat(s.divFactor()).isEqualTo(0.1 / 0.004);
        assertThat(s.initialLr()).isCloseTo(0.004, within(1e-18));
        assertThat(s.minLr()).isCloseTo(0.004 / 1e4, within(1e-22));
        assertThat(OneCycleSchedule.of(s).lr(0)).isCloseTo(0.004, within(1e-17));
    }

    @Test
    void scheduleIsOnlyDefinedForItsSteps() {
        OneCycleSchedule s = OneCycleSchedule.of(OneCycleSettings.defaults(10, 1.0));
        assertThat(s.totalSteps()).isEqualTo(10);
        assertThatThrownBy(() -> s.lr(10)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> s.lr(-1)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void momentumIsNotAvailableWhenItIsNotCycled() {
        OneCycleSchedule s = OneCycleSchedule.of(OneCycleSettings.defaults(10, 1.0).withCycleMomentum(false));
        assertThat(s.lr(2)).isEqualTo(1.0);
        assertThatThrownBy(() -> s.momentum(0)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(s::momenta).isInstanceOf(IllegalStateException.class);
    }
}

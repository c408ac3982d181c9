package org.rangefinder.ui.rangetest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rangefinder.UserInputException;
import org.rangefinder.data.DataOptions;
import org.rangefinder.data.Dataset;
import org.rangefinder.data.Datasets;
import org.rangefinder.engine.CancelToken;
import org.rangefinder.engine.StopReason;
import org.rangefinder.history.RunHistory;
import org.rangefinder.history.RunKind;
import org.rangefinder.history.RunRecord;
import org.rangefinder.model.ModelSpec;
import org.rangefinder.rangetest.CurvePoint;
import org.rangefinder.rangetest.RangeTest;
import org.rangefinder.rangetest.RangeTestConfig;
import org.rangefinder.rangetest.RangeTestListener;
import org.rangefinder.rangetest.RangeTestResult;
import org.rangefinder.rangetest.Smoothing;
import org.rangefinder.rangetest.SuggestionOptions;
import org.rangefinder.rangetest.Suggestions;
import org.rangefinder.rangetest.Sweep;
import org.rangefinder.ui.Direct;
import org.rangefinder.ui.chart.RunColors;
import org.rangefinder.ui.data.DatasetCache;
import org.rangefinder.ui.data.DatasetSource;
import org.rangefinder.ui.history.HistoryStore;
import org.rangefinder.ui.work.BackgroundExecutor;
import org.rangefinder.ui.work.RunStatus;

class RangeTestViewModelTest {
    @TempDir
    static Path historyFolder;

    private final DatasetCache datasets = new DatasetCache();
    private final HistoryStore history = new HistoryStore(historyFolder, Direct.executor());
    private final RangeTestViewModel vm = new RangeTestViewModel(Direct.executor(), datasets, history);
    private final RangeTestConfig iris = RangeTestConfig.defaults("iris", ModelSpec.preset("mlp")).withIterations(25);

    @TempDir
    Path tmp;

    @Test
    void aViewToldOfANewSelectionReadsThatRunsSuggestions() {
        List<String> seen = new ArrayList<>();
        // as the chart listens: told that the selection changed, it reads the run and its suggestions together
        vm.selectedProperty().addListener(o -> seen.add(vm.selectedProperty().get() + " "
                + (vm.selectedSuggestionsProperty().get() != null)));
        RangeTestRun run = vm.start(iris, DataOptions.defaults());
        vm.selectedProperty().set(null);
        vm.selectedProperty().set(run);
        vm.remove(run);
        assertThat(seen).containsExactly(run + " true", "null false", run + " true", "null false");
    }

    @Test
    void aRunRecordsWhatTheEngineRecordsAndEndsWithItsSuggestions() {
        List<RangeTestRun> ended = new ArrayList<>();
        vm.setOnRunEnded(ended::add);
        RangeTestRun run = vm.start(iris, DataOptions.defaults());

        Dataset data = Datasets.load("iris", DataOptions.defaults());
        var alone = RangeTest.run(data, iris, RangeTestListener.NONE, new CancelToken());
        assertThat(run.state().statusProperty().get()).isEqualTo(RunStatus.FINISHED);
        assertThat(run.points()).isEqualTo(alone.points());
        assertThat(run.state().stopReasonProperty().get()).isEqualTo(alone.stopReason());
        assertThat(run.suggestionsProperty().get()).isEqualTo(alone.suggestions());
        assertThat(run.state().progressProperty().get()).isEqualTo((double) alone.points().size() / 25);
        assertThat(ended).containsExactly(run);
        assertThat(vm.selectedProperty().get()).isSameAs(run);
        assertThat(vm.selectedSuggestionsProperty().get()).isEqualTo(alone.suggestions());
        assertThat(run.rawCurve().drain()).isEqualTo(alone.points().size());
        assertThat(run.rawCurve().ys()).containsExactly(alone.losses());
        assertThat(run.smoothedCurve().drain()).isEqualTo(alone.points().size());
        assertThat(run.smoothedCurve().ys()).containsExactly(alone.smoothedLosses());
        assertThat(vm.activeCount().get()).isZero();
    }

    /** Cancel while the run's data loads: the run ends cancelled at once, without waiting for the data. */
    @Test
    void aRunCancelledWhileItsDataLoadsEndsCancelledAndNotFailed() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        DatasetSource untilCancelled = (name, options, loading) -> {
            started.countDown();
            while (!loading.cancelled()) {
                Thread.onSpinWait();
            }
            throw new CancellationException("loading " + name + " cancelled");
        };
        Queue<Runnable> fx = new ConcurrentLinkedQueue<>();
        ExecutorService worker = Executors.newSingleThreadExecutor();
        try {
            RangeTestViewModel waiting = new RangeTestViewModel(new BackgroundExecutor(worker, fx::add),
                    untilCancelled, history);
            List<RangeTestRun> ended = new ArrayList<>();
            waiting.setOnRunEnded(ended::add);
            RangeTestRun run = waiting.start(iris, DataOptions.defaults());
            assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
            waiting.cancel(run);
            worker.shutdown();
            assertThat(worker.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
            fx.forEach(Runnable::run);
            assertThat(run.state().statusProperty().get()).isEqualTo(RunStatus.FINISHED);
            assertThat(run.state().stopReasonProperty().get()).isEqualTo(StopReason.CANCELLED);
            assertThat(run.state().failureProperty().get()).isNull();
            assertThat(run.state().progressProperty().get()).isZero();
            assertThat(run.points()).isEmpty();
            assertThat(ended).containsExactly(run);
        } finally {
            worker.shutdownNow();
        }
    }

    @Test
    void aRunThatFailsCarriesTheMessage() {
        RangeTestRun run = vm.start(iris.withLrs(1e-7, 10), DataOptions.defaults());
        assertThat(run.state().statusProperty().get()).isEqualTo(RunStatus.FINISHED);
        RangeTestConfig missing = new RangeTestConfig("no-such-dataset", iris.model(), iris.optimizer(), 0.9, 0, 64, 25,
                1e-7, 10, iris.mode(), 1, 0.98, 4, 0, 42);
        RangeTestRun failed = vm.start(missing, DataOptions.defaults());
        assertThat(failed.state().statusProperty().get()).isEqualTo(RunStatus.FAILED);
        assertThat(failed.state().failureProperty().get()).contains("no-such-dataset");
    }

    @Test
    void aRunCancelledWhileQueuedEndsWithNoPoints() {
        List<Runnable> queue = new ArrayList<>();
        RangeTestViewModel queued = new RangeTestViewModel(
                new org.rangefinder.ui.work.BackgroundExecutor(queue::add, Runnable::run), datasets, history);
        RangeTestRun run = queued.start(iris, DataOptions.defaults());
        assertThat(run.state().statusProperty().get()).isEqualTo(RunStatus.QUEUED);
        assertThat(queued.activeCount().get()).isEqualTo(1);
        List<String> listChanges = new ArrayList<>();
        queued.runs().addListener((javafx.collections.ListChangeListener<RangeTestRun>) c -> listChanges.add(
                c.toString()));
        queued.cancel(run);
        assertThat(run.state().statusProperty().get()).isEqualTo(RunStatus.FINISHED);
        // a status change is no change of the list, which the runs table would answer by configuring every row
        assertThat(listChanges).isEmpty();
        assertThat(run.state().stopReasonProperty().get()).isEqualTo(StopReason.CANCELLED);
        queue.forEach(Runnable::run);
        assertThat(run.points()).isEmpty();
        assertThat(queued.activeCount().get()).isZero();
    }

    /**
     * A sweep cancelled after its first member ended, while the second waited, is recorded as the command line
     * records it, the second member without points; the first member's curve is kept, and is the seed summary.
     * (It was recorded as failed, "fewer than two members gave a curve", the curve lost.)
     */
    @Test
    void aSweepCancelledAfterItsFirstMemberKeepsThatMembersCurve() throws Exception {
        List<Runnable> queue = new ArrayList<>();
        Path own = tmp.resolve("history");
        RangeTestViewModel queued = new RangeTestViewModel(new BackgroundExecutor(queue::add, Runnable::run),
                datasets, new HistoryStore(own, Direct.executor()));
        RunFamily family = queued.startSweep(iris, Sweep.parse("seed=1,2"), DataOptions.defaults());
        queue.get(0).run();
        RangeTestRun first = family.members().get(0);
        assertThat(first.points()).hasSize(25);
        queued.cancel(family.members().get(1));
        queue.forEach(Runnable::run);

        var result = family.resultProperty().get();
        assertThat(result.members()).hasSize(2);
        assertThat(result.members().get(0).points()).isEqualTo(first.points());
        assertThat(result.members().get(1).points()).isEmpty();
        assertThat(result.members().get(1).stopReason()).isEqualTo(StopReason.CANCELLED);
        assertThat(result.seedSummary().meanSmoothedLoss())
                .containsExactly(first.points().stream().mapToDouble(p -> p.smoothedLoss()).toArray());
        RunHistory recorded = RunHistory.open(own);
        assertThat(recorded.list().runs()).hasSize(1);
        RunRecord sweep = recorded.list().runs().get(0);
        assertThat(sweep.kind()).isEqualTo(RunKind.SWEEP);
        assertThat(sweep.status()).isEqualTo(org.rangefinder.history.RunStatus.FINISHED);
        assertThat(sweep.sweep()).isEqualTo("seed=1,2");
        assertThat(recorded.curves(sweep.id())).containsExactly(first.points(), List.of());
        // its settings: the base config, the sweep and the data options its members loaded with
        String settings = Files.readString(recorded.runFolder(sweep.id()).resolve("settings.json"));
        assertThat(settings).contains("\"sweep\" : \"seed=1,2\"").contains("\"validationFraction\" : 0.2")
                .contains("\"iterations\" : 25");
    }

    @Test
    void aSeedSweepIsOneFamilyWithTheEnginesSummary() {
        Sweep seeds = Sweep.parse("seed=1,2");
        RunFamily family = vm.startSweep(iris, seeds, DataOptions.defaults());
        assertThat(vm.runs()).hasSize(2).allSatisfy(r -> assertThat(r.family()).isSameAs(family));
        assertThat(vm.runs().get(0).colorIndex()).isEqualTo(vm.runs().get(1).colorIndex());
        assertThat(vm.runs().get(1).config().seed()).isEqualTo(2);
        var summary = family.resultProperty().get().seedSummary();
        assertThat(summary).isNotNull();
        double[] first = vm.runs().get(0).points().stream().mapToDouble(p -> p.smoothedLoss()).toArray();
        double[] second = vm.runs().get(1).points().stream().mapToDouble(p -> p.smoothedLoss()).toArray();
        assertThat(summary.meanSmoothedLoss()[3]).isEqualTo((first[3] + second[3]) / 2);
    }

    @Test
    void aCurveFileBecomesARunWithItsSuggestions() throws Exception {
        StringBuilder csv = new StringBuilder("epoch,lr,loss\n");
        double[] lrs = new double[40];
        double[] losses = new double[40];
        for (int i = 0; i < 40; i++) {
            lrs[i] = 1e-5 * Math.pow(10, i / 8.0);
            losses[i] = 3 - i * 0.05 + (i > 32 ? (i - 32) * 0.6 : 0);
            csv.append(0).append(',').append(lrs[i]).append(',').append(losses[i]).append('\n');
        }
        Path file = Files.writeString(tmp.resolve("lr_find.csv"), csv);
        RangeTestRun run = vm.show(RangeTestViewModel.readCurve(file));
        assertThat(run.state().statusProperty().get()).isEqualTo(RunStatus.IMPORTED);
        assertThat(run.name()).isEqualTo("#1 lr_find.csv");
        // fastai's and pytorch-lr-finder's histories hold smoothed losses: drawn and read as they are
        assertThat(run.suggestionsProperty().get())
                .isEqualTo(Suggestions.fromSmoothed(lrs, losses, SuggestionOptions.defaults()));
        assertThat(run.points().get(5).smoothedLoss()).isEqualTo(losses[5]);
        assertThat(run.points().get(5).loss()).isEqualTo(losses[5]);
        assertThat(run.hasRawLoss()).as("no raw loss apart from the smoothed").isFalse();
        assertThat(run.lrExtent()).containsExactly(lrs[0], lrs[39]);
    }

    /** A recorded run shown again has the suggestions it had, whatever smoothing it ran with. */
    @Test
    void aRunShownAgainFromItsPointsHasItsOwnSuggestions() {
        RangeTestConfig smoothedLess = new RangeTestConfig(iris.dataset(), iris.model(), iris.optimizer(),
                iris.momentum(), iris.weightDecay(), iris.batchSize(), 40, iris.startLr(), 1, iris.mode(),
                iris.stepSize(), 0.8, 0, iris.validationBatches(), iris.seed());
        RangeTestRun run = vm.start(smoothedLess, DataOptions.defaults());
        Suggestions own = run.suggestionsProperty().get();
        assertThat(own.valley()).isNotNull();
        RangeTestRun again = vm.show(new RangeTestRun.Recorded("again", run.points()));
        assertThat(again.suggestionsProperty().get()).isEqualTo(own);
        assertThat(run.hasRawLoss()).isTrue();
        assertThat(again.hasRawLoss()).as("its raw losses shown again").isTrue();
        double[] lrs = run.points().stream().mapToDouble(p -> p.lr()).toArray();
        double[] raw = run.points().stream().mapToDouble(p -> p.loss()).toArray();
        assertThat(Suggestions.fromRaw(lrs, raw, Smoothing.DEFAULT_BETA, SuggestionOptions.defaults()))
                .as("the engine's default smoothing would suggest otherwise").isNotEqualTo(own);
    }

    /**
     * A run cancelled part-way keeps the suggestions the engine reads off what it recorded, and says they come from a
     * partial curve, up to the last learning rate it reached; a run that ended by itself (diverged included) and a
     * curve from a file say nothing of the kind.
     */
    @Test
    void aCancelledRunsSuggestionsSayTheyComeFromAPartialCurve() {
        RangeTestConfig config = iris.withIterations(60);
        CancelToken token = new CancelToken();
        RangeTestResult cut = RangeTest.run(datasets.load("iris", DataOptions.defaults(), () -> false), config,
                p -> {
                    if (p.iteration() == 29) {
                        token.cancel();
                    }
                }, token);
        assertThat(cut.stopReason()).isEqualTo(StopReason.CANCELLED);
        assertThat(cut.points()).hasSize(30);
        assertThat(cut.suggestions().valley()).as("still offered").isNotNull();
        RangeTestRun cancelled = new RangeTestRun(1, "#1", config, null, 0, Runnable::run);
        cancelled.finished(cut);
        double last = cut.points().get(29).lr();
        assertThat(cancelled.partialCurve()).isEqualTo("cancelled: curve up to lr "
                + org.rangefinder.ui.chart.LrText.format(last) + " only");

        RangeTestRun whole = vm.start(iris, DataOptions.defaults());
        assertThat(whole.result().stopReason()).isNotEqualTo(StopReason.CANCELLED);
        assertThat(whole.partialCurve()).isNull();
        RangeTestRun diverged = new RangeTestRun(2, "#2", config, null, 0, Runnable::run);
        diverged.finished(new RangeTestResult(config, cut.points(), StopReason.DIVERGED, 1, cut.suggestions()));
        assertThat(diverged.partialCurve()).isNull();
        assertThat(vm.show(new RangeTestRun.Recorded("file.csv", cut.points())).partialCurve()).isNull();
    }

    @Test
    void aBadCurveFileIsRefusedWithItsName() throws Exception {
        Path file = Files.writeString(tmp.resolve("broken.csv"), "lr,loss\nabc,1\n");
        assertThatThrownBy(() -> vm.show(RangeTestViewModel.readCurve(file)))
                .isInstanceOf(UserInputException.class).hasMessageContaining("broken.csv");
        assertThat(vm.runs()).isEmpty();
    }

    @Test
    void runsTakeTheLooksInTurnAndPastTheLastOneTheFirstThatNoListedRunHas() {
        RangeTestRun.Recorded curve = new RangeTestRun.Recorded("curve", List.of(
                new CurvePoint(0, 1e-4, 2.3, 2.3), new CurvePoint(1, 1e-3, 2.0, 2.1)));
        List<RangeTestRun> shown = new ArrayList<>();
        for (int i = 0; i < RunColors.LOOKS; i++) {
            shown.add(vm.show(curve));
        }
        assertThat(shown).extracting(RangeTestRun::colorIndex).containsExactlyElementsOf(
                IntStream.range(0, RunColors.LOOKS).boxed().toList());
        vm.remove(shown.get(5));
        vm.remove(shown.get(9));
        assertThat(vm.show(curve).colorIndex()).as("the first free one after the last taken").isEqualTo(5);
        assertThat(vm.show(curve).colorIndex()).isEqualTo(9);
        assertThat(vm.show(curve).colorIndex()).as("every look taken: the next in turn").isEqualTo(10);
    }

    @Test
    void removeTakesTheRunOffAndSelectsTheLastOne() {
        RangeTestRun first = vm.start(iris, DataOptions.defaults());
        RangeTestRun second = vm.start(iris.withSeed(3), DataOptions.defaults());
        vm.remove(second);
        assertThat(vm.runs()).containsExactly(first);
        assertThat(vm.selectedProperty().get()).isSameAs(first);
    }

    @Test
    void aRunRemovedWhileGoingStopsAndItsEndIsNotReported() {
        Deque<Runnable> queued = new ArrayDeque<>();
        List<RangeTestRun> ended = new ArrayList<>();
        RangeTestRun[] run = new RangeTestRun[1];
        RangeTestViewModel[] runs = new RangeTestViewModel[1];
        runs[0] = new RangeTestViewModel(new BackgroundExecutor(queued::add, Runnable::run), (name, options, loading) -> {
            runs[0].remove(run[0]); // the user removes the run while its worker loads the data
            return datasets.load(name, options, loading);
        }, history);
        runs[0].setOnRunEnded(ended::add);
        run[0] = runs[0].start(iris, DataOptions.defaults());
        queued.poll().run(); // a worker takes the run up
        assertThat(runs[0].runs()).isEmpty();
        assertThat(run[0].state().statusProperty().get()).isEqualTo(RunStatus.FINISHED);
        assertThat(run[0].state().stopReasonProperty().get()).isEqualTo(StopReason.CANCELLED);
        assertThat(ended).as("the window is not told of a removed run's end").isEmpty();
    }
}

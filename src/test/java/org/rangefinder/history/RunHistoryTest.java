package org.rangefinder.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.rangefinder.SystemProperty;
import org.rangefinder.TestData;
import org.rangefinder.UserInputException;
import org.rangefinder.data.DataOptions;
import org.rangefinder.data.Dataset;
import org.rangefinder.engine.CancelToken;
import org.rangefinder.engine.StopReason;
import org.rangefinder.files.Json;
import org.rangefinder.model.ModelSpec;
import org.rangefinder.rangetest.CurvePoint;
import org.rangefinder.rangetest.MemberSummary;
import org.rangefinder.rangetest.RangeTest;
import org.rangefinder.rangetest.RangeTestConfig;
import org.rangefinder.rangetest.RangeTestListener;
import org.rangefinder.rangetest.RangeTestResult;
import org.rangefinder.rangetest.SuggestionMethod;
import org.rangefinder.rangetest.SuggestionOptions;
import org.rangefinder.rangetest.Suggestions;
import org.rangefinder.rangetest.Sweep;
import org.rangefinder.rangetest.SweepResult;
import org.rangefinder.rangetest.SweepRunner;
import org.rangefinder.schedule.OneCycleSettings;
import org.rangefinder.train.SchedulePolicy;
import org.rangefinder.train.Trainer;
import org.rangefinder.train.TrainingConfig;
import org.rangefinder.train.TrainingListener;
import org.rangefinder.train.TrainingResult;

class RunHistoryTest {
    private static final ModelSpec MLP = ModelSpec.preset("mlp");

    @TempDir
    Path workspace;

    private final Dataset iris = TestData.load("iris");

    private RangeTestConfig rangeTestConfig() {
        return RangeTestConfig.defaults("iris", MLP).withIterations(30).withBatchSize(16);
    }

    private RangeTestResult rangeTest() {
        return RangeTest.run(iris, rangeTestConfig(), RangeTestListener.NONE, new CancelToken());
    }

    private TrainingResult training() {
        TrainingConfig config = new TrainingConfig("iris", MLP, org.rangefinder.optim.OptimizerKind.NESTEROV, 0.9, 0,
                16, 1, SchedulePolicy.ONE_CYCLE, OneCycleSettings.fromBounds(8, 0.01, 0.1), null, 0, 42);
        return Trainer.train(iris, config, TrainingListener.NONE, new CancelToken()).result();
    }

    @Test
    void runsSurviveARestartWithTheirCurvesMetricsAndKeyNumbers() throws IOException {
        RunHistory history = RunHistory.open(workspace);
        RangeTestResult test = rangeTest();
        RunRecord started = history.start(RunKind.RANGE_TEST, "iris", MLP, test.config());
        assertThat(started.status()).isEqualTo(RunStatus.RUNNING);
        history.finish(started.id(), test);
        TrainingResult trained = training();
        RunRecord run = history.start(RunKind.TRAINING, "iris", MLP, trained.config());
        history.finish(run.id(), trained);

        RunHistory reopened = RunHistory.open(workspace);
        RunHistory.Listing listing = reopened.list();
        assertThat(listing.warnings()).isEmpty();
        assertThat(listing.runs()).extracting(RunRecord::id).containsExactly(run.id(), started.id());
        RunRecord r = reopened.get(started.id());
        assertThat(r.status()).isEqualTo(RunStatus.FINISHED);
        assertThat(r.kind()).isEqualTo(RunKind.RANGE_TEST);
        assertThat(r.dataset()).isEqualTo("iris");
        assertThat(r.model()).isEqualTo(MLP);
        assertThat(r.stopReason()).isEqualTo(test.stopReason().id());
        assertThat(r.results()).containsEntry("points", 30.0)
                .containsEntry("valley", test.suggestions().valley())
                .containsEntry("rangeMax", test.suggestions().range().max());
        assertThat(r.summary()).startsWith("valley ").contains(", range ");
        assertThat(reopened.curve(r.id())).isEqualTo(test.points());

        RunRecord t = reopened.get(run.id());
        assertThat(t.results()).containsEntry("finalValAccuracy", trained.finalValAccuracy()).containsEntry("epochs", 1.0);
        assertThat(reopened.iterations(run.id())).isEqualTo(trained.iterations());
        assertThat(reopened.evaluations(run.id())).isEqualTo(trained.evaluations());
        assertThat(reopened.epochs(run.id())).isEqualTo(trained.epochs());
        assertThat(Files.readString(reopened.runFolder(run.id()).resolve("iterations.csv")))
                .startsWith("iteration,lr,momentum,loss\n0,");
        assertThat(reopened.runFolder(run.id()).resolve("settings.json")).isRegularFile();
    }

    @Test
    void aTrainingRecordsItsScheduleAndASweepItsFactorAndValuesFromTheStart() throws IOException {
        RunHistory history = RunHistory.open(workspace);
        TrainingConfig oneCycle = new TrainingConfig("iris", MLP, org.rangefinder.optim.OptimizerKind.NESTEROV, 0.9,
                0, 16, 1, SchedulePolicy.ONE_CYCLE, OneCycleSettings.fromBounds(8, 0.01, 0.1), null, 0, 42);
        TrainingConfig constant = new TrainingConfig("iris", MLP, org.rangefinder.optim.OptimizerKind.NESTEROV, 0.9,
                0, 16, 1, SchedulePolicy.CONSTANT, null, 0.005, 0, 42);
        String trained = history.start(RunKind.TRAINING, "iris", MLP, RunSettings.of(oneCycle, null)).id();
        String baseline = history.start(RunKind.TRAINING, "iris", MLP, RunSettings.of(constant, null)).id();
        String swept = history.start(RunKind.SWEEP, "iris", MLP,
                new RunSettings(rangeTestConfig(), "weight-decay=0,1e-4,1e-3", null)).id();
        history.fail(baseline, "out of memory");

        RunHistory reopened = RunHistory.open(workspace);
        assertThat(reopened.get(trained).schedule()).isEqualTo("one-cycle");
        assertThat(reopened.get(baseline).schedule()).isEqualTo("constant=0.005");
        assertThat(reopened.get(baseline).status()).isEqualTo(RunStatus.FAILED);
        assertThat(reopened.get(swept).sweep()).as("while running").isEqualTo("weight-decay=0,1e-4,1e-3");
        assertThat(reopened.get(swept).schedule()).isNull();
        assertThat(Files.readString(reopened.runFolder(trained).resolve("run.json")))
                .contains("\"schedule\" : \"one-cycle\"");
    }

    @Test
    void aRecordWrittenBeforeSchedulesWereRecordedIsReadWithoutOne() throws IOException {
        String id = "20261201-101010-000-abcd";
        Files.writeString(Files.createDirectory(workspace.resolve(id)).resolve("run.json"), """
                {
                  "schemaVersion" : 1,
                  "id" : "20261201-101010-000-abcd",
                  "kind" : "training",
                  "status" : "finished",
                  "created" : "2026-12-01T10:10:10Z",
                  "ended" : "2026-12-01T10:11:10Z",
                  "dataset" : "iris",
                  "stopReason" : "completed",
                  "results" : { "epochs" : 1.0 },
                  "pid" : 1
                }
                """);
        RunHistory.Listing listing = RunHistory.open(workspace).list();
        assertThat(listing.warnings()).isEmpty();
        assertThat(listing.runs()).extracting(RunRecord::id, RunRecord::schedule).containsExactly(
                org.assertj.core.groups.Tuple.tuple(id, null));
    }

    @Test
    void sweepKeepsEachMembersCurveAndSuggestions() throws IOException {
        Sweep sweep = Sweep.parse("weight-decay=0,0.001");
        SweepResult result = SweepRunner.run(iris, rangeTestConfig(), sweep, 1, (m, p) -> { }, new CancelToken());
        RunHistory history = RunHistory.open(workspace);
        RunRecord r = history.start(RunKind.SWEEP, "iris", MLP, sweep.toString());
        RunRecord finished = history.finish(r.id(), result);
        assertThat(finished.sweep()).isEqualTo("weight-decay=0,0.001");
        assertThat(finished.summary()).isEqualTo("2 members");
        assertThat(history.curves(r.id())).containsExactly(result.members().get(0).points(),
                result.members().get(1).points());
        assertThat(Files.readAllLines(history.runFolder(r.id()).resolve("members.csv")))
                .hasSize(3).first().isEqualTo("run,weight-decay,stop_reason,points,steep,valley,minimum,range_min,"
                        + "range_max,elapsed_seconds,lowest_smoothed_loss,lowest_smoothed_loss_lr,last_loss");
    }

    /**
     * A seed sweep's curves read back, with the suggestions read off their smoothed losses as the engine reads them,
     * give the mean curve, band and medians its results gave: the window draws a recorded seed sweep from them.
     */
    @Test
    void aSeedSweepsCurvesReadBackGiveItsSeedSummary() throws IOException {
        Sweep sweep = Sweep.parse("seed=1,2,3");
        SweepResult result = SweepRunner.run(iris, rangeTestConfig(), sweep, 1, (m, p) -> { }, new CancelToken());
        RunHistory history = RunHistory.open(workspace);
        RunRecord r = history.start(RunKind.SWEEP, "iris", MLP, sweep.toString());
        history.finish(r.id(), result);

        List<List<CurvePoint>> curves = history.curves(r.id());
        List<Suggestions> suggestions = curves.stream().map(c -> Suggestions.fromSmoothed(
                c.stream().mapToDouble(CurvePoint::lr).toArray(),
                c.stream().mapToDouble(CurvePoint::smoothedLoss).toArray(), SuggestionOptions.defaults())).toList();
        assertThat(SweepResult.SeedSummary.of(curves, suggestions)).isEqualTo(result.seedSummary());
        assertThat(result.seedSummary().medianValley()).isNotNull();
    }

    /**
     * A range test's curve.csv and a sweep's curves.csv are the CSV of curves that range-test --csv and the window's
     * export write (CurveCsv), and read back as the very points recorded.
     */
    @Test
    void curvesAreStoredAsTheCsvOfCurves() throws IOException {
        List<CurvePoint> first = List.of(new CurvePoint(0, 1e-4, 2.5, 2.5), new CurvePoint(1, 1e-3, 2.0, 2.25));
        List<CurvePoint> second = List.of(new CurvePoint(0, 0.01, 1.5, 1.5),
                new CurvePoint(1, 0.1, Double.NaN, Double.NaN));
        RunHistory history = RunHistory.open(workspace);
        RunRecord test = history.start(RunKind.RANGE_TEST, "iris", MLP, rangeTestConfig());
        history.finish(test.id(), handMade(first));
        assertThat(Files.readString(history.runFolder(test.id()).resolve("curve.csv")))
                .isEqualTo("iteration,lr,loss,smoothed_loss\n0,1.0E-4,2.5,2.5\n1,0.001,2.0,2.25\n");
        assertThat(history.curve(test.id())).isEqualTo(first);

        Sweep sweep = Sweep.parse("weight-decay=0,0.001");
        RunRecord swept = history.start(RunKind.SWEEP, "iris", MLP, sweep.toString());
        history.finish(swept.id(), SweepResult.of(sweep, List.of(handMade(first), handMade(second))));
        Path curves = history.runFolder(swept.id()).resolve("curves.csv");
        assertThat(Files.readString(curves)).isEqualTo("run,weight-decay,iteration,lr,loss,smoothed_loss\n"
                + "1,0,0,1.0E-4,2.5,2.5\n1,0,1,0.001,2.0,2.25\n2,0.001,0,0.01,1.5,1.5\n2,0.001,1,0.1,NaN,NaN\n");
        assertThat(history.curves(swept.id())).containsExactly(first, second);
        // each member is found by its value, wherever its rows are
        List<String> lines = Files.readAllLines(curves);
        Files.write(curves, List.of(lines.get(0), lines.get(3), lines.get(4), lines.get(1), lines.get(2)));
        assertThat(history.curves(swept.id())).containsExactly(first, second);
    }

    /** Two members' curves of two points each, for sweeps recorded by hand. */
    private static final List<CurvePoint> FIRST = List.of(new CurvePoint(0, 1e-4, 2.5, 2.5),
            new CurvePoint(1, 1e-3, 2.0, 2.25));
    private static final List<CurvePoint> SECOND = List.of(new CurvePoint(0, 0.01, 1.5, 1.5),
            new CurvePoint(1, 0.1, 1.25, 1.4));

    /**
     * A sweep run before its values were compared by value, one value in two spellings ({@code seed=1,01}, which
     * {@link Sweep#parse} now refuses), reads back as it ran: each member's curve and line in its place.
     */
    @Test
    void aSweepRecordedWithAValueInTwoSpellingsReadsBackAsItRan() throws IOException {
        Sweep sweep = Sweep.recorded("seed=1,01");
        RunHistory history = RunHistory.open(workspace);
        RunRecord swept = history.start(RunKind.SWEEP, "iris", MLP, sweep.toString());
        history.finish(swept.id(), SweepResult.of(sweep, List.of(handMade(FIRST), handMade(SECOND))));
        assertThat(history.curves(swept.id())).containsExactly(FIRST, SECOND);
        assertThat(history.members(swept.id()).stream().map(MemberSummary::value)).containsExactly("1", "01");
    }

    /**
     * A sweep's curves.csv written before the factor's column was, which counted its members from 0 in its run
     * column, reads back as it did: each member in its place.
     */
    @Test
    void aSweepsCurvesWrittenBeforeTheFactorsColumnReadBackByTheirRunFromZero() throws IOException {
        Sweep sweep = Sweep.parse("weight-decay=0,0.001,0.01");
        RunHistory history = RunHistory.open(workspace);
        RunRecord swept = history.start(RunKind.SWEEP, "iris", MLP, sweep.toString());
        history.finish(swept.id(), SweepResult.of(sweep, List.of(handMade(FIRST),
                RangeTestResult.stoppedBeforeItsFirstStep(rangeTestConfig()), handMade(SECOND))));
        Files.writeString(history.runFolder(swept.id()).resolve("curves.csv"), "run,iteration,lr,loss,smoothed_loss\n"
                + "0,0,1.0E-4,2.5,2.5\n0,1,0.001,2.0,2.25\n2,0,0.01,1.5,1.5\n2,1,0.1,1.25,1.4\n");
        assertThat(history.curves(swept.id())).containsExactly(FIRST, List.of(), SECOND);
    }

    /**
     * A curve file edited by hand is refused as any curve file is, naming the file, line and column; a run of
     * curves.csv that is none of the sweep's members is refused by its label.
     */
    @Test
    void aDamagedCurveFileIsRefusedWhereItIsWrong() throws IOException {
        List<CurvePoint> points = List.of(new CurvePoint(0, 1e-4, 2.5, 2.5), new CurvePoint(1, 1e-3, 2.0, 2.25));
        RunHistory history = RunHistory.open(workspace);
        RunRecord test = history.start(RunKind.RANGE_TEST, "iris", MLP, rangeTestConfig());
        history.finish(test.id(), handMade(points));
        Path curve = history.runFolder(test.id()).resolve("curve.csv");
        Files.writeString(curve, "iteration,lr,loss,smoothed_loss\n0,1.0E-4,2.5,2.5\n1,0.001,lots,2.25\n");
        assertThatThrownBy(() -> history.curve(test.id())).isInstanceOf(UserInputException.class)
                .hasMessage(curve + ": line 3, column 3: 'lots' in column loss is not a number");
        Files.writeString(curve, "iteration,lr,loss\n0,1.0E-4,2.5\n");
        assertThatThrownBy(() -> history.curve(test.id())).isInstanceOf(UserInputException.class)
                .hasMessage(curve + ": line 1: no column named 'smoothed_loss' in the header [iteration, lr, loss]");

        RunRecord swept = history.start(RunKind.SWEEP, "iris", MLP, "seed=1,2");
        history.finish(swept.id(), SweepResult.of(Sweep.parse("seed=1,2"), List.of(handMade(points),
                handMade(points))));
        Path curves = history.runFolder(swept.id()).resolve("curves.csv");
        String written = Files.readString(curves);
        Files.writeString(curves, written.replace("\n2,2,", "\n2,3,"));
        assertThatThrownBy(() -> history.curves(swept.id())).isInstanceOf(UserInputException.class)
                .hasMessage(curves + ": run 2 (seed=3) is none of the members of sweep seed=1,2");
        Files.writeString(curves, written.replace("run,seed,", "run,").replaceAll("\n(\\d),\\d,", "\n$1,"));
        assertThatThrownBy(() -> history.curves(swept.id())).as("a file from before the factor's column, from 0")
                .isInstanceOf(UserInputException.class)
                .hasMessage(curves + ": run 2 is none of the members of sweep seed=1,2");
    }

    private RangeTestResult handMade(List<CurvePoint> points) {
        return new RangeTestResult(rangeTestConfig(), points, StopReason.COMPLETED, 0.5,
                Suggestions.fromSmoothed(new double[0], new double[0], SuggestionOptions.defaults()));
    }

    /** A member stopped before its first step has no rows in curves.csv; the others keep their places. */
    @Test
    void aSweepMemberWithoutPointsReadsBackEmptyInItsPlace() throws IOException {
        RangeTestResult ran = rangeTest();
        SweepResult result = SweepResult.of(Sweep.parse("seed=1,2,3"), List.of(
                RangeTestResult.stoppedBeforeItsFirstStep(rangeTestConfig()), ran,
                RangeTestResult.stoppedBeforeItsFirstStep(rangeTestConfig())));
        RunHistory history = RunHistory.open(workspace);
        RunRecord r = history.start(RunKind.SWEEP, "iris", MLP, "seed=1,2,3");
        history.finish(r.id(), result);
        assertThat(history.curves(r.id())).containsExactly(List.of(), ran.points(), List.of());
        assertThat(result.seedSummary().meanSmoothedLoss()).as("the member with points alone")
                .containsExactly(ran.points().stream().mapToDouble(p -> p.smoothedLoss()).toArray());
    }

    /**
     * Each sweep member's stop reason reads back from members.csv in its place; a reason this Rangefinder does not
     * know, a members.csv without the column or without the file says nothing of a member, and the curves still read.
     */
    @Test
    void aSweepsMembersReadBackWhyTheyStopped() throws IOException {
        RangeTestResult ran = rangeTest();
        RangeTestResult cut = new RangeTestResult(rangeTestConfig(), ran.points().subList(0, 10),
                StopReason.CANCELLED, 0.1, ran.suggestions());
        SweepResult result = SweepResult.of(Sweep.parse("weight-decay=0,1e-3,1e-2"), List.of(ran, cut,
                RangeTestResult.stoppedBeforeItsFirstStep(rangeTestConfig())));
        RunHistory history = RunHistory.open(workspace);
        RunRecord r = history.start(RunKind.SWEEP, "iris", MLP, "weight-decay=0,1e-3,1e-2");
        history.finish(r.id(), result);
        assertThat(history.memberStopReasons(r.id()))
                .containsExactly(ran.stopReason(), StopReason.CANCELLED, StopReason.CANCELLED);
        assertThat(history.memberSeconds(r.id())).as("each member's own seconds")
                .containsExactly(ran.elapsedSeconds(), 0.1, 0.0);

        Path members = workspace.resolve(r.id()).resolve("members.csv");
        List<String> lines = Files.readAllLines(members);
        Files.write(members, withCell(lines, 2, "stop_reason", "stalled"));
        assertThat(history.memberStopReasons(r.id())).containsExactly(ran.stopReason(), null, StopReason.CANCELLED);
        Files.write(members, withCell(withCell(lines, 1, "elapsed_seconds", "NaN"), 3, "elapsed_seconds", "soon"));
        assertThat(history.memberSeconds(r.id())).as("no finite number of seconds says nothing")
                .containsExactly(null, 0.1, null);
        List<String> beforeSeconds = without(lines, "elapsed_seconds", "lowest_smoothed_loss",
                "lowest_smoothed_loss_lr", "last_loss");
        Files.write(members, beforeSeconds);
        assertThat(Files.readAllLines(members).get(0)).as("a sweep recorded before the column").endsWith(",range_max");
        assertThat(history.memberSeconds(r.id())).containsExactly(null, null, null);
        assertThat(history.memberStopReasons(r.id()))
                .containsExactly(ran.stopReason(), StopReason.CANCELLED, StopReason.CANCELLED);
        // members counted from 0, as they were: found by their values
        Files.write(members, countedFromZero(beforeSeconds));
        assertThat(history.memberStopReasons(r.id()))
                .containsExactly(ran.stopReason(), StopReason.CANCELLED, StopReason.CANCELLED);
        Files.write(members, countedFromZero(without(beforeSeconds, "weight-decay")));
        assertThat(Files.readAllLines(members).get(0)).as("an older layout")
                .startsWith("run,stop_reason,").doesNotContain("weight-decay");
        assertThat(history.memberStopReasons(r.id()))
                .containsExactly(ran.stopReason(), StopReason.CANCELLED, StopReason.CANCELLED);
        Files.write(members, countedFromZero(without(beforeSeconds, "weight-decay", "stop_reason")));
        assertThat(history.memberStopReasons(r.id())).containsExactly(null, null, null);
        Files.delete(members);
        assertThat(history.memberStopReasons(r.id())).containsExactly(null, null, null);
        assertThat(history.curves(r.id())).containsExactly(ran.points(), cut.points(), List.of());
    }

    /**
     * Each of a sweep's members reads back in a line from members.csv as its result gave it (its lowest smoothed
     * loss, the learning rate there and its last loss too, which Smith's recipe compares); a file written before the
     * last three columns leaves them null, and a member without a row has its value alone.
     */
    @Test
    void aSweepsMembersReadBackInALineEach() throws IOException {
        RangeTestResult ran = rangeTest();
        RangeTestResult cut = new RangeTestResult(rangeTestConfig(), ran.points().subList(0, 10),
                StopReason.CANCELLED, 0.1, ran.suggestions());
        SweepResult result = SweepResult.of(Sweep.parse("weight-decay=0,1e-3"), List.of(ran, cut));
        RunHistory history = RunHistory.open(workspace);
        RunRecord r = history.start(RunKind.SWEEP, "iris", MLP, "weight-decay=0,1e-3");
        history.finish(r.id(), result);

        List<MemberSummary> members = history.members(r.id());
        assertThat(members).isEqualTo(result.memberSummaries());
        CurvePoint lowest = ran.lowest();
        assertThat(members.get(0)).isEqualTo(new MemberSummary("0", ran.stopReason().id(), 30,
                lowest.smoothedLoss(), lowest.lr(), ran.points().get(29).loss(), ran.suggestions().steep(),
                ran.suggestions().valley(), ran.suggestions().minimum(), ran.suggestions().range().min(),
                ran.suggestions().range().max(), ran.elapsedSeconds()));

        Path file = workspace.resolve(r.id()).resolve("members.csv");
        List<String> lines = Files.readAllLines(file);
        Files.write(file, without(List.of(lines.get(0), lines.get(2)), "lowest_smoothed_loss",
                "lowest_smoothed_loss_lr", "last_loss"));
        MemberSummary second = result.memberSummaries().get(1);
        assertThat(history.members(r.id())).containsExactly(
                new MemberSummary("0", null, null, null, null, null, null, null, null, null, null, null),
                new MemberSummary("1e-3", "cancelled", 10, null, null, null, second.steep(), second.valley(),
                        second.minimum(), second.rangeMin(), second.rangeMax(), 0.1));
    }

    /** CSV lines with the cell of {@code column} in row {@code row} (from 1, after the header) set to {@code cell}. */
    private static List<String> withCell(List<String> lines, int row, String column, String cell) {
        int at = List.of(lines.get(0).split(",")).indexOf(column);
        List<String> edited = new java.util.ArrayList<>(lines);
        String[] cells = lines.get(row).split(",", -1);
        cells[at] = cell;
        edited.set(row, String.join(",", cells));
        return edited;
    }

    /** CSV lines without the named columns. */
    private static List<String> without(List<String> lines, String... columns) {
        List<String> header = List.of(lines.get(0).split(","));
        return lines.stream().map(line -> {
            String[] cells = line.split(",", -1);
            return String.join(",", java.util.stream.IntStream.range(0, cells.length)
                    .filter(c -> !List.of(columns).contains(header.get(c))).mapToObj(c -> cells[c]).toList());
        }).toList();
    }

    /** CSV lines whose first column, run, counts from 0, as files written before the factor's column did. */
    private static List<String> countedFromZero(List<String> lines) {
        return java.util.stream.Stream.concat(lines.stream().limit(1), lines.stream().skip(1).map(line -> {
            int comma = line.indexOf(',');
            return (Integer.parseInt(line.substring(0, comma)) - 1) + line.substring(comma);
        })).toList();
    }

    /**
     * The iterations a run was set to run read back from its settings as the window and the CLI write them; settings
     * of another shape, damaged or missing say nothing of them, and leave the run readable.
     */
    @Test
    void theIterationsARunWasSetToRunReadBackFromItsSettings() throws IOException {
        RunHistory history = RunHistory.open(workspace);
        String id = history.start(RunKind.RANGE_TEST, "iris", MLP,
                RunSettings.of(rangeTestConfig().withIterations(2000), DataOptions.defaults())).id();
        assertThat(history.plannedIterations(id)).isEqualTo(2000);
        String swept = history.start(RunKind.SWEEP, "iris", MLP,
                new RunSettings(rangeTestConfig(), "seed=1,2", DataOptions.defaults())).id();
        assertThat(history.plannedIterations(swept)).as("a sweep's base config, each member's").isEqualTo(30);

        Path settings = history.runFolder(id).resolve("settings.json");
        for (String damaged : List.of("{\"config\": {\"iterations\": 0}}", "{\"config\": {\"iterations\": 2.5}}",
                "{\"iterations\": 2000}", "{\"config\": ", "")) {
            Files.writeString(settings, damaged);
            assertThat(history.plannedIterations(id)).as(damaged).isZero();
        }
        Files.delete(settings);
        assertThat(history.plannedIterations(id)).isZero();
        assertThat(history.get(id).id()).isEqualTo(id);
    }

    @Test
    void corruptOrHalfWrittenRunIsSkippedWithAWarning() throws IOException {
        RunHistory history = RunHistory.open(workspace);
        RangeTestResult test = rangeTest();
        RunRecord good = history.start(RunKind.RANGE_TEST, "iris", MLP, test.config());
        history.finish(good.id(), test);
        String json = Files.readString(workspace.resolve(good.id()).resolve("run.json"));
        Path half = Files.createDirectory(workspace.resolve("20200101-000000-000-abcd"));
        Files.writeString(half.resolve("run.json"), json.substring(0, json.length() / 2));
        Files.createDirectory(workspace.resolve("20200101-000000-001-abcd"));

        RunHistory.Listing listing = RunHistory.open(workspace).list();
        assertThat(listing.runs()).extracting(RunRecord::id).containsExactly(good.id());
        assertThat(listing.warnings()).hasSize(2);
        assertThat(listing.warnings().get(0)).startsWith("run 20200101-000000-000-abcd: its run.json is unreadable (")
                .endsWith("; skipped");
        assertThat(listing.warnings().get(1))
                .isEqualTo("run 20200101-000000-001-abcd: its run.json is unreadable (no run.json); skipped");
        assertThatThrownBy(() -> history.get("20200101-000000-000"))
                .isInstanceOf(UserInputException.class).hasMessageContaining("unreadable");

        // an unreadable run can still be deleted, by its id
        history.delete("20200101-000000-000");
        assertThat(half).doesNotExist();
        assertThat(RunHistory.open(workspace).list().warnings()).hasSize(1);
    }

    /**
     * A run.json edited by hand or damaged otherwise: each case is skipped in the listing with a warning naming the
     * field, and refused with the same words when the run is asked for; the other runs are listed as ever.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "/results/epochs | \"NaN\" | results.epochs must be a number, got \"NaN\"",
        "/results/epochs | 1e400 | results.epochs must be a finite number, got Infinity",
        "/results/epochs | null | results.epochs must be a finite number, got null",
        "/results/epochs | \"5\" | results.epochs must be a number, got \"5\"",
        "/ended | \"later\" | ended must be an ISO-8601 instant such as 2026-01-31T12:00:00Z, got 'later'",
        "/created | \"2024-13-01T00:00:00Z\" | created must be an ISO-8601 instant such as 2026-01-31T12:00:00Z, "
                + "got '2024-13-01T00:00:00Z'",
        "/created | | created is required but missing",
        "/dataset | null | dataset is required but missing",
        "/dataset | | dataset is required but missing",
        "/kind | null | kind is required but missing",
        "/kind | \"foo\" | kind: run kind must be one of 'range-test', 'sweep', 'training', got 'foo'",
        "/status | \"done\" | status: run status must be one of 'running', 'finished', 'failed', 'interrupted', "
                + "got 'done'",
        "/status | | status is required but missing",
        "/id | \"20200101-000000-000-zzzz\" | id is '20200101-000000-000-zzzz', but the run's folder is "
                + "20200101-000000-000-abcd",
        "/pid | 1.5 | pid must be an integer, got 1.5",
    })
    void damagedRecordIsSkippedWithAWarningNamingTheField(String pointer, String json, String problem)
            throws IOException {
        RunHistory history = RunHistory.open(workspace);
        RunRecord good = history.start(RunKind.TRAINING, "iris", MLP, "settings");
        history.fail(good.id(), "out of memory");
        String id = "20200101-000000-000-abcd";
        ObjectNode record = Json.MAPPER.valueToTree(new RunRecord(1, id, RunKind.TRAINING, RunStatus.FINISHED,
                "2020-01-01T00:00:00Z", "2020-01-01T00:01:00Z", "iris", MLP, null, null, "completed",
                Map.of("epochs", 1.0), null, 1, null));
        JsonPointer at = JsonPointer.compile(pointer);
        ObjectNode parent = (ObjectNode) record.at(at.head());
        if (json == null) {
            parent.remove(at.last().getMatchingProperty());
        } else {
            parent.put(at.last().getMatchingProperty(), "VALUE"); // then written as it stands in the row
        }
        Files.writeString(Files.createDirectory(workspace.resolve(id)).resolve("run.json"),
                Json.MAPPER.writeValueAsString(record).replace("\"VALUE\"", String.valueOf(json)));

        RunHistory.Listing listing = RunHistory.open(workspace).list();
        assertThat(listing.runs()).extracting(RunRecord::id).containsExactly(good.id());
        assertThat(listing.warnings()).containsExactly("run " + id + ": its run.json is unreadable (" + problem
                + "); skipped");
        assertThatThrownBy(() -> history.get(id)).isInstanceOf(UserInputException.class)
                .hasMessage("run " + id + ": its run.json is unreadable (" + problem + ")");
    }

    /** Rewrites a run's record as that of a run still running in a process that is gone (a crash, a kill). */
    private void leftRunningByAProcessThatIsGone(RunRecord r) throws Exception {
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        Json.write(workspace.resolve(r.id()).resolve("run.json"), new RunRecord(1, r.id(), r.kind(),
                RunStatus.RUNNING, r.created(), null, "iris", MLP, null, null, null, null, null, gone.pid(), null));
    }

    private RunRecord stored(RunRecord r) throws IOException {
        return Json.MAPPER.readValue(workspace.resolve(r.id()).resolve("run.json").toFile(), RunRecord.class);
    }

    /**
     * Opening the history read every run's record, to mark the runs whose process is gone: a recorded run paid for a
     * long history before it started, and {@code runs list} read it twice. Opening reads none now; a run is marked as
     * it is listed or read.
     */
    @Test
    void openingTheHistoryReadsNoRunAndReadingOneMarksItInterrupted() throws Exception {
        RunHistory history = RunHistory.open(workspace);
        RunRecord mine = history.start(RunKind.TRAINING, "iris", MLP, "settings");
        RunRecord other = history.start(RunKind.RANGE_TEST, "iris", MLP, "settings");
        leftRunningByAProcessThatIsGone(other);
        String left = Files.readString(workspace.resolve(other.id()).resolve("run.json"));

        RunHistory.openExisting(workspace);
        RunHistory reopened = RunHistory.open(workspace);
        assertThat(workspace.resolve(other.id()).resolve("run.json")).hasContent(left);
        assertThat(reopened.get(other.id()).status()).isEqualTo(RunStatus.INTERRUPTED);
        assertThat(reopened.get(other.id()).stopReason()).isEqualTo("interrupted");
        assertThat(reopened.get(other.id()).ended()).isNotNull();
        assertThat(reopened.get(mine.id()).status()).isEqualTo(RunStatus.RUNNING);
    }

    /**
     * A run whose process died after the history was opened showed as running until it was opened again, and the
     * window opens it once a session: its Refresh showed a killed run of the command line as running. Listing the
     * run, or reading it, marks it as opening did, in its file too.
     */
    @Test
    void runWhoseProcessIsGoneIsMarkedInterruptedWhenListedOrRead() throws Exception {
        RunHistory history = RunHistory.open(workspace);
        RunRecord mine = history.start(RunKind.TRAINING, "iris", MLP, "settings");
        RunRecord listed = history.start(RunKind.RANGE_TEST, "iris", MLP, "settings");
        RunRecord read = history.start(RunKind.RANGE_TEST, "iris", MLP, "settings");
        leftRunningByAProcessThatIsGone(listed);

        RunHistory.Listing listing = history.list();
        assertThat(listing.runs()).filteredOn(r -> r.id().equals(listed.id())).singleElement()
                .extracting(RunRecord::status, RunRecord::stopReason)
                .containsExactly(RunStatus.INTERRUPTED, "interrupted");
        assertThat(listing.runs()).filteredOn(r -> r.id().equals(mine.id())).singleElement()
                .extracting(RunRecord::status).isEqualTo(RunStatus.RUNNING);
        assertThat(listing.warnings()).isEmpty();
        assertThat(stored(listed).status()).isEqualTo(RunStatus.INTERRUPTED);
        assertThat(stored(listed).ended()).isNotNull();

        leftRunningByAProcessThatIsGone(read);
        assertThat(history.get(read.id()).status()).isEqualTo(RunStatus.INTERRUPTED);
        assertThat(stored(read).status()).isEqualTo(RunStatus.INTERRUPTED);
        assertThat(history.get(mine.id()).status()).isEqualTo(RunStatus.RUNNING);
    }

    /**
     * A run's folder was made under its id, then its settings.json and run.json written in it: a listing in between
     * (the window's Refresh as a run of the command line started) warned of a run without its record, and a crash in
     * between left one, warned of by every listing after. The folder is made under a hidden name and renamed to the
     * id once both are in it: a start that fails part way (here: settings that Jackson cannot write) leaves nothing,
     * and the hidden folder a crash would leave is passed over.
     */
    @Test
    void aRunsFolderComesWholeAndAStartCutShortLeavesNoRun() throws IOException {
        RunHistory history = RunHistory.open(workspace);
        assertThatThrownBy(() -> history.start(RunKind.TRAINING, "iris", MLP, java.time.Instant.EPOCH))
                .isInstanceOf(UserInputException.class).hasMessageContaining("settings.json: ");
        try (var files = Files.list(workspace)) {
            assertThat(files).isEmpty();
        }

        RunRecord r = history.start(RunKind.TRAINING, "iris", MLP, "settings");
        Path crashed = Files.createDirectory(workspace.resolve(".starting-20200101-000000-000-abcd"));
        Files.writeString(crashed.resolve("settings.json"), "\"settings\"");
        try (var files = Files.list(workspace.resolve(r.id()))) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("run.json",
                    "settings.json");
        }
        RunHistory.Listing listing = history.list();
        assertThat(listing.runs()).containsExactly(r);
        assertThat(listing.warnings()).isEmpty();
    }

    @Test
    void failedRunKeepsItsMessage() throws IOException {
        RunHistory history = RunHistory.open(workspace);
        RunRecord r = history.start(RunKind.TRAINING, "iris", MLP, "settings");
        history.fail(r.id(), "out of memory");
        assertThat(RunHistory.open(workspace).get(r.id()))
                .extracting(RunRecord::status, RunRecord::error).containsExactly(RunStatus.FAILED, "out of memory");
    }

    @Test
    void runIsFoundByAUniquePrefixAndDeletedWithItsFiles() throws IOException {
        RunHistory history = RunHistory.open(workspace);
        RunRecord first = history.start(RunKind.TRAINING, "iris", MLP, "settings");
        RunRecord second = history.start(RunKind.TRAINING, "iris", MLP, "settings");
        // the shortest prefix of the second id that the first does not share
        int shared = 0;
        while (first.id().charAt(shared) == second.id().charAt(shared)) {
            shared++;
        }
        assertThat(history.get(second.id().substring(0, shared + 1))).isEqualTo(second);
        assertThatThrownBy(() -> history.get(first.id().substring(0, 8)))
                .isInstanceOf(UserInputException.class).hasMessageContaining("matches 2 runs");
        assertThatThrownBy(() -> history.get("nonsense"))
                .isInstanceOf(UserInputException.class).hasMessageStartingWith("no run 'nonsense' in ");

        assertThatThrownBy(() -> history.delete(first.id())).isInstanceOf(UserInputException.class)
                .hasMessage("run " + first.id() + " is still running (process " + ProcessHandle.current().pid()
                        + "): stop it before deleting it");
        assertThat(history.runFolder(first.id())).exists();
        history.fail(first.id(), "stopped");
        assertThatThrownBy(() -> history.delete(List.of(first.id(), second.id())))
                .isInstanceOf(UserInputException.class)
                .hasMessageStartingWith("run " + second.id() + " is still running");
        assertThat(history.runFolder(first.id())).as("none deleted when one is refused").exists();
        history.delete(first.id());
        assertThat(history.list().runs()).extracting(RunRecord::id).containsExactly(second.id());
        try (var files = Files.list(workspace)) {
            assertThat(files.map(p -> p.getFileName().toString()).toList()).containsExactly(second.id());
        }
    }

    /**
     * A prefix that several runs have named every one of them, in one line: runs delete 2026 in a history of 5,000
     * runs printed 130,138 characters. It names the first three and counts the others.
     */
    @Test
    void aPrefixOfSeveralRunsNamesTheFirstThree() throws IOException {
        RunHistory history = RunHistory.open(workspace);
        for (int i = 0; i < 5; i++) {
            Files.createDirectory(workspace.resolve("20200101-000000-00" + i + "-abcd"));
        }
        assertThatThrownBy(() -> history.get("2020")).isInstanceOf(UserInputException.class)
                .hasMessage("'2020' matches 5 runs (20200101-000000-000-abcd, 20200101-000000-001-abcd, "
                        + "20200101-000000-002-abcd and 2 more): give more of the id");
        assertThatThrownBy(() -> history.delete("20200101")).isInstanceOf(UserInputException.class)
                .hasMessage("'20200101' matches 5 runs (20200101-000000-000-abcd, 20200101-000000-001-abcd, "
                        + "20200101-000000-002-abcd and 2 more): give more of the id");
        Files.delete(workspace.resolve("20200101-000000-003-abcd"));
        Files.delete(workspace.resolve("20200101-000000-004-abcd"));
        assertThatThrownBy(() -> history.get("2020")).isInstanceOf(UserInputException.class)
                .hasMessage("'2020' matches 3 runs (20200101-000000-000-abcd, 20200101-000000-001-abcd, "
                        + "20200101-000000-002-abcd): give more of the id");
    }

    @Test
    void defaultFolderIsTheSystemPropertyWhenSet() {
        try (SystemProperty p = SystemProperty.set(RunHistory.FOLDER_PROPERTY, workspace.toString())) {
            assertThat(RunHistory.defaultFolder()).isEqualTo(workspace);
            System.clearProperty(RunHistory.FOLDER_PROPERTY);
            assertThat(RunHistory.defaultFolder())
                    .isEqualTo(Path.of(System.getProperty("user.home"), ".rangefinder", "runs"));
        }
    }

    @Test
    void idsAreTheUtcStartTimeAndFourRandomCharacters() throws IOException {
        RunRecord r = RunHistory.open(workspace).start(RunKind.SWEEP, "iris", MLP, List.of());
        assertThat(r.id()).matches("\\d{8}-\\d{6}-\\d{3}-[0-9a-z]{4}");
        assertThat(r.id().substring(0, 19)).isEqualTo(java.time.format.DateTimeFormatter
                .ofPattern("yyyyMMdd-HHmmss-SSS").withZone(java.time.ZoneOffset.UTC).format(r.createdAt()));
    }

    /**
     * A range test records the suggestion its 1cycle range was taken from, and its summary shows that one: a steep
     * range read as valley's ("valley 1.17e-03, range 2.27e-07..2.27e-06"). A record written before says nothing of
     * it, and shows the suggestion that is the range's top; the window's runs, read with the engine's options,
     * record valley.
     */
    @Test
    void aRangeTestRecordsTheSuggestionItsRangeCameFromAndShowsIt() throws IOException {
        SuggestionOptions steep = SuggestionOptions.defaults().withRangeMethod(SuggestionMethod.STEEP)
                .withRangeFactor(4);
        RangeTestResult test = rangeTest();
        RangeTestResult read = test.withSuggestions(test.suggest(test.config().smoothing(), steep));
        assertThat(read.suggestions().steep()).isNotEqualTo(read.suggestions().valley());
        RunHistory history = RunHistory.open(workspace);
        RunRecord started = history.start(RunKind.RANGE_TEST, "iris", MLP,
                new RunSettings(test.config(), null, DataOptions.defaults(), steep));
        RunRecord r = history.finish(started.id(), read);

        assertThat(r.rangeMethod()).isEqualTo("steep");
        assertThat(r.rangeFactor()).isEqualTo(4.0);
        String range = String.format(Locale.ROOT, ", range %.2e..%.2e", read.suggestions().range().min(),
                read.suggestions().range().max());
        assertThat(r.summary()).isEqualTo(String.format(Locale.ROOT, "steep %.2e", read.suggestions().steep()) + range);
        assertThat(Files.readString(history.runFolder(r.id()).resolve("settings.json")))
                .contains("\"rangeMethod\" : \"steep\"");

        Path record = history.runFolder(r.id()).resolve("run.json");
        ObjectNode before = (ObjectNode) Json.MAPPER.readTree(record.toFile());
        before.remove(List.of("rangeMethod", "rangeFactor"));
        Files.writeString(record, Json.toString(before));
        RunRecord old = history.get(r.id());
        assertThat(old.rangeMethod()).isNull();
        assertThat(old.rangeSource()).as("the suggestion its range's top is").isEqualTo("steep");
        assertThat(old.summary()).isEqualTo(r.summary());

        String window = history.start(RunKind.RANGE_TEST, "iris", MLP,
                RunSettings.of(test.config(), DataOptions.defaults())).id();
        RunRecord engines = history.finish(window, test);
        assertThat(engines.rangeMethod()).isEqualTo("valley");
        assertThat(engines.summary()).startsWith(String.format(Locale.ROOT, "valley %.2e, range ",
                test.suggestions().valley()));
    }

    /**
     * Key numbers that are whole, counts above all, are written as integers ("points": 30, not 30.0), and read back
     * as the same numbers; a record written before, with 30.0, reads as ever.
     */
    @Test
    void wholeKeyNumbersAreWrittenAsIntegersAndReadEitherWay() throws IOException {
        RunHistory history = RunHistory.open(workspace);
        RangeTestResult test = rangeTest();
        RunRecord r = history.finish(history.start(RunKind.RANGE_TEST, "iris", MLP, test.config()).id(), test);
        Path record = history.runFolder(r.id()).resolve("run.json");
        String written = Files.readString(record);
        assertThat(written).contains("\"points\" : 30,").doesNotContain("30.0")
                .contains("\"valley\" : " + test.suggestions().valley() + ",");
        assertThat(history.get(r.id()).results()).isEqualTo(r.results()).containsEntry("points", 30.0);
        Files.writeString(record, written.replace("\"points\" : 30,", "\"points\" : 30.0,"));
        assertThat(history.get(r.id()).results()).isEqualTo(r.results());
    }

    /**
     * A 1cycle training records the learning rates its cycle starts at and peaks at from its start, so that a run
     * that fails or is interrupted keeps them too; a constant one's is in its schedule.
     */
    @Test
    void aOneCycleTrainingRecordsItsLearningRatesFromItsStart() throws IOException {
        RunHistory history = RunHistory.open(workspace);
        TrainingResult trained = training();
        OneCycleSettings cycle = trained.config().oneCycle();
        String failed = history.start(RunKind.TRAINING, "iris", MLP, RunSettings.of(trained.config(), null)).id();
        history.fail(failed, "out of memory");
        String finished = history.start(RunKind.TRAINING, "iris", MLP, RunSettings.of(trained.config(), null)).id();
        history.finish(finished, trained);
        for (String id : List.of(failed, finished)) {
            assertThat(history.get(id).results()).containsEntry("initialLr", cycle.initialLr())
                    .containsEntry("maxLr", cycle.maxLr());
        }
        assertThat(history.get(finished).results()).containsEntry("epochs", 1.0);
    }
}

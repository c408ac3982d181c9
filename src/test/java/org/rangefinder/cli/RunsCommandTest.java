package org.rangefinder.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rangefinder.SystemProperty;
import org.rangefinder.Version;
import org.rangefinder.files.Json;
import org.rangefinder.history.RunHistory;
import org.rangefinder.history.RunKind;
import org.rangefinder.history.RunRecord;
import org.rangefinder.history.RunStatus;
import java.util.List;
import org.rangefinder.data.DataOptions;
import org.rangefinder.engine.StopReason;
import org.rangefinder.history.RunSettings;
import org.rangefinder.model.ModelSpec;
import org.rangefinder.optim.OptimizerKind;
import org.rangefinder.rangetest.CurvePoint;
import org.rangefinder.rangetest.LrRange;
import org.rangefinder.rangetest.RangeTestConfig;
import org.rangefinder.rangetest.RangeTestResult;
import org.rangefinder.rangetest.SuggestionMethod;
import org.rangefinder.rangetest.SuggestionOptions;
import org.rangefinder.rangetest.Suggestions;
import org.rangefinder.rangetest.Sweep;
import org.rangefinder.rangetest.SweepResult;
import org.rangefinder.schedule.OneCycleSettings;
import org.rangefinder.train.SchedulePolicy;
import org.rangefinder.train.TrainingConfig;

class RunsCommandTest {

    @TempDir
    Path workspace;

    private RunRecord good;

    @BeforeEach
    void recordOneRun() throws IOException {
        RunHistory history = RunHistory.open(workspace);
        good = history.start(RunKind.TRAINING, "iris", ModelSpec.preset("mlp"), "settings");
        history.fail(good.id(), "out of memory");
    }

    /** A run.json as Rangefinder writes one, with {@code fields} (JSON text) in the place of its end and dataset. */
    private String damaged(String id, String fields) throws IOException {
        Files.writeString(Files.createDirectory(workspace.resolve(id)).resolve("run.json"), "{\"schemaVersion\": 1, "
                + "\"id\": \"" + id + "\", \"kind\": \"training\", \"status\": \"finished\", "
                + "\"created\": \"2020-01-01T00:00:00Z\", " + fields
                + ", \"stopReason\": \"completed\", \"pid\": 1}");
        return id;
    }

    @Test
    void aDamagedRunIsListedAsAWarningAndTheOthersAsEver() throws IOException {
        String nan = damaged("20200101-000000-000-abcd", "\"dataset\": \"iris\", \"results\": {\"epochs\": \"NaN\"}");
        String huge = damaged("20200101-000000-001-abcd", "\"dataset\": \"iris\", \"results\": {\"epochs\": 1e400}");
        String late = damaged("20200101-000000-002-abcd", "\"ended\": \"later\", \"dataset\": \"iris\"");
        String none = damaged("20200101-000000-003-abcd", "\"ended\": \"2020-01-01T00:01:00Z\", \"dataset\": null");

        CliRun run = CliRun.of("runs", "list", "--workspace", workspace.toString());

        assertThat(run.code()).as(run.err()).isEqualTo(RangefinderCommand.OK);
        assertThat(run.lines()).hasSize(2);
        assertThat(run.lines()[1]).startsWith(good.id() + "  training  failed  iris     mlp 128-128  ");
        assertThat(run.err().split("\\R")).containsExactly(
                "warning: run " + nan + ": its run.json is unreadable (results.epochs must be a number, got "
                        + "\"NaN\"); skipped",
                "warning: run " + huge + ": its run.json is unreadable (results.epochs must be a finite number, got "
                        + "Infinity); skipped",
                "warning: run " + late + ": its run.json is unreadable (ended must be an ISO-8601 instant such as "
                        + "2026-01-31T12:00:00Z, got 'later'); skipped",
                "warning: run " + none + ": its run.json is unreadable (dataset is required but missing); skipped");
    }

    /**
     * Reading the history made its folder: a mistyped --workspace read as a history of no runs, and was left on disk.
     * One given that is not there is refused; the default one not made yet holds no runs.
     */
    @Test
    void aWorkspaceThatIsNotThereIsNotMade() {
        Path typo = workspace.resolve("typo/deeper/ws");
        for (String[] args : new String[][] {
            {"runs", "list", "--workspace", typo.toString()},
            {"runs", "show", "--workspace", typo.toString(), good.id()},
            {"runs", "delete", "--workspace", typo.toString(), good.id()}}) {
            CliRun run = CliRun.of(args);
            assertThat(run.code()).as(run.err()).isEqualTo(RangefinderCommand.BAD_INPUT);
            assertThat(run.err()).isEqualTo("rangefinder: no run history at --workspace " + typo + ": there is no such "
                    + "folder (recording a run there makes it)" + System.lineSeparator());
        }
        Path notYet = workspace.resolve("default");
        try (SystemProperty p = SystemProperty.set(RunHistory.FOLDER_PROPERTY, notYet.toString())) {
            CliRun list = CliRun.of("runs", "list");
            assertThat(list.code()).as(list.err()).isEqualTo(RangefinderCommand.OK);
            assertThat(list.out()).isEqualTo("no runs recorded yet" + System.lineSeparator());
            CliRun show = CliRun.of("runs", "show", good.id());
            assertThat(show.code()).isEqualTo(RangefinderCommand.BAD_INPUT);
            assertThat(show.err()).isEqualTo("rangefinder: no run '" + good.id() + "' in " + notYet
                    + " (see 'rangefinder runs list')" + System.lineSeparator());
        }
        assertThat(workspace.resolve("typo")).doesNotExist();
        assertThat(notYet).doesNotExist();
    }

    /** A run whose record is damaged can still be deleted, by its id or a prefix: that is how one gets rid of it. */
    @Test
    void aDamagedRunIsDeletedByItsId() throws IOException {
        String nan = damaged("20200101-000000-000-abcd", "\"dataset\": \"iris\", \"results\": {\"epochs\": \"NaN\"}");

        CliRun run = CliRun.of("runs", "delete", "--workspace", workspace.toString(), "20200101-000000-000");

        assertThat(run.code()).as(run.err()).isEqualTo(RangefinderCommand.OK);
        assertThat(run.out()).isEqualTo("deleted run " + nan + System.lineSeparator());
        assertThat(workspace.resolve(nan)).doesNotExist();
        assertThat(workspace.resolve(good.id())).exists();
    }

    /**
     * A run folder that cannot be set aside for deletion (here: a leftover of the name it is renamed to first; in
     * life, a read-only workspace) refuses the deletion in one line, naming the folder, and the run stays listed. A
     * deletion that fails part way is renamed back with what is left ({@code AtomicFilesTest}).
     */
    @Test
    void aRunThatCannotBeDeletedIsKeptAndSaysWhy() throws Exception {
        Path folder = workspace.resolve(good.id());
        Path leftover = Files.createDirectory(workspace.resolve(".deleting-" + good.id()));
        Files.writeString(leftover.resolve("model.zip"), "weights");

        CliRun run = CliRun.of("runs", "delete", "--workspace", workspace.toString(), good.id());
        assertThat(run.code()).as(run.err()).isEqualTo(RangefinderCommand.BAD_INPUT);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).startsWith("rangefinder: cannot delete " + folder + ": ")
                .doesNotContain("Exception").hasLineCount(1);
        assertThat(folder.resolve("run.json")).exists();
        CliRun listed = CliRun.of("runs", "list", "--workspace", workspace.toString());
        assertThat(listed.lines()[1]).startsWith(good.id());
        assertThat(listed.err()).isEmpty();

        Files.delete(leftover.resolve("model.zip"));
        Files.delete(leftover);
        CliRun again = CliRun.of("runs", "delete", "--workspace", workspace.toString(), good.id());
        assertThat(again.code()).as(again.err()).isEqualTo(RangefinderCommand.OK);
        assertThat(folder).doesNotExist();
    }

    @Test
    void showingADamagedRunSaysWhichFieldInOneLine() throws IOException {
        String nan = damaged("20200101-000000-000-abcd", "\"dataset\": \"iris\", \"results\": {\"epochs\": \"NaN\"}");
        String late = damaged("20200101-000000-001-abcd", "\"ended\": \"later\", \"dataset\": \"iris\"");
        String none = damaged("20200101-000000-002-abcd", "\"dataset\": null");

        for (String[] expected : new String[][] {
            {nan, "results.epochs must be a number, got \"NaN\""},
            {late, "ended must be an ISO-8601 instant such as 2026-01-31T12:00:00Z, got 'later'"},
            {none, "dataset is required but missing"}}) {
            CliRun run = CliRun.of("runs", "show", "--workspace", workspace.toString(), expected[0]);
            assertThat(run.code()).isEqualTo(RangefinderCommand.BAD_INPUT);
            assertThat(run.out()).isEmpty();
            assertThat(run.err()).isEqualTo("rangefinder: run " + expected[0] + ": its run.json is unreadable ("
                    + expected[1] + ")" + System.lineSeparator());
        }
        CliRun shown = CliRun.of("runs", "show", "--workspace", workspace.toString(), good.id());
        assertThat(shown.code()).as(shown.err()).isEqualTo(RangefinderCommand.OK);
        assertThat(shown.lines()).contains("dataset  iris", "status   failed: out of memory");
    }

    /** A record a newer Rangefinder wrote was read as this version's, silently; it is refused as a newer file is. */
    @Test
    void aRecordOfANewerSchemaIsSkippedInTheListAndRefusedByShow() throws IOException {
        String newer = "20200101-000000-000-abcd";
        Path record = workspace.resolve(damaged(newer, "\"dataset\": \"iris\"")).resolve("run.json");
        Files.writeString(record, Files.readString(record).replace("\"schemaVersion\": 1", "\"schemaVersion\": 99"));
        String why = "run " + newer + ": its run.json is unreadable (schemaVersion 99 is newer than this Rangefinder ("
                + Version.current() + ") reads (up to 1); open it with a newer Rangefinder)";

        CliRun list = CliRun.of("runs", "list", "--workspace", workspace.toString());
        assertThat(list.code()).as(list.err()).isEqualTo(RangefinderCommand.OK);
        assertThat(list.lines()).hasSize(2);
        assertThat(list.lines()[1]).startsWith(good.id());
        assertThat(list.err()).isEqualTo("warning: " + why + "; skipped" + System.lineSeparator());

        CliRun show = CliRun.of("runs", "show", "--workspace", workspace.toString(), newer);
        assertThat(show.code()).isEqualTo(RangefinderCommand.BAD_INPUT);
        assertThat(show.out()).isEmpty();
        assertThat(show.err()).isEqualTo("rangefinder: " + why + System.lineSeparator());
    }

    /**
     * A run whose process is gone, in a workspace where its run.json cannot be written again (read-only), was listed
     * and shown as running, and runs show did not say why. It is shown as interrupted, with a warning that it cannot
     * be marked so. A read-only folder does not stop root, whom the tests may run as: here the workspace is so deep
     * that the file written first beside run.json, before it replaces it, has a longer path than Linux takes (4,095
     * characters; run.json's has 4,085, the other's at least 10 more).
     */
    @Test
    void aRunThatCannotBeMarkedInterruptedIsShownSoWithAWarning() throws Exception {
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        String id = "20200101-000000-000-abcd";
        Path deep = folderOfLength(4085 - ("/" + id + "/run.json").length());
        Path record = Files.createDirectories(deep.resolve(id)).resolve("run.json");
        String running = Json.toString(new RunRecord(1, id, RunKind.RANGE_TEST, RunStatus.RUNNING,
                "2020-01-01T00:00:00Z", null, "iris", ModelSpec.preset("mlp"), null, null, null, null, null,
                gone.pid(), null));
        Files.writeString(record, running);
        String warning = "warning: run " + id + ": its process is gone, but it cannot be marked interrupted (cannot "
                + "write " + record + ": File name too long)" + System.lineSeparator();

        CliRun list = CliRun.of("runs", "list", "--workspace", deep.toString());
        assertThat(list.code()).as(list.err()).isEqualTo(RangefinderCommand.OK);
        assertThat(list.lines()[1]).startsWith(id + "  range-test  interrupted  iris");
        assertThat(list.err()).isEqualTo(warning);
        CliRun show = CliRun.of("runs", "show", "--workspace", deep.toString(), id);
        assertThat(show.code()).as(show.err()).isEqualTo(RangefinderCommand.OK);
        assertThat(show.lines()).contains("status   interrupted (interrupted)");
        assertThat(show.err()).isEqualTo(warning);
        assertThat(record).hasContent(running);
    }

    /** A new folder under the test's whose absolute path has {@code length} characters. */
    private Path folderOfLength(int length) throws IOException {
        Path folder = workspace.toAbsolutePath();
        while (folder.toString().length() < length) {
            int left = length - folder.toString().length() - 1; // after the separator
            folder = folder.resolve("d".repeat(left > 250 ? 200 : left));
        }
        return Files.createDirectories(folder);
    }

    @Test
    void resultsAreWrittenOutToSixDigits() {
        assertThat(RunsCommand.number(20)).isEqualTo("20"); // BigDecimal's toString gave 2E+1
        assertThat(RunsCommand.number(100)).isEqualTo("100");
        assertThat(RunsCommand.number(97.4912345)).isEqualTo("97.4912");
        assertThat(RunsCommand.number(0.00123456789)).isEqualTo("0.00123457");
        assertThat(RunsCommand.number(2.5e-7)).isEqualTo("2.5E-7");
        assertThat(RunsCommand.number(0)).isEqualTo("0");
        // BigDecimal's toString wrote these out in full, where the band below 1e-4 meant an exponent
        assertThat(RunsCommand.number(2.26951e-6)).isEqualTo("2.26951E-6");
        assertThat(RunsCommand.number(-9.5e-5)).isEqualTo("-9.5E-5");
        assertThat(RunsCommand.number(1.234567e10)).isEqualTo("1.23457E10");
    }

    /**
     * A range test read with --method steep: the list shows the suggestion its range came from (it showed valley's
     * beside steep's range), and show says how the range was chosen, with every learning rate as the CLI writes
     * learning rates (steep 0.00000226951 stood beside rangeMin 2.26951E-7) and counts as integers.
     */
    @Test
    void aRangeTestIsListedAndShownWithTheSuggestionItsRangeCameFrom() throws IOException {
        RunHistory history = RunHistory.open(workspace);
        RangeTestConfig config = RangeTestConfig.defaults("digits", ModelSpec.preset("mlp"));
        SuggestionOptions steep = SuggestionOptions.defaults().withRangeMethod(SuggestionMethod.STEEP);
        String id = history.start(RunKind.RANGE_TEST, "digits", config.model(),
                new RunSettings(config, null, DataOptions.defaults(), steep)).id();
        history.finish(id, new RangeTestResult(config, curve(60), StopReason.DIVERGED, 1.5,
                new Suggestions(2.26951e-6, 1.17e-3, 6.1e-2, new LrRange(2.26951e-7, 2.26951e-6), 60, null)));

        CliRun list = CliRun.of("runs", "list", "--workspace", workspace.toString());
        assertThat(list.code()).as(list.err()).isZero();
        assertThat(list.lines()[1]).startsWith(id + "  range-test  finished  digits   mlp 128-128  ")
                .endsWith("  diverged  steep 2.27e-06, range 2.27e-07..2.27e-06");
        CliRun show = CliRun.of("runs", "show", "--workspace", workspace.toString(), id);
        assertThat(show.code()).as(show.err()).isZero();
        assertThat(show.lines()).contains("range           steep / 10 (--method, --range-factor)",
                "points          60", "steep           2.27e-06", "valley          1.17e-03",
                "minimum         6.10e-02", "rangeMin        2.27e-07", "rangeMax        2.27e-06",
                "elapsedSeconds  1.5");
    }

    /**
     * A sweep is listed with its factor and values (it read "sweep ... 4 members"), and shown with a row per member
     * from its members.csv; a training with its schedule and learning rates, from its start.
     */
    @Test
    void aSweepIsListedWithItsValuesAndShownWithItsMembersAndATrainingWithItsSchedule() throws IOException {
        RunHistory history = RunHistory.open(workspace);
        RangeTestConfig config = RangeTestConfig.defaults("digits", ModelSpec.preset("mlp"));
        Sweep sweep = Sweep.parse("weight-decay=1e-2,0");
        String swept = startSweep(history, config, sweep);
        Suggestions suggested = new Suggestions(0.138, 5.86e-3, 6.14e-2, new LrRange(5.86e-4, 5.86e-3), 60, null);
        List<CurvePoint> points = curve(60);
        history.finish(swept, SweepResult.of(sweep, List.of(
                new RangeTestResult(config, points, StopReason.COMPLETED, 1.25, suggested),
                new RangeTestResult(config, points.subList(0, 40), StopReason.DIVERGED, 0.75, suggested))));
        TrainingConfig training = new TrainingConfig("digits", config.model(), OptimizerKind.NESTEROV, 0.9, 0, 64, 1,
                SchedulePolicy.ONE_CYCLE, OneCycleSettings.fromBounds(8, 0.0138, 0.138), null, 0, 42);
        String trained = history.start(RunKind.TRAINING, "digits", config.model(),
                RunSettings.of(training, DataOptions.defaults())).id();
        history.fail(trained, "out of memory");

        CliRun list = CliRun.of("runs", "list", "--workspace", workspace.toString());
        assertThat(list.code()).as(list.err()).isZero();
        assertThat(list.lines()).anyMatch(l -> l.startsWith(swept + "  sweep weight-decay=1e-2,0  "))
                .anyMatch(l -> l.startsWith(trained + "  training one-cycle 1.38e-02..1.38e-01  failed"));
        CliRun show = CliRun.of("runs", "show", "--workspace", workspace.toString(), swept);
        assertThat(show.code()).as(show.err()).isZero();
        List<String> lines = List.of(show.lines());
        assertThat(lines.subList(lines.size() - 4, lines.size())).containsExactly("",
                "run  weight-decay  stop       points  lowest smoothed     at lr  last loss     steep    valley   "
                        + "minimum  1cycle range",
                "  1  1e-2          completed      60           0.9900  1.00e-01     0.9900  1.38e-01  5.86e-03  "
                        + "6.14e-02  5.86e-04 .. 5.86e-03",
                "  2  0             diverged       40           1.1900  1.00e-21     1.1900  1.38e-01  5.86e-03  "
                        + "6.14e-02  5.86e-04 .. 5.86e-03");
    }

    /**
     * A sweep whose record names a factor or value this Rangefinder cannot read (one recorded by a later version, or
     * edited by hand) is shown as recorded, its members left out with a warning saying why; it ended the command in
     * an error, exit code 2, after the record was printed.
     */
    @Test
    void aSweepWhoseValuesCannotBeReadIsShownWithoutItsMembers() throws IOException {
        RunHistory history = RunHistory.open(workspace);
        RangeTestConfig config = RangeTestConfig.defaults("iris", ModelSpec.preset("mlp"));
        Sweep sweep = Sweep.parse("weight-decay=1e-2,0");
        String swept = startSweep(history, config, sweep);
        Suggestions none = new Suggestions(null, null, null, null, 60, null);
        history.finish(swept, SweepResult.of(sweep, List.of(
                new RangeTestResult(config, curve(60), StopReason.COMPLETED, 1.0, none),
                new RangeTestResult(config, curve(60), StopReason.COMPLETED, 1.0, none))));
        Path record = workspace.resolve(swept).resolve("run.json");
        Files.writeString(record, Files.readString(record).replace("weight-decay=1e-2,0", "dropout=0,0.1"));

        CliRun show = CliRun.of("runs", "show", "--workspace", workspace.toString(), swept);

        assertThat(show.code()).as(show.err()).isZero();
        assertThat(show.out()).contains("sweep dropout=0,0.1");
        assertThat(show.err()).isEqualTo("warning: run " + swept + ": its sweep 'dropout=0,0.1' cannot be read (--sweep "
                + "factor must be one of 'weight-decay', 'momentum', 'batch-size', 'optimizer', 'seed', got 'dropout'); its "
                + "members are left out" + System.lineSeparator());
    }

    /** Records the start of a sweep of {@code config}'s members, as range-test does; its id. */
    private static String startSweep(RunHistory history, RangeTestConfig config, Sweep sweep) throws IOException {
        return history.start(RunKind.SWEEP, config.dataset(), config.model(),
                new RunSettings(config, sweep.toString(), DataOptions.defaults())).id();
    }

    /** A curve of {@code n} points, its losses falling 0.01 a point from 1.58 on a ladder rising to 0.1. */
    private static List<CurvePoint> curve(int n) {
        return java.util.stream.IntStream.range(0, n).mapToObj(i -> new CurvePoint(i, 0.1 * Math.pow(10, i - n + 1.0),
                1.58 - 0.01 * i, 1.58 - 0.01 * i)).toList();
    }
}

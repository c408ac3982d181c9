package org.rangefinder.ui.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.collections.ListChangeListener;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rangefinder.data.DataOptions;
import org.rangefinder.data.Dataset;
import org.rangefinder.engine.CancelToken;
import org.rangefinder.engine.StopReason;
import org.rangefinder.files.Json;
import org.rangefinder.history.RunHistory;
import org.rangefinder.history.RunKind;
import org.rangefinder.history.RunRecord;
import org.rangefinder.history.RunSettings;
import org.rangefinder.history.RunStatus;
import org.rangefinder.model.ModelSpec;
import org.rangefinder.rangetest.RangeTest;
import org.rangefinder.rangetest.RangeTestConfig;
import org.rangefinder.rangetest.RangeTestResult;
import org.rangefinder.rangetest.Sweep;
import org.rangefinder.rangetest.SweepResult;
import org.rangefinder.ui.Direct;
import org.rangefinder.ui.chart.LrText;
import org.rangefinder.ui.data.DatasetCache;
import org.rangefinder.ui.rangetest.RangeTestRun;
import org.rangefinder.ui.rangetest.RangeTestViewModel;
import org.rangefinder.ui.rangetest.RunFamily;

/** The History panel's state on real iris range tests, recorded in a temporary folder. */
class HistoryViewModelTest {
    private static final RangeTestConfig IRIS = RangeTestConfig.defaults("iris", ModelSpec.preset("mlp"))
            .withIterations(25);

    @TempDir
    Path folder;

    private final List<String> messages = new ArrayList<>();
    private RangeTestViewModel runs;
    private HistoryViewModel vm;

    @BeforeEach
    void window() {
        HistoryStore store = new HistoryStore(folder, Direct.executor());
        store.setOnProblem(messages::add);
        runs = new RangeTestViewModel(Direct.executor(), new DatasetCache(), store);
        vm = new HistoryViewModel(store, runs);
        vm.setReporter(messages::add);
    }

    @Test
    void aRangeTestIsListedWithItsStopReasonAndValleyOnceItEnds() {
        RangeTestRun run = runs.start(IRIS, DataOptions.defaults());

        assertThat(vm.entries()).hasSize(1);
        RunRecord r = vm.entries().get(0);
        assertThat(r.kind()).isEqualTo(RunKind.RANGE_TEST);
        assertThat(r.status()).isEqualTo(RunStatus.FINISHED);
        assertThat(r.dataset()).isEqualTo("iris");
        assertThat(r.model()).isEqualTo(IRIS.model());
        assertThat(r.stopReason()).isEqualTo(run.state().stopReasonProperty().get().id());
        assertThat(r.results().get("points")).isEqualTo(run.points().size());
        assertThat(r.results().get("valley")).isEqualTo(run.suggestionsProperty().get().valley());
        assertThat(messages).isEmpty();
    }

    /**
     * A run of the window takes its place in the list from the records its start and end wrote: the same records, in
     * the same order, as the whole history read again gives, among runs listed before, a run that failed included.
     */
    @Test
    void runsRecordedInTheWindowAreListedAsTheWholeHistoryListsThem() throws Exception {
        RunHistory cli = RunHistory.open(folder);
        RunRecord earlier = cli.finish(cli.start(RunKind.RANGE_TEST, "iris", IRIS.model(),
                RunSettings.of(IRIS, DataOptions.defaults())).id(), RangeTest.run(
                        new DatasetCache().load("iris", DataOptions.defaults(), () -> false), IRIS, p -> { },
                        new CancelToken()));
        vm.refresh();
        List<List<RunStatus>> seen = new ArrayList<>();
        vm.entries().addListener((ListChangeListener<RunRecord>) c -> seen.add(
                vm.entries().stream().map(RunRecord::status).toList()));

        runs.start(IRIS, DataOptions.defaults());
        runs.start(IRIS.withIterations(20), DataOptions.defaults());
        assertThatThrownBy(() -> vm.store().recording(RunKind.RANGE_TEST, "iris", IRIS.model(),
                RunSettings.of(IRIS, DataOptions.defaults()), () -> {
                    throw new IllegalStateException("no data");
                }, (RunHistory h, String id, RangeTestResult r) -> h.finish(id, r)))
                .hasMessage("no data");

        List<RunRecord> listed = RunHistory.open(folder).list().runs();
        assertThat(listed).hasSize(4).last().isEqualTo(earlier);
        assertThat(vm.entries()).containsExactlyElementsOf(listed);
        assertThat(vm.entries().get(0).status()).isEqualTo(RunStatus.FAILED);
        assertThat(vm.entries().get(0).error()).endsWith("no data");
        // each start shows as running at the top, then its end over it
        assertThat(seen).startsWith(List.of(RunStatus.RUNNING, RunStatus.FINISHED),
                List.of(RunStatus.FINISHED, RunStatus.FINISHED));
        assertThat(messages).isEmpty();
    }

    /**
     * A write lists no run but its own: a run the CLI recorded in the same folder after the list was read shows on
     * Refresh, not after a run of the window is recorded.
     */
    @Test
    void aWriteDoesNotReadTheHistoryAgainButRefreshDoes() throws Exception {
        vm.refresh();
        RunHistory cli = RunHistory.open(folder);
        RunRecord byHand = cli.fail(cli.start(RunKind.RANGE_TEST, "iris", IRIS.model(),
                RunSettings.of(IRIS, DataOptions.defaults())).id(), "stopped by hand");

        runs.start(IRIS, DataOptions.defaults());

        assertThat(vm.entries()).hasSize(1).doesNotContain(byHand);
        assertThat(vm.entries().get(0).status()).isEqualTo(RunStatus.FINISHED);

        vm.refresh();

        List<RunRecord> listed = RunHistory.open(folder).list().runs();
        assertThat(listed).hasSize(2).contains(byHand);
        assertThat(vm.entries()).containsExactlyElementsOf(listed);
        assertThat(messages).isEmpty();
    }

    @Test
    void overlayShowsTheStoredPointsAsARunWithSuggestions() {
        RangeTestRun original = runs.start(IRIS, DataOptions.defaults());
        runs.remove(original);

        vm.overlay(List.copyOf(vm.entries()));

        assertThat(runs.runs()).hasSize(1);
        RangeTestRun overlaid = runs.runs().get(0);
        assertThat(overlaid.state().statusProperty().get()).isEqualTo(org.rangefinder.ui.work.RunStatus.FINISHED);
        // as the run ended: its stop reason, the share of its iterations done, its duration
        assertThat(overlaid.state().outcomeText().get()).isEqualTo(original.state().outcomeText().get());
        assertThat(overlaid.state().progressProperty().get()).isEqualTo(original.state().progressProperty().get());
        assertThat(overlaid.state().durationText().get()).isEqualTo(original.state().durationText().get());
        // named by its model first, then its dataset and when it started, to the second, in this computer's time zone
        String start = "#2 " + IRIS.model().describe() + " · iris ";
        assertThat(overlaid.name()).startsWith(start)
                .matches(".* \\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}");
        LocalDateTime named = LocalDateTime.parse(overlaid.name().substring(start.length()),
                DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss"));
        assertThat(named).isEqualTo(LocalDateTime.ofInstant(vm.entries().get(0).createdAt(), ZoneId.systemDefault())
                .truncatedTo(ChronoUnit.SECONDS));
        assertThat(overlaid.points()).isEqualTo(original.points());
        assertThat(overlaid.suggestionsProperty().get()).isEqualTo(original.suggestionsProperty().get());
        assertThat(runs.selectedProperty().get()).isSameAs(overlaid);
        assertThat(messages).containsExactly("Overlaid 1 curve from the run history");
    }

    /**
     * A range test cancelled part-way and recorded says, overlaid from the history, that its suggestions come from a
     * partial curve, as it said live; a whole one says nothing of the kind, nor does one whose stop reason this
     * Rangefinder does not know (a later version's), which is overlaid all the same.
     */
    @Test
    void aCancelledRangeTestOverlaidSaysItsSuggestionsComeFromAPartialCurve() throws Exception {
        RangeTestConfig config = IRIS.withIterations(60);
        CancelToken token = new CancelToken();
        RangeTestResult cut = RangeTest.run(new DatasetCache().load("iris", DataOptions.defaults(), () -> false),
                config, p -> {
                    if (p.iteration() == 29) {
                        token.cancel();
                    }
                }, token);
        RunHistory history = RunHistory.open(folder);
        RunRecord started = history.start(RunKind.RANGE_TEST, "iris", config.model(),
                RunSettings.of(config, DataOptions.defaults()));
        RunRecord cancelled = history.finish(started.id(), cut);
        runs.remove(runs.start(IRIS, DataOptions.defaults()));
        RunRecord whole = vm.entries().get(0);
        assertThat(cancelled.stopReason()).isEqualTo("cancelled");
        assertThat(cut.points()).hasSize(30);
        assertThat(whole.stopReason()).isNotEqualTo("cancelled");

        vm.overlay(List.of(cancelled));
        vm.overlay(List.of(whole));

        // as a run cancelled in this window says it (RangeTestViewModelTest)
        String partial = "cancelled: curve up to lr " + LrText.format(cut.points().get(29).lr()) + " only";
        assertThat(runs.runs()).extracting(RangeTestRun::partialCurve).containsExactly(partial, null);

        List.copyOf(runs.runs()).forEach(runs::remove);
        Json.write(folder.resolve(cancelled.id()).resolve("run.json"), new RunRecord(cancelled.schemaVersion(),
                cancelled.id(), cancelled.kind(), cancelled.status(), cancelled.created(), cancelled.ended(),
                cancelled.dataset(), cancelled.model(), cancelled.sweep(), cancelled.schedule(), "stalled",
                cancelled.results(), cancelled.error(), cancelled.pid(), cancelled.processStart()));
        vm.refresh();
        messages.clear();
        vm.overlay(vm.entries().stream().filter(r -> r.id().equals(cancelled.id())).toList());
        assertThat(messages).containsExactly("Overlaid 1 curve from the run history");
        assertThat(runs.runs()).extracting(RangeTestRun::partialCurve).containsExactly((String) null);
    }

    /**
     * A sweep whose member was cancelled part-way says, overlaid from the history, that this member's suggestions
     * come from a partial curve, as it said live; the member that ran whole says nothing of the kind, and the seed
     * sweep is summarised as the live one was. A members.csv that says nothing this Rangefinder knows of a member
     * (a later version's stop reason, a layout without the column) overlays the sweep all the same, unmarked.
     */
    @Test
    void aSweepMemberCancelledPartWayOverlaidSaysItsSuggestionsComeFromAPartialCurve() throws Exception {
        Sweep sweep = Sweep.parse("seed=1,2");
        RangeTestConfig base = IRIS.withIterations(60);
        List<RangeTestConfig> configs = sweep.members(base);
        Dataset iris = new DatasetCache().load("iris", DataOptions.defaults(), () -> false);
        RangeTestResult whole = RangeTest.run(iris, configs.get(0), p -> { }, new CancelToken());
        CancelToken token = new CancelToken();
        RangeTestResult cut = RangeTest.run(iris, configs.get(1), p -> {
            if (p.iteration() == 29) {
                token.cancel();
            }
        }, token);
        SweepResult result = SweepResult.of(sweep, List.of(whole, cut));
        RunHistory history = RunHistory.open(folder);
        RunRecord started = history.start(RunKind.SWEEP, "iris", base.model(),
                new RunSettings(base, sweep.toString(), DataOptions.defaults()));
        RunRecord recorded = history.finish(started.id(), result);
        assertThat(whole.stopReason()).isNotEqualTo(StopReason.CANCELLED);
        assertThat(cut.stopReason()).isEqualTo(StopReason.CANCELLED);
        assertThat(cut.points()).hasSize(30);

        vm.overlay(List.of(recorded));

        assertThat(messages).containsExactly("Overlaid 2 curves from the run history");
        String partial = "cancelled: curve up to lr " + LrText.format(cut.points().get(29).lr()) + " only";
        assertThat(runs.runs()).extracting(RangeTestRun::partialCurve).containsExactly(null, partial);
        assertThat(runs.runs().get(0).family().seedsProperty().get()).as("its mean, band and medians, as live")
                .isNotNull().isEqualTo(result.seedSummary());
        assertThat(runs.runs()).as("each member's own time, as its runs list showed it live")
                .extracting(r -> r.state().durationText().get())
                .containsExactly(String.format(Locale.ROOT, "%.1f s", whole.elapsedSeconds()),
                        String.format(Locale.ROOT, "%.1f s", cut.elapsedSeconds()));

        // a member its record says was interrupted is marked as one cancelled
        Path members = folder.resolve(recorded.id()).resolve("members.csv");
        List<String> lines = Files.readAllLines(members);
        Files.write(members, lines.stream().map(l -> l.replace(",cancelled,", ",interrupted,")).toList());
        List.copyOf(runs.runs()).forEach(runs::remove);
        vm.overlay(List.of(recorded));
        assertThat(runs.runs()).extracting(RangeTestRun::partialCurve)
                .containsExactly(null, partial.replace("cancelled:", "interrupted:"));

        for (List<String> unknown : List.of(
                lines.stream().map(l -> l.replace(",cancelled,", ",stalled,")).toList(),
                lines.stream().map(l -> l.replaceFirst(",[^,]*,[^,]*,", ",")).toList())) {
            List.copyOf(runs.runs()).forEach(runs::remove);
            messages.clear();
            Files.write(members, unknown);
            vm.overlay(List.of(recorded));
            assertThat(messages).containsExactly("Overlaid 2 curves from the run history");
            assertThat(runs.runs()).extracting(RangeTestRun::partialCurve).containsExactly(null, null);
            assertThat(runs.runs()).extracting(RangeTestRun::points).containsExactly(whole.points(), cut.points());
        }
    }

    /**
     * A chosen run whose files cannot be read (a curve edited by hand, a sweep's curves gone) is skipped, and the
     * status line says which it was and why; the others are overlaid all the same (one such run kept them all off).
     */
    @Test
    void aRunThatCannotBeReadIsSkippedAndSaidAndTheOthersOverlaid() throws Exception {
        RangeTestRun good = runs.start(IRIS, DataOptions.defaults());
        runs.start(IRIS.withIterations(20), DataOptions.defaults());
        runs.startSweep(IRIS.withIterations(20), Sweep.parse("seed=1,2"), DataOptions.defaults());
        List.copyOf(runs.runs()).forEach(runs::remove);
        RunRecord sweep = vm.entries().get(0);
        RunRecord edited = vm.entries().get(1);
        RunRecord whole = vm.entries().get(2);
        Path curve = folder.resolve(edited.id()).resolve("curve.csv");
        List<String> lines = new ArrayList<>(Files.readAllLines(curve));
        lines.set(4, lines.get(4).replaceFirst("^([^,]*),[^,]*,", "$1,oops,"));
        Files.write(curve, lines);

        vm.overlay(List.of(edited, whole));

        assertThat(runs.runs()).extracting(RangeTestRun::points).containsExactly(good.points());
        String editedProblem = HistoryViewModel.when(edited) + " (" + curve
                + ": line 5, column 2: 'oops' in column lr is not a number)";
        assertThat(messages).containsExactly("Overlaid 1 curve from the run history; skipped 1 run that cannot be "
                + "read: " + editedProblem);

        Path curves = folder.resolve(sweep.id()).resolve("curves.csv");
        Files.delete(curves);
        messages.clear();
        vm.overlay(List.of(sweep, edited, whole));

        assertThat(runs.runs()).hasSize(1);
        assertThat(messages).containsExactly("Nothing overlaid: left out 1 in the runs list already; skipped 2 runs "
                + "that cannot be read: " + HistoryViewModel.when(sweep) + " (" + curves + ": no such file), "
                + editedProblem);
    }

    @Test
    void aRunsKindSaysWhatASweepVariedAndWhichScheduleATrainingFollowed() {
        assertThat(HistoryViewModel.kind(record(RunKind.RANGE_TEST, null, null))).isEqualTo("range test");
        assertThat(HistoryViewModel.kind(record(RunKind.SWEEP, "weight-decay=0,1e-4,1e-3", null)))
                .isEqualTo("sweep of weight decay: 0, 1e-4, 1e-3");
        assertThat(HistoryViewModel.kind(record(RunKind.TRAINING, null, "one-cycle"))).isEqualTo("training, 1cycle");
        assertThat(HistoryViewModel.kind(record(RunKind.TRAINING, null, "constant=0.005")))
                .isEqualTo("training, constant 0.005");
        assertThat(HistoryViewModel.kind(record(RunKind.TRAINING, null, "constant=1.0E-4")))
                .isEqualTo("training, constant 1e-4");
        assertThat(HistoryViewModel.kind(record(RunKind.SWEEP, null, null))).as("recorded before").isEqualTo("sweep");
        assertThat(HistoryViewModel.kind(record(RunKind.TRAINING, null, null))).isEqualTo("training");
    }

    private static RunRecord record(RunKind kind, String sweep, String schedule) {
        return new RunRecord(RunRecord.SCHEMA_VERSION, "20260304-050607-890-abcd", kind, RunStatus.FINISHED,
                "2026-03-04T05:06:07.890Z", null, "iris", null, sweep, schedule, null, null, null, 0, null);
    }

    @Test
    void aRunIsDatedToTheSecondInTheTimeZoneGiven() {
        RunRecord r = new RunRecord(RunRecord.SCHEMA_VERSION, "20260304-050607-890-abcd", RunKind.RANGE_TEST,
                RunStatus.FINISHED, "2026-03-04T05:06:07.890Z", null, "iris", null, null, null, null, null, null, 0,
                null);
        assertThat(HistoryViewModel.when(r, ZoneOffset.UTC)).isEqualTo("2026-03-04 05:06:07");
        assertThat(HistoryViewModel.when(r, ZoneId.of("Asia/Tokyo"))).isEqualTo("2026-03-04 14:06:07");
        assertThat(HistoryViewModel.when(r, ZoneId.of("America/New_York"))).isEqualTo("2026-03-04 00:06:07");
    }

    @Test
    void aSweepIsRecordedOnceAndOverlaysOneRunPerMemberAsAFamily() {
        RunFamily family = runs.startSweep(IRIS, Sweep.parse("seed=1,2"), DataOptions.defaults());
        family.members().forEach(runs::remove);

        assertThat(vm.entries()).extracting(RunRecord::kind).containsExactly(RunKind.SWEEP);
        assertThat(vm.entries().get(0).sweep()).isEqualTo("seed=1,2");
        vm.overlay(List.copyOf(vm.entries()));

        assertThat(runs.runs()).hasSize(2);
        RunFamily overlaidFamily = runs.runs().get(0).family();
        assertThat(overlaidFamily).as("one family, as the live sweep's").isNotNull().isNotSameAs(family);
        assertThat(overlaidFamily.members()).containsExactlyElementsOf(runs.runs());
        assertThat(overlaidFamily.sweep()).isEqualTo(Sweep.parse("seed=1,2"));
        assertThat(overlaidFamily.seedsProperty().get()).as("its mean, band and medians, as the live family's")
                .isNotNull().isEqualTo(family.seedsProperty().get())
                .isEqualTo(family.resultProperty().get().seedSummary());
        assertThat(runs.runs()).extracting(RangeTestRun::colorIndex).as("one colour, shaded per member")
                .containsOnly(runs.runs().get(0).colorIndex());
        for (int m = 0; m < 2; m++) {
            RangeTestRun overlaid = runs.runs().get(m);
            // what tells the members apart first: cut short, a name keeps it
            assertThat(overlaid.name()).startsWith("#" + (3 + m) + " seed=" + (m + 1) + " · iris "
                    + HistoryViewModel.when(vm.entries().get(0)));
            assertThat(overlaid.points()).isEqualTo(family.members().get(m).points());
        }
    }

    @Test
    void curvesInTheRunsListAlreadyAreLeftOutOfAnOverlayWhichSaysSo() {
        RangeTestRun live = runs.start(IRIS, DataOptions.defaults());
        vm.overlay(List.copyOf(vm.entries()));
        assertThat(runs.runs()).as("the run of this window that was recorded").containsExactly(live);
        assertThat(messages).containsExactly("Nothing overlaid: the chosen curve is in the runs list already");

        runs.remove(live);
        vm.overlay(List.copyOf(vm.entries()));
        vm.overlay(List.copyOf(vm.entries()));
        assertThat(runs.runs()).as("overlaid once").hasSize(1);

        RunFamily family = runs.startSweep(IRIS.withIterations(20), Sweep.parse("weight-decay=0,1e-3,1e-2"),
                DataOptions.defaults());
        runs.remove(family.members().get(1));
        messages.clear();
        vm.overlay(List.of(vm.entries().get(0)));
        assertThat(messages).containsExactly("Overlaid 1 curve from the run history; left out 2 in the runs list "
                + "already");
        RangeTestRun overlaid = runs.runs().get(runs.runs().size() - 1);
        assertThat(overlaid.name()).startsWith("#6 weight-decay=1e-3 · iris ");
        assertThat(overlaid.points()).isEqualTo(family.members().get(1).points());
    }

    @Test
    void deleteRemovesTheRunsFolderAndItsEntry() {
        runs.start(IRIS, DataOptions.defaults());
        Path runFolder = folder.resolve(vm.entries().get(0).id());
        assertThat(runFolder.resolve("curve.csv")).exists();

        vm.delete(List.copyOf(vm.entries()));

        assertThat(runFolder).doesNotExist();
        assertThat(vm.entries()).isEmpty();
        assertThat(messages).containsExactly("Deleted 1 run from the run history");
    }

    @Test
    void aCorruptEntryIsSkippedWithAWarningSaidOnce() throws Exception {
        runs.start(IRIS, DataOptions.defaults());
        Path corrupt = Files.createDirectories(folder.resolve("20260101-000000-000-abcd"));
        Files.writeString(corrupt.resolve("run.json"), "{\"schemaVersion\": 1, \"id\": ");

        vm.refresh();
        vm.refresh();

        assertThat(vm.entries()).extracting(RunRecord::kind).containsExactly(RunKind.RANGE_TEST);
        assertThat(messages).hasSize(1);
        assertThat(messages.get(0)).startsWith("Run history: run 20260101-000000-000-abcd: its run.json is unreadable")
                .endsWith("; skipped");
    }

    @Test
    void aHistoryThatCannotBeWrittenIsReportedAndTheRunStillEnds() throws Exception {
        Path notAFolder = Files.writeString(folder.resolve("file"), "");
        HistoryStore store = new HistoryStore(notAFolder, Direct.executor());
        store.setOnProblem(messages::add);
        RangeTestViewModel elsewhere = new RangeTestViewModel(Direct.executor(), new DatasetCache(), store);

        RangeTestRun run = elsewhere.start(IRIS, DataOptions.defaults());

        assertThat(run.state().statusProperty().get()).isEqualTo(org.rangefinder.ui.work.RunStatus.FINISHED);
        assertThat(run.points()).isNotEmpty();
        assertThat(messages).containsExactly("Run history: cannot create the run history folder " + notAFolder
                + ": " + notAFolder + " is a file, not a folder");
    }
}

package org.rangefinder.ui.rangetest;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import javafx.beans.InvalidationListener;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import org.rangefinder.data.DataOptions;
import org.rangefinder.data.Dataset;
import org.rangefinder.history.RunHistory;
import org.rangefinder.history.RunKind;
import org.rangefinder.history.RunSettings;
import org.rangefinder.rangetest.CurveFiles;
import org.rangefinder.rangetest.CurvePoint;
import org.rangefinder.rangetest.RangeTest;
import org.rangefinder.rangetest.RangeTestConfig;
import org.rangefinder.rangetest.RangeTestResult;
import org.rangefinder.rangetest.Suggestions;
import org.rangefinder.rangetest.Sweep;
import org.rangefinder.rangetest.SweepResult;
import org.rangefinder.ui.chart.RunColors;
import org.rangefinder.ui.data.DatasetSource;
import org.rangefinder.ui.data.LoadedDataset;
import org.rangefinder.ui.history.HistoryStore;
import org.rangefinder.ui.work.BackgroundExecutor;
import org.rangefinder.ui.work.Relay;

/**
 * The runs list: starts range tests and sweeps on the background executor (each range test, and each sweep as a
 * whole, is recorded in the run history), opens curves from files or the history, cancels runs and removes them from the list, and
 * tells a listener when a run ends. Every method is called on the FX thread.
 */
public final class RangeTestViewModel {
    private final BackgroundExecutor background;
    private final DatasetSource datasets;
    private final HistoryStore history;
    /**
     * The runs, without an extractor: a list that reported each run's status change as an update made the runs
     * table configure every row again in the frames where a run starts and ends (3-4 ms of the FX thread as a range
     * test started, before styling and layout), though its cells are bound to what they show.
     */
    private final ObservableList<RangeTestRun> runs = FXCollections.observableArrayList();
    private final ObjectProperty<RangeTestRun> selected = new SimpleObjectProperty<>(this, "selected");
    private final ReadOnlyObjectWrapper<Suggestions> selectedSuggestions = new ReadOnlyObjectWrapper<>(this,
            "selectedSuggestions");
    private final ReadOnlyIntegerWrapper active = new ReadOnlyIntegerWrapper(this, "active");
    /** Counts the active runs again; listens to the list and to each run's status. */
    private final InvalidationListener countActive = o -> active.set(
            (int) runs.stream().filter(r -> r.state().statusProperty().get().isActive()).count());
    private Consumer<RangeTestRun> onRunEnded = r -> { };
    private int nextNumber = 1;
    private int nextFamily = 1;
    private int nextColor;

    public RangeTestViewModel(BackgroundExecutor background, DatasetSource datasets, HistoryStore history) {
        this.background = background;
        this.datasets = datasets;
        this.history = history;
        runs.addListener((ListChangeListener<RangeTestRun>) change -> {
            while (change.next()) {
                change.getRemoved().forEach(r -> r.state().statusProperty().removeListener(countActive));
                change.getAddedSubList().forEach(r -> r.state().statusProperty().addListener(countActive));
            }
        });
        runs.addListener(countActive);
        // an invalidation listener, added first: it runs before the views' (JavaFX tells invalidation listeners
        // before change listeners), which read the selected run and its suggestions together; as a change listener
        // the chart read the suggestions of a run deleted, with no run selected
        selected.addListener(o -> {
            RangeTestRun run = selected.get();
            selectedSuggestions.unbind();
            if (run == null) {
                selectedSuggestions.set(null);
            } else {
                selectedSuggestions.bind(run.suggestionsProperty());
            }
        });
    }

    /** Queues one range test; returns its entry in the runs list. */
    public RangeTestRun start(RangeTestConfig config, DataOptions options) {
        int number = nextNumber++;
        RangeTestRun run = new RangeTestRun(number, "#" + number + " " + ExperimentViewModel.describe(config), config,
                null, takeColor(), background.fx());
        runs.add(run);
        submit(run, options);
        selected.set(run);
        return run;
    }

    /**
     * Queues every member of a sweep; they share a family and a colour. The family is complete before its members join
     * the list: each member's shade depends on the family's size, and the chart and the runs list style a run as it
     * joins (added one by one, the first member was drawn unshaded and the last two in the same light shade).
     */
    public RunFamily startSweep(RangeTestConfig base, Sweep sweep, DataOptions options) {
        RunFamily family = new RunFamily(nextFamily++, sweep);
        int color = takeColor();
        List<RangeTestConfig> configs = sweep.members(base);
        for (int i = 0; i < configs.size(); i++) {
            int number = nextNumber++;
            family.add(new RangeTestRun(number, "#" + number + " " + sweep.factor().id() + "="
                    + sweep.values().get(i), configs.get(i), family, color, background.fx()));
        }
        runs.addAll(family.members());
        family.setRecording(history.start(RunKind.SWEEP, base.dataset(), base.model(),
                new RunSettings(base, sweep.toString(), options)));
        family.members().forEach(run -> submit(run, options));
        selected.set(family.members().get(0));
        return family;
    }

    /**
     * Reads a curve made elsewhere (a CSV with columns lr and loss, or a result.json), off the FX thread, to be shown
     * with {@link #show}; a bad file is refused naming it.
     */
    public static RangeTestRun.Recorded readCurve(Path file) {
        return new RangeTestRun.Recorded(file.getFileName().toString(), RangeTestRun.pointsOf(CurveFiles.read(file)));
    }

    /** Shows a curve made elsewhere or recorded earlier as a run, with its suggestions. */
    public RangeTestRun show(RangeTestRun.Recorded curve) {
        int number = nextNumber++;
        RangeTestRun run = RangeTestRun.imported(number, "#" + number + " " + curve.name(), curve, null,
                takeColor());
        runs.add(run);
        selected.set(run);
        return run;
    }

    /**
     * Shows the members of a sweep recorded earlier, one curve per value of {@code sweep}, as a family, as a live
     * sweep's members are shown: one colour, a shade per member; a seed family as its mean over a min/max band, with
     * the medians of its suggestions. Like a live sweep's, the family is complete before its members join the list
     * (their shades depend on its size), and summarised once they have (the chart draws its mean over their curves).
     */
    public RunFamily showFamily(Sweep sweep, List<RangeTestRun.Recorded> members) {
        RunFamily family = new RunFamily(nextFamily++, sweep);
        int color = takeColor();
        for (RangeTestRun.Recorded curve : members) {
            int number = nextNumber++;
            family.add(RangeTestRun.imported(number, "#" + number + " " + curve.name(), curve, family, color));
        }
        runs.addAll(family.members());
        family.recorded();
        selected.set(family.members().get(0));
        return family;
    }

    /**
     * Whether a run of the list has exactly these points: a curve shown already, from a file, the run history or a
     * run of this window (the history keeps a run's points as they were).
     */
    public boolean shows(List<CurvePoint> points) {
        return runs.stream().anyMatch(r -> r.points().size() == points.size() && r.points().equals(points));
    }

    /**
     * Queues the run. Its task waits for the data (loaded on a thread of its own, see {@link DatasetSource}), which
     * the run keeps the description of (an export compares it with the window's), then conducts the range test: its
     * steps run on the carriers of a {@link Relay} of its own.
     */
    private void submit(RangeTestRun run, DataOptions options) {
        run.state().setTask(background.submit(() -> {
            run.state().started();
            LoadedDataset loaded = datasets.loadDescribed(run.config().dataset(), options,
                    run.state().cancelToken()::isCancelled);
            run.dataLoaded(loaded);
            Dataset data = loaded.data();
            try (Relay steps = new Relay("rangefinder-steps-" + run.number())) {
                if (run.family() != null) {
                    return RangeTest.run(data, run.config(), run::pointRecorded, run.state().cancelToken(), steps);
                }
                return history.recording(RunKind.RANGE_TEST, run.config().dataset(), run.config().model(),
                        RunSettings.of(run.config(), options),
                        () -> RangeTest.run(data, run.config(), run::pointRecorded, run.state().cancelToken(), steps),
                        (RunHistory h, String id, RangeTestResult r) -> h.finish(id, r));
            }
        }, result -> ended(run, result), error -> {
            run.state().stoppedBy(error);
            ended(run, null);
        }));
    }

    private void ended(RangeTestRun run, RangeTestResult result) {
        if (result != null) {
            run.finished(result);
        }
        RunFamily family = run.family();
        if (family != null && family.memberEnded(run, result)) {
            recordEnd(family, family.resultProperty().get());
        }
        if (runs.contains(run)) { // a run removed while it was going has left the window
            onRunEnded.accept(run);
        }
    }

    private void recordEnd(RunFamily family, SweepResult result) {
        if (result != null) {
            history.record(family.recording(), (h, id) -> h.finish(id, result));
        } else {
            history.record(family.recording(), (h, id) -> h.fail(id, "fewer than two members ran without failing"));
        }
    }

    /**
     * FX thread, as the window closes, once the workers are done: writes the end of each sweep whose members' ends
     * have not reached the FX thread (they wait behind the closing), from what their work returned. Otherwise the
     * sweep, its finished members' curves included, would be left as interrupted.
     */
    public void recordSweepsAtClose() {
        runs.stream().map(RangeTestRun::family).filter(f -> f != null).distinct().forEach(family -> {
            if (family.recording() != null && family.takeEnd()) {
                recordEnd(family, family.resultAtClose());
            }
        });
    }

    /** Stops a run (within one iteration; its points are kept), or all members of its family. */
    public void cancel(RangeTestRun run) {
        for (RangeTestRun r : run.family() == null ? List.of(run) : run.family().members()) {
            if (r.state().cancel()) {
                ended(r, null);
            }
        }
    }

    public void cancelAll() {
        List.copyOf(runs).stream().filter(r -> r.state().statusProperty().get().isActive()).forEach(this::cancel);
    }

    /**
     * Removes the run from the list, cancelling it if it is going (a sweep's other members go on). When it ends, it
     * is still recorded, and counted by its family, but the window is not told; the run history keeps it.
     */
    public void remove(RangeTestRun run) {
        runs.remove(run);
        if (run.state().cancel()) {
            ended(run, null);
        }
        if (selected.get() == run) {
            selected.set(runs.isEmpty() ? null : runs.get(runs.size() - 1));
        }
    }

    /**
     * The next of the {@link RunColors#LOOKS} run looks in turn that no run on the list has (the next in turn when
     * every one is taken): no two runs look alike while fewer are listed.
     */
    private int takeColor() {
        Set<Integer> taken = new HashSet<>();
        runs.forEach(r -> taken.add(Math.floorMod(r.colorIndex(), RunColors.LOOKS)));
        int look = nextColor % RunColors.LOOKS;
        for (int i = 0; i < RunColors.LOOKS && taken.contains(look); i++) {
            look = (look + 1) % RunColors.LOOKS;
        }
        nextColor = taken.contains(look) ? nextColor + 1 : look + 1;
        return look;
    }

    public ObservableList<RangeTestRun> runs() {
        return runs;
    }

    /** The run whose suggestions are shown and exported. */
    public ObjectProperty<RangeTestRun> selectedProperty() {
        return selected;
    }

    /** The selected run's suggestions; null while it has none (or none is selected). */
    public ReadOnlyObjectProperty<Suggestions> selectedSuggestionsProperty() {
        return selectedSuggestions.getReadOnlyProperty();
    }

    /** Runs queued or running. */
    public ReadOnlyIntegerProperty activeCount() {
        return active.getReadOnlyProperty();
    }

    /** Called on the FX thread when a run ends: finished, failed or cancelled. */
    public void setOnRunEnded(Consumer<RangeTestRun> listener) {
        this.onRunEnded = listener;
    }
}

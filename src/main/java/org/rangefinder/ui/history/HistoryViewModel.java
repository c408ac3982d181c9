package org.rangefinder.ui.history;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.rangefinder.Counts;
import org.rangefinder.engine.StopReason;
import org.rangefinder.history.RunHistory;
import org.rangefinder.history.RunKind;
import org.rangefinder.history.RunRecord;
import org.rangefinder.history.RunStatus;
import org.rangefinder.rangetest.CurvePoint;
import org.rangefinder.rangetest.Sweep;
import org.rangefinder.rangetest.SweepFactor;
import org.rangefinder.train.SchedulePolicy;
import org.rangefinder.ui.form.FieldText;
import org.rangefinder.ui.rangetest.RangeTestRun;
import org.rangefinder.ui.rangetest.RangeTestViewModel;
import org.rangefinder.ui.work.Problems;

/**
 * The History panel's state: the runs of the run history, newest first, read on the history's thread; overlaying
 * recorded range tests and sweeps on the range-test chart (each curve becomes a run of the runs list, as an opened
 * curve file does, a sweep's members a family); deleting runs. A run this window records takes its place in the
 * list as its start and end are written, from the record written, without reading the history again: that read
 * grows with the history, and runs on a thread at the window's priority. The whole history is read on
 * {@link #refresh} (the first load, the Refresh button, after deleting), which also shows the runs recorded
 * elsewhere (the CLI, another window). Called on the FX thread; what goes wrong, and the warnings about unreadable
 * entries, go to the status line.
 */
public final class HistoryViewModel {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    /** This computer's time zone, as the JVM found it at the start. */
    private static final ZoneId HERE = ZoneId.systemDefault();

    private final HistoryStore store;
    private final RangeTestViewModel runs;
    private final ObservableList<RunRecord> entries = FXCollections.observableArrayList();
    private Consumer<String> reporter = m -> { };
    private List<String> warned = List.of();

    public HistoryViewModel(HistoryStore store, RangeTestViewModel runs) {
        this.store = store;
        this.runs = runs;
        store.setOnWritten(this::written);
    }

    /**
     * Puts a record just written in its place among the entries: a run's end over the entry with its id, wherever it
     * is; a run's start as a new entry, before the first older one (newest first, as {@link RunHistory#list} orders
     * them).
     */
    private void written(RunRecord r) {
        for (int i = 0; i < entries.size(); i++) {
            if (entries.get(i).id().equals(r.id())) {
                entries.set(i, r);
                return;
            }
        }
        int i = 0;
        while (i < entries.size() && entries.get(i).id().compareTo(r.id()) > 0) {
            i++;
        }
        entries.add(i, r);
    }

    /** Reads the whole list of runs again; warns (once) of entries that cannot be read. */
    public void refresh() {
        store.read(RunHistory::list, listing -> {
            entries.setAll(listing.runs());
            // said once, not again after every run recorded
            if (!listing.warnings().isEmpty() && !listing.warnings().equals(warned)) {
                reporter.accept("Run history: " + String.join("; ", listing.warnings()));
            }
            warned = listing.warnings();
        }, reporter);
    }

    /**
     * Shows the curves of the range tests and sweeps among {@code chosen} as runs, a sweep's as a family (one colour,
     * a shade per member; a seed sweep's drawn as its mean over a min/max band, with the medians over its seeds), as a
     * live sweep's; each shows in the runs list as it ended (its stop reason, the share of its iterations it
     * recorded, its duration), and one cancelled part-way says, as it did live, that its suggestions
     * come from a partial curve; training runs have none. A curve the runs list holds already (overlaid
     * before, or the run of this window that was recorded) is left out, and the status line says how many were; a
     * run whose files cannot be read (a curve edited by hand) is skipped, the others overlaid, and the status line
     * says which it was (when it started) and why.
     */
    public void overlay(List<RunRecord> chosen) {
        List<RunRecord> withCurves = chosen.stream().filter(HistoryViewModel::hasCurves).toList();
        if (withCurves.isEmpty()) {
            reporter.accept("No range test or sweep chosen: only they have curves to overlay");
            return;
        }
        store.read(h -> overlaysOf(h, withCurves), read -> {
            int shown = 0;
            int inList = 0;
            for (Overlay overlay : read.overlays()) {
                List<Integer> fresh = new ArrayList<>();
                for (int i = 0; i < overlay.curves().size(); i++) {
                    if (!runs.shows(overlay.curves().get(i).points())) {
                        fresh.add(i);
                    }
                }
                inList += overlay.curves().size() - fresh.size();
                shown += fresh.size();
                if (overlay.factor() != null && fresh.size() >= 2) {
                    runs.showFamily(new Sweep(overlay.factor(), fresh.stream().map(overlay.values()::get).toList()),
                            fresh.stream().map(overlay.curves()::get).toList());
                } else {
                    fresh.forEach(i -> runs.show(overlay.curves().get(i)));
                }
            }
            reporter.accept(overlaid(shown, inList, read.unreadable()));
        }, reporter);
    }

    /**
     * What the status line says of an overlay: how many curves it showed, how many it left out as in the runs list
     * already, and the runs it skipped as unreadable, with why.
     *
     * @param unreadable for each run skipped, when it started and why it cannot be read
     */
    private static String overlaid(int shown, int inList, List<String> unreadable) {
        String skipped = unreadable.isEmpty() ? "" : "skipped " + Counts.of(unreadable.size(), "run")
                + " that cannot be read: " + String.join(", ", unreadable);
        if (shown > 0) {
            return "Overlaid " + Counts.of(shown, "curve") + " from the run history"
                    + (inList == 0 ? "" : "; left out " + inList + " in the runs list already")
                    + (skipped.isEmpty() ? "" : "; " + skipped);
        }
        if (skipped.isEmpty()) {
            return "Nothing overlaid: the chosen " + (inList == 1 ? "curve is" : "curves are")
                    + " in the runs list already";
        }
        return "Nothing overlaid: " + (inList == 0 ? "" : "left out " + inList + " in the runs list already; ")
                + skipped;
    }

    /**
     * What one recorded run puts on the chart: a range test's curve, or the curves of a sweep's members with the
     * values of its factor they ran with (shown as a family).
     *
     * @param factor null for a range test
     */
    private record Overlay(SweepFactor factor, List<String> values, List<RangeTestRun.Recorded> curves) {
    }

    /**
     * The chosen runs' overlays, and the runs that could not be read: for each, when it started and why, e.g.
     * {@code 2026-12-07 10:47:36 (/home/ana/.rangefinder/history/20261207-104736-120-k3xq/curve.csv: line 5, column 2:
     * 'oops' in column lr is not a number)}.
     */
    private record Overlays(List<Overlay> overlays, List<String> unreadable) {
    }

    /** A finished range test or sweep: a run that stored curves. */
    public static boolean hasCurves(RunRecord r) {
        return r.kind() != RunKind.TRAINING && r.status() == RunStatus.FINISHED;
    }

    /**
     * The chosen runs' curves, read and made ready to show on the history thread; a run that cannot be read is
     * skipped, and said, the others read all the same.
     */
    private static Overlays overlaysOf(RunHistory history, List<RunRecord> chosen) {
        List<Overlay> overlays = new ArrayList<>();
        List<String> unreadable = new ArrayList<>();
        for (RunRecord r : chosen) {
            try {
                overlays.add(overlayOf(history, r));
            } catch (RuntimeException e) {
                unreadable.add(when(r) + " (" + Problems.describe(e) + ")");
            }
        }
        return new Overlays(overlays, unreadable);
    }

    /** A range test's curve or a sweep's, read from the history. */
    private static Overlay overlayOf(RunHistory history, RunRecord r) {
        // the runs list shows how each run ended: why it stopped (a cancelled run's suggestions also say they come
        // from a partial curve), how much of the iterations it was set to run it recorded, and how long it took
        int planned = history.plannedIterations(r.id());
        if (r.kind() == RunKind.RANGE_TEST) {
            return new Overlay(null, List.of(), List.of(new RangeTestRun.Recorded(
                    overlayName(r, r.model() == null ? null : r.model().describe()), history.curve(r.id()),
                    r.knownStopReason(), planned, r.results().getOrDefault("elapsedSeconds", Double.NaN))));
        }
        Sweep sweep = Sweep.recorded(r.sweep());
        List<List<CurvePoint>> members = history.curves(r.id());
        List<StopReason> stopReasons = history.memberStopReasons(r.id());
        List<Double> seconds = history.memberSeconds(r.id());
        List<String> values = new ArrayList<>();
        List<RangeTestRun.Recorded> curves = new ArrayList<>();
        for (int m = 0; m < members.size(); m++) {
            if (members.get(m).isEmpty()) {
                continue; // a member the sweep stopped before it ran
            }
            values.add(sweep.values().get(m));
            curves.add(new RangeTestRun.Recorded(overlayName(r, sweep.factor().id() + "=" + sweep.values().get(m)),
                    members.get(m), stopReasons.get(m), planned, seconds.get(m) == null ? Double.NaN : seconds.get(m)));
        }
        return new Overlay(sweep.factor(), values, curves);
    }

    /**
     * The name of a recorded curve on the chart: what tells it from the others first (a sweep member's value, a range
     * test's model), then its dataset and when it ran, e.g. {@code weight-decay=1e-4 · digits 2026-12-07 10:47:36},
     * so that a name cut short in the runs list or the legend keeps its distinguishing part.
     */
    static String overlayName(RunRecord r, String distinguishing) {
        return (distinguishing == null ? "" : distinguishing + " · ") + r.dataset() + " " + when(r);
    }

    /** Deletes the runs (their folders and files), then reads the list again. */
    public void delete(List<RunRecord> chosen) {
        List<String> ids = chosen.stream().map(RunRecord::id).toList();
        store.read(h -> h.delete(ids).size(), n -> {
            reporter.accept("Deleted " + Counts.of(n, "run") + " from the run history");
            refresh();
        }, m -> {
            reporter.accept(m);
            refresh();
        });
    }

    /**
     * What a run was, in a few words: {@code range test}; a sweep with what it varied, {@code sweep of weight decay:
     * 0, 1e-4, 1e-3}; a training with its schedule, {@code training, 1cycle} or {@code training, constant 0.005}.
     * A record from before sweeps and schedules were recorded from the start says {@code sweep} or
     * {@code training} alone.
     */
    public static String kind(RunRecord r) {
        return switch (r.kind()) {
            case RANGE_TEST -> "range test";
            case SWEEP -> r.sweep() == null || r.sweep().indexOf('=') < 0 ? "sweep"
                    : "sweep of " + r.sweep().substring(0, r.sweep().indexOf('=')).replace('-', ' ') + ": "
                            + String.join(", ", r.sweep().substring(r.sweep().indexOf('=') + 1).split(","));
            case TRAINING -> r.schedule() == null ? "training" : "training, " + schedule(r.schedule());
        };
    }

    /** A recorded schedule as the window words it: {@code one-cycle} is 1cycle, {@code constant=LR} constant LR. */
    private static String schedule(String recorded) {
        if (recorded.equals(SchedulePolicy.ONE_CYCLE.id())) {
            return "1cycle";
        }
        String constant = SchedulePolicy.CONSTANT.id() + "=";
        if (recorded.startsWith(constant)) {
            try {
                return "constant " + FieldText.of(Double.parseDouble(recorded.substring(constant.length())));
            } catch (NumberFormatException e) {
                return recorded; // a record edited by hand: shown as it is
            }
        }
        return recorded;
    }

    /** When a run was started, in this computer's time zone. */
    public static String when(RunRecord r) {
        return when(r, HERE);
    }

    /** When a run was started, in the time zone {@code zone}, to the second. */
    static String when(RunRecord r, ZoneId zone) {
        return WHEN.withZone(zone).format(r.createdAt());
    }

    /**
     * The runs of the history, newest first, as last read, whatever order a view shows them in: a table sorts a
     * {@link javafx.collections.transformation.SortedList} over them, never this list itself.
     */
    public ObservableList<RunRecord> entries() {
        return entries;
    }

    public HistoryStore store() {
        return store;
    }

    /** Receives the messages for the status line. */
    public void setReporter(Consumer<String> reporter) {
        this.reporter = reporter;
    }
}

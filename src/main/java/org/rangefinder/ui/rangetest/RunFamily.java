package org.rangefinder.ui.rangetest;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.rangefinder.rangetest.RangeTestResult;
import org.rangefinder.rangetest.Sweep;
import org.rangefinder.rangetest.SweepFactor;
import org.rangefinder.rangetest.SweepResult;
import org.rangefinder.ui.history.HistoryStore;

/**
 * The members of one condition sweep, shown as a family: one colour, a shade per member. Once every member has
 * ended, {@link #resultProperty()} holds the engine's {@link SweepResult} over the members that did not fail, those
 * stopped before their first step without points. A seed family's {@link #seedsProperty()} then holds its mean
 * curve, min/max band and median suggestions over the members with points: the engine's, or, for a sweep recorded
 * earlier, read off its members' curves as the engine reads them.
 */
public final class RunFamily {
    private final int number;
    private final Sweep sweep;
    private final List<RangeTestRun> members = new ArrayList<>();
    private final List<RangeTestResult> resultsByMember = new ArrayList<>();
    private final ReadOnlyObjectWrapper<SweepResult> result = new ReadOnlyObjectWrapper<>(this, "result");
    private final ReadOnlyObjectWrapper<SweepResult.SeedSummary> seeds = new ReadOnlyObjectWrapper<>(this, "seeds");
    private int ended;
    private boolean endWritten;
    private HistoryStore.Recording recording;

    RunFamily(int number, Sweep sweep) {
        this.number = number;
        this.sweep = sweep;
    }

    /** Adds a member; all of them are added before any is shown (their shades depend on how many there are). */
    void add(RangeTestRun member) {
        members.add(member);
        resultsByMember.add(null);
    }

    /**
     * FX thread: a member ended, with a result or (null) without one; true when it was the last to end and the
     * family's end is still to be written.
     */
    boolean memberEnded(RangeTestRun member, RangeTestResult memberResult) {
        resultsByMember.set(members.indexOf(member), memberResult);
        if (++ended < members.size()) {
            return false;
        }
        result.set(sweepResult(resultsByMember));
        seeds.set(result.get() == null ? null : result.get().seedSummary());
        return takeEnd();
    }

    /**
     * FX thread, for a sweep recorded earlier once its members are listed: a seed family's summary, read off the
     * members' curves and suggestions, which are those the recorded runs had.
     */
    void recorded() {
        if (sweep.factor() == SweepFactor.SEED) {
            seeds.set(SweepResult.SeedSummary.of(members.stream().map(RangeTestRun::points).toList(),
                    members.stream().map(m -> m.suggestionsProperty().get()).toList()));
        }
    }

    /**
     * FX thread, as the window closes (its workers done, their results still queued for it): the family's result
     * from what each member's work returned, or null when fewer than two did not fail; and whether its end is still
     * to be written (it is written once, here or when the last member's end reaches the FX thread).
     */
    SweepResult resultAtClose() {
        List<RangeTestResult> byMember = new ArrayList<>();
        members.forEach(m -> byMember.add(m.state().workResult() instanceof RangeTestResult r ? r : null));
        return sweepResult(byMember);
    }

    /** Whether the family's end is still to be written; from now on it counts as written. */
    boolean takeEnd() {
        boolean first = !endWritten;
        endWritten = true;
        return first;
    }

    /**
     * The sweep over its members that did not fail: a member stopped before its first step (cancelled while it
     * waited or loaded its data) counts, with no points, as the command line's sweep records it, so that a sweep
     * cancelled after one member keeps that member's curve. Null when fewer than two members are left.
     */
    private SweepResult sweepResult(List<RangeTestResult> byMember) {
        List<String> values = new ArrayList<>();
        List<RangeTestResult> results = new ArrayList<>();
        for (int i = 0; i < members.size(); i++) {
            RangeTestResult r = byMember.get(i);
            RangeTestRun member = members.get(i);
            if (r == null && member.state().cancelToken().isCancelled()
                    && member.state().failureProperty().get() == null && !member.state().workFailed()) {
                r = RangeTestResult.stoppedBeforeItsFirstStep(member.config());
            }
            if (r != null) {
                values.add(sweep.values().get(i));
                results.add(r);
            }
        }
        return results.size() >= 2 ? SweepResult.of(new Sweep(sweep.factor(), values), results) : null;
    }

    void setRecording(HistoryStore.Recording recording) {
        this.recording = recording;
    }

    /** The family's entry in the run history. */
    HistoryStore.Recording recording() {
        return recording;
    }

    public int number() {
        return number;
    }

    public Sweep sweep() {
        return sweep;
    }

    public List<RangeTestRun> members() {
        return Collections.unmodifiableList(members);
    }

    /** The position of a member, 0-based, in the order of the sweep's values. */
    public int indexOf(RangeTestRun member) {
        return members.indexOf(member);
    }

    /** A member's value of the sweep's factor, as the sweep lists it ({@code 1e-3} for a weight decay). */
    public String valueOf(RangeTestRun member) {
        return sweep.values().get(indexOf(member));
    }

    /**
     * The family's result once every member has ended (null before, when fewer than two did not fail, and for a sweep
     * recorded earlier).
     */
    public ReadOnlyObjectProperty<SweepResult> resultProperty() {
        return result.getReadOnlyProperty();
    }

    /**
     * A seed family's mean curve, min/max band and median suggestions: once every member has ended, or, recorded
     * earlier, once its members are listed; null before and for a sweep of another factor.
     */
    public ReadOnlyObjectProperty<SweepResult.SeedSummary> seedsProperty() {
        return seeds.getReadOnlyProperty();
    }

    @Override
    public String toString() {
        return "sweep " + number + ": " + sweep;
    }
}

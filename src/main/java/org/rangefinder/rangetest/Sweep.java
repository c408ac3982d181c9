package org.rangefinder.rangetest;

import java.util.ArrayList;
import java.util.List;
import org.rangefinder.Setting;
import org.rangefinder.SettingProblem;
import org.rangefinder.optim.OptimizerKind;

/**
 * A condition sweep: one factor and the values it takes, e.g. {@code weight-decay=0,1e-4,1e-3}. Each value gives
 * one member, a range test that differs from the base configuration in that factor alone.
 */
public record Sweep(SweepFactor factor, List<String> values) {

    public Sweep {
        values = List.copyOf(values);
        // a value the factor cannot read is what is wrong with a sweep of one value, more than its count
        values.forEach(factor::value);
        if (values.size() < 2) {
            throw new SettingProblem(Setting.SWEEP, "%s needs at least two values, got %s", factor.id(), values.size());
        }
    }

    /**
     * Parses {@code FACTOR=V1,V2,...} as a user writes it, to run it: each value listed once, by value, not by
     * spelling ({@code seed=1,01} would run seed 1 twice, and count it twice in the seeds' medians).
     */
    public static Sweep parse(String text) {
        Sweep sweep = recorded(text);
        List<Object> read = sweep.values.stream().map(sweep.factor::value).toList();
        for (int i = 1; i < read.size(); i++) {
            int first = read.indexOf(read.get(i));
            if (first < i) {
                throw new SettingProblem(Setting.SWEEP, "%s: %s and %s are the same value; list each value once",
                        sweep.factor.id(), sweep.values.get(first), sweep.values.get(i));
            }
        }
        return sweep;
    }

    /**
     * Reads {@code FACTOR=V1,V2,...} as a run recorded it: a sweep run before values were compared by value may list
     * one twice in two spellings ({@code seed=1,01}), and is read as it ran, one member per value.
     */
    public static Sweep recorded(String text) {
        int eq = text.indexOf('=');
        if (eq < 0) {
            throw new SettingProblem(Setting.SWEEP, "expects FACTOR=V1,V2,... (for example weight-decay=0,1e-4,1e-3), "
                    + "got '%s'", text);
        }
        List<String> values = new ArrayList<>();
        String list = text.substring(eq + 1);
        String[] items = list.isBlank() ? new String[0] : list.split(",", -1);
        for (int i = 0; i < items.length; i++) {
            // an empty item is a typo (0,,1e-3), not a value to drop silently
            if (items[i].isBlank()) {
                throw new SettingProblem(Setting.SWEEP, "%s: value %s of %s is empty", text, i + 1, items.length);
            }
            values.add(items[i].trim());
        }
        return new Sweep(SweepFactor.parse(text.substring(0, eq)), values);
    }

    /**
     * The configuration of each member, in the order of the values; checks every value before anything runs. A
     * momentum sweep of plain SGD, which has no momentum, is refused: its members would all run the same test.
     */
    public List<RangeTestConfig> members(RangeTestConfig base) {
        List<RangeTestConfig> members = values.stream().map(v -> factor.apply(base, v)).toList();
        if (factor == SweepFactor.MOMENTUM && !base.optimizer().hasMomentum()) {
            throw OptimizerKind.noMomentumFor(Setting.SWEEP, toString());
        }
        return members;
    }

    @Override
    public String toString() {
        return factor.id() + "=" + String.join(",", values);
    }
}

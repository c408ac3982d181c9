package org.rangefinder.rangetest;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import org.rangefinder.UserInputException;

/**
 * A condition sweep: one factor and the values it takes, e.g. {@code weight-decay=0,1e-4,1e-3}. Each value gives
 * one member, a range test that differs from the base configuration in that factor alone.
 */
public record Sweep(SweepFactor factor, List<String> values) {

    public Sweep {
        values = List.copyOf(values);
        if (values.size() < 2) {
            throw new UserInputException("--sweep " + factor.id() + " needs at least two values, got " + values.size());
        }
        if (new LinkedHashSet<>(values).size() != values.size()) {
            throw new UserInputException("--sweep " + factor.id() + " lists a value twice: " + String.join(",", values));
        }
    }

    /** Parses {@code FACTOR=V1,V2,...}. */
    public static Sweep parse(String text) {
        int eq = text.indexOf('=');
        if (eq < 0) {
            throw new UserInputException("--sweep expects FACTOR=V1,V2,... (for example weight-decay=0,1e-4,1e-3), got '"
                    + text + "'");
        }
        List<String> values = new ArrayList<>();
        String list = text.substring(eq + 1);
        String[] items = list.isBlank() ? new String[0] : list.split(",", -1);
        for (int i = 0; i < items.length; i++) {
            // an empty item is a typo (0,,1e-3), not a value to drop silently
            if (items[i].isBlank()) {
                throw new UserInputException("--sweep " + text + ": value " + (i + 1) + " of " + items.length
                        + " is empty");
            }
            values.add(items[i].trim());
        }
        return new Sweep(SweepFactor.parse(text.substring(0, eq)), values);
    }

    /** The configuration of each member, in the order of the values; checks every value before anything runs. */
    public List<RangeTestConfig> members(RangeTestConfig base) {
        return values.stream().map(v -> factor.apply(base, v)).toList();
    }

    @Override
    public String toString() {
        return factor.id() + "=" + String.join(",", values);
    }
}

package org.rangefinder.hyperparams;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.rangefinder.rangetest.SuggestionMethod;

/** How the learning-rate bounds of a file were chosen: by one of the range test's suggestions, or by hand. */
public enum LrChoice {
    STEEP,
    VALLEY,
    MINIMUM,
    /** Set by the user (markers dragged on the plot, values typed, command-line options). */
    MANUAL;

    public static final List<String> IDS = Arrays.stream(values()).map(LrChoice::id).toList();

    /** The name in files: {@code steep}, {@code valley}, {@code minimum}, {@code manual}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The choice of a range computed with that suggestion method. */
    public static LrChoice of(SuggestionMethod method) {
        return valueOf(method.name());
    }

    static LrChoice parse(String id) {
        return values()[IDS.indexOf(id)];
    }
}

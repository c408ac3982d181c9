package org.rangefinder.ui.rangetest;

import java.util.Locale;
import org.rangefinder.rangetest.SuggestionMethod;

/** How the LR bounds of a cycle were chosen: from one of the range test's suggestions, or by hand. */
public enum BoundsChoice {
    STEEP,
    VALLEY,
    MINIMUM,
    MANUAL;

    /** The name written in exported files: {@code steep}, {@code valley}, {@code minimum}, {@code manual}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static BoundsChoice of(SuggestionMethod method) {
        return valueOf(method.name());
    }
}

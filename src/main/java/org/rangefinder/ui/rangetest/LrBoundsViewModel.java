package org.rangefinder.ui.rangetest;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.rangefinder.hyperparams.Hyperparameters;
import org.rangefinder.hyperparams.LrChoice;
import org.rangefinder.rangetest.SuggestionMethod;
import org.rangefinder.rangetest.SuggestionOptions;
import org.rangefinder.rangetest.Suggestions;

/**
 * The learning-rate bounds of a cycle, as picked on the range-test chart: {@code min} (where the cycle starts) and
 * {@code max} (its peak), and how they were picked. Set from a suggestion, {@code max} is the suggested lr and
 * {@code min = max / rangeFactor} (Smith: a tenth of the maximum; the engine's default factor, 10). Any other change
 * (a dragged marker, a typed value) makes the choice manual.
 */
public final class LrBoundsViewModel {
    private final DoubleProperty min = new SimpleDoubleProperty(this, "min", 1e-3);
    private final DoubleProperty max = new SimpleDoubleProperty(this, "max", 1e-2);
    private final ReadOnlyObjectWrapper<LrChoice> chosenBy = new ReadOnlyObjectWrapper<>(this, "chosenBy",
            LrChoice.MANUAL);
    private final ReadOnlyBooleanWrapper picked = new ReadOnlyBooleanWrapper(this, "picked");
    /** What a bound's field holds that is no learning rate (the bound keeps its last value meanwhile); null: none. */
    private final StringProperty typedProblem = new SimpleStringProperty(this, "typedProblem");
    private final StringBinding problem = Bindings.createStringBinding(this::check, min, max, typedProblem);
    private boolean settingFromSuggestion;
    /** The run whose suggestion the bounds were last set from; null when none (a seed median, a file, by hand). */
    private RangeTestRun source;
    /** The hyperparameter file the bounds were last read from; null when none (a suggestion, by hand). */
    private Hyperparameters file;

    public LrBoundsViewModel() {
        min.addListener((o, old, v) -> changedByHand());
        max.addListener((o, old, v) -> changedByHand());
    }

    private void changedByHand() {
        if (!settingFromSuggestion) {
            chosenBy.set(LrChoice.MANUAL);
            picked.set(true);
        }
    }

    private String check() {
        if (typedProblem.get() != null) {
            return typedProblem.get();
        }
        if (!(min.get() > 0) || !Double.isFinite(min.get())) {
            return "min LR must be a number > 0";
        }
        if (!(max.get() > min.get()) || !Double.isFinite(max.get())) {
            return "max LR must be above min LR";
        }
        return null;
    }

    /**
     * Sets the bounds from one of the suggestions; returns false (and changes nothing) when the curve has no such
     * suggestion.
     */
    public boolean setFrom(SuggestionMethod method, Suggestions suggestions) {
        return setFrom(method, suggestions.lr(method));
    }

    /**
     * Sets the bounds from a suggestion of {@code run}'s curve, and remembers the run: an exported hyperparameter file
     * names the range test its bounds came from, which need not be the run selected by then. Returns false (and
     * changes nothing) when there is no such suggestion.
     */
    public boolean setFrom(SuggestionMethod method, Double top, RangeTestRun run) {
        if (!setFrom(method, top)) {
            return false;
        }
        source = run;
        return true;
    }

    /** The run whose suggestion the bounds were last set from (kept while they are adjusted by hand); or null. */
    public RangeTestRun source() {
        return source;
    }

    /**
     * Sets the bounds a hyperparameter file holds, and remembers the file: an export names the range test the file
     * names (its {@code rangeTest}, none when it has none), not a run of the window's.
     */
    public void set(Hyperparameters read) {
        set(read.lr().min(), read.lr().max(), read.lr().choice());
        file = read;
    }

    /** The hyperparameter file the bounds were last read from (kept while they are adjusted by hand); or null. */
    public Hyperparameters file() {
        return file;
    }

    /**
     * Sets the bounds to {@code [top / factor, top]} (the default range factor), chosen by {@code method}: the
     * suggestion of one curve, or the median over a seed family's curves. Returns false (and changes nothing) when
     * {@code top} is null.
     */
    public boolean setFrom(SuggestionMethod method, Double top) {
        if (top == null) {
            return false;
        }
        set(top / SuggestionOptions.defaults().rangeFactor(), top, LrChoice.of(method));
        return true;
    }

    /** Sets both bounds and says how they were chosen (a suggestion); they come from no run nor file. */
    public void set(double minLr, double maxLr, LrChoice choice) {
        source = null;
        file = null;
        settingFromSuggestion = true;
        try {
            // max first when it grows, min first when it shrinks, so that min < max holds at every step
            if (maxLr > max.get()) {
                max.set(maxLr);
                min.set(minLr);
            } else {
                min.set(minLr);
                max.set(maxLr);
            }
        } finally {
            settingFromSuggestion = false;
        }
        chosenBy.set(choice);
        picked.set(true);
    }

    /** Where the cycle starts. */
    public DoubleProperty minProperty() {
        return min;
    }

    /** The cycle's peak. */
    public DoubleProperty maxProperty() {
        return max;
    }

    public ReadOnlyObjectProperty<LrChoice> chosenByProperty() {
        return chosenBy.getReadOnlyProperty();
    }

    /** False until the bounds were set by the user or from a suggestion (the defaults are only a placeholder). */
    public ReadOnlyBooleanProperty pickedProperty() {
        return picked.getReadOnlyProperty();
    }

    /**
     * What a bound's field holds that is no learning rate, set by the view: the cycle must not launch, nor be
     * exported, with the last valid value the field no longer shows.
     */
    public StringProperty typedProblemProperty() {
        return typedProblem;
    }

    /** Why the bounds cannot make a cycle; null when they can. */
    public StringBinding problem() {
        return problem;
    }
}

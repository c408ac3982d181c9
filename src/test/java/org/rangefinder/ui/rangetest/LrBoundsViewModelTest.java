package org.rangefinder.ui.rangetest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.rangefinder.hyperparams.LrChoice;
import org.rangefinder.rangetest.LrRange;
import org.rangefinder.rangetest.SuggestionMethod;
import org.rangefinder.rangetest.Suggestions;

class LrBoundsViewModelTest {
    private final LrBoundsViewModel bounds = new LrBoundsViewModel();
    private final Suggestions suggestions = new Suggestions(3e-3, 1.2e-3, 4e-2, new LrRange(1.2e-4, 1.2e-3), 90, null);

    @Test
    void aSuggestionSetsMaxAndATenthOfItAsMin() {
        assertThat(bounds.setFrom(SuggestionMethod.STEEP, suggestions)).isTrue();
        assertThat(bounds.maxProperty().get()).isEqualTo(3e-3);
        assertThat(bounds.minProperty().get()).isEqualTo(3e-3 / 10);
        assertThat(bounds.chosenByProperty().get()).isEqualTo(LrChoice.STEEP);
        assertThat(bounds.pickedProperty().get()).isTrue();
        bounds.setFrom(SuggestionMethod.MINIMUM, suggestions);
        assertThat(bounds.maxProperty().get()).isEqualTo(4e-2);
        assertThat(bounds.chosenByProperty().get()).isEqualTo(LrChoice.MINIMUM);
    }

    @Test
    void aMedianOverSeedsSetsTheBoundsLikeOneCurvesSuggestion() {
        assertThat(bounds.setFrom(SuggestionMethod.VALLEY, 2.5e-3)).isTrue();
        assertThat(bounds.maxProperty().get()).isEqualTo(2.5e-3);
        assertThat(bounds.minProperty().get()).isEqualTo(2.5e-3 / 10);
        assertThat(bounds.chosenByProperty().get()).isEqualTo(LrChoice.VALLEY);
        assertThat(bounds.setFrom(SuggestionMethod.STEEP, (Double) null)).isFalse();
        assertThat(bounds.maxProperty().get()).isEqualTo(2.5e-3);
    }

    @Test
    void eachMethodReadsItsOwnSuggestion() {
        assertThat(suggestions.lr(SuggestionMethod.STEEP)).isEqualTo(3e-3);
        assertThat(suggestions.lr(SuggestionMethod.VALLEY)).isEqualTo(1.2e-3);
        assertThat(suggestions.lr(SuggestionMethod.MINIMUM)).isEqualTo(4e-2);
    }

    @Test
    void anyOtherChangeMakesTheChoiceManual() {
        bounds.setFrom(SuggestionMethod.VALLEY, suggestions);
        bounds.maxProperty().set(2e-3);
        assertThat(bounds.chosenByProperty().get()).isEqualTo(LrChoice.MANUAL);
    }

    @Test
    void aMissingSuggestionChangesNothing() {
        Suggestions none = new Suggestions(null, null, null, null, 5, "only 5 points");
        assertThat(bounds.setFrom(SuggestionMethod.VALLEY, none)).isFalse();
        assertThat(bounds.maxProperty().get()).isEqualTo(1e-2);
        assertThat(bounds.pickedProperty().get()).isFalse();
    }

    @Test
    void minMustStayBelowMax() {
        assertThat(bounds.problem().get()).isNull();
        bounds.minProperty().set(0.05);
        assertThat(bounds.problem().get()).isEqualTo("max LR must be above min LR");
        bounds.minProperty().set(0);
        assertThat(bounds.problem().get()).isEqualTo("min LR must be a number > 0");
    }
}

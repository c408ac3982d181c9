package org.rangefinder.ui.chart;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LrTextTest {

    @Test
    void formatsLearningRatesWithThreeSignificantDigits() {
        assertThat(LrText.format(0.0031622776)).isEqualTo("0.00316");
        assertThat(LrText.format(3.1622776e-5)).isEqualTo("3.16e-5");
        assertThat(LrText.format(1e-7)).isEqualTo("1e-7");
        assertThat(LrText.format(1.5)).isEqualTo("1.5");
        assertThat(LrText.format(12345)).isEqualTo("1.23e4");
    }

    @Test
    void roundsToThreeSignificantDigits() {
        assertThat(LrText.round(0.0031622776)).isEqualTo(0.00316);
        assertThat(LrText.round(7.278953843983154E-4)).isEqualTo(7.28e-4);
    }

    @Test
    void theNearestValuesOfThreeSignificantDigitsBelowAndAbove() {
        assertThat(LrText.below(0.01)).isEqualTo(0.00999);
        assertThat(LrText.below(0.0123)).isEqualTo(0.0122);
        assertThat(LrText.below(0.012345)).isEqualTo(0.0123);
        assertThat(LrText.below(1)).isEqualTo(0.999);
        assertThat(LrText.below(3e-5)).isEqualTo(2.99e-5);
        assertThat(LrText.above(0.01)).isEqualTo(0.0101);
        assertThat(LrText.above(0.00999)).isEqualTo(0.01);
        assertThat(LrText.above(0.012345)).isEqualTo(0.0124);
        assertThat(LrText.above(9.99)).isEqualTo(10);
    }
}

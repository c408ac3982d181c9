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
}

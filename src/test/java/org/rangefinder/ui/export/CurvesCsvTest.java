package org.rangefinder.ui.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.rangefinder.rangetest.CurvePoint;

class CurvesCsvTest {
    private final List<CurvePoint> a = List.of(new CurvePoint(0, 1e-7, 2.5, 2.5), new CurvePoint(1, 1e-6, 2.25, 2.3737));
    private final List<CurvePoint> b = List.of(new CurvePoint(0, 0.001, Double.NaN, Double.NaN));

    @Test
    void oneCurveHasNoRunColumn() {
        assertThat(CurvesCsv.format(List.of(new CurvesCsv.Curve("1", a))))
                .isEqualTo("iteration,lr,loss,smoothed_loss\n0,1.0E-7,2.5,2.5\n1,1.0E-6,2.25,2.3737\n");
    }

    @Test
    void severalCurvesAreTellApartByTheRunColumn() {
        assertThat(CurvesCsv.format(List.of(new CurvesCsv.Curve("3", a), new CurvesCsv.Curve("4", b))))
                .isEqualTo("run,iteration,lr,loss,smoothed_loss\n3,0,1.0E-7,2.5,2.5\n3,1,1.0E-6,2.25,2.3737\n"
                        + "4,0,0.001,NaN,NaN\n");
    }
}

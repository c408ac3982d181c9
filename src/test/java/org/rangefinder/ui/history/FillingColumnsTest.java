package org.rangefinder.ui.history;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The History table's column widths, against widths worked out by hand. */
class FillingColumnsTest {
    private static final double[] NATURAL = {100, 150, 100};
    /** The first column keeps all of its width; the last gives up room first, down to 40; the middle one to 60. */
    private static final double[] FLOOR = {100, 60, 40};
    private static final int[] TURN = {0, 1, 0};

    @Test
    void columnsThatFitTakeTheirNaturalWidthsAndTheLastTheRoomTheyLeave() {
        assertThat(FillingColumns.fit(500, NATURAL, FLOOR, TURN)).containsExactly(100, 150, 250);
        assertThat(FillingColumns.fit(350, NATURAL, FLOOR, TURN)).containsExactly(100, 150, 100);
    }

    @Test
    void shortOfRoomTheColumnsGiveItUpInTurnsDownToTheirFloors() {
        // 60 short: the last column's turn gives all of it (it has 100 - 40 = 60 above its floor)
        assertThat(FillingColumns.fit(290, NATURAL, FLOOR, TURN)).containsExactly(100, 150, 40);
        // 100 short: 60 from the last, then 40 of the 90 the middle one has above its floor
        assertThat(FillingColumns.fit(250, NATURAL, FLOOR, TURN)).containsExactly(100, 110, 40);
        // 200 short: all at their floors, 50 past the room
        assertThat(FillingColumns.fit(150, NATURAL, FLOOR, TURN)).containsExactly(100, 60, 40);
    }

    @Test
    void theColumnsOfATurnGiveInProportionToWhatTheyHaveAboveTheirFloorsInWholePixels() {
        // 100 short of 100 + 200 above the floors: a third of each, 33.3 and 66.7
        assertThat(FillingColumns.fit(400, new double[] {200, 300}, new double[] {100, 100}, new int[] {0, 0}))
                .containsExactly(166, 233);
        // a column narrower than its floor keeps its width
        assertThat(FillingColumns.fit(250, new double[] {50, 300}, new double[] {100, 100}, new int[] {0, 0}))
                .containsExactly(50, 200);
    }
}

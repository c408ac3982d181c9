package org.rangefinder.ui.rangetest;

import javafx.scene.Node;
import org.rangefinder.ui.chart.RunColors;
import org.rangefinder.ui.chart.SeriesLook;

/**
 * How a run is drawn: its colour, shaded within its family; smoothed loss bold, raw loss faint; a seed family's
 * mean dashed over its min/max band.
 */
public final class RunLooks {

    private RunLooks() {
    }

    static double shade(RangeTestRun run) {
        RunFamily family = run.family();
        return family == null ? RunColors.OWN : RunColors.memberShade(family.indexOf(run), family.members().size());
    }

    public static SeriesLook smoothed(RangeTestRun run) {
        return RunColors.look(run.colorIndex(), shade(run), "smoothed-line");
    }

    /**
     * Faint, without a legend entry; shown, it fits the loss axis as the smoothed line does, without its diverged tail
     * ({@link org.rangefinder.ui.chart.LossRange}), so that its dips below the smoothed line stay on the plot.
     */
    public static SeriesLook raw(RangeTestRun run) {
        return RunColors.look(run.colorIndex(), shade(run), "raw-line").withoutLegend();
    }

    public static SeriesLook familyMean(RunFamily family) {
        return RunColors.look(family.members().get(0).colorIndex(), RunColors.OWN, "smoothed-line", "dashed-line");
    }

    public static SeriesLook familyBand(RunFamily family) {
        return RunColors.look(family.members().get(0).colorIndex(), RunColors.OWN);
    }

    /** A colour swatch for the runs list. */
    static void swatch(Node node, RangeTestRun run) {
        RunColors.apply(node, "run-swatch", run.colorIndex(), shade(run));
    }
}

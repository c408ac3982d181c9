package org.rangefinder.ui.export;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.rangefinder.data.DataOptions;
import org.rangefinder.hyperparams.DatasetSection;
import org.rangefinder.hyperparams.Hyperparameters;
import org.rangefinder.hyperparams.OneCycleSection;
import org.rangefinder.hyperparams.RangeTestSection;
import org.rangefinder.model.ModelSpec;
import org.rangefinder.optim.Optimizer;
import org.rangefinder.optim.OptimizerKind;
import org.rangefinder.schedule.Anneal;
import org.rangefinder.schedule.LadderMode;
import org.rangefinder.ui.form.FieldText;
import org.rangefinder.ui.onecycle.OneCycleViewModel;
import org.rangefinder.ui.rangetest.ExperimentViewModel;
import org.rangefinder.ui.rangetest.LrBoundsViewModel;

/**
 * Fills the window's forms from a hyperparameter file, the reverse of {@link HyperparameterExport}: the data's
 * options, model and optimizer into the experiment panel (with the range test's own settings when the file has one,
 * but for its optimizer, momentum and seed, which the panel holds once, the training's: a note names those that
 * differ), the bounds onto the markers, the schedule and training settings into the 1cycle panel. The dataset itself is the
 * caller's to choose, after these (so that its first load has the file's options): a file or folder of the user's is
 * imported, as Import dataset does.
 */
public final class HyperparameterImport {

    private HyperparameterImport() {
    }

    /** Fills the forms; returns what the window could not take over as it was, one line each. */
    public static List<String> fill(Hyperparameters h, ExperimentViewModel x, OneCycleViewModel cycle,
                                    LrBoundsViewModel bounds) {
        List<String> notes = new ArrayList<>();
        DatasetSection d = h.dataset();
        x.labelColumnProperty().set(d.labelColumn() == null ? "" : d.labelColumn());
        x.valFractionProperty().set(FieldText.of(d.validationFraction()));
        DataOptions images = d.dataOptions(); // the defaults where the file has no image options
        x.imageSizeProperty().set(images.imageSizeText());
        x.rgbProperty().set(!images.grayscale());
        x.seedProperty().set(String.valueOf(h.seed()));
        if (d.splitSeed() != h.seed()) {
            notes.add("the file splits the data with seed " + d.splitSeed() + " and trains with seed " + h.seed()
                    + "; the window uses one seed for both: " + h.seed());
        }
        ModelSpec m = h.model();
        x.modelPresetProperty().set(m.preset());
        if (m.hiddenSizes() != null) {
            x.hiddenSizesProperty().set(m.hiddenSizes().stream().map(String::valueOf).collect(Collectors.joining(", ")));
            x.batchNormProperty().set(m.batchNorm());
        }
        if (m.dropout() != null) {
            x.dropoutProperty().set(FieldText.of(m.dropout()));
        }
        if (m.blocks() != null) {
            x.blocksProperty().set(String.valueOf(m.blocks()));
            x.channelsProperty().set(String.valueOf(m.channels()));
        }
        Optimizer o = h.optimizer().optimizer();
        x.optimizerProperty().set(o.kind());
        x.momentumProperty().set(FieldText.of(o.momentum()));
        RangeTestSection r = h.rangeTest();
        x.weightDecayProperty().set(FieldText.of(r != null ? r.weightDecay() : o.weightDecay()));
        x.batchSizeProperty().set(String.valueOf(r != null ? r.batchSize() : h.batchSize()));
        if (r != null) {
            String note = rangeTestNote(r, o, h.seed());
            if (note != null) {
                notes.add(note);
            }
            x.startLrProperty().set(FieldText.of(r.startLr()));
            x.endLrProperty().set(FieldText.of(r.endLr()));
            x.iterationsProperty().set(String.valueOf(r.iterations()));
            x.modeProperty().set(LadderMode.parse(r.mode()));
            x.stepSizeProperty().set(String.valueOf(r.stepSize()));
            x.smoothingProperty().set(FieldText.of(r.smoothing()));
            x.divergeProperty().set(FieldText.of(r.divergeFactor()));
            x.valBatchesProperty().set(String.valueOf(r.validationBatches()));
        }
        OneCycleSection s = h.oneCycle();
        cycle.epochsProperty().set(String.valueOf(h.epochs()));
        cycle.batchSizeProperty().set(String.valueOf(h.batchSize()));
        cycle.weightDecayProperty().set(FieldText.of(o.weightDecay()));
        cycle.evalEveryProperty().set(String.valueOf(h.evalEvery()));
        cycle.pctStartProperty().set(FieldText.of(s.pctStart()));
        cycle.annealProperty().set(Anneal.parse(s.anneal()));
        cycle.threePhaseProperty().set(s.threePhase());
        cycle.cycleMomentumProperty().set(s.cycleMomentum());
        cycle.baseMomentumProperty().set(FieldText.of(s.baseMomentum()));
        cycle.maxMomentumProperty().set(FieldText.of(s.maxMomentum()));
        cycle.finalDivFactorProperty().set(FieldText.of(s.finalDivFactor()));
        bounds.set(h);
        return notes;
    }

    /**
     * What a range test run again from the filled forms would change: the experiment panel holds one optimizer,
     * momentum and seed, the training's, for its range tests too; each of those that the file's range test ran with
     * another of is named with both values ({@code optimizer adam and seed 7}). A momentum is named only where both the
     * range test's optimizer and the training's use one (plain SGD's is unused). Null when none differs.
     */
    private static String rangeTestNote(RangeTestSection r, Optimizer training, long seed) {
        List<String> ran = new ArrayList<>();
        List<String> trains = new ArrayList<>();
        if (!r.optimizer().equals(training.kind().id())) {
            ran.add("optimizer " + r.optimizer());
            trains.add("optimizer " + training.kind().id());
        }
        if (r.momentum() != training.momentum() && OptimizerKind.parse(r.optimizer()).hasMomentum()
                && training.kind().hasMomentum()) {
            ran.add("momentum " + FieldText.of(r.momentum()));
            trains.add("momentum " + FieldText.of(training.momentum()));
        }
        if (r.seed() != seed) {
            ran.add("seed " + r.seed());
            trains.add("seed " + seed);
        }
        return ran.isEmpty() ? null : "the file's range test ran with " + listed(ran) + ", its training with "
                + listed(trains) + "; the window uses the training's for both";
    }

    /** {@code a}, {@code a and b}, {@code a, b and c}. */
    private static String listed(List<String> items) {
        int last = items.size() - 1;
        return last == 0 ? items.get(0) : String.join(", ", items.subList(0, last)) + " and " + items.get(last);
    }
}

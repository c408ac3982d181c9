package org.rangefinder.handoff;

import static org.rangefinder.handoff.CodeExport.cycle;
import static org.rangefinder.handoff.CodeExport.cyclesMomentum;
import static org.rangefinder.handoff.CodeExport.py;

import org.rangefinder.hyperparams.Hyperparameters;
import org.rangefinder.optim.Optimizer;
import org.rangefinder.optim.OptimizerKind;
import org.rangefinder.schedule.Anneal;
import org.rangefinder.schedule.OneCycleSettings;

/**
 * fastai: {@code Learner.fit_one_cycle} with the closest arguments: {@code lr_max = max_lr}, {@code div},
 * {@code div_final = div * final_div_factor} (fastai divides {@code lr_max} by it for the last step),
 * {@code pct_start}, {@code moms = (max, base, max)} and {@code wd}. Where it cannot match, a comment says so; the
 * updates differ from DL4J's where PyTorch's do, in the words of {@link PyTorchSnippet}: fastai's Adam adds epsilon
 * after the bias correction, and the {@code torch.optim.SGD(nesterov=True)} it may wrap for Nesterov is PyTorch's.
 */
final class FastaiSnippet {
    private FastaiSnippet() {
    }

    /**
     * Whether fastai's last step, at {@code (T-1)/T} of its cycle, is still in the warm-up: where
     * {@code pct_start > (T-1)/T}, fastai's peak comes after it, and fastai never anneals.
     */
    static boolean fastaiEndsWarmingUp(OneCycleSettings s) {
        int t = s.totalSteps();
        return (t - 1.0) / t < s.pctStart();
    }

    /**
     * The learning rate of fastai's last step for these settings: {@code combined_cos} at {@code pos = (T-1)/T}. In
     * its warm-up ({@link #fastaiEndsWarmingUp}) that is {@code sched_cos(start, max, pos / pct_start)} with
     * {@code start = max / div}; in its annealing {@code sched_cos(max, end, (pos - pct_start) / (1 - pct_start))}
     * with {@code end = max / (div * final_div_factor)} (fastai computes in float32, hence "about").
     */
    static double fastaiLastLr(OneCycleSettings s) {
        int t = s.totalSteps();
        double pos = (t - 1.0) / t;
        double end = s.maxLr() / (s.divFactor() * s.finalDivFactor());
        return fastaiEndsWarmingUp(s) ? schedCos(s.initialLr(), s.maxLr(), pos / s.pctStart())
                : schedCos(s.maxLr(), end, (pos - s.pctStart()) / (1 - s.pctStart()));
    }

    /**
     * fastai's {@code sched_cos(start, end, pos)}: {@code start + (1 + cos(pi (1 - pos))) (end - start) / 2}, that is
     * {@code start + (end - start) (1 - cos(pi pos)) / 2}, from {@code start} at 0 to {@code end} at 1.
     */
    private static double schedCos(double start, double end, double pos) {
        return start + (end - start) * (1 - Math.cos(Math.PI * pos)) / 2;
    }

    private static String lr(double value) {
        return String.format(java.util.Locale.ROOT, "%.2e", value);
    }

    /**
     * The end of the note on where fastai puts its steps: where its last step runs, against Rangefinder's last. A run
     * of fit_one_cycle's shape (two cosine phases) has fastai's annealing one step behind; where fastai's last step
     * still warms up, it has no annealing at all.
     */
    private static String lastStep(OneCycleSettings s) {
        String last = lr(fastaiLastLr(s)) + " where\n#   Rangefinder's runs at " + lr(s.minLr());
        if (fastaiEndsWarmingUp(s)) {
            return "#   here after its last step (at (T-1)/T), which still warms up at about " + last
                    + ": fastai never anneals.\n";
        }
        boolean sameShape = s.anneal() == Anneal.COS && !s.threePhase();
        return (sameShape
                ? "#   its annealing runs one step behind throughout (its step i + 1 has Rangefinder's step\n"
                        + "#   i's LR), and its last step"
                : "#   and its last step")
                + " (at (T-1)/T) runs at about " + last + ".\n";
    }

    static String of(Hyperparameters h, String source) {
        OneCycleSettings s = cycle(h);
        OptimizerKind kind = CodeExport.kind(h);
        double momentum = CodeExport.momentum(h);
        boolean cycles = cyclesMomentum(h);
        double top = cycles ? s.maxMomentum() : kind.hasMomentum() ? momentum : 0;
        double middle = cycles ? s.baseMomentum() : top;
        String optFunc = switch (kind) {
            case ADAM -> "partial(Adam, sqr_mom=" + py(Optimizer.ADAM_BETA2) + ", eps=" + py(Optimizer.ADAM_EPSILON)
                    + ")";
            // fastai's SGD adds its momentum step only when built with mom != 0; fit_one_cycle then moves it
            case NESTEROV -> top > 0 ? "partial(SGD, mom=" + py(top) + ")" : "SGD";
            case SGD -> "SGD";
        };
        StringBuilder notes = new StringBuilder()
                .append("# Closest fastai equivalent of the run; where the conventions differ:\n")
                .append("# - fastai puts step i at i/T of the cycle; PyTorch and Rangefinder end the warm-up at step\n")
                .append("#   pct_start*T - 1 and the cycle at step T - 1. So fastai's warm-up peaks one step later,\n")
                .append(lastStep(s))
                .append("# - fit_one_cycle anneals with cosines in both phases (warm-up included)");
        notes.append(s.anneal() == Anneal.COS ? ", as this run does.\n"
                : "; this run anneals linearly: for\n#   that, use a ParamScheduler with SchedLin pieces.\n");
        if (s.threePhase()) {
            notes.append("# - fit_one_cycle has no three-phase cycle: this run goes back down to lr_max/div\n")
                    .append("#   before the final annealing; combine_scheds with three pieces does that.\n");
        }
        notes.append("# - div_final is the whole way from lr_max to the last lr: div_factor * final_div_factor.\n")
                .append("# - moms is (start, middle, end) = (max_momentum, base_momentum, max_momentum)");
        notes.append(cycles ? ".\n" : "; constant here.\n");
        if (kind == OptimizerKind.NESTEROV) {
            notes.append("# - fastai's SGD momentum is heavy-ball, not Nesterov; for Nesterov wrap\n")
                    .append("#   torch.optim.SGD(nesterov=True) in fastai's OptimWrapper (its weight_decay is then an\n")
                    .append("#   L2 term, not decoupled).\n");
            if (top > 0) {
                notes.append(CodeExport.comment("# - ", "#   ", "Wrapped so, the update is PyTorch's and still differs "
                        + "from DL4J's: " + PyTorchSnippet.NESTEROV_DIFFERENCE));
            }
        }
        if (kind == OptimizerKind.ADAM) {
            notes.append("# - fastai's Adam defaults to sqr_mom=0.99, eps=1e-5; Rangefinder's to beta2=0.999,\n")
                    .append("#   eps=1e-8.\n")
                    .append(CodeExport.comment("# - ", "#   ", PyTorchSnippet.adamDifference("fastai")));
        }
        notes.append("# - wd: fastai decays decoupled and scaled by the lr (true_wd), as Rangefinder does, and\n")
                .append("#   leaves biases and batch norm alone (wd_bn_bias=False), as DL4J does; it is given\n")
                .append("#   explicitly because the Learner's default is 0.01.\n");
        return CodeExport.header(h, source, Language.PYTHON)
                + notes
                + "# The model and the data are placeholders (a linear layer on random numbers) so that this\n"
                + "# runs as it is: put your model and DataLoaders in their place, keeping the batch size.\n"
                + (optFunc.startsWith("partial") ? "from functools import partial\n\n" : "")
                + "import torch\n"
                + "from torch.utils.data import TensorDataset\n"
                + "from fastai.data.core import DataLoaders\n"
                + "from fastai.learner import Learner\n"
                + "from fastai.metrics import accuracy\n"
                + "from fastai.optimizer import " + (kind == OptimizerKind.ADAM ? "Adam" : "SGD") + "\n"
                + "import fastai.callback.schedule  # noqa: F401 (adds Learner.fit_one_cycle)\n"
                + "\n"
                + "torch.manual_seed(" + h.seed() + ")\n"
                + "sample_shape = " + CodeExport.pyShape(h) + "  " + Language.PYTHON.commentLine(h.dataset().name())
                + "n_classes = " + h.dataset().classes() + "\n"
                + "train = TensorDataset(torch.randn(" + h.dataset().trainSamples()
                        + ", *sample_shape), torch.randint(0, n_classes, (" + h.dataset().trainSamples() + ",)))\n"
                + "valid = TensorDataset(torch.randn(" + h.dataset().validationSamples()
                        + ", *sample_shape), torch.randint(0, n_classes, (" + h.dataset().validationSamples() + ",)))\n"
                + "# drop_last=False: the last, smaller batch counts as a step, as in Rangefinder\n"
                + "dls = DataLoaders.from_dsets(train, valid, bs=" + h.batchSize() + ", drop_last=False)\n"
                + "model = torch.nn.Sequential(torch.nn.Flatten(), torch.nn.Linear(" + CodeExport.inputs(h)
                        + ", n_classes))\n"
                + "learn = Learner(dls, model, loss_func=torch.nn.CrossEntropyLoss(), opt_func=" + optFunc
                        + ", metrics=accuracy)\n"
                + "learn.fit_one_cycle(\n"
                + "    " + h.epochs() + ",\n"
                + "    lr_max=" + py(s.maxLr()) + ",\n"
                + "    div=" + py(s.divFactor()) + ",\n"
                + "    div_final=" + py(s.divFactor() * s.finalDivFactor()) + ",\n"
                + "    pct_start=" + py(s.pctStart()) + ",\n"
                + "    wd=" + py(h.optimizer().weightDecay()) + ",\n"
                + "    moms=(" + py(top) + ", " + py(middle) + ", " + py(top) + "),\n"
                + ")\n";
    }
}

package org.rangefinder.handoff;

import static org.rangefinder.handoff.CodeExport.cycle;
import static org.rangefinder.handoff.CodeExport.cyclesMomentum;
import static org.rangefinder.handoff.CodeExport.py;

import org.rangefinder.hyperparams.Hyperparameters;
import org.rangefinder.optim.Optimizer;
import org.rangefinder.optim.OptimizerKind;
import org.rangefinder.schedule.OneCycleSettings;

/**
 * PyTorch: {@code SGD} (Nesterov) or {@code AdamW} with {@code OneCycleLR} given exactly Rangefinder's arguments, so
 * that the optimizer sees the same learning rate and momentum (Adam: beta1) at every step. Rangefinder's weight
 * decay is decoupled ({@code w -= lr * wd * w} each step): AdamW does that itself; for SGD, whose
 * {@code weight_decay} is an L2 term through the momentum, the loop applies it by hand. Either way it reaches the
 * weights alone, as DL4J's does (dense and convolution weights; not biases, nor batch normalisation's scale and
 * shift): the tensors of more than one dimension.
 *
 * <p>The updates themselves are PyTorch's, which differ from DL4J's in two places the program names: DL4J's Nesterov
 * velocity takes the learning rate in ({@code v = mu v - lr g}, step {@code -mu v_prev + (1 + mu) v}), PyTorch's
 * takes gradients alone and multiplies by the current rate ({@code b = mu b + g}, step {@code lr (g + mu b)}), the
 * same only while the rate is constant; DL4J's Adam adds epsilon to {@code sqrt(v)} before the bias correction,
 * PyTorch's after it.
 */
final class PyTorchSnippet {
    private PyTorchSnippet() {
    }

    static String of(Hyperparameters h, String source) {
        OneCycleSettings s = cycle(h);
        OptimizerKind kind = CodeExport.kind(h);
        double momentum = CodeExport.momentum(h);
        double wd = h.optimizer().weightDecay();
        boolean cycles = cyclesMomentum(h);
        // OneCycleLR starts a cycled momentum at max_momentum; SGD wants a momentum > 0 for Nesterov
        double startMomentum = cycles ? s.maxMomentum() : momentum;
        boolean handDecay = kind != OptimizerKind.ADAM && wd > 0;
        boolean adamDecay = kind == OptimizerKind.ADAM && wd > 0;
        String optimizer = switch (kind) {
            case ADAM -> "torch.optim.AdamW(" + (adamDecay ? "param_groups" : "model.parameters()") + ", lr="
                    + py(s.initialLr()) + ", betas=(" + py(startMomentum) + ", " + py(Optimizer.ADAM_BETA2) + "), eps="
                    + py(Optimizer.ADAM_EPSILON) + ", weight_decay=" + py(wd) + ")";
            case NESTEROV -> startMomentum > 0
                    ? "torch.optim.SGD(model.parameters(), lr=" + py(s.initialLr()) + ", momentum=" + py(startMomentum)
                            + ", nesterov=True)"
                    : "torch.optim.SGD(model.parameters(), lr=" + py(s.initialLr()) + ")  # momentum 0: plain SGD";
            case SGD -> "torch.optim.SGD(model.parameters(), lr=" + py(s.initialLr()) + ")";
        };
        String momentumOf = kind == OptimizerKind.ADAM ? "group['betas'][0]" : "group['momentum']";
        return CodeExport.header(h, source, Language.PYTHON)
                + "# The OneCycleLR schedule is exactly Rangefinder's: every step runs at the same learning rate\n"
                + "# and momentum, as printed by\n"
                + "#   rangefinder schedule " + scheduleOptions(s, cycles) + "\n"
                + updateDifference(kind, startMomentum)
                + "# The model and the data are placeholders (a linear layer on random numbers) so that this\n"
                + "# runs as it is: put your model and your DataLoader in their place, keeping batch_size and\n"
                + "# steps_per_epoch.\n"
                + "import torch\n"
                + "\n"
                + "torch.manual_seed(" + h.seed() + ")\n"
                + "sample_shape = " + CodeExport.pyShape(h) + "  " + Language.PYTHON.commentLine(h.dataset().name())
                + "n_classes = " + h.dataset().classes() + "\n"
                + "batch_size = " + h.batchSize() + "\n"
                + "epochs = " + h.epochs() + "\n"
                + "steps_per_epoch = " + CodeExport.stepsPerEpoch(h) + "  # ceil(" + h.dataset().trainSamples()
                        + " training samples / batch_size)\n"
                + "\n"
                + "model = torch.nn.Sequential(torch.nn.Flatten(), torch.nn.Linear(" + CodeExport.inputs(h)
                        + ", n_classes))\n"
                + (adamDecay ? WEIGHTS_ONLY
                        + "param_groups = [\n"
                        + "    {'params': [p for p in model.parameters() if p.ndim > 1]},\n"
                        + "    {'params': [p for p in model.parameters() if p.ndim <= 1], 'weight_decay': 0.0},\n"
                        + "]\n" : "")
                + "optimizer = " + optimizer + "\n"
                + (handDecay ? "weight_decay = " + py(wd) + "  # decoupled, as Rangefinder: applied in the loop\n" : "")
                + "scheduler = torch.optim.lr_scheduler.OneCycleLR(\n"
                + "    optimizer,\n"
                + "    max_lr=" + py(s.maxLr()) + ",\n"
                + "    total_steps=" + s.totalSteps() + ",\n"
                + "    pct_start=" + py(s.pctStart()) + ",\n"
                + "    anneal_strategy='" + s.anneal().id() + "',\n"
                + "    div_factor=" + py(s.divFactor()) + ",\n"
                + "    final_div_factor=" + py(s.finalDivFactor()) + ",\n"
                + "    three_phase=" + py(s.threePhase()) + ",\n"
                + "    cycle_momentum=" + py(cycles) + ","
                        + (kind.hasMomentum() ? "" : "  # plain SGD has no momentum to cycle") + "\n"
                + "    base_momentum=" + py(s.baseMomentum()) + ",\n"
                + "    max_momentum=" + py(s.maxMomentum()) + ",\n"
                + ")\n"
                + "loss_fn = torch.nn.CrossEntropyLoss()\n"
                + "\n"
                + "lrs, momenta = [], []\n"
                + "for epoch in range(epochs):\n"
                + "    for step in range(steps_per_epoch):\n"
                + "        x = torch.randn(batch_size, *sample_shape)\n"
                + "        y = torch.randint(0, n_classes, (batch_size,))\n"
                + "        optimizer.zero_grad()\n"
                + "        loss = loss_fn(model(x), y)\n"
                + "        loss.backward()\n"
                + "        group = optimizer.param_groups[0]\n"
                + (handDecay
                        ? "        with torch.no_grad():\n"
                        + "            for p in group['params']:\n"
                        + "                if p.ndim > 1:  # the weights alone, as DL4J decays them\n"
                        + "                    p.mul_(1 - group['lr'] * weight_decay)\n"
                        : "")
                + "        lrs.append(group['lr'])\n"
                + (kind == OptimizerKind.SGD ? "" : "        momenta.append(" + momentumOf + ")\n")
                + "        optimizer.step()\n"
                + "        scheduler.step()\n"
                + "print(f'{len(lrs)} steps: lr {lrs[0]:.3e} up to {max(lrs):.3e}, down to {lrs[-1]:.3e}')\n";
    }

    /** Why the AdamW snippet splits the parameters in two groups. */
    private static final String WEIGHTS_ONLY =
            "# DL4J decays the weights alone (not biases, nor batch norm's scale and shift): so does this\n";

    /**
     * How PyTorch's Nesterov update ({@code torch.optim.SGD(nesterov=True)}, which fastai can wrap too) differs from
     * DL4J's, for a momentum above 0.
     */
    static final String NESTEROV_DIFFERENCE = "DL4J's Nesterov velocity accumulates lr * gradient "
            + "(v=momentum*v-lr*g), PyTorch's accumulates gradients and scales them by the current lr. With a constant "
            + "lr the two are the same; while 1cycle moves the lr, the weights drift apart a little.";

    /** How the Adam of {@code other} (PyTorch, fastai) differs from DL4J's: where epsilon is added. */
    static String adamDifference(String other) {
        return "DL4J adds eps to sqrt(v) before Adam's bias correction, " + other
                + " after it (it matters only while v is about eps^2 or smaller).";
    }

    /** Where PyTorch's update differs from the DL4J one Rangefinder trained with (plain SGD: nowhere). */
    private static String updateDifference(OptimizerKind kind, double momentum) {
        String intro = "The update differs in one place: ";
        return switch (kind) {
            case NESTEROV -> momentum == 0 ? "" : CodeExport.comment("# ", "# ", intro + NESTEROV_DIFFERENCE);
            case ADAM -> CodeExport.comment("# ", "# ", intro + adamDifference("PyTorch"));
            case SGD -> "";
        };
    }

    /**
     * The options of Rangefinder's {@code schedule} command that print the same schedule: a momentum the run does not
     * cycle ({@code cycles} false: not asked for, or plain SGD, which has none) is left out of it, as here, and so are
     * the momentum bounds, which {@code schedule} refuses without cycling.
     */
    private static String scheduleOptions(OneCycleSettings s, boolean cycles) {
        return "--steps " + s.totalSteps() + " --max-lr " + s.maxLr() + " --div-factor " + s.divFactor()
                + " --pct-start " + s.pctStart() + " --final-div-factor " + s.finalDivFactor() + " --anneal "
                + s.anneal().id() + (s.threePhase() ? " --three-phase" : "") + (cycles ? " --base-momentum "
                + s.baseMomentum() + " --max-momentum " + s.maxMomentum() : " --no-cycle-momentum");
    }
}

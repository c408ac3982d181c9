package org.rangefinder.handoff;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rangefinder.hyperparams.DatasetSection;
import org.rangefinder.hyperparams.Hyperparameters;
import org.rangefinder.hyperparams.OneCycleSection;
import org.rangefinder.hyperparams.TestHyperparameters;
import org.rangefinder.optim.OptimizerKind;
import org.rangefinder.schedule.OneCycleSettings;
import org.rangefinder.train.Trainer;

class CodeExportTest {
    private final Hyperparameters nesterov = TestHyperparameters.irisTrained();

    /** The {@code name=value} arguments of the first call to {@code function(...)} in a snippet. */
    private static Map<String, String> arguments(String snippet, String function) {
        Matcher call = Pattern.compile(Pattern.quote(function) + "\\((.*?)\\n\\)", Pattern.DOTALL).matcher(snippet);
        assertThat(call.find()).as(function + " in\n" + snippet).isTrue();
        Map<String, String> args = new LinkedHashMap<>();
        Matcher arg = Pattern.compile("^\\s+(\\w+)=(.+?),(\\s*#.*)?$", Pattern.MULTILINE).matcher(call.group(1));
        while (arg.find()) {
            args.put(arg.group(1), arg.group(2));
        }
        return args;
    }

    private static Hyperparameters withCycle(Hyperparameters h, OneCycleSection cycle) {
        return new Hyperparameters(h.schemaVersion(), h.toolVersion(), h.created(), h.dataset(), h.model(),
                h.optimizer(), h.batchSize(), h.epochs(), h.seed(), h.evalEvery(), h.lr(), cycle, h.rangeTest(), null);
    }

    private static void assertOneCycleLrArgumentsAreOurs(Hyperparameters h, boolean cycleMomentum) {
        OneCycleSettings s = h.oneCycleSettings();
        Map<String, String> args = arguments(CodeExport.snippet(h, ExportFormat.PYTORCH, "h.json"), "OneCycleLR");
        assertThat(args.keySet()).containsExactly("max_lr", "total_steps", "pct_start", "anneal_strategy",
                "div_factor", "final_div_factor", "three_phase", "cycle_momentum", "base_momentum", "max_momentum");
        assertThat(Double.parseDouble(args.get("max_lr"))).isEqualTo(s.maxLr());
        assertThat(Integer.parseInt(args.get("total_steps"))).isEqualTo(s.totalSteps());
        assertThat(Double.parseDouble(args.get("pct_start"))).isEqualTo(s.pctStart());
        assertThat(args.get("anneal_strategy")).isEqualTo("'" + s.anneal().id() + "'");
        assertThat(Double.parseDouble(args.get("div_factor"))).isEqualTo(s.divFactor());
        assertThat(Double.parseDouble(args.get("final_div_factor"))).isEqualTo(s.finalDivFactor());
        assertThat(args.get("three_phase")).isEqualTo(s.threePhase() ? "True" : "False");
        assertThat(args.get("cycle_momentum")).isEqualTo(cycleMomentum ? "True" : "False");
        assertThat(Double.parseDouble(args.get("base_momentum"))).isEqualTo(s.baseMomentum());
        assertThat(Double.parseDouble(args.get("max_momentum"))).isEqualTo(s.maxMomentum());
    }

    /** The file's one epoch of iris at batch 16 (120 training samples: 8 steps) is counted in the singular. */
    @Test
    void theHeaderCountsTheEpochsAndStepsInWords() {
        assertThat(nesterov.epochs()).isEqualTo(1);
        assertThat(CodeExport.header(nesterov, "h.json", Language.PYTHON))
                .contains(", batch 16, 1 epoch of 8 steps, lr ");
    }

    @Test
    void pytorchOneCycleLrGetsExactlyOurScheduleArguments() {
        assertOneCycleLrArgumentsAreOurs(nesterov, true);
        double div = nesterov.lr().max() / nesterov.lr().min();
        assertOneCycleLrArgumentsAreOurs(withCycle(nesterov, new OneCycleSection(8, 0.25, "linear", div, 100.0, true,
                false, 0.8, 0.9)), false);
    }

    @Test
    void pytorchNesterovSnippetDecaysWeightsDecoupledByHand() {
        String snippet = CodeExport.snippet(nesterov, ExportFormat.PYTORCH, "h.json");
        assertThat(snippet).startsWith("# Rangefinder development hyperparameters from h.json (written ")
                .contains("optimizer = torch.optim.SGD(model.parameters(), lr=" + CodeExport.py(nesterov.lr().min())
                        + ", momentum=0.95, nesterov=True)\n")
                .contains("weight_decay = 1.0e-4  # decoupled")
                .contains("            for p in group['params']:\n"
                        + "                if p.ndim > 1:  # the weights alone, as DL4J decays them\n"
                        + "                    p.mul_(1 - group['lr'] * weight_decay)\n")
                .contains("total_steps=8,\n")
                .contains("torch.nn.Linear(4, n_classes)")
                .contains("sample_shape = (4,)  # iris\n")
                .contains("# The update differs in one place: DL4J's Nesterov velocity accumulates lr * gradient\n");
    }

    @Test
    void pytorchAdamIsAdamWWithOurBetasAndDecay() {
        Hyperparameters adam = TestHyperparameters.fromRangeTest(OptimizerKind.ADAM, 0.9, 0.01);
        String snippet = CodeExport.snippet(adam, ExportFormat.PYTORCH, null);
        assertThat(snippet).contains("torch.optim.AdamW(param_groups, lr=" + CodeExport.py(adam.lr().min())
                        + ", betas=(0.95, 0.999), eps=1.0e-8, weight_decay=0.01)")
                // DL4J decays weights, not biases: the tensors of one dimension are a group without decay
                .contains("param_groups = [\n"
                        + "    {'params': [p for p in model.parameters() if p.ndim > 1]},\n"
                        + "    {'params': [p for p in model.parameters() if p.ndim <= 1], 'weight_decay': 0.0},\n"
                        + "]\n")
                .contains("momenta.append(group['betas'][0])")
                .contains("# The update differs in one place: DL4J adds eps to sqrt(v) before Adam's bias correction")
                .doesNotContain("p.mul_");
        assertOneCycleLrArgumentsAreOurs(adam, true);
    }

    @Test
    void pytorchPlainSgdDoesNotCycleAMomentumItLacks() {
        Hyperparameters sgd = TestHyperparameters.fromRangeTest(OptimizerKind.SGD, 0, 0);
        assertOneCycleLrArgumentsAreOurs(sgd, false);
        assertThat(CodeExport.snippet(sgd, ExportFormat.PYTORCH, null))
                .contains("cycle_momentum=False,  # plain SGD has no momentum to cycle")
                .doesNotContain("The update differs");
    }

    /**
     * The {@code rangefinder schedule} command a PyTorch snippet prints gives the learning rates and momenta of the run:
     * a momentum not cycled (by choice, or as plain SGD has none) leaves its column empty, as the snippet holds it
     * (the command printed the cycled momenta, as it lacked {@code --no-cycle-momentum}).
     */
    @Test
    void pytorchsScheduleCommandPrintsTheRunsSchedule() {
        Hyperparameters held = withCycle(nesterov, new OneCycleSection(8, 0.25, "linear",
                nesterov.lr().max() / nesterov.lr().min(), 100.0, true, false, 0.8, 0.9));
        Hyperparameters sgd = TestHyperparameters.fromRangeTest(OptimizerKind.SGD, 0, 0);
        for (Hyperparameters h : java.util.List.of(nesterov, held, sgd)) {
            String snippet = CodeExport.snippet(h, ExportFormat.PYTORCH, null);
            Matcher command = Pattern.compile("#   rangefinder (schedule .*)\\n").matcher(snippet);
            assertThat(command.find()).as(snippet).isTrue();
            java.io.StringWriter out = new java.io.StringWriter();
            int code = org.rangefinder.cli.RangefinderCommand.run(new java.io.PrintWriter(out),
                    new java.io.PrintWriter(new java.io.StringWriter()), command.group(1).split(" "));
            assertThat(code).as(command.group(1)).isZero();
            String[] rows = out.toString().split("\\R");
            int total = h.oneCycle().totalSteps();
            assertThat(rows).hasSize(total + 1);
            double[] lrs = Trainer.learningRates(h.toTrainingConfig(), total);
            double[] momenta = Trainer.momenta(h.toTrainingConfig(), total);
            boolean cycled = CodeExport.cyclesMomentum(h);
            assertThat(cycled).isEqualTo(h == nesterov);
            for (int i = 0; i < total; i++) {
                String[] row = rows[i + 1].split(",", -1);
                assertThat(Double.parseDouble(row[1])).as(command.group(1) + " lr " + i).isEqualTo(lrs[i]);
                assertThat(row[2]).as(command.group(1) + " momentum " + i)
                        .isEqualTo(cycled ? String.valueOf(momenta[i]) : "");
            }
        }
    }

    @Test
    void fastaiGetsTheClosestFitOneCycleArgumentsAndNamesTheDifferences() {
        OneCycleSettings s = nesterov.oneCycleSettings();
        String snippet = CodeExport.snippet(nesterov, ExportFormat.FASTAI, "h.json");
        Map<String, String> args = arguments(snippet, "learn.fit_one_cycle");
        assertThat(Double.parseDouble(args.get("lr_max"))).isEqualTo(s.maxLr());
        assertThat(Double.parseDouble(args.get("div"))).isEqualTo(s.divFactor());
        assertThat(Double.parseDouble(args.get("div_final"))).isEqualTo(s.divFactor() * s.finalDivFactor());
        assertThat(Double.parseDouble(args.get("pct_start"))).isEqualTo(0.3);
        assertThat(Double.parseDouble(args.get("wd"))).isEqualTo(1e-4);
        assertThat(args.get("moms")).isEqualTo("(0.95, 0.85, 0.95)");
        assertThat(snippet).contains("opt_func=partial(SGD, mom=0.95)")
                .contains("heavy-ball, not Nesterov")
                .contains("moms is (start, middle, end)")
                .contains("bs=16, drop_last=False");
        String linear = CodeExport.snippet(withCycle(nesterov, new OneCycleSection(8, 0.25, "linear",
                nesterov.lr().max() / nesterov.lr().min(), 1e4, true, true, 0.85, 0.95)), ExportFormat.FASTAI, null);
        assertThat(linear).contains("this run anneals linearly").contains("no three-phase cycle");
        assertThat(snippet).contains("its annealing runs one step behind throughout")
                .contains("#   i's LR), and its last step (at (T-1)/T) runs at about "
                + String.format(java.util.Locale.ROOT, "%.2e", FastaiSnippet.fastaiLastLr(s)) + " where\n"
                + "#   Rangefinder's runs at " + String.format(java.util.Locale.ROOT, "%.2e", s.minLr()) + ".\n")
                .contains("leaves biases and batch norm alone (wd_bn_bias=False), as DL4J does");
    }

    /**
     * The fastai program names the differences of the update the PyTorch one names, in the same words: fastai's Adam
     * adds eps after the bias correction, as PyTorch's does; torch.optim.SGD(nesterov=True), which its comment
     * proposes for Nesterov, is PyTorch's Nesterov, whose velocity leaves the lr out.
     */
    @Test
    void fastaiNamesTheUpdatesThatDifferFromDl4jsAsPyTorchDoes() {
        String nesterovDifference = "#   velocity accumulates lr * gradient (v=momentum*v-lr*g), PyTorch's accumulates "
                + "gradients\n"
                + "#   and scales them by the current lr. With a constant lr the two are the same; while 1cycle\n"
                + "#   moves the lr, the weights drift apart a little.\n";
        assertThat(CodeExport.snippet(nesterov, ExportFormat.FASTAI, null))
                .contains("#   L2 term, not decoupled).\n"
                        + "# - Wrapped so, the update is PyTorch's and still differs from DL4J's: DL4J's Nesterov\n"
                        + nesterovDifference);
        assertThat(CodeExport.snippet(nesterov, ExportFormat.PYTORCH, null))
                .contains("# The update differs in one place: DL4J's Nesterov velocity accumulates lr * gradient\n"
                        + "# (v=momentum*v-lr*g), PyTorch's accumulates gradients and scales them by the current lr.\n"
                        + "# With a constant lr the two are the same; while 1cycle moves the lr, the weights drift\n"
                        + "# apart a little.\n");
        Hyperparameters adam = TestHyperparameters.fromRangeTest(OptimizerKind.ADAM, 0.9, 0.01);
        assertThat(CodeExport.snippet(adam, ExportFormat.FASTAI, null))
                .contains("#   eps=1e-8.\n"
                        + "# - DL4J adds eps to sqrt(v) before Adam's bias correction, fastai after it (it matters "
                        + "only\n"
                        + "#   while v is about eps^2 or smaller).\n")
                .doesNotContain("Nesterov");
        assertThat(CodeExport.snippet(adam, ExportFormat.PYTORCH, null))
                .contains("# The update differs in one place: DL4J adds eps to sqrt(v) before Adam's bias correction,\n"
                        + "# PyTorch after it (it matters only while v is about eps^2 or smaller).\n");
    }

    /**
     * fastai's annealing runs one step behind Rangefinder's only where the two have one shape, fit_one_cycle's two
     * cosine phases: the comment said so of linear and three-phase runs too, beside the comments that say
     * fit_one_cycle has neither shape. The warm-up's peak and the last step are compared for every shape.
     */
    @Test
    void fastaisAnnealingIsOneStepBehindOnlyWhereItHasTheRunsShape() {
        String behind = "its annealing runs one step behind throughout";
        for (String[] shape : new String[][] {{"cos", "false"}, {"linear", "false"}, {"cos", "true"},
            {"linear", "true"}}) {
            boolean threePhase = Boolean.parseBoolean(shape[1]);
            Hyperparameters h = withCycle(nesterov, new OneCycleSection(8, 0.25, shape[0],
                    nesterov.lr().max() / nesterov.lr().min(), 1e4, threePhase, true, 0.85, 0.95));
            OneCycleSettings s = h.oneCycleSettings();
            String snippet = CodeExport.snippet(h, ExportFormat.FASTAI, null);
            String last = "its last step (at (T-1)/T) runs at about "
                    + String.format(java.util.Locale.ROOT, "%.2e", FastaiSnippet.fastaiLastLr(s)) + " where\n"
                    + "#   Rangefinder's runs at " + String.format(java.util.Locale.ROOT, "%.2e", s.minLr()) + ".\n";
            if (shape[0].equals("cos") && !threePhase) {
                assertThat(snippet).as(String.join(" ", shape)).contains(behind).contains("#   i's LR), and " + last);
            } else {
                assertThat(snippet).as(String.join(" ", shape)).doesNotContain(behind)
                        .contains("So fastai's warm-up peaks one step later,\n#   and " + last);
            }
        }
    }

    /**
     * fastai's last step, 100 steps to max 0.1, pct_start 0.3, div 25, final_div_factor 1e4: at 99/100 of the cycle,
     * p = (0.99 - 0.3) / 0.7 = 0.98571..., end = 0.1 / 250000 = 4e-7, cos(pi p) = -0.99899307...; 4e-7 + (0.1 - 4e-7)
     * (1 - 0.99899307) / 2 = 5.0746e-5, 127 times Rangefinder's last, 4e-7.
     */
    @Test
    void fastaisLastStepWorkedByHand() {
        OneCycleSettings s = OneCycleSettings.defaults(100, 0.1);
        assertThat(FastaiSnippet.fastaiLastLr(s)).isCloseTo(5.07464715e-5, org.assertj.core.api.Assertions.within(1e-13));
        assertThat(s.minLr()).isCloseTo(4e-7, org.assertj.core.api.Assertions.within(1e-20));
    }

    /**
     * fastai's last step still in its warm-up, 10 steps to max 0.1, pct_start 0.95, div 25: at 9/10 of the cycle,
     * before the peak at 0.95, combined_cos gives sched_cos(start, max, q) with start = 0.1 / 25 = 0.004 and
     * q = 0.9 / 0.95 = 18/19; cos(pi q) = -cos(pi / 19) = -0.98636130; 0.004 + (0.1 - 0.004) (1 + 0.98636130) / 2
     * = 0.099345343, near the peak, where the annealing's formula, at p = (0.9 - 0.95) / 0.05 = -1, gave the end,
     * 0.004 / 1e4 = 4e-7.
     */
    @Test
    void fastaisLastStepStillWarmingUpWorkedByHand() {
        OneCycleSettings s = OneCycleSettings.defaults(10, 0.1).withPctStart(0.95);
        assertThat(FastaiSnippet.fastaiEndsWarmingUp(s)).isTrue();
        assertThat(FastaiSnippet.fastaiLastLr(s))
                .isCloseTo(0.0993453426, org.assertj.core.api.Assertions.within(1e-10));
        assertThat(FastaiSnippet.fastaiEndsWarmingUp(s.withPctStart(0.9))).isFalse();
    }

    /**
     * Where pct_start passes fastai's last step, (T-1)/T, fastai never reaches its peak: the comment says its last step
     * still warms up, and says nothing of an annealing one step behind.
     */
    @Test
    void fastaisLastStepStillWarmingUpIsSaidSo() {
        // 8 steps: fastai's last at 7/8 = 0.875 of the cycle, before the peak at 0.95
        Hyperparameters h = withCycle(nesterov, new OneCycleSection(8, 0.95, "cos",
                nesterov.lr().max() / nesterov.lr().min(), 1e4, false, true, 0.85, 0.95));
        OneCycleSettings s = h.oneCycleSettings();
        assertThat(CodeExport.snippet(h, ExportFormat.FASTAI, null))
                .contains("So fastai's warm-up peaks one step later,\n"
                        + "#   here after its last step (at (T-1)/T), which still warms up at about "
                        + String.format(Locale.ROOT, "%.2e", FastaiSnippet.fastaiLastLr(s)) + " where\n"
                        + "#   Rangefinder's runs at " + String.format(Locale.ROOT, "%.2e", s.minLr())
                        + ": fastai never anneals.\n")
                .doesNotContain("one step behind");
    }

    /** What a hand-written or shared file may put in a name: a line break and code after it. */
    private static final String INJECTED = "print('INJECTED code ran') #";

    /**
     * The nesterov file with the user's data at a Windows path, whose {@code \}{@code u} javac would read as a unicode
     * escape, and a dataset name that breaks its line (U+2028, which Python and Java do not, and a line feed, which
     * they do) to run code.
     */
    private Hyperparameters windowsData() {
        DatasetSection d = nesterov.dataset();
        DatasetSection windows = new DatasetSection("wine\u2028x\n" + INJECTED, "C:\\data\\uci\\wine.csv",
                "0".repeat(64), null, d.validationFraction(), d.splitSeed(), null, null, null, d.sampleShape(),
                d.classes(), d.trainSamples(), d.validationSamples());
        return new Hyperparameters(nesterov.schemaVersion(), nesterov.toolVersion(), nesterov.created(), windows,
                nesterov.model(), nesterov.optimizer(), nesterov.batchSize(), nesterov.epochs(), nesterov.seed(),
                nesterov.evalEvery(), nesterov.lr(), nesterov.oneCycle(), null, null);
    }

    /** The second header line of the windows file, after the comment mark and the path as it is written there. */
    private String summary() {
        return ", mlp 128-128, nesterov, batch 16, 1 epoch of 8 steps, lr " + String.format(Locale.ROOT,
                "%.3g..%.3g", nesterov.lr().min(), nesterov.lr().max()) + " (valley).";
    }

    /**
     * The file's text and the name of the file stay comment in each program: a line break in them (line feed,
     * carriage return, NEL, U+2028, U+2029) becomes a space, so no code follows it, and the Windows path of the data
     * is written as it is in Python and with its backslashes doubled in Java.
     */
    @Test
    void textFromTheFileStaysCommentInEachProgram() {
        String source = "h\r\u0085\u2029" + INJECTED + ".json";
        String header = " Rangefinder development hyperparameters from h   " + INJECTED + ".json (written "
                + nesterov.created() + "):";
        String name = "wine x " + INJECTED;
        for (ExportFormat format : ExportFormat.values()) {
            String[] lines = CodeExport.snippet(windowsData(), format, source).split("\n", -1);
            boolean java = format == ExportFormat.DL4J;
            String mark = java ? "//" : "#";
            assertThat(lines[0]).as(format.id()).isEqualTo(mark + header);
            String path = java ? "C:\\\\data\\\\uci\\\\wine.csv" : "C:\\data\\uci\\wine.csv";
            assertThat(lines[1]).as(format.id()).isEqualTo(mark + " " + path + summary());
            assertThat(lines).as(format.id()).contains(java
                    ? "        int inputs = 4; // " + name + ": samples of shape [4], flattened"
                    : "sample_shape = (4,)  # " + name);
            // the code that the file put in is in a comment wherever it is
            for (String line : lines) {
                if (line.contains(INJECTED)) {
                    assertThat(line.substring(0, line.indexOf(INJECTED))).as(format.id() + ": " + line)
                            .contains(mark);
                }
            }
        }
    }

    /** The DL4J program of data at a Windows path compiles: javac met its {@code \}{@code u} as an escape before. */
    @Test
    void dl4jProgramOfDataAtAWindowsPathCompiles(@TempDir Path dir) throws Exception {
        compile(CodeExport.snippet(windowsData(), ExportFormat.DL4J, "C:\\users\\me\\h.json"), dir);
    }

    /**
     * Text in a comment, language by language: each character that breaks the line or hides text becomes a space;
     * Java's backslashes are doubled, so that none begins a unicode escape; Python's comments name no encoding.
     */
    @Test
    void textInACommentStaysOnItsLine() {
        String breaks = "a\nb\rc\u0085d\u2028e\u2029f\tg\u0000h\u202Ei\u200Bj";
        assertThat(Language.PYTHON.text(breaks)).isEqualTo("a b c d e f g h i j");
        assertThat(Language.JAVA.text(breaks)).isEqualTo("a b c d e f g h i j");
        assertThat(Language.JAVA.text("C:\\users\\\\u000a\\")).isEqualTo("C:\\\\users\\\\\\\\u000a\\\\");
        assertThat(Language.PYTHON.text("C:\\users")).isEqualTo("C:\\users");
        // in UTF-7, +AAo- is a line feed: a comment of the first two lines must not make Python read the file so
        assertThat(Language.PYTHON.text("x coding: utf-7 +AAo-y coding=utf-7"))
                .isEqualTo("x coding : utf-7 +AAo-y coding =utf-7");
        assertThat(Language.JAVA.commentLine("a\nb")).isEqualTo("// a b\n");
        assertThat(Language.PYTHON.commentLine("a\nb")).isEqualTo("# a b\n");
    }

    @Test
    void dl4jSnippetCompilesAndTrainsWithOurScheduleClasses(@TempDir Path dir) throws Exception {
        assertThat(compileAndRun(CodeExport.snippet(nesterov, ExportFormat.DL4J, "h.json"), dir.resolve("nesterov")))
                .startsWith("8 steps: lr ");
        Hyperparameters adam = TestHyperparameters.fromRangeTest(OptimizerKind.ADAM, 0.9, 0.01);
        String adamSnippet = CodeExport.snippet(adam, ExportFormat.DL4J, null);
        assertThat(adamSnippet).contains("adam.setBeta1(beta1[step]);").contains(".weightDecay(0.01, true)")
                .doesNotContain("conf.weightDecay(");
        assertThat(compileAndRun(adamSnippet, dir.resolve("adam"))).startsWith("8 steps: lr ");
    }

    /** Compiles the snippet against the test classpath, runs its main method and returns what it printed. */
    private static String compileAndRun(String snippet, Path dir) throws Exception {
        compile(snippet, dir);
        PrintStream stdout = System.out;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        try (URLClassLoader loader = new URLClassLoader(new URL[] {dir.toUri().toURL()},
                CodeExportTest.class.getClassLoader())) {
            System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
            loader.loadClass(Dl4jSnippet.CLASS_NAME).getMethod("main", String[].class).invoke(null,
                    (Object) new String[0]);
        } finally {
            System.setOut(stdout);
        }
        return printed.toString(StandardCharsets.UTF_8);
    }

    /** Compiles the snippet, saved as UTF-8 as the export saves it, against the test classpath into {@code dir}. */
    private static void compile(String snippet, Path dir) throws Exception {
        Files.createDirectories(dir);
        Path source = Files.writeString(dir.resolve(Dl4jSnippet.CLASS_NAME + ".java"), snippet);
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        int status = javac.run(null, errors, errors, "-encoding", "UTF-8", "-classpath", classpath, "-d",
                dir.toString(), source.toString());
        assertThat(status).as(errors.toString(StandardCharsets.UTF_8) + "\n" + snippet).isZero();
    }
}

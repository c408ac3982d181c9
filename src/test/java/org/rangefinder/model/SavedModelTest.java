package org.rangefinder.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipFile;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.Nesterovs;
import org.nd4j.linalg.learning.regularization.WeightDecay;
import org.nd4j.linalg.schedule.FixedSchedule;
import org.rangefinder.TestData;
import org.rangefinder.data.DataFormat;
import org.rangefinder.data.DataOptions;
import org.rangefinder.data.Dataset;
import org.rangefinder.data.DatasetKind;
import org.rangefinder.data.Datasets;
import org.rangefinder.data.FeatureScaling;
import org.rangefinder.data.Split;
import org.rangefinder.engine.BatchStream;
import org.rangefinder.engine.NativeThreads;
import org.rangefinder.engine.OpenBlasCore;
import org.rangefinder.optim.Optimizer;
import org.rangefinder.optim.OptimizerKind;
import org.rangefinder.schedule.PrecomputedSchedule;

/**
 * {@link Network#save} writes a zip that a program with DL4J alone on its classpath loads and runs
 * (src/test/resources/org/rangefinder/model/PlainDl4j.java, in a JVM of its own whose classpath is the test's jars,
 * without this project's classes), with DL4J's normalizer for raw data and the class names. Trained for a few steps:
 * an mlp on iris with Nesterov, a momentum schedule and weight decay; the resnet on digits with Adam, its beta1
 * cycled, and weight decay; an mlp with plain SGD on a table with a constant column; an mlp on IDX images, untrained.
 */
class SavedModelTest {
    private static final int STEPS = 3;
    private static final double WEIGHT_DECAY = 1e-4;

    @TempDir
    static Path dir;

    private static Trained iris;
    private static Trained digits;
    private static Trained constant;
    private static Trained idx;

    /** A network trained on {@code data}, saved as {@code dir/NAME.zip}, and the schedule it followed. */
    private record Trained(String name, Dataset data, Network network, double[] lrs, double[] momenta) {
        Path zip() {
            return dir.resolve(name + ".zip");
        }

        /** A file the plain DL4J program wrote for this network. */
        List<String> written(String extension) throws IOException {
            return Files.readAllLines(dir.resolve(name + "." + extension));
        }
    }

    @BeforeAll
    static void trainSaveAndLoadWithPlainDl4j() throws Exception {
        NativeThreads.ensureConfigured();
        iris = train("iris", TestData.load("iris"), ModelSpec.preset("mlp"), OptimizerKind.NESTEROV, STEPS);
        digits = train("digits", TestData.load("digits"), ModelSpec.preset("resnet"), OptimizerKind.ADAM, STEPS);
        constant = train("constant", constantColumnTable(), ModelSpec.preset("mlp"), OptimizerKind.SGD, STEPS);
        idx = train("idx", idxImages(), ModelSpec.preset("mlp"), OptimizerKind.NESTEROV, 0);
        for (Trained t : List.of(iris, digits)) {
            writeRows(dir.resolve(t.name() + ".features"), t.data().validation().features(), t.data().featureLength());
        }
        writeRows(dir.resolve("iris.raw"), irisRaw(), 4);
        writeRows(dir.resolve("digits.raw"), digitsRaw(), 64);
        writeRows(dir.resolve("constant.raw"), constantColumnRaw(), 2);
        float[] bytes = new float[256];
        for (int b = 0; b < 256; b++) {
            bytes[b] = b;
        }
        writeRows(dir.resolve("idx.raw"), bytes, 16);
        runPlainDl4j("sequential:iris", "graph:digits", "sequential:constant", "sequential:idx");
    }

    /**
     * Builds the network as a run does, trains it {@code steps} steps on a 1cycle-like schedule of {@code steps}
     * values (Adam's beta1 set before each step), and saves it.
     */
    private static Trained train(String name, Dataset data, ModelSpec spec, OptimizerKind kind, int steps)
            throws IOException {
        double[] lrs = IntStream.range(0, Math.max(steps, 1)).mapToDouble(i -> 0.01 * (i + 1)).toArray();
        double[] momenta = IntStream.range(0, lrs.length).mapToDouble(i -> 0.95 - 0.01 * i).toArray();
        Network net = build(data, spec, kind, lrs, momenta);
        BatchStream batches = new BatchStream(data.train(), data.numClasses(), 16, 3, false);
        for (int step = 0; step < steps; step++) {
            if (kind == OptimizerKind.ADAM) {
                net.setAdamBeta1(momenta[step]);
            }
            net.fit(batches.next());
        }
        Trained trained = new Trained(name, data, net, lrs, momenta);
        net.save(trained.zip());
        return trained;
    }

    private static Network build(Dataset data, ModelSpec spec, OptimizerKind kind, double[] lrs, double[] momenta) {
        Optimizer optimizer = new Optimizer(kind, 0.9, WEIGHT_DECAY);
        return NetworkFactory.build(spec, data, optimizer.updater(new PrecomputedSchedule(lrs),
                kind == OptimizerKind.NESTEROV ? new PrecomputedSchedule(momenta) : null), WEIGHT_DECAY, 7, 16);
    }

    @Test
    void theConfigurationNamesDl4jClassesOnly() throws IOException {
        for (Trained t : List.of(iris, digits, constant, idx)) {
            assertThat(configuration(t.zip())).as(t.name()).doesNotContain("org.rangefinder")
                    .contains("org.nd4j.linalg.learning.regularization.WeightDecay");
        }
        assertThat(Files.readString(dir.resolve("isolated"))).as("the program could not load our classes")
                .isEqualTo("true");
    }

    /**
     * The same floats as the trained network: the mlp's directly; the resnet's where DL4J convolves as the trained
     * network does. DL4J alone convolves in Java (im2col and a matrix product), where the trained network convolves
     * on oneDNN ({@link OneDnnHelpers}), whose sums run in another order: the loaded graph gives the program's floats
     * in this JVM, and the trained network's once given oneDNN's helpers.
     */
    @Test
    void plainDl4jGivesTheTrainedNetworksOutputs() throws IOException {
        assertThat(iris.written("output")).isEqualTo(rows(iris.network().output(validation(iris))));

        ComputationGraph loaded = ComputationGraph.load(digits.zip().toFile(), true);
        assertThat(digits.written("output")).isEqualTo(rows(loaded.outputSingle(false, validation(digits))));
        OneDnnHelpers.attach(loaded.getLayers(), DataType.FLOAT);
        assertThat(rows(loaded.outputSingle(false, validation(digits))))
                .isEqualTo(rows(digits.network().output(validation(digits))));
    }

    /**
     * The learning rate and momentum (Adam: beta1) of the last step, as plain values; weight decay as DL4J's own.
     */
    @Test
    void theUpdaterKeepsTheLastStepsValuesAndTheDecay() throws IOException {
        MultiLayerNetwork loaded = MultiLayerNetwork.load(iris.zip().toFile(), true);
        for (org.deeplearning4j.nn.api.Layer layer : loaded.getLayers()) {
            BaseLayer conf = (BaseLayer) layer.conf().getLayer();
            Nesterovs nesterovs = (Nesterovs) conf.getIUpdater();
            assertThat(nesterovs.getLearningRate()).isEqualTo(iris.lrs()[STEPS - 1]);
            assertThat(nesterovs.getLearningRateSchedule()).isNull();
            assertThat(nesterovs.getMomentum()).isEqualTo(iris.momenta()[STEPS - 1]);
            assertThat(nesterovs.getMomentumISchedule()).isNull();
            assertDl4jWeightDecay(conf);
        }
        ComputationGraph graph = ComputationGraph.load(digits.zip().toFile(), true);
        for (org.deeplearning4j.nn.api.Layer layer : graph.getLayers()) {
            if (layer.conf().getLayer() instanceof BaseLayer conf) {
                Adam adam = (Adam) conf.getIUpdater();
                assertThat(adam.getLearningRate()).isEqualTo(digits.lrs()[STEPS - 1]);
                assertThat(adam.getLearningRateSchedule()).isNull();
                assertThat(adam.getBeta1()).isEqualTo(digits.momenta()[STEPS - 1]);
                assertDl4jWeightDecay(conf);
            }
        }
    }

    private static void assertDl4jWeightDecay(BaseLayer conf) {
        assertThat(conf.getRegularization()).singleElement().isInstanceOfSatisfying(WeightDecay.class, decay -> {
            assertThat(decay.getClass()).isEqualTo(WeightDecay.class);
            assertThat(decay.getCoeff()).isEqualTo(new FixedSchedule(WEIGHT_DECAY));
            assertThat(decay.isApplyLR()).isTrue();
        });
    }

    /**
     * One more step from the zip is the step the trained network takes (its schedule holds its last value past its
     * end): the mlp with Nesterov, and the resnet with Adam once given the oneDNN helpers the trained one has.
     */
    @Test
    void trainingOnFromTheZipTakesTheTrainedNetworksNextStep() throws IOException {
        Trained mlp = train("mlp-again", iris.data(), ModelSpec.preset("mlp"), OptimizerKind.NESTEROV, STEPS);
        MultiLayerNetwork sequential = MultiLayerNetwork.load(mlp.zip().toFile(), true);
        DataSet batch = new BatchStream(iris.data().train(), 3, 16, 11, false).next();
        mlp.network().fit(batch);
        sequential.fit(batch);
        assertThat(sequential.params().equalsWithEps(mlp.network().params(), 0)).isTrue();

        Trained resnet = train("resnet-again", digits.data(), ModelSpec.preset("resnet"), OptimizerKind.ADAM, STEPS);
        ComputationGraph graph = ComputationGraph.load(resnet.zip().toFile(), true);
        OneDnnHelpers.attach(graph.getLayers(), DataType.FLOAT);
        batch = new BatchStream(digits.data().train(), 10, 16, 11, false).next();
        resnet.network().fit(batch);
        graph.fit(batch);
        assertThat(graph.params().equalsWithEps(resnet.network().params(), 0)).isTrue();
    }

    /**
     * The trained updater state, whole: Nesterov keeps one value per parameter, Adam two per parameter but the
     * batch-norm statistics, plain SGD none.
     */
    @Test
    void theUpdaterStateIsTheTrainedOne() throws IOException {
        INDArray nesterov = ((MultiLayerNetwork) iris.network().model()).getUpdater().getStateViewArray();
        assertThat(nesterov.length()).isEqualTo(iris.network().numParams());
        assertThat(MultiLayerNetwork.load(iris.zip().toFile(), true).getUpdater().getStateViewArray()
                .equalsWithEps(nesterov, 0)).isTrue();
        INDArray adam = ((ComputationGraph) digits.network().model()).getUpdater().getStateViewArray();
        assertThat(ComputationGraph.load(digits.zip().toFile(), true).getUpdater().getStateViewArray()
                .equalsWithEps(adam, 0)).isTrue();
        assertThat(iris.written("updater")).containsExactly(Long.toString(nesterov.length()));
        assertThat(digits.written("updater")).containsExactly(Long.toString(adam.length()));
        assertThat(constant.written("updater")).containsExactly("0");
    }

    @Test
    void theConfigurationDoesNotGrowWithTheSchedule() throws IOException {
        Dataset data = iris.data();
        double[] longLrs = IntStream.range(0, 100_000).mapToDouble(i -> 0.01 * (i + 1)).toArray();
        double[] longMomenta = IntStream.range(0, 100_000).mapToDouble(i -> 0.95 - 1e-7 * i).toArray();
        double[] shortLrs = Arrays.copyOf(longLrs, STEPS);
        double[] shortMomenta = Arrays.copyOf(longMomenta, STEPS);
        Path shortZip = dir.resolve("short.zip");
        Path longZip = dir.resolve("long.zip");
        for (Path zip : List.of(shortZip, longZip)) {
            Network net = zip == shortZip ? build(data, ModelSpec.preset("mlp"), OptimizerKind.NESTEROV, shortLrs,
                    shortMomenta) : build(data, ModelSpec.preset("mlp"), OptimizerKind.NESTEROV, longLrs, longMomenta);
            BatchStream batches = new BatchStream(data.train(), 3, 16, 3, false);
            for (int step = 0; step < STEPS; step++) {
                net.fit(batches.next());
            }
            net.save(zip);
        }
        assertThat(configuration(longZip)).isEqualTo(configuration(shortZip));
    }

    /**
     * The normalizer turns the raw rows into the training's standardised rows: given as doubles, bit for bit; given
     * as floats, it computes in floats, within 3e-7 (iris: 522 of 600 values differ, by at most 2.4e-7). A constant
     * column is only centred.
     */
    @Test
    void theNormalizerStandardisesRawFeaturesAsTheTrainingDid() throws IOException {
        for (Trained t : List.of(iris, constant)) {
            assertThat(t.written("normalizer")).as(t.name())
                    .containsExactly("org.nd4j.linalg.dataset.api.preprocessor.NormalizerStandardize");
            assertThat(sorted(t.written("scaled"))).as(t.name()).isEqualTo(sorted(allRows(t.data())));
            assertThat(floats(t.written("scaledFloat"))).as(t.name())
                    .containsExactly(floats(t.written("scaled")), offset(3e-7f));
        }
    }

    /** Digits' 0..16 become v / 16 and IDX bytes v / 255, the floats the training had. */
    @Test
    void theNormalizerScalesPixelsAsTheTrainingDid() throws IOException {
        for (Trained t : List.of(digits, idx)) {
            assertThat(t.written("normalizer")).as(t.name())
                    .containsExactly("org.nd4j.linalg.dataset.api.preprocessor.ImagePreProcessingScaler");
            assertThat(t.written("scaledFloat")).as(t.name()).isEqualTo(t.written("scaled"));
        }
        assertThat(sorted(digits.written("scaled"))).isEqualTo(sorted(allRows(digits.data())));
        float[] scaled = floats(idx.written("scaled"));
        for (int b = 0; b < 256; b++) {
            assertThat(scaled[b]).isEqualTo(b / 255f);
        }
    }

    @Test
    void theClassNamesComeBack() throws IOException {
        assertThat(iris.written("classes")).containsExactly("setosa", "versicolor", "virginica");
        assertThat(digits.written("classes")).containsExactly("0", "1", "2", "3", "4", "5", "6", "7", "8", "9");
    }

    // ---- the plain DL4J program

    /**
     * Runs PlainDl4j.java on the tasks, with the test's jars (DL4J, ND4J and the rest) and none of its folders, on the
     * native settings of this JVM's runs: one OpenMP thread ({@link NativeThreads}) and the same OpenBLAS kernels
     * ({@link OpenBlasCore}). With ND4J's defaults (a thread per core) the mlp's outputs differed from the trained
     * network's in the last bits.
     */
    private static void runPlainDl4j(String... tasks) throws Exception {
        Path source = Path.of(SavedModelTest.class.getResource("PlainDl4j.java").toURI());
        String jars = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> entry.endsWith(".jar")).collect(Collectors.joining(File.pathSeparator));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-cp", jars, source.toString(), dir.toString()));
        command.addAll(List.of(tasks));
        Path log = dir.resolve("plain-dl4j.log");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        OpenBlasCore.choose().ifPresent(core -> builder.environment().put(OpenBlasCore.VARIABLE, core));
        builder.environment().put("OMP_NUM_THREADS", "1");
        Process process = builder.start();
        if (!process.waitFor(150, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the plain DL4J program did not end within 150 s: " + Files.readString(log));
        }
        assertThat(process.exitValue()).as(Files.readString(log)).isZero();
    }

    // ---- data

    private static String configuration(Path zip) throws IOException {
        try (ZipFile file = new ZipFile(zip.toFile());
             InputStream in = file.getInputStream(file.getEntry("configuration.json"))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static INDArray validation(Trained t) {
        Split split = t.data().validation();
        return org.nd4j.linalg.factory.Nd4j.create(split.features(), new long[] {split.size(), split.featureLength()});
    }

    /** Iris's 150 rows of 4 features, as the CSV importer reads them ({@code Float.parseFloat}). */
    private static float[] irisRaw() throws IOException {
        List<String> lines = Files.readAllLines(Datasets.bundledRoot().resolve("iris").resolve("iris.csv"));
        return tableFeatures(lines.subList(1, lines.size()), 4);
    }

    /** Digits' 1797 rows of 64 pixels 0..16 (no header). */
    private static float[] digitsRaw() throws IOException {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(
                Datasets.bundledRoot().resolve("digits").resolve("digits.csv.gz")))) {
            return tableFeatures(new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList(), 64);
        }
    }

    private static float[] tableFeatures(List<String> rows, int width) {
        float[] x = new float[rows.size() * width];
        for (int i = 0; i < rows.size(); i++) {
            String[] cells = rows.get(i).split(",");
            for (int j = 0; j < width; j++) {
                x[i * width + j] = Float.parseFloat(cells[j]);
            }
        }
        return x;
    }

    /** Iris's sepal length and a column of 5 throughout, with the species. */
    private static Dataset constantColumnTable() throws IOException {
        float[] raw = constantColumnRaw();
        List<String> lines = Files.readAllLines(Datasets.bundledRoot().resolve("iris").resolve("iris.csv"));
        StringBuilder csv = new StringBuilder("sepal_length,five,species\n");
        for (int i = 0; i < raw.length / 2; i++) {
            String[] cells = lines.get(i + 1).split(",");
            csv.append(cells[0]).append(",5,").append(cells[4]).append('\n');
        }
        Path file = dir.resolve("constant.csv");
        Files.writeString(file, csv);
        return Datasets.load(file.toString(), DataOptions.defaults());
    }

    private static float[] constantColumnRaw() throws IOException {
        float[] iris = irisRaw();
        float[] raw = new float[iris.length / 2];
        for (int i = 0; i < raw.length / 2; i++) {
            raw[2 * i] = iris[4 * i];
            raw[2 * i + 1] = 5;
        }
        return raw;
    }

    /** Four 4 x 4 images as IDX files give them (bytes / 255), two classes. */
    private static Dataset idxImages() {
        float[] pixels = new float[4 * 16];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = (i * 37 % 256) / 255f;
        }
        Split split = new Split(pixels, new int[] {0, 1, 0, 1}, 16);
        return new Dataset("idx", DatasetKind.IMAGE, DataFormat.IDX, new int[] {1, 4, 4}, List.of("a", "b"), split,
                split, null, new FeatureScaling.Divided(255));
    }

    /** The training and validation samples, one a line. */
    private static List<String> allRows(Dataset data) {
        List<String> rows = new ArrayList<>(rows(data.train().features(), data.featureLength()));
        rows.addAll(rows(data.validation().features(), data.featureLength()));
        return rows;
    }

    private static void writeRows(Path file, float[] values, int width) throws IOException {
        Files.write(file, rows(values, width));
    }

    private static List<String> rows(float[] values, int width) {
        List<String> rows = new ArrayList<>();
        for (int i = 0; i < values.length; i += width) {
            StringBuilder row = new StringBuilder();
            for (int j = i; j < i + width; j++) {
                row.append(j == i ? "" : " ").append(values[j]);
            }
            rows.add(row.toString());
        }
        return rows;
    }

    private static List<String> rows(INDArray matrix) {
        return rows(matrix.data().asFloat(), (int) matrix.size(1));
    }

    private static float[] floats(List<String> rows) {
        List<Float> values = new ArrayList<>();
        for (String row : rows) {
            for (String cell : row.split(" ")) {
                values.add(Float.parseFloat(cell));
            }
        }
        float[] x = new float[values.size()];
        for (int i = 0; i < x.length; i++) {
            x[i] = values.get(i);
        }
        return x;
    }

    private static List<String> sorted(List<String> rows) {
        return rows.stream().sorted().toList();
    }
}

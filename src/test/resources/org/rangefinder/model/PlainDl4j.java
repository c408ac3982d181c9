import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.api.preprocessor.DataNormalization;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A program that has DL4J on its classpath and nothing of Rangefinder: SavedModelTest runs it in a JVM of its own
 * ({@code java -cp <the test's jars> PlainDl4j.java DIR KIND:NAME...}) on the zips it saved.
 *
 * <p>Writes {@code DIR/isolated}: {@code true} when no class of Rangefinder can be loaded. For each {@code KIND:NAME}
 * (KIND {@code sequential} or {@code graph}), reads {@code DIR/NAME.zip} with its updater and writes, one sample a
 * line, values as {@code Float.toString}:
 * <ul>
 *   <li>{@code NAME.output}: the network's output for the samples of {@code NAME.features}, when there is one;</li>
 *   <li>{@code NAME.scaled} and {@code NAME.scaledFloat}: the samples of {@code NAME.raw} (floats), when there is
 *       one, through the zip's normalizer, given as doubles and as floats;</li>
 *   <li>{@code NAME.normalizer}: the normalizer's class; {@code NAME.classes}: the class names, one a line;
 *       {@code NAME.updater}: the length of the updater state.</li>
 * </ul>
 */
public class PlainDl4j {

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        Files.writeString(dir.resolve("isolated"), Boolean.toString(!loadable("org.rangefinder.model.Network")));
        for (String task : Arrays.asList(args).subList(1, args.length)) {
            String kind = task.substring(0, task.indexOf(':'));
            String name = task.substring(task.indexOf(':') + 1);
            File zip = dir.resolve(name + ".zip").toFile();
            Path features = dir.resolve(name + ".features");
            INDArray state;
            if (kind.equals("graph")) {
                ComputationGraph graph = ComputationGraph.load(zip, true);
                state = graph.getUpdater().getStateViewArray();
                if (Files.exists(features)) {
                    write(dir.resolve(name + ".output"), graph.outputSingle(floats(features)));
                }
            } else {
                MultiLayerNetwork net = MultiLayerNetwork.load(zip, true);
                state = net.getUpdater().getStateViewArray();
                if (Files.exists(features)) {
                    write(dir.resolve(name + ".output"), net.output(floats(features)));
                }
            }
            Files.writeString(dir.resolve(name + ".updater"), Long.toString(state == null ? 0 : state.length()));
            DataNormalization normalizer = ModelSerializer.restoreNormalizerFromFile(zip);
            Files.writeString(dir.resolve(name + ".normalizer"), normalizer == null ? "none"
                    : normalizer.getClass().getName());
            Path raw = dir.resolve(name + ".raw");
            if (Files.exists(raw)) {
                INDArray asDoubles = floats(raw).castTo(org.nd4j.linalg.api.buffer.DataType.DOUBLE);
                normalizer.transform(asDoubles);
                write(dir.resolve(name + ".scaled"), asDoubles);
                INDArray asFloats = floats(raw);
                normalizer.transform(asFloats);
                write(dir.resolve(name + ".scaledFloat"), asFloats);
            }
            String[] classNames = ModelSerializer.getObjectFromFile(zip, "classNames");
            Files.write(dir.resolve(name + ".classes"), Arrays.asList(classNames));
        }
    }

    private static boolean loadable(String className) {
        try {
            Class.forName(className);
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    /** The samples of a file of one sample a line, values separated by spaces, as a FLOAT matrix. */
    private static INDArray floats(Path file) throws Exception {
        List<String> lines = Files.readAllLines(file);
        float[][] rows = new float[lines.size()][];
        for (int i = 0; i < rows.length; i++) {
            String[] cells = lines.get(i).split(" ");
            rows[i] = new float[cells.length];
            for (int j = 0; j < cells.length; j++) {
                rows[i][j] = Float.parseFloat(cells[j]);
            }
        }
        return Nd4j.create(rows);
    }

    /** One row a line, each value rounded to a float. */
    private static void write(Path file, INDArray matrix) throws Exception {
        List<String> lines = new ArrayList<>();
        for (float[] row : matrix.toFloatMatrix()) {
            StringBuilder line = new StringBuilder();
            for (float v : row) {
                line.append(line.length() == 0 ? "" : " ").append(v);
            }
            lines.add(line.toString());
        }
        Files.write(file, lines);
    }
}

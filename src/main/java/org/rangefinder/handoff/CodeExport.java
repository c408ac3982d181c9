package org.rangefinder.handoff;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import javax.lang.model.SourceVersion;
import org.rangefinder.Counts;
import org.rangefinder.UserInputException;
import org.rangefinder.hyperparams.Hyperparameters;
import org.rangefinder.optim.OptimizerKind;
import org.rangefinder.schedule.OneCycleSettings;

/**
 * A hyperparameter file as a short program that sets up the same optimizer settings and 1cycle schedule in another
 * framework. The PyTorch and DL4J programs reproduce Rangefinder's learning rate and momentum at every step (the
 * PyTorch one says where its update rules differ from DL4J's); the fastai one is the closest {@code fit_one_cycle}
 * and says in comments where the conventions differ. Each runs as
 * it is: the model and the data are placeholders (one linear layer on random numbers of the dataset's shape) that
 * the user replaces with their own.
 */
public final class CodeExport {
    private CodeExport() {
    }

    /**
     * The program for a framework.
     *
     * @param source what the header calls the file the hyperparameters came from (e.g. its name), or null
     */
    public static String snippet(Hyperparameters h, ExportFormat format, String source) {
        return snippet(h, format, source, null);
    }

    /**
     * The program for a framework, to be saved as {@code file} (null: printed). Java wants a public class in a file
     * of its name, so a DL4J program's class is named after its file ({@code OneCycleTraining} when printed).
     *
     * @throws UserInputException when a DL4J program's file is not named {@code NAME.java}, NAME a Java class name
     */
    public static String snippet(Hyperparameters h, ExportFormat format, String source, Path file) {
        return switch (format) {
            case PYTORCH -> PyTorchSnippet.of(h, source);
            case FASTAI -> FastaiSnippet.of(h, source);
            case DL4J -> Dl4jSnippet.of(h, source, file == null ? Dl4jSnippet.CLASS_NAME : javaClassOf(file));
        };
    }

    /** The class a Java file holds: its name without {@code .java}, which must be a Java identifier. */
    static String javaClassOf(Path file) {
        String name = String.valueOf(file.getFileName());
        String stem = name.endsWith(".java") ? name.substring(0, name.length() - ".java".length()) : "";
        if (!SourceVersion.isName(stem) || stem.contains(".")) {
            throw new UserInputException(file + ": a DL4J program's file must be named after its class: NAME.java, "
                    + "NAME a Java class name (e.g. " + Dl4jSnippet.CLASS_NAME + ".java)");
        }
        return stem;
    }

    /**
     * The first comment lines: where the hyperparameters come from, and what they are. The file's text in them (its
     * version, the dataset's path or name) and {@code source} stay comment whatever they hold ({@link Language#text}).
     */
    static String header(Hyperparameters h, String source, Language language) {
        return language.commentLine("Rangefinder " + h.toolVersion() + " hyperparameters"
                + (source == null ? "" : " from " + source) + " (written " + h.created() + "):")
                + language.commentLine(h.dataset().source() + ", " + h.model().describe() + ", "
                + h.optimizer().name() + ", batch " + h.batchSize() + ", " + Counts.of(h.epochs(), "epoch") + " of "
                + Counts.of(stepsPerEpoch(h), "step") + ", lr "
                + String.format(Locale.ROOT, "%.3g..%.3g", h.lr().min(), h.lr().max()) + " (" + h.lr().chosenBy()
                + ").");
    }

    /** Whether the schedule moves the momentum: as in Rangefinder, never for plain SGD, which has none. */
    static boolean cyclesMomentum(Hyperparameters h) {
        return h.oneCycleSettings().cycleMomentum() && kind(h).hasMomentum();
    }

    static OptimizerKind kind(Hyperparameters h) {
        return h.optimizer().optimizer().kind();
    }

    static double momentum(Hyperparameters h) {
        return h.optimizer().optimizer().momentum();
    }

    static OneCycleSettings cycle(Hyperparameters h) {
        return h.oneCycleSettings();
    }

    /** Numbers per sample (the placeholder model flattens each sample). */
    static int inputs(Hyperparameters h) {
        return h.dataset().sampleShape().stream().reduce(1, (a, b) -> a * b);
    }

    static int stepsPerEpoch(Hyperparameters h) {
        return h.oneCycle().totalSteps() / h.epochs();
    }

    /** The sample shape as a Python tuple: {@code (4,)}, {@code (1, 28, 28)}. */
    static String pyShape(Hyperparameters h) {
        List<Integer> shape = h.dataset().sampleShape();
        return "(" + shape.stream().map(String::valueOf).collect(Collectors.joining(", "))
                + (shape.size() == 1 ? ",)" : ")");
    }

    static String shape(Hyperparameters h) {
        return Arrays.toString(h.dataset().sampleShape().toArray());
    }

    /** The most characters of a comment line of prose in the Python programs. */
    static final int COMMENT_WIDTH = 92;

    /**
     * Prose as Python comment lines of at most {@value #COMMENT_WIDTH} characters (a longer word keeps a line of its
     * own), broken between words: the first line starts with {@code first} ({@code "# - "} for a note), the others
     * with {@code rest} ({@code "#   "}).
     */
    static String comment(String first, String rest, String prose) {
        StringBuilder lines = new StringBuilder();
        StringBuilder line = new StringBuilder(first);
        boolean empty = true;
        for (String word : prose.split(" ")) {
            if (!empty && line.length() + 1 + word.length() > COMMENT_WIDTH) {
                lines.append(line).append('\n');
                line = new StringBuilder(rest);
                empty = true;
            }
            line.append(empty ? "" : " ").append(word);
            empty = false;
        }
        return lines.append(line).append('\n').toString();
    }

    /** A double as a Python literal that reads back as the same double. */
    static String py(double value) {
        return Double.toString(value).replace('E', 'e');
    }

    static String py(boolean value) {
        return value ? "True" : "False";
    }
}

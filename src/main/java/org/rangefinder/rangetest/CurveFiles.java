package org.rangefinder.rangetest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntFunction;
import org.rangefinder.Counts;
import org.rangefinder.EnumIds;
import org.rangefinder.UserInputException;
import org.rangefinder.files.StrictJson;

/**
 * Reads range-test curves (learning rate, loss and smoothed loss per iteration) from files:
 * <ul>
 *   <li>CSV, as pytorch-lr-finder or fastai histories are usually saved, or as Rangefinder writes it, read as
 *       {@link CurveCsv} reads it: columns named {@code lr} and {@code loss}, and where there, {@code smoothed_loss}
 *       with the smoothed losses and {@code run} (as in the CSV of a range-test sweep), which splits the rows into one
 *       curve per run value, in order of first appearance, each named by its label (and, in a sweep's file, its
 *       member's value of the factor).</li>
 *   <li>Rangefinder's JSON, as {@code range-test --out} writes it: {@code {"schemaVersion":1,"runs":[{"points":[
 *       {"iteration":0,"lr":..,"loss":..,"smoothedLoss":..},...]},...]}}; {@code lr}, {@code loss} and, when the
 *       first point has it, {@code smoothedLoss} are read; each run is named by its place from 1 (and, where the
 *       file's {@code family} names the sweep, its member's value of the factor). It is read as strictly as a
 *       hyperparameter file ({@link StrictJson}): a missing or newer {@code schemaVersion} is refused, and so are a
 *       field given twice and text after the object.</li>
 * </ul>
 * A file without smoothed losses is taken to hold them in {@code loss}: fastai's {@code recorder.losses} and
 * pytorch-lr-finder's {@code history["loss"]} are the moving averages those libraries smooth with, not the raw
 * losses, so smoothing them again would move every suggestion (a digits curve's valley, 5.86e-3, became 2.15e-2).
 * The format is told by the content: a file whose first non-blank character is <code>{</code> is JSON. Learning rates
 * must be finite and &gt; 0, and never fall from one point of a curve to the next: a staircase ladder holds each for
 * several points, so equal neighbours are fine, but a curve whose learning rates are all equal suggests nothing and
 * is refused. Losses may be non-finite, as real divergence data are: {@code nan}, {@code inf}, {@code -inf},
 * {@code NaN}, {@code Infinity} in CSV; in JSON the strings {@code "NaN"}, {@code "Infinity"}, {@code "-Infinity"}
 * (as Rangefinder writes them) and the bare tokens (as Python's {@code json} does), but not {@code null}, which says
 * nothing about the loss. A curve needs at least two points. A byte order mark at the start of the file is skipped;
 * a file of more than {@link #MAX_BYTES} bytes is refused unread. Every problem is a {@link UserInputException}
 * naming the file and the line and column, or the JSON path.
 */
public final class CurveFiles {

    /**
     * One curve: {@code lrs[i]}, {@code losses[i]} and {@code smoothedLosses[i]} of iteration {@code i}.
     *
     * @param losses         the file's {@code loss} values: raw losses where the file also holds smoothed ones
     * @param smoothedLosses the file's smoothed losses, or, where it has none, its {@code loss} values as they are
     * @param smoothedInFile whether the file held smoothed losses of their own (Rangefinder's files do)
     * @param label          how the file tells the curve from its others: {@code run 2} (a CSV's run label, or a
     *                       JSON run's place from 1), with a sweep member's value of the factor where the file holds
     *                       it ({@code run 2, weight-decay=1e-3}); null for a CSV of one curve without a run column
     */
    public record Curve(double[] lrs, double[] losses, double[] smoothedLosses, boolean smoothedInFile, String label) {
        public int size() {
            return lrs.length;
        }
    }

    /**
     * The most a curve file may hold: 512 MiB. The largest Rangefinder writes, a range test of a million iterations
     * (the most it runs), is about 65 MB as CSV and 150 MB as JSON, and is read back. A larger file, a folder, a
     * device and a pipe are refused before they are read, rather than read until memory runs out.
     */
    public static final long MAX_BYTES = 512L << 20;

    /** The version of the JSON {@code range-test --out} writes, and the newest read. */
    public static final int SCHEMA_VERSION = 1;

    /** The smoothed losses' field in JSON ({@code --out}). */
    private static final String SMOOTHED_FIELD = "smoothedLoss";

    private CurveFiles() {
    }

    /** The curve in a CSV file, or the first run of a JSON file. */
    public static Curve read(Path file) {
        return readAll(file).get(0);
    }

    /**
     * Every run in the file: one per value of the run column of a CSV file (one curve without that column), one
     * per entry of {@code runs} for JSON.
     */
    public static List<Curve> readAll(Path file) {
        String text = readText(file);
        String body = text.strip();
        // a CSV header starts with neither: a JSON array is JSON, refused as such rather than as a header
        return body.startsWith("{") || body.startsWith("[") ? readJson(file, text) : readCsv(file, text);
    }

    /**
     * The text of a curve file, without a byte order mark; a missing, unreadable, non-UTF-8 or too large file, a
     * folder, a device and a pipe are each a message naming the file.
     */
    static String readText(Path file) {
        try {
            return StrictJson.readUtf8(file, MAX_BYTES, "range-test curve");
        } catch (NoSuchFileException e) {
            throw new UserInputException(file + ": no such file");
        } catch (CharacterCodingException e) {
            throw new UserInputException(file + ": not a UTF-8 text file");
        } catch (IOException e) {
            throw StrictJson.cannotRead(file, e);
        }
    }

    /**
     * Whether {@code file} looks like a curve file, told by its name and the header of a CSV file alone (a dataset CSV
     * may be large, and is not read further): a {@code .json} file, or a {@code .csv}, {@code .tsv} or {@code .txt}
     * file whose header row names an {@code lr} and a {@code loss} column, found as {@link #read} finds them (after a
     * byte order mark and blank lines, with the separator the header uses). A file that cannot be read does not.
     */
    public static boolean looksLikeCurve(Path file) {
        if (!Files.isRegularFile(file)) {
            return false;
        }
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".json")) {
            return true;
        }
        if (!name.endsWith(".csv") && !name.endsWith(".tsv") && !name.endsWith(".txt")) {
            return false;
        }
        try (BufferedReader in = Files.newBufferedReader(file)) {
            return CurveCsv.headerNames(file, in.lines().iterator(), List.of(CurveCsv.LR, CurveCsv.LOSS));
        } catch (IOException | UncheckedIOException | UserInputException e) {
            return false;
        }
    }

    private static List<Curve> readCsv(Path file, String text) {
        CurveCsv.Table table = CurveCsv.parse(file, text, List.of());
        Map<String, List<CurveCsv.Row>> runs = CurveCsv.byRun(table.rows());
        if (runs.isEmpty()) {
            return List.of(curve(file.toString(), List.of(), i -> "", false, null));
        }
        List<Curve> curves = new ArrayList<>();
        runs.forEach((run, rows) -> {
            // a blank label among others is a curve too, named as one
            String label = runs.size() == 1 && run.isEmpty() ? null
                    : label(run.isEmpty() ? "''" : run, table.factor(), rows.get(0).value());
            curves.add(curve(file + (label == null ? "" : ": " + label), CurveCsv.points(rows),
                    i -> rows.get(i).lrAt(), table.smoothedInFile(), label));
        });
        return curves;
    }

    private static List<Curve> readJson(Path file, String text) {
        ObjectNode root = StrictJson.readObject(text, file.toString(), "a JSON object of range-test runs", true);
        StrictJson.checkVersion(root, file.toString(), SCHEMA_VERSION, "range-test result");
        JsonNode runs = root.get("runs");
        if (runs == null || !runs.isArray()) {
            throw new UserInputException(file + ": runs: expected an array of runs");
        }
        if (runs.isEmpty()) {
            throw new UserInputException(file + ": runs: the file holds no runs");
        }
        // the sweep whose members the runs are, as range-test --out names it; read for the labels alone
        JsonNode family = root.path("family");
        SweepFactor factor = EnumIds.find(SweepFactor.class, family.path("factor").asText(null));
        JsonNode memberValues = family.path("values");
        boolean valued = factor != null && memberValues.isArray() && memberValues.size() == runs.size();
        List<Curve> curves = new ArrayList<>();
        for (int r = 0; r < runs.size(); r++) {
            String runPath = "runs[" + r + "].points";
            JsonNode points = runs.get(r).path("points");
            if (!points.isArray()) {
                throw new UserInputException(file + ": " + runPath + ": expected an array of points");
            }
            List<CurvePoint> values = new ArrayList<>();
            boolean smoothed = points.path(0).has(SMOOTHED_FIELD);
            IntFunction<String> lrAt = p -> file + ": " + runPath + "[" + p + "].lr";
            for (int p = 0; p < points.size(); p++) {
                String pointPath = file + ": " + runPath + "[" + p + "]";
                if (!points.get(p).isObject()) {
                    throw new UserInputException(pointPath + ": expected an object with lr and loss");
                }
                double lr = jsonNumber(points.get(p), "lr", pointPath);
                CurveCsv.requireUsableLr(lr, lrAt.apply(p));
                values.add(new CurvePoint(p, lr, jsonNumber(points.get(p), "loss", pointPath),
                        smoothed ? jsonNumber(points.get(p), SMOOTHED_FIELD, pointPath) : Double.NaN));
            }
            curves.add(curve(file + ": " + runPath, values, lrAt, smoothed, label(String.valueOf(r + 1),
                    valued ? factor : null, valued ? memberValues.get(r).asText() : null)));
        }
        return curves;
    }

    /** A curve's label: {@code run 2}, and {@code , weight-decay=1e-3} where a sweep's factor and value are known. */
    private static String label(String run, SweepFactor factor, String value) {
        return "run " + run + (factor == null || value == null ? "" : ", " + factor.id() + "=" + value);
    }

    private static double jsonNumber(JsonNode point, String name, String pointPath) {
        JsonNode v = point.get(name);
        if (v != null && v.isNumber()) {
            return v.doubleValue();
        }
        Double parsed = v != null && v.isTextual() ? CurveCsv.parseNumber(v.textValue()) : null;
        if (parsed == null) {
            throw new UserInputException(pointPath + "." + name + ": "
                    + (v == null ? "missing" : v + " is not a number"));
        }
        return parsed;
    }

    /**
     * The curve of the points read, once its learning rates are known to rise.
     *
     * @param lrAt where the learning rate of the point at an index stands, for messages
     */
    private static Curve curve(String where, List<CurvePoint> points, IntFunction<String> lrAt,
                               boolean smoothedInFile, String label) {
        if (points.size() < 2) {
            throw new UserInputException(where + ": " + Counts.of(points.size(), "point")
                    + "; a curve needs at least 2");
        }
        for (int i = 1; i < points.size(); i++) {
            CurvePoint p = points.get(i);
            if (p.lr() < points.get(i - 1).lr()) {
                throw new UserInputException(lrAt.apply(i) + ": learning rate " + p.lr()
                        + " is below the one before it (" + points.get(i - 1).lr()
                        + "); a range-test curve's learning rates must not fall");
            }
        }
        if (points.get(0).lr() == points.get(points.size() - 1).lr()) {
            throw new UserInputException(where + ": all " + points.size() + " learning rates are "
                    + points.get(0).lr() + "; a range-test curve needs learning rates that rise");
        }
        double[] lrs = new double[points.size()];
        double[] losses = new double[points.size()];
        double[] smoothed = new double[points.size()];
        for (int i = 0; i < lrs.length; i++) {
            lrs[i] = points.get(i).lr();
            losses[i] = points.get(i).loss();
            smoothed[i] = smoothedInFile ? points.get(i).smoothedLoss() : losses[i];
        }
        return new Curve(lrs, losses, smoothed, smoothedInFile, label);
    }
}

package org.rangefinder.history;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.rangefinder.UserInputException;
import org.rangefinder.engine.StopReason;
import org.rangefinder.files.AtomicFiles;
import org.rangefinder.files.InvalidField;
import org.rangefinder.files.Json;
import org.rangefinder.files.StrictJson;
import org.rangefinder.model.ModelSpec;
import org.rangefinder.rangetest.CurveCsv;
import org.rangefinder.rangetest.CurvePoint;
import org.rangefinder.rangetest.MemberSummary;
import org.rangefinder.rangetest.RangeTestResult;
import org.rangefinder.rangetest.SuggestionOptions;
import org.rangefinder.rangetest.Suggestions;
import org.rangefinder.rangetest.Sweep;
import org.rangefinder.rangetest.SweepResult;
import org.rangefinder.train.EpochRecord;
import org.rangefinder.train.EvaluationRecord;
import org.rangefinder.train.IterationRecord;
import org.rangefinder.train.TrainingConfig;
import org.rangefinder.train.TrainingResult;

/**
 * The run history: every range test, sweep and training run kept in a workspace folder, one folder per run named
 * by its id, in plain files a user can open elsewhere:
 * <ul>
 *   <li>{@code run.json}: the {@link RunRecord} (kind, dataset, model, times, status, stop reason, key numbers);</li>
 *   <li>{@code settings.json}: the run's settings as the engine took them, with the data options its dataset was
 *       loaded with (as {@link RunSettings}, from the command line and the window);</li>
 *   <li>range test: {@code curve.csv} ({@code iteration,lr,loss,smoothed_loss}); sweep: {@code curves.csv}
 *       (the same led by a {@code run} column, the member's place from 1, and a column named after the factor with
 *       the member's value), both as {@link CurveCsv} writes curves, and {@code members.csv} (each member's place and
 *       value, stop reason, points, suggestions, seconds, lowest smoothed loss and its learning rate, and last loss;
 *       see {@link #MEMBER_COLUMNS}); training: {@code iterations.csv} ({@code iteration,lr,momentum,loss}),
 *       {@code evaluations.csv} and {@code epochs.csv}.</li>
 * </ul>
 * A sweep's {@code run.json} names its factor and values ({@code sweep}), a training's its schedule
 * ({@code schedule}: {@code one-cycle} or {@code constant=LR}), a range test's and a sweep's how its 1cycle range was
 * chosen ({@code rangeMethod}, {@code rangeFactor}; their {@code settings.json} has the whole
 * {@code suggestionOptions}). Key numbers in {@code run.json}: range test {@code points}, {@code steep},
 * {@code valley}, {@code minimum}, {@code rangeMin}, {@code rangeMax}, {@code elapsedSeconds}; sweep {@code members}
 * and, for seeds, {@code medianSteep}, {@code medianValley}, {@code medianMinimum}; training {@code initialLr} and
 * {@code maxLr} (a 1cycle's, from its start), {@code epochs}, {@code iterations}, {@code finalValLoss},
 * {@code finalValAccuracy}, {@code elapsedSeconds}. A suggestion the curve did not give is left out.
 *
 * <p>Every file is written atomically, and a run's folder too: it is made under a hidden name, {@code .starting-ID},
 * and renamed to the run's id once its {@code settings.json} and {@code run.json} are in it. A run is written with
 * status {@code running} when it starts and rewritten when it finishes or fails; its data files are written before its
 * final {@code run.json}, so a finished run always has them. A run still {@code running} whose process is gone is
 * marked {@code interrupted} when it is listed or read. A run folder whose {@code run.json} is missing, unreadable or
 * damaged (not JSON, a field missing, a time that is no instant, a key number that is not finite) is skipped with a
 * warning that names the field, never half-read; shown on its own, it is a message saying the same.
 */
public final class RunHistory {

    /** System property naming the workspace folder; see {@link #defaultFolder()}. */
    public static final String FOLDER_PROPERTY = "rangefinder.workspace";

    private static final Pattern ID = Pattern.compile("\\d{8}-\\d{6}-\\d{3}-[0-9a-z]{4}");
    private static final DateTimeFormatter ID_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS")
            .withZone(ZoneOffset.UTC);
    private static final String RECORD = "run.json";
    /**
     * The columns of a sweep's {@code members.csv}, the second named after the factor: each member's place from 1,
     * its value, its stop reason and points, its suggestions, its seconds, its lowest smoothed loss and that point's
     * learning rate, and the raw loss of its last point. The last three came after the others, and the factor's column
     * before them: a reader does without those an older file lacks.
     */
    private static final List<String> MEMBER_COLUMNS = List.of("run", "factor", "stop_reason", "points", "steep",
            "valley", "minimum", "range_min", "range_max", "elapsed_seconds", "lowest_smoothed_loss",
            "lowest_smoothed_loss_lr", "last_loss");
    /** The most runs that the message of a prefix several runs match names. */
    private static final int NAMED = 3;

    /** The runs of a listing, newest first, and one warning per run folder that could not be read. */
    public record Listing(List<RunRecord> runs, List<String> warnings) {
        public Listing {
            runs = List.copyOf(runs);
            warnings = List.copyOf(warnings);
        }
    }

    private final Path folder;

    private RunHistory(Path folder) {
        this.folder = folder;
    }

    /** The system property {@value #FOLDER_PROPERTY} when set, else {@code ~/.rangefinder/runs}. */
    public static Path defaultFolder() {
        String property = System.getProperty(FOLDER_PROPERTY);
        if (property != null && !property.isBlank()) {
            return Path.of(property);
        }
        return Path.of(System.getProperty("user.home"), ".rangefinder", "runs");
    }

    /** Opens (creating it if needed) the history in a folder, to record runs in it. */
    public static RunHistory open(Path folder) {
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new UserInputException("cannot create the run history folder " + folder + ": "
                    + AtomicFiles.reason(e), e);
        }
        return openExisting(folder);
    }

    /**
     * Opens the history in a folder without creating it, to read it or delete runs from it; a folder that is not
     * there holds no runs. No run is read here, only the folder tried: the runs are read, and marked interrupted, as
     * they are listed or asked for, so that opening a long history costs nothing.
     *
     * @throws UserInputException when the folder cannot be listed
     */
    public static RunHistory openExisting(Path folder) {
        try {
            Files.newDirectoryStream(folder).close();
        } catch (NoSuchFileException e) {
            // not made yet: no run was recorded there
        } catch (IOException e) {
            throw cannotList(folder, e);
        }
        return new RunHistory(folder);
    }

    public Path folder() {
        return folder;
    }

    /**
     * Records the start of a run: its folder, {@code settings.json} and a {@code run.json} with status
     * {@code running}, with, when the settings are {@link RunSettings}, a sweep's factor and values and a training's
     * schedule.
     *
     * @param dataset  bundled name or path, as given
     * @param settings the run's settings, written as JSON
     */
    public RunRecord start(RunKind kind, String dataset, ModelSpec model, Object settings) throws IOException {
        Instant now = Instant.now();
        ProcessHandle self = ProcessHandle.current();
        RunSettings described = settings instanceof RunSettings s ? s : null;
        while (true) {
            // four base-36 characters, zero-padded by the leading 1 that substring(1) drops
            String id = ID_TIME.format(now) + "-" + Integer.toString(ThreadLocalRandom.current()
                    .nextInt(36 * 36 * 36 * 36) + 36 * 36 * 36 * 36, 36).substring(1);
            SuggestionOptions options = described == null ? null : described.suggestionOptions();
            RunRecord r = new RunRecord(RunRecord.SCHEMA_VERSION, id, kind, RunStatus.RUNNING, now.toString(), null,
                    dataset, model, described == null ? null : described.sweep(),
                    described == null ? null : described.schedule(),
                    options == null ? null : options.rangeMethod().id(), options == null ? null : options.rangeFactor(),
                    null, described == null ? null : scheduleNumbers(described.config()), null, self.pid(),
                    self.info().startInstant().map(Instant::toString).orElse(null));
            if (place(r, settings)) {
                return r;
            }
            // another run started in the same millisecond drew the same characters: draw again
        }
    }

    /**
     * Writes a run's {@code settings.json} and {@code run.json} in a folder made for them under the hidden name
     * {@code .starting-ID}, then renames it to the run's id: a run folder is never seen without its record, by a
     * listing as the run starts or after a crash as it started (that leaves the hidden folder, which the history
     * passes over, as it does every name that is no id). What a failure leaves of it is deleted.
     *
     * <p>The id stays the run's alone, as when its folder was made under it at once: the hidden folder is made only
     * when none of that name is there, and renamed only to a name not taken. {@link Files#move} without
     * {@code REPLACE_EXISTING} refuses a target that is there, and the file system refuses to rename a folder onto
     * one that holds anything, which a run folder under its id always does: it comes whole, and a deletion renames it
     * away before emptying it.
     *
     * @return false when a run that started at the same time, or before, took the id
     */
    private boolean place(RunRecord r, Object settings) throws IOException {
        Path starting = folder.resolve(".starting-" + r.id());
        Path dir = folder.resolve(r.id());
        try {
            Files.createDirectory(starting);
        } catch (FileAlreadyExistsException e) {
            return false;
        }
        boolean placed = false;
        try {
            Json.write(starting.resolve("settings.json"), settings);
            writeRecord(starting, r);
            Files.move(starting, dir);
            placed = true;
        } catch (FileSystemException e) {
            // the move's: FileAlreadyExistsException, or the rename refused for a run folder made since
            if (!Files.exists(dir)) {
                throw e;
            }
        } finally {
            if (!placed) {
                try {
                    AtomicFiles.deleteFolder(starting);
                } catch (IOException | UserInputException e) {
                    // left under its hidden name, passed over
                }
            }
        }
        return placed;
    }

    /** Records a range test's curve and result. */
    public RunRecord finish(String id, RangeTestResult result) throws IOException {
        RunRecord r = running(id, RunKind.RANGE_TEST);
        CurveCsv.write(folder.resolve(id).resolve("curve.csv"), result.points());
        Map<String, Double> numbers = new LinkedHashMap<>();
        put(numbers, "points", result.points().size());
        putSuggestions(numbers, result.suggestions());
        put(numbers, "elapsedSeconds", result.elapsedSeconds());
        return finish(r, r.finished(result.stopReason(), numbers, null));
    }

    /**
     * Records a sweep's curves and each member's suggestions; its stop reason is the first member's that did not
     * complete ({@code completed} when all did).
     */
    public RunRecord finish(String id, SweepResult result) throws IOException {
        RunRecord r = running(id, RunKind.SWEEP);
        Path dir = folder.resolve(id);
        List<Object[]> members = new ArrayList<>();
        List<MemberSummary> summaries = result.memberSummaries();
        for (int m = 0; m < summaries.size(); m++) {
            MemberSummary s = summaries.get(m);
            members.add(new Object[] {m + 1, s.value(), s.stopReason(), s.points(), s.steep(), s.valley(),
                s.minimum(), s.rangeMin(), s.rangeMax(), s.elapsedSeconds(), s.lowestLoss(), s.lowestLossLr(),
                s.lastLoss()});
        }
        StopReason reason = result.members().stream().map(RangeTestResult::stopReason)
                .filter(stop -> stop != StopReason.COMPLETED).findFirst().orElse(StopReason.COMPLETED);
        CurveCsv.writeMembers(dir.resolve("curves.csv"), result);
        List<String> header = new ArrayList<>(MEMBER_COLUMNS);
        header.set(1, result.sweep().factor().id());
        Csv.write(dir.resolve("members.csv"), header, members);
        Map<String, Double> numbers = new LinkedHashMap<>();
        put(numbers, "members", result.members().size());
        if (result.seedSummary() != null) {
            put(numbers, "medianSteep", result.seedSummary().medianSteep());
            put(numbers, "medianValley", result.seedSummary().medianValley());
            put(numbers, "medianMinimum", result.seedSummary().medianMinimum());
        }
        return finish(r, r.finished(reason, numbers, result.sweep().toString()));
    }

    /** Records a training run's metrics and result. */
    public RunRecord finish(String id, TrainingResult result) throws IOException {
        RunRecord r = running(id, RunKind.TRAINING);
        Path dir = folder.resolve(id);
        Csv.write(dir.resolve("iterations.csv"), List.of("iteration", "lr", "momentum", "loss"),
                result.iterations().stream().map(i -> new Object[] {i.iteration(), i.lr(), i.momentum(), i.loss()})
                        .toList());
        Csv.write(dir.resolve("evaluations.csv"), List.of("iteration", "val_loss", "val_accuracy", "elapsed_seconds"),
                result.evaluations().stream().map(e -> new Object[] {e.iteration(), e.valLoss(), e.valAccuracy(),
                    e.elapsedSeconds()}).toList());
        Csv.write(dir.resolve("epochs.csv"), List.of("epoch", "train_loss", "val_loss", "val_accuracy",
                "elapsed_seconds"), result.epochs().stream().map(e -> new Object[] {e.epoch(), e.trainLoss(),
                    e.valLoss(), e.valAccuracy(), e.elapsedSeconds()}).toList());
        Map<String, Double> numbers = new LinkedHashMap<>(scheduleNumbers(result.config()));
        put(numbers, "epochs", result.epochs().size());
        put(numbers, "iterations", result.iterations().size());
        put(numbers, "finalValLoss", result.finalValLoss());
        put(numbers, "finalValAccuracy", result.finalValAccuracy());
        put(numbers, "elapsedSeconds", result.elapsedSeconds());
        return finish(r, r.finished(result.stopReason(), numbers, null));
    }

    /** Records that a run ended with an error before giving a result. */
    public RunRecord fail(String id, String message) throws IOException {
        RunRecord r = get(id);
        return finish(r, r.failed(message));
    }

    /**
     * Every readable run, newest first, as it stands (see {@link #current}); a run folder without a readable
     * {@code run.json} gives a warning.
     */
    public Listing list() {
        List<RunRecord> runs = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        for (Path dir : runFolders(folder)) {
            try {
                runs.add(current(dir, readRecord(dir), warnings::add));
            } catch (UnreadableRun e) {
                warnings.add(e.getMessage() + "; skipped");
            }
        }
        runs.sort(Comparator.comparing(RunRecord::id).reversed());
        return new Listing(runs, warnings);
    }

    /**
     * The run with this id, or with the only id that starts with it, as it stands (see {@link #current}).
     *
     * @throws UserInputException when no run or several match, or the run's {@code run.json} is unreadable
     */
    public RunRecord get(String idOrPrefix) {
        return get(idOrPrefix, warning -> { });
    }

    /**
     * The run as {@link #get(String)} gives it, {@code warnings} told when it is interrupted but cannot be marked so in
     * its {@code run.json}.
     */
    public RunRecord get(String idOrPrefix, Consumer<String> warnings) {
        try {
            Path dir = match(idOrPrefix);
            return current(dir, readRecord(dir), warnings);
        } catch (UnreadableRun e) {
            throw new UserInputException(e.getMessage(), e);
        }
    }

    /** The folder of the one run whose id is, or starts with, {@code idOrPrefix}. */
    private Path match(String idOrPrefix) {
        List<Path> matches = runFolders(folder).stream()
                .filter(d -> d.getFileName().toString().startsWith(idOrPrefix)).toList();
        if (idOrPrefix.isEmpty() || matches.isEmpty()) {
            throw new UserInputException("no run '" + idOrPrefix + "' in " + folder + " (see 'rangefinder runs list')");
        }
        if (matches.size() > 1) {
            // the first few: a short prefix of a long history matches thousands
            List<String> named = matches.stream().limit(NAMED).map(d -> d.getFileName().toString()).toList();
            throw new UserInputException("'" + idOrPrefix + "' matches " + matches.size() + " runs ("
                    + String.join(", ", named) + (matches.size() > NAMED ? " and " + (matches.size() - NAMED)
                    + " more" : "") + "): give more of the id");
        }
        return matches.get(0);
    }

    /** The folder of a run (its id, or a unique prefix of it). */
    public Path runFolder(String idOrPrefix) {
        return folder.resolve(get(idOrPrefix).id());
    }

    /** The curve of a range test. */
    public List<CurvePoint> curve(String id) {
        return CurveCsv.points(CurveCsv.read(runFolder(id).resolve("curve.csv"), CurveCsv.COLUMNS).rows());
    }

    /**
     * The curves of a sweep's members, in the order of the sweep's values; a member that recorded no point (a sweep
     * stopped before it ran) has an empty one.
     */
    public List<List<CurvePoint>> curves(String id) {
        RunRecord r = get(id);
        Path file = folder.resolve(r.id()).resolve("curves.csv");
        Sweep sweep = r.sweep() == null ? null : Sweep.recorded(r.sweep());
        List<String> values = sweep == null ? List.of() : sweep.values();
        List<List<CurvePoint>> byMember = new ArrayList<>();
        for (int m = 0; m < values.size(); m++) {
            byMember.add(new ArrayList<>());
        }
        CurveCsv.byRun(CurveCsv.read(file, CurveCsv.RUN_COLUMNS).rows()).forEach((run, rows) -> {
            String value = rows.get(0).value();
            int m = memberOrNone(values, value, run);
            if (m < 0) {
                throw new UserInputException(file + ": run " + run + (value == null ? ""
                        : " (" + sweep.factor().id() + "=" + value + ")") + " is none of the members of sweep "
                        + r.sweep());
            }
            byMember.get(m).addAll(CurveCsv.points(rows));
        });
        return byMember.stream().map(List::copyOf).toList();
    }

    /**
     * Each of a sweep's members in a line, as its {@code members.csv} says, in the order of the sweep's values; a
     * member it has no row of, or no file, has its value alone, and a column the file lacks (one written before it
     * was added) or a cell that is no number is null.
     */
    public List<MemberSummary> members(String id) {
        RunRecord r = get(id);
        List<String> values = r.sweep() == null ? List.of() : Sweep.recorded(r.sweep()).values();
        List<String> columns = MEMBER_COLUMNS.subList(2, MEMBER_COLUMNS.size());
        List<String[]> rows = perMember(r, columns);
        List<MemberSummary> members = new ArrayList<>();
        for (int m = 0; m < values.size(); m++) {
            String[] row = rows.get(m) == null ? new String[columns.size()] : rows.get(m);
            Function<String, Double> number = column -> number(row[columns.indexOf(column)]);
            Double points = number.apply("points");
            members.add(new MemberSummary(values.get(m), row[columns.indexOf("stop_reason")],
                    points == null ? null : points.intValue(), number.apply("lowest_smoothed_loss"),
                    number.apply("lowest_smoothed_loss_lr"), number.apply("last_loss"), number.apply("steep"),
                    number.apply("valley"), number.apply("minimum"), number.apply("range_min"),
                    number.apply("range_max"), number.apply("elapsed_seconds")));
        }
        return Collections.unmodifiableList(members);
    }

    /**
     * Why each of a sweep's members stopped, in the order of the sweep's values, as its {@code members.csv} says;
     * null for a member it says nothing of that this Rangefinder knows: a stop reason of a later version or one
     * edited by hand, a file without a {@code stop_reason} column or whose rows name no member (by the factor's
     * column, or by {@code run} in a file without that), or without the file. Those leave a member's curve unmarked,
     * not unreadable.
     */
    public List<StopReason> memberStopReasons(String id) {
        return perMember(get(id), List.of("stop_reason")).stream()
                .map(row -> row == null ? null : StopReason.known(row[0])).toList();
    }

    /**
     * The seconds each of a sweep's members took, in the order of the sweep's values, as its {@code members.csv}
     * says; null for a member it says nothing of, as {@link #memberStopReasons}: a sweep recorded before the file had
     * an {@code elapsed_seconds} column, or a value that is no finite number of seconds.
     */
    public List<Double> memberSeconds(String id) {
        return perMember(get(id), List.of("elapsed_seconds")).stream().map(row -> {
            Double seconds = row == null ? null : number(row[0]);
            return seconds != null && Double.isFinite(seconds) && seconds >= 0 ? seconds : null;
        }).toList();
    }

    /**
     * The cells of {@code columns} in each row of a sweep's {@code members.csv}, in its member's place among the
     * sweep's values: null for a member without a row, and for all of them without the file; a column the file lacks
     * is null in every row.
     */
    private List<String[]> perMember(RunRecord r, List<String> columns) {
        Path file = folder.resolve(r.id()).resolve("members.csv");
        Sweep sweep = r.sweep() == null ? null : Sweep.recorded(r.sweep());
        List<String> values = sweep == null ? List.of() : sweep.values();
        List<String[]> byMember = new ArrayList<>(Collections.nCopies(values.size(), (String[]) null));
        if (sweep != null && Files.exists(file)) {
            List<String> read = new ArrayList<>(List.of(sweep.factor().id(), "run"));
            read.addAll(columns);
            for (String[] row : Csv.readText(file, read)) {
                int m = memberOrNone(values, row[0], row[1]);
                if (m >= 0) {
                    byMember.set(m, Arrays.copyOfRange(row, 2, row.length));
                }
            }
        }
        return Collections.unmodifiableList(byMember);
    }

    /** A number as {@code members.csv} writes it, or null for anything else (an empty cell, a word). */
    private static Double number(String text) {
        try {
            return text == null ? null : Double.parseDouble(text);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /**
     * The iterations a range test, or each member of a sweep, was set to run, as its {@code settings.json} says
     * ({@code config.iterations}, as {@link RunSettings} writes it); 0 where it says nothing of them that this
     * Rangefinder reads: no file, not JSON, no whole number above 0 there. That leaves unknown how much of its run a
     * curve is, not the curve unreadable.
     */
    public int plannedIterations(String id) {
        try {
            JsonNode iterations = Json.MAPPER.readTree(runFolder(id).resolve("settings.json").toFile())
                    .path("config").path("iterations");
            return iterations.canConvertToInt() && iterations.isIntegralNumber() && iterations.intValue() > 0
                    ? iterations.intValue() : 0;
        } catch (IOException e) {
            return 0;
        }
    }

    /**
     * The index of the sweep member a row of {@code curves.csv} or {@code members.csv} is of: the one of its value of
     * the factor, where the file has the factor's column; else, in a file written before it had one, the one its
     * {@code run} label names, counted from 0 as those files counted. -1 for a row that names none.
     *
     * @param values the sweep's values
     * @param value  the row's value of the factor, or null without that column
     */
    private static int memberOrNone(List<String> values, String value, String run) {
        if (value != null) {
            return values.indexOf(value);
        }
        double m;
        try {
            m = run == null ? Double.NaN : Double.parseDouble(run);
        } catch (NumberFormatException e) {
            return -1;
        }
        return m >= 0 && m < values.size() && m == Math.rint(m) ? (int) m : -1;
    }

    /** The lr, momentum and loss of every iteration of a training run. */
    public List<IterationRecord> iterations(String id) {
        return Csv.read(runFolder(id).resolve("iterations.csv"), List.of("iteration", "lr", "momentum", "loss"))
                .stream().map(r -> new IterationRecord((int) r[0], r[1], r[2], r[3])).toList();
    }

    /** The validation measurements of a training run. */
    public List<EvaluationRecord> evaluations(String id) {
        return Csv.read(runFolder(id).resolve("evaluations.csv"),
                        List.of("iteration", "val_loss", "val_accuracy", "elapsed_seconds"))
                .stream().map(r -> new EvaluationRecord((int) r[0], r[1], r[2], r[3])).toList();
    }

    /** The per-epoch summaries of a training run. */
    public List<EpochRecord> epochs(String id) {
        return Csv.read(runFolder(id).resolve("epochs.csv"),
                        List.of("epoch", "train_loss", "val_loss", "val_accuracy", "elapsed_seconds"))
                .stream().map(r -> new EpochRecord((int) r[0], r[1], r[2], r[3], r[4])).toList();
    }

    /**
     * Deletes a run and its files. The folder is first renamed out of the history, so that a deletion cut short
     * leaves no half run behind. A run still running in a live process is refused: that process would write the
     * folder again, without its settings, when the run ends (a run whose process is gone reads as interrupted).
     *
     * @return the id of the run deleted
     * @throws UserInputException when the run is still running, or cannot be deleted (what is left of it is kept
     *                            under its id, its {@code run.json} last to go)
     */
    public String delete(String idOrPrefix) throws IOException {
        return delete(List.of(idOrPrefix)).get(0);
    }

    /**
     * Deletes runs and their files, as {@link #delete(String)} does; when one is refused, none is deleted.
     *
     * @return the ids of the runs deleted, in the order asked
     */
    public List<String> delete(List<String> idsOrPrefixes) throws IOException {
        List<Path> dirs = new ArrayList<>();
        for (String idOrPrefix : idsOrPrefixes) {
            Path dir = match(idOrPrefix);
            RunRecord r;
            try {
                r = readRecord(dir);
            } catch (UnreadableRun e) {
                r = null; // an unreadable run is deleted too: that is how one gets rid of it
            }
            if (r != null && r.status() == RunStatus.RUNNING && processAlive(r)) {
                throw new UserInputException("run " + r.id() + " is still running (process " + r.pid()
                        + "): stop it before deleting it");
            }
            dirs.add(dir);
        }
        List<String> ids = new ArrayList<>();
        for (Path dir : dirs) {
            AtomicFiles.deleteFolder(dir, RECORD);
            ids.add(dir.getFileName().toString());
        }
        return ids;
    }

    private RunRecord running(String id, RunKind kind) {
        RunRecord r = get(id);
        if (r.kind() != kind) {
            throw new IllegalArgumentException("run " + id + " is a " + r.kind().id() + ", not a " + kind.id());
        }
        return r;
    }

    private RunRecord finish(RunRecord before, RunRecord after) throws IOException {
        writeRecord(folder.resolve(before.id()), after);
        return after;
    }

    /**
     * A 1cycle training's learning rates, its key numbers from its start: {@code initialLr} (where the cycle starts,
     * {@code maxLr / divFactor}) and {@code maxLr}; none for any other run (a constant one's is in its
     * {@code schedule}).
     */
    private static Map<String, Double> scheduleNumbers(Object config) {
        Map<String, Double> numbers = new LinkedHashMap<>();
        if (config instanceof TrainingConfig training && training.oneCycle() != null) {
            put(numbers, "initialLr", training.oneCycle().initialLr());
            put(numbers, "maxLr", training.oneCycle().maxLr());
        }
        return numbers;
    }

    private static void putSuggestions(Map<String, Double> numbers, Suggestions s) {
        put(numbers, "steep", s.steep());
        put(numbers, "valley", s.valley());
        put(numbers, "minimum", s.minimum());
        if (s.range() != null) {
            put(numbers, "rangeMin", s.range().min());
            put(numbers, "rangeMax", s.range().max());
        }
    }

    private static void put(Map<String, Double> numbers, String key, Number value) {
        if (value != null && Double.isFinite(value.doubleValue())) {
            numbers.put(key, value.doubleValue());
        }
    }

    /**
     * A run's record as it stands: one still {@code running} whose process is gone is marked {@code interrupted}, its
     * {@code run.json} written again; when that cannot be written (a read-only workspace), it is returned as
     * interrupted all the same, and {@code warnings} is told that its file says otherwise.
     */
    private static RunRecord current(Path dir, RunRecord r, Consumer<String> warnings) {
        if (r.status() != RunStatus.RUNNING || processAlive(r)) {
            return r;
        }
        // read again: the process may have ended the run, and then exited, since the first read
        RunRecord stored = readRecord(dir);
        if (stored.status() != RunStatus.RUNNING) {
            return stored;
        }
        RunRecord interrupted = stored.interrupted();
        try {
            writeRecord(dir, interrupted);
        } catch (IOException | UserInputException e) {
            warnings.accept("run " + r.id() + ": its process is gone, but it cannot be marked interrupted ("
                    + (e instanceof IOException io ? AtomicFiles.reason(io) : e.getMessage()) + ")");
        }
        return interrupted;
    }

    private static boolean processAlive(RunRecord r) {
        return ProcessHandle.of(r.pid()).filter(ProcessHandle::isAlive)
                .map(p -> r.processStart() == null || p.info().startInstant().map(Instant::toString)
                        .map(r.processStart()::equals).orElse(true))
                .orElse(false);
    }

    private static List<Path> runFolders(Path folder) {
        List<Path> dirs = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder,
                p -> ID.matcher(p.getFileName().toString()).matches() && Files.isDirectory(p))) {
            entries.forEach(dirs::add);
        } catch (NoSuchFileException e) {
            return dirs; // not made yet: no run was recorded there
        } catch (IOException e) {
            throw cannotList(folder, e);
        }
        dirs.sort(null);
        return dirs;
    }

    private static UserInputException cannotList(Path folder, IOException e) {
        return new UserInputException("cannot list the run history folder " + folder + ": " + AtomicFiles.reason(e), e);
    }

    /**
     * The record of a run folder, read as strictly as a file a user hands in ({@link StrictJson}) and checked
     * ({@link RunRecord#check}); its {@code schemaVersion} must be one this Rangefinder reads, and its {@code id}
     * the folder's name.
     *
     * @throws UnreadableRun saying what is wrong, with the field path where there is one
     */
    private static RunRecord readRecord(Path dir) {
        Path file = dir.resolve(RECORD);
        if (!Files.exists(file)) {
            throw new UnreadableRun(dir, "no " + RECORD);
        }
        String source = file.toString();
        try {
            ObjectNode tree = StrictJson.readObject(StrictJson.readText(file), source,
                    "a JSON object with a run's record");
            // a newer layout would be misread as this one
            StrictJson.checkVersion(tree, source, RunRecord.SCHEMA_VERSION, "run record");
            RunRecord r = StrictJson.bind(tree, RunRecord.class, source);
            r.check();
            if (!r.id().equals(dir.getFileName().toString())) {
                throw new InvalidField("id", "is '" + r.id() + "', but the run's folder is " + dir.getFileName());
            }
            return r;
        } catch (InvalidField e) {
            throw new UnreadableRun(dir, e.getMessage());
        } catch (UserInputException e) {
            // the file is named once, by the run's id
            String message = e.getMessage();
            throw new UnreadableRun(dir, message.startsWith(source + ": ")
                    ? message.substring(source.length() + 2) : message);
        }
    }

    private static void writeRecord(Path dir, RunRecord r) throws IOException {
        Json.write(dir.resolve(RECORD), r);
    }

    /** A run folder whose {@code run.json} is missing or cannot be read. */
    private static final class UnreadableRun extends RuntimeException {
        UnreadableRun(Path dir, String why) {
            super("run " + dir.getFileName() + ": its " + RECORD + " is unreadable (" + why + ")");
        }
    }
}

package org.rangefinder.history;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.rangefinder.engine.StopReason;
import org.rangefinder.files.InvalidField;
import org.rangefinder.model.ModelSpec;

/**
 * The {@code run.json} of a recorded run: what ran, when, where it stands, and its key numbers. The curve or the
 * metrics lie beside it as CSV, the full settings as {@code settings.json}.
 *
 * @param schemaVersion version of this file's layout, {@value #SCHEMA_VERSION}
 * @param id            {@code yyyyMMdd-HHmmss-SSS-xxxx}: UTC start time and four random characters, so that ids
 *                      sort by time
 * @param created       start, ISO-8601 instant
 * @param ended         end (finished, failed or found interrupted), ISO-8601 instant; absent while running
 * @param dataset       bundled name or path, as given
 * @param sweep         sweeps only: {@code FACTOR=V1,V2,...} (from the start; once finished, the values of the
 *                      members that did not fail); absent in records written before 2026-12-07 while not finished
 * @param schedule      training runs only: the learning-rate schedule, {@code one-cycle} or {@code constant=LR}
 *                      ({@code constant=0.005}); absent in records written before 2026-12-07
 * @param rangeMethod   range tests and sweeps: the suggestion the 1cycle range was taken from ({@code steep},
 *                      {@code valley}, {@code minimum}: {@code --method}); absent in older records, whose range
 *                      came from the suggestion equal to its top ({@link #rangeSource}), and in a training's
 * @param rangeFactor   with {@code rangeMethod}: the range's top divided by its bottom ({@code --range-factor})
 * @param stopReason    why the run ended ({@code completed}, {@code diverged}, ..., {@code interrupted})
 * @param results       key numbers by name (see {@link RunHistory}); finite values only, written without a
 *                      fraction where they are whole numbers (counts: {@code "points": 60}); read either way
 * @param error         the message of a failed run
 * @param pid           the process that ran it, to tell a run still going from one a crash interrupted
 * @param processStart  that process's start instant, so that a reused pid is not mistaken for it; absent when the
 *                      system does not tell
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RunRecord(int schemaVersion, String id, RunKind kind, RunStatus status, String created, String ended,
                        String dataset, ModelSpec model, String sweep, String schedule, String rangeMethod,
                        Double rangeFactor, String stopReason,
                        @JsonSerialize(contentUsing = WholeNumbers.class) Map<String, Double> results, String error,
                        long pid, String processStart) {

    public static final int SCHEMA_VERSION = 1;

    /** The key numbers that are learning rates, shown as the CLI shows learning rates. */
    public static final Set<String> LEARNING_RATES = Set.of("steep", "valley", "minimum", "rangeMin", "rangeMax",
            "medianSteep", "medianValley", "medianMinimum", "initialLr", "maxLr");

    public RunRecord {
        results = results == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(results));
    }

    /** A record that says nothing of how a 1cycle range was chosen: a training's, or one written before it did. */
    public RunRecord(int schemaVersion, String id, RunKind kind, RunStatus status, String created, String ended,
                     String dataset, ModelSpec model, String sweep, String schedule, String stopReason,
                     Map<String, Double> results, String error, long pid, String processStart) {
        this(schemaVersion, id, kind, status, created, ended, dataset, model, sweep, schedule, null, null, stopReason,
                results, error, pid, processStart);
    }

    public Instant createdAt() {
        return Instant.parse(created);
    }

    /**
     * Why the run ended, as the engine names it; null while it runs, for a run that failed, and for a stop reason
     * this Rangefinder does not know (a later version's, or one edited by hand), which the record keeps as written.
     */
    public StopReason knownStopReason() {
        return StopReason.known(stopReason);
    }

    /**
     * Checks a record read back from its file, which a user or a crash may have damaged: {@code id}, {@code kind},
     * {@code status}, {@code created} and {@code dataset} are there, {@code created} and {@code ended} (when there)
     * are ISO-8601 instants, and each key number is a finite number.
     *
     * @throws InvalidField naming the first field that is not so: {@code results.epochs must be a finite number,
     *                      got Infinity}
     */
    void check() {
        present("id", id);
        present("kind", kind);
        present("status", status);
        instant("created", present("created", created));
        if (ended != null) {
            instant("ended", ended);
        }
        present("dataset", dataset);
        for (Map.Entry<String, Double> e : results.entrySet()) {
            if (e.getValue() == null || !Double.isFinite(e.getValue())) {
                throw new InvalidField("results." + e.getKey(), "must be a finite number, got " + e.getValue());
            }
        }
    }

    private static <T> T present(String field, T value) {
        if (value == null) {
            throw new InvalidField(field, "is required but missing");
        }
        return value;
    }

    private static void instant(String field, String value) {
        try {
            Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new InvalidField(field, "must be an ISO-8601 instant such as 2026-01-31T12:00:00Z, got '" + value
                    + "'");
        }
    }

    RunRecord finished(StopReason reason, Map<String, Double> keyNumbers, String sweepText) {
        return new RunRecord(schemaVersion, id, kind, RunStatus.FINISHED, created, Instant.now().toString(), dataset,
                model, sweepText, schedule, rangeMethod, rangeFactor, reason.id(), keyNumbers, null, pid, processStart);
    }

    RunRecord failed(String message) {
        return new RunRecord(schemaVersion, id, kind, RunStatus.FAILED, created, Instant.now().toString(), dataset,
                model, sweep, schedule, rangeMethod, rangeFactor, null, results, message, pid, processStart);
    }

    RunRecord interrupted() {
        return new RunRecord(schemaVersion, id, kind, RunStatus.INTERRUPTED, created, Instant.now().toString(),
                dataset, model, sweep, schedule, rangeMethod, rangeFactor, StopReason.INTERRUPTED.id(), results, null,
                pid, processStart);
    }

    /**
     * The suggestion a range test's 1cycle range was taken from, as its key number is named ({@code steep},
     * {@code valley}, {@code minimum}): the one recorded, else, in a record written before it was, the first of
     * valley (the default), steep and minimum whose value is the range's top; null when neither tells.
     */
    public String rangeSource() {
        if (rangeMethod != null) {
            return rangeMethod;
        }
        Double top = results.get("rangeMax");
        return top == null ? null : Stream.of("valley", "steep", "minimum").filter(m -> top.equals(results.get(m)))
                .findFirst().orElse(null);
    }

    /**
     * The key numbers in a few words: a range test's suggestion its 1cycle range was taken from ({@link #rangeSource};
     * valley where it has none) and the range, a sweep's member count (and median valley for seeds), a training
     * run's final validation accuracy and loss.
     */
    public String summary() {
        String source = rangeSource() != null && results.containsKey(rangeSource()) ? rangeSource() : "valley";
        return switch (kind) {
            case RANGE_TEST -> results.containsKey(source)
                    ? source + " " + lr(source) + (results.containsKey("rangeMin") && results.containsKey("rangeMax")
                            ? ", range " + lr("rangeMin") + ".." + lr("rangeMax") : "")
                    : status == RunStatus.FINISHED ? "no suggestions" : "";
            case SWEEP -> results.containsKey("members")
                    ? Math.round(results.get("members")) + " members"
                            + (results.containsKey("medianValley") ? ", median valley " + lr("medianValley") : "")
                    : "";
            case TRAINING -> results.containsKey("finalValAccuracy")
                    ? String.format(Locale.ROOT, "val acc %.2f%%, val loss %.4f", 100 * results.get("finalValAccuracy"),
                            results.getOrDefault("finalValLoss", Double.NaN))
                    : "";
        };
    }

    private String lr(String key) {
        return String.format(Locale.ROOT, "%.2e", results.get(key));
    }
}

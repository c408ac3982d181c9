package org.rangefinder.ui.history;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import org.rangefinder.FileIdentity;
import org.rangefinder.UserInputException;
import org.rangefinder.data.Datasets;
import org.rangefinder.history.RunHistory;
import org.rangefinder.history.RunKind;
import org.rangefinder.history.RunRecord;
import org.rangefinder.model.ModelSpec;
import org.rangefinder.ui.work.BackgroundExecutor;
import org.rangefinder.ui.work.Problems;

/**
 * The window's way to the run history: every read and write of it happens on one background thread, in the order
 * asked, never on the FX thread. The history is opened (and runs a crash interrupted marked as such) on first use;
 * its folder is made by the first run recorded, not by a read.
 * As for the CLI, the history serves the runs: when it cannot be read or written, the problem goes to the status
 * line and the run goes on.
 */
public final class HistoryStore {

    /** One write to the entry of a run being recorded; gives the record written. */
    @FunctionalInterface
    public interface Entry {
        RunRecord write(RunHistory history, String id) throws IOException;
    }

    /** How a finished run's result is written to its entry; gives the record written. */
    @FunctionalInterface
    public interface Finish<T> {
        RunRecord write(RunHistory history, String id, T result) throws IOException;
    }

    /** A read of the history, whose answer goes to the FX thread. */
    @FunctionalInterface
    public interface Query<T> {
        T ask(RunHistory history) throws IOException;
    }

    /** A run being recorded; its id is known once its start has been written (never, if that failed). */
    public static final class Recording {
        private volatile String id;
    }

    private final Path folder;
    private final BackgroundExecutor io;
    private RunHistory history;
    private Consumer<String> onProblem = m -> { };
    private Consumer<RunRecord> onWritten = r -> { };

    /**
     * @param io where the reads and writes run, in order (a single thread), with their outcome handed to the FX
     *           thread
     */
    public HistoryStore(Path folder, BackgroundExecutor io) {
        this.folder = folder;
        this.io = io;
    }

    /**
     * The history in {@code folder}, read and written on a daemon thread of its own at the window's priority, as the
     * files the user asks for are ({@link BackgroundExecutor#writer}). Its work is short, but a run's first record
     * (its JSON written for the first time in the session) takes 26-41 ms of CPU: started below the window on an idle
     * machine just before other programs filled the cores, it then got almost no CPU, for seconds, and the JVM waited
     * for it, preempted in Java code, at each safepoint, the window with it (a lowered thread is never raised).
     */
    public static HistoryStore inBackground(Path folder) {
        return new HistoryStore(folder, BackgroundExecutor.writer("rangefinder-history"));
    }

    public Path folder() {
        return folder;
    }

    /**
     * Runs {@code work} (in the calling thread: a worker) as a recorded run: its start is written first, then its
     * result with {@code finish}, or, when {@code work} throws, the failure's message.
     */
    public <T> T recording(RunKind kind, String dataset, ModelSpec model, Object settings, Callable<T> work,
                           Finish<? super T> finish) throws Exception {
        Recording run = start(kind, dataset, model, settings);
        T result;
        try {
            result = work.call();
        } catch (Exception | Error e) {
            record(run, (h, id) -> h.fail(id, Problems.describe(e)));
            throw e;
        }
        record(run, (h, id) -> finish.write(h, id, result));
        return result;
    }

    /**
     * Queues the start of a run: its folder, settings and a {@code running} entry; none when the history's folder is,
     * or lies in, an image folder the run reads ({@link Datasets#imageFolderChangedBy}), where each run would add
     * files to the dataset, on which its next load would fail. As the CLI does with its default folder, that run goes
     * on unrecorded, and the status line says why.
     */
    public Recording start(RunKind kind, String dataset, ModelSpec model, Object settings) {
        Recording run = new Recording();
        write(() -> {
            Datasets.imageFolderChangedBy(dataset, folder).ifPresent(images -> {
                throw new UserInputException("this run is not recorded: the run history's folder " + folder
                        + (images.equals(FileIdentity.of(folder)) ? " is " : " is inside ") + "the image folder "
                        + dataset + " the run reads: writing there would change the dataset; give a folder outside it "
                        + "with -D" + RunHistory.FOLDER_PROPERTY + "=DIR");
            });
            RunRecord started = history().start(kind, dataset, model, settings);
            run.id = started.id();
            return started;
        });
        return run;
    }

    /** Queues a write to a run's entry; nothing when its start could not be written (that was reported). */
    public void record(Recording run, Entry entry) {
        write(() -> run.id == null ? null : entry.write(history(), run.id));
    }

    /** Queues a read; its answer, or its problem, reaches the FX thread. */
    public <T> void read(Query<T> query, Consumer<? super T> onAnswer, Consumer<String> onFailure) {
        // a read makes no folder: one in an image folder the next run reads would be taken for a class
        io.submit(() -> query.ask(history != null ? history : RunHistory.openExisting(folder)), onAnswer,
                e -> onFailure.accept(describe(e)));
    }

    private void write(Callable<RunRecord> work) {
        io.submit(work, written -> {
            if (written != null) {
                onWritten.accept(written);
            }
        }, e -> onProblem.accept(describe(e)));
    }

    private static String describe(Throwable e) {
        return "Run history: " + Problems.describe(e);
    }

    /**
     * Takes no more reads or writes and waits for those queued to be done, until {@code deadlineNanos} (see
     * {@link BackgroundExecutor#finish}).
     *
     * @return whether all of them were done in time
     */
    public boolean finish(long deadlineNanos) throws InterruptedException {
        return io.finish(deadlineNanos);
    }

    /** The history, opened on first use; called on the history thread only. */
    private RunHistory history() {
        if (history == null) {
            history = RunHistory.open(folder);
        }
        return history;
    }

    /** FX thread: receives the message of a write that failed. */
    public void setOnProblem(Consumer<String> onProblem) {
        this.onProblem = onProblem;
    }

    /**
     * FX thread: receives the record of each write, as written to its {@code run.json} (a run's start, then its end),
     * so that a list of runs can take it without reading the history again.
     */
    public void setOnWritten(Consumer<RunRecord> onWritten) {
        this.onWritten = onWritten;
    }
}

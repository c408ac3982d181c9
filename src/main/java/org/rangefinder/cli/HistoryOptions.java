package org.rangefinder.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import org.rangefinder.UserInputException;
import org.rangefinder.files.AtomicFiles;
import org.rangefinder.history.RunHistory;
import org.rangefinder.history.RunKind;
import org.rangefinder.model.ModelSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Recording a command's run in the run history. The history serves the run, not the other way round: when it
 * cannot be written, the command says so on stderr and goes on; but a {@code --workspace} given on the command line
 * that cannot be opened is bad input, refused before the run.
 */
final class HistoryOptions {

    /** One write to the history about the run being recorded. */
    @FunctionalInterface
    interface Entry {
        void write(RunHistory history, String id) throws IOException;
    }

    @Mixin
    WorkspaceOption workspace;

    @Option(names = "--no-history", description = "Do not record this run in the run history.")
    boolean noHistory;

    private RunHistory history;
    private String id;
    /** Why the default history folder is not written ({@link #check}), or null. */
    private String notWritten;

    /**
     * Checks the run history's folder with the command's other outputs, before the run: it must not be, nor lie in,
     * an image folder the command reads ({@link OutputFiles#writesInto}), where each run would add files to the
     * dataset, on which its next load would fail. A {@code --workspace} there is refused; the default folder there is
     * not written, as one that cannot be written: the run goes on, unrecorded, with a warning as it starts that says
     * how to give another.
     */
    void check(OutputFiles files) {
        if (noHistory) {
            return;
        }
        Path folder = workspace.folder();
        boolean given = workspace.workspace != null;
        try {
            files.writesInto((given ? "--workspace " : "the run history's folder ") + folder, folder,
                    "a folder outside it" + (given ? "" : " with --workspace DIR or -D" + RunHistory.FOLDER_PROPERTY
                            + "=DIR"));
        } catch (UserInputException e) {
            if (given) {
                throw e;
            }
            notWritten = e.getMessage();
        }
    }

    /** Starts recording a run (nothing with {@code --no-history}, or in a folder {@link #check} kept from it). */
    void start(PrintWriter err, RunKind kind, String dataset, ModelSpec model, Object settings) {
        if (noHistory) {
            return;
        }
        if (notWritten != null) {
            err.println("warning: this run is not recorded in the run history (" + notWritten + ")");
            return;
        }
        Path folder = workspace.folder();
        try {
            history = RunHistory.open(folder);
            id = history.start(kind, dataset, model, settings).id();
        } catch (IOException | UserInputException e) {
            String why = why(e);
            if (workspace.workspace != null) {
                throw new UserInputException("--workspace " + workspace.workspace + ": " + why, e);
            }
            err.println("warning: this run is not recorded in the run history (" + why + ")");
            history = null;
        }
    }

    /** Writes to the run's history entry, when it has one. */
    void record(PrintWriter err, Entry entry) {
        if (history == null) {
            return;
        }
        try {
            entry.write(history, id);
        } catch (IOException | UserInputException e) {
            err.println("warning: cannot update run " + id + " in the run history (" + why(e) + ")");
        }
    }

    /** Records that the run failed with {@code e}, by its message, when it has an entry; the caller rethrows it. */
    void recordFailure(PrintWriter err, RuntimeException e) {
        record(err, (h, id) -> h.fail(id, String.valueOf(e.getMessage())));
    }

    /** What went wrong with the history, in words. */
    private static String why(Exception e) {
        return e instanceof IOException io ? AtomicFiles.reason(io) : e.getMessage();
    }

    /** Says which run the history recorded, with the command that shows it; nothing when none was recorded. */
    void printRecorded(PrintWriter stdout) {
        if (id() != null) {
            stdout.println("recorded as run " + id + " (rangefinder runs show " + id + workspace.repeated() + ")");
        }
    }

    /** The id of the run being recorded, or null. */
    String id() {
        return history == null ? null : id;
    }
}

package org.rangefinder.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import org.rangefinder.UserInputException;
import org.rangefinder.history.RunHistory;
import picocli.CommandLine.Option;

/** {@code --workspace}: where the run history lives. */
final class WorkspaceOption {

    @Option(names = "--workspace", paramLabel = "DIR", description = "Run-history folder (default: the system "
            + "property " + RunHistory.FOLDER_PROPERTY + ", else ~/.rangefinder/runs).")
    Path workspace;

    /**
     * The run history's folder: {@code --workspace}, else the default one.
     *
     * @throws UserInputException when {@code --workspace} is blank, which would put the history in the current
     *                            folder, or names a file
     */
    Path folder() {
        if (workspace == null) {
            return RunHistory.defaultFolder();
        }
        if (workspace.toString().isBlank()) {
            throw new UserInputException("--workspace is blank: give the run history's folder, or leave the option "
                    + "out for the default");
        }
        if (Files.exists(workspace) && !Files.isDirectory(workspace)) {
            throw new UserInputException("--workspace " + workspace + " is a file, not a folder: give the run "
                    + "history's folder");
        }
        return workspace;
    }

    /** The option as a command that reads this history must repeat it: {@code " --workspace DIR"}, or "". */
    String repeated() {
        return workspace == null ? "" : " --workspace " + Format.shellWord(workspace);
    }

    /**
     * Opens the run history to read it or delete runs from it, creating nothing; a {@code --workspace} that cannot be
     * opened is named in the message. A {@code --workspace} given that is not there is refused (a mistyped name would
     * read as a history with no runs); the default folder not there yet holds no runs.
     */
    RunHistory openExisting() {
        Path folder = folder();
        if (workspace != null && !Files.exists(folder)) {
            throw new UserInputException("no run history at --workspace " + workspace + ": there is no such folder "
                    + "(recording a run there makes it)");
        }
        try {
            return RunHistory.openExisting(folder);
        } catch (UserInputException e) {
            throw workspace == null ? e : new UserInputException("--workspace " + workspace + ": " + e.getMessage(), e);
        }
    }
}

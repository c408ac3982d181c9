package org.rangefinder.cli;

import java.nio.file.Path;
import org.rangefinder.history.RunHistory;
import picocli.CommandLine.Option;

/** {@code --workspace}: where the run history lives. */
final class WorkspaceOption {

    @Option(names = "--workspace", paramLabel = "DIR", description = "Run-history folder (default: the system "
            + "property " + RunHistory.FOLDER_PROPERTY + ", else ~/.rangefinder/runs).")
    Path workspace;

    RunHistory open() {
        return RunHistory.open(workspace != null ? workspace : RunHistory.defaultFolder());
    }
}

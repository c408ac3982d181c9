package org.rangefinder.ui;

import java.io.File;
import java.nio.file.Path;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/**
 * Asks the user for files and folders. The window uses the platform's dialogs; a test gives answers of its own
 * (a headless test cannot click through a native dialog).
 */
public interface FileChoices {

    /** A file to write, or null when the user cancels. */
    Path save(String title, String suggestedName, FileChooser.ExtensionFilter filter);

    /** A file to read, or null. */
    Path open(String title, FileChooser.ExtensionFilter... filters);

    /** A folder to read, or null. */
    Path folder(String title);

    /** The platform's dialogs, over {@code owner}. */
    static FileChoices dialogs(Window owner) {
        return new FileChoices() {
            @Override
            public Path save(String title, String suggestedName, FileChooser.ExtensionFilter filter) {
                FileChooser chooser = new FileChooser();
                chooser.setTitle(title);
                chooser.setInitialFileName(suggestedName);
                chooser.getExtensionFilters().add(filter);
                return path(chooser.showSaveDialog(owner));
            }

            @Override
            public Path open(String title, FileChooser.ExtensionFilter... filters) {
                FileChooser chooser = new FileChooser();
                chooser.setTitle(title);
                chooser.getExtensionFilters().addAll(filters);
                return path(chooser.showOpenDialog(owner));
            }

            @Override
            public Path folder(String title) {
                DirectoryChooser chooser = new DirectoryChooser();
                chooser.setTitle(title);
                return path(chooser.showDialog(owner));
            }

            private Path path(File file) {
                return file == null ? null : file.toPath();
            }
        };
    }
}

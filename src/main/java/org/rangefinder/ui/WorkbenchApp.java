package org.rangefinder.ui;

import javafx.application.Application;
import javafx.stage.Stage;
import org.rangefinder.ui.settings.WorkbenchSettings;
import org.rangefinder.ui.theme.ThemeManager;

/** The JavaFX application: the workbench window with the user's settings and the themes folder. */
public final class WorkbenchApp extends Application {

    @Override
    public void start(Stage stage) {
        Workbench.open(stage, WorkbenchSettings.forUser(), new ThemeManager(ThemeManager.locateFolder()), null);
    }
}

package org.rangefinder.ui;

import java.util.logging.Level;
import java.util.logging.Logger;
import javafx.application.Application;
import org.rangefinder.ui.work.OtherPrograms;

/**
 * Starts the JavaFX workbench. A plain class, not the {@link Application} itself: launched from the classpath, a
 * main class extending {@code Application} fails with "JavaFX runtime components are missing".
 */
public final class WorkbenchLauncher {
    /**
     * JavaFX warns "Unsupported JavaFX configuration: classes were loaded from 'unnamed module'" whenever it runs
     * from the classpath, as this jar does; it works all the same. Held here because the logging framework keeps
     * loggers only weakly, and a collected logger would forget its level.
     */
    private static final Logger PLATFORM_LOG = Logger.getLogger("javafx");

    private WorkbenchLauncher() {
    }

    public static void launch(String[] args) {
        quietClasspathWarning();
        // by the time the window opens, the load of other programs is known over the toolkit's start-up
        OtherPrograms.watch();
        Application.launch(WorkbenchApp.class, args);
    }

    /** Keeps JavaFX's classpath warning out of the user's terminal; real errors still show. */
    static void quietClasspathWarning() {
        PLATFORM_LOG.setLevel(Level.SEVERE);
    }
}

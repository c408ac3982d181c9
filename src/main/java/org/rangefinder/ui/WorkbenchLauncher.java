package org.rangefinder.ui;

import javafx.application.Application;

/**
 * Starts the JavaFX workbench. A plain class, not the {@link Application} itself: launched from the classpath, a
 * main class extending {@code Application} fails with "JavaFX runtime components are missing".
 */
public final class WorkbenchLauncher {
    private WorkbenchLauncher() {
    }

    public static void launch(String[] args) {
        Application.launch(WorkbenchApp.class, args);
    }
}

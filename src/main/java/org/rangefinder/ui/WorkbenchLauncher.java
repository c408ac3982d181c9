package org.rangefinder.ui;

/** Starts the JavaFX workbench (the window itself is built in the UI issue). */
public final class WorkbenchLauncher {
    private WorkbenchLauncher() {
    }

    public static void launch(String[] args) {
        throw new UnsupportedOperationException("the workbench window is not built yet");
    }
}

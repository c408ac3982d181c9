package org.rangefinder;

import org.rangefinder.cli.RangefinderCommand;

/**
 * Entry point of the jar. With no arguments it opens the workbench window; with a subcommand it runs headless.
 * (A plain launcher class: a class extending {@code Application} cannot be the main class on the classpath.)
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        if (args.length == 0) {
            try {
                org.rangefinder.ui.WorkbenchLauncher.launch(args);
            } catch (UnsupportedOperationException noDisplay) { // JavaFX: "Unable to open DISPLAY"
                System.err.println("rangefinder: the window needs a display (" + noDisplay.getMessage() + "); the "
                        + "commands run without one: java -jar rangefinder.jar --help");
                System.exit(2);
            }
            return;
        }
        System.exit(RangefinderCommand.run(args));
    }
}

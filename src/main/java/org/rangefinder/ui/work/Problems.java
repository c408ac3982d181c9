package org.rangefinder.ui.work;

import java.io.IOException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.rangefinder.UserInputException;

/** Turns what a background task threw into one line for the user: no stack traces in the window. */
public final class Problems {

    private Problems() {
    }

    /** What {@code t} is about: the work's own exception, out of the futures' wrappers around it. */
    public static Throwable cause(Throwable t) {
        Throwable cause = t;
        while ((cause instanceof ExecutionException || cause instanceof CompletionException)
                && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }

    public static String describe(Throwable t) {
        Throwable cause = cause(t);
        if (cause instanceof UserInputException) {
            return cause.getMessage();
        }
        if (cause instanceof IOException) {
            return "could not read or write a file: " + cause.getMessage();
        }
        if (cause instanceof OutOfMemoryError) {
            return "out of memory: try a smaller batch size or model, or give Java more memory (-Xmx)";
        }
        String message = cause.getMessage();
        return "unexpected error (" + cause.getClass().getSimpleName() + ")" + (message == null ? "" : ": " + message);
    }
}

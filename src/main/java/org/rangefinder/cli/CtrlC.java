package org.rangefinder.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.rangefinder.engine.CancelToken;
import org.rangefinder.files.AtomicFiles;
import sun.misc.Signal;

/**
 * Turns Ctrl-C (and {@code kill}) into a cooperative cancel: the run stops within one iteration with reason
 * {@code cancelled}, and the command still prints and writes what was recorded before the JVM exits. It is waited
 * for as long as its writes take (they are finite: a large model may take a while); after a second a line on stderr
 * says so. A second Ctrl-C stops at once: the files being written are removed (a file they would have replaced is
 * left as it was) and stderr names them; an output not begun by then is not written either.
 */
final class CtrlC implements AutoCloseable {
    private final CancelToken token = new CancelToken();
    private final CountDownLatch finished = new CountDownLatch(1);
    private final Thread hook = new Thread(this::cancelAndWait, "ctrl-c");
    private final PrintWriter err;

    /** @param err where the command's stderr goes, for the lines a Ctrl-C prints */
    CtrlC(PrintWriter err) {
        this.err = err;
        Runtime.getRuntime().addShutdownHook(hook);
    }

    CancelToken token() {
        return token;
    }

    private void cancelAndWait() {
        token.cancel();
        boolean again = stopAtOnceOnSignal("INT") & stopAtOnceOnSignal("TERM");
        try {
            if (!finished.await(1, TimeUnit.SECONDS)) {
                err.println("rangefinder: stopped; writing what was recorded"
                        + (again ? " (Ctrl-C again to stop at once, without it)" : ""));
                err.flush();
                finished.await();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Makes a second signal stop the JVM at once, with the exit code of a program the signal ended (128 + its number:
     * 130 for Ctrl-C, 143 for {@code kill}); false where the JVM keeps the signal to itself.
     */
    private boolean stopAtOnceOnSignal(String name) {
        try {
            Signal.handle(new Signal(name), s -> stopNow(() -> Runtime.getRuntime().halt(128 + s.getNumber())));
            return true;
        } catch (IllegalArgumentException reserved) {
            return false;
        }
    }

    /**
     * Abandons the writes in progress, says which outputs were not written, and runs {@code halt} before any other
     * write can start or end.
     */
    void stopNow(Runnable halt) {
        AtomicFiles.abandonWrites(targets -> {
            err.println("rangefinder: stopped at once, " + (targets.isEmpty() ? "before writing the outputs not "
                    + "written by now" : "before writing " + names(targets) + " (a file there is left as it was); "
                    + "no output after it is written either"));
            err.flush();
            halt.run();
        });
    }

    private static String names(List<Path> files) {
        return files.stream().map(Path::toString).collect(Collectors.joining(", "));
    }

    @Override
    public void close() {
        finished.countDown();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the JVM is exiting because of Ctrl-C: the hook is waiting for this close
        }
    }
}

package org.rangefinder.cli;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.rangefinder.engine.CancelToken;

/**
 * Turns Ctrl-C into a cooperative cancel: the run stops within one iteration with reason {@code cancelled}, and the
 * command still prints and writes what was recorded before the JVM exits (for up to ten seconds).
 */
final class CtrlC implements AutoCloseable {
    private final CancelToken token = new CancelToken();
    private final CountDownLatch finished = new CountDownLatch(1);
    private final Thread hook = new Thread(this::cancelAndWait, "ctrl-c");

    CtrlC() {
        Runtime.getRuntime().addShutdownHook(hook);
    }

    CancelToken token() {
        return token;
    }

    private void cancelAndWait() {
        token.cancel();
        try {
            finished.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
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

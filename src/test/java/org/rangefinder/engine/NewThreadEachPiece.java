package org.rangefinder.engine;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.function.Supplier;

/** Runs each piece, and each step of a loop, on a new thread of its own; counts the threads (tests). */
public final class NewThreadEachPiece extends StepThreads {
    private final Set<Thread> threads = ConcurrentHashMap.newKeySet();

    @Override
    protected <T> T onThread(Supplier<T> work) {
        FutureTask<T> piece = new FutureTask<>(() -> {
            threads.add(Thread.currentThread());
            return work.get();
        });
        new Thread(piece, "piece-" + threads.size()).start();
        try {
            return piece.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw (RuntimeException) e.getCause(); // a supplier throws nothing else
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The threads that have run a piece. */
    public int threads() {
        return threads.size();
    }
}

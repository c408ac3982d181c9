package org.rangefinder.rangetest;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.rangefinder.data.Dataset;
import org.rangefinder.engine.CancelToken;

/**
 * Runs the members of a sweep on a bounded pool of {@code threads} workers. Each member is an ordinary range test
 * on one native thread with its own network and batches, so it gives exactly the curve it gives when run alone.
 */
public final class SweepRunner {

    /** Receives each member's points as they are recorded, on that member's training thread. */
    @FunctionalInterface
    public interface Listener {
        void pointRecorded(int member, CurvePoint point);
    }

    private SweepRunner() {
    }

    public static SweepResult run(Dataset data, RangeTestConfig base, Sweep sweep, int threads, Listener listener,
                                  CancelToken cancel) {
        List<RangeTestConfig> configs = sweep.members(base);
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(threads, configs.size())), r -> {
            Thread t = new Thread(r, "sweep-member");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<RangeTestResult>> futures = new ArrayList<>();
            for (int i = 0; i < configs.size(); i++) {
                int member = i;
                RangeTestConfig config = configs.get(i);
                futures.add(pool.submit(() -> RangeTest.run(data, config, p -> listener.pointRecorded(member, p),
                        cancel)));
            }
            List<RangeTestResult> results = new ArrayList<>();
            for (Future<RangeTestResult> f : futures) {
                results.add(f.get());
            }
            return SweepResult.of(sweep, results);
        } catch (InterruptedException e) {
            cancel.cancel();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the sweep", e);
        } catch (ExecutionException e) {
            cancel.cancel();
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }
}

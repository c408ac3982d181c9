package org.rangefinder.ui.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.rangefinder.UserInputException;
import org.rangefinder.data.DataOptions;
import org.rangefinder.data.Dataset;
import org.rangefinder.data.Datasets;

class DatasetCacheTest {
    private final Dataset iris = Datasets.load("iris", DataOptions.defaults());

    /** A folder being imported holds up neither another dataset nor a second ask for itself, which waits for it. */
    @Test
    void aSlowLoadHoldsUpNoOtherDatasetAndIsReadOnce() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger slowLoads = new AtomicInteger();
        DatasetCache cache = new DatasetCache((name, options) -> {
            if (name.equals("big-folder")) {
                slowLoads.incrementAndGet();
                await(release);
            }
            return iris;
        });
        ExecutorService threads = Executors.newCachedThreadPool();
        try {
            CompletableFuture<Dataset> first = CompletableFuture.supplyAsync(
                    () -> cache.load("big-folder", DataOptions.defaults()), threads);
            CompletableFuture<Dataset> second = CompletableFuture.supplyAsync(
                    () -> cache.load("big-folder", DataOptions.defaults()), threads);
            CompletableFuture<Dataset> other = CompletableFuture.supplyAsync(
                    () -> cache.load("iris", DataOptions.defaults()), threads);
            assertThat(other.get(10, TimeUnit.SECONDS)).as("loaded while the folder loads").isSameAs(iris);
            assertThat(first).isNotDone();
            release.countDown();
            assertThat(first.get(10, TimeUnit.SECONDS)).isSameAs(iris);
            assertThat(second.get(10, TimeUnit.SECONDS)).isSameAs(iris);
            assertThat(slowLoads).hasValue(1);
        } finally {
            release.countDown();
            threads.shutdown();
        }
    }

    @Test
    void aFailedLoadIsNotKept() {
        AtomicInteger loads = new AtomicInteger();
        DatasetCache cache = new DatasetCache((name, options) -> {
            if (loads.incrementAndGet() == 1) {
                throw new UserInputException(name + ": not a dataset");
            }
            return iris;
        });
        assertThatThrownBy(() -> cache.load("x.csv", DataOptions.defaults())).isInstanceOf(UserInputException.class)
                .hasMessage("x.csv: not a dataset");
        assertThat(cache.load("x.csv", DataOptions.defaults())).isSameAs(iris);
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(10, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }
}

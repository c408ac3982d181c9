package org.rangefinder.ui.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;
import org.rangefinder.ProgressLog;
import org.rangefinder.TestData;
import org.rangefinder.UserInputException;
import org.rangefinder.data.DataOptions;
import org.rangefinder.data.Dataset;
import org.rangefinder.data.Datasets;
import org.rangefinder.data.Loading;

class DatasetCacheTest {
    private final Dataset iris = Datasets.load("iris", DataOptions.defaults());

    /**
     * A folder being imported holds up neither another dataset nor a second ask for itself, which waits for it. The
     * folder is released only once both asks are seen waiting on the load (asking whether they still want it, which
     * a waiter does only while the load goes on), so the second ask cannot be served from the kept data instead.
     */
    @Test
    void aSlowLoadHoldsUpNoOtherDatasetAndIsReadOnce() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger slowLoads = new AtomicInteger();
        DatasetCache cache = new DatasetCache((name, options, loading) -> {
            if (name.equals("big-folder")) {
                slowLoads.incrementAndGet();
                await(release);
            }
            return iris;
        });
        CountDownLatch firstWaits = new CountDownLatch(1);
        CountDownLatch secondWaits = new CountDownLatch(1);
        ExecutorService threads = Executors.newCachedThreadPool();
        try {
            CompletableFuture<Dataset> first = CompletableFuture.supplyAsync(
                    () -> cache.load("big-folder", DataOptions.defaults(), waiting(firstWaits, () -> false)), threads);
            CompletableFuture<Dataset> second = CompletableFuture.supplyAsync(
                    () -> cache.load("big-folder", DataOptions.defaults(), waiting(secondWaits, () -> false)), threads);
            CompletableFuture<Dataset> other = CompletableFuture.supplyAsync(
                    () -> cache.load("iris", DataOptions.defaults(), () -> false), threads);
            assertThat(other.get(10, TimeUnit.SECONDS)).as("loaded while the folder loads").isSameAs(iris);
            assertThat(firstWaits.await(10, TimeUnit.SECONDS)).as("the first ask waits for the load").isTrue();
            assertThat(secondWaits.await(10, TimeUnit.SECONDS)).as("the second ask waits for the load").isTrue();
            assertThat(first).isNotDone();
            assertThat(second).isNotDone();
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
        DatasetCache cache = new DatasetCache((name, options, loading) -> {
            if (loads.incrementAndGet() == 1) {
                throw new UserInputException(name + ": not a dataset");
            }
            return iris;
        });
        assertThatThrownBy(() -> cache.load("x.csv", DataOptions.defaults(), () -> false))
                .isInstanceOf(UserInputException.class).hasMessage("x.csv: not a dataset");
        assertThat(cache.load("x.csv", DataOptions.defaults(), () -> false)).isSameAs(iris);
    }

    /** A file of the user's edited since it was loaded is read again; unchanged, it is served as kept. */
    @Test
    void aFileEditedSinceItWasKeptIsReadAgain(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        java.nio.file.Path file = java.nio.file.Files.writeString(dir.resolve("data.csv"),
                "a,b,c\n1,2,x\n3,4,y\n5,6,x\n7,8,y\n");
        DatasetCache cache = new DatasetCache();
        Dataset first = cache.load(file.toString(), DataOptions.defaults(), () -> false);
        assertThat(cache.load(file.toString(), DataOptions.defaults(), () -> false)).isSameAs(first);
        java.nio.file.Files.writeString(file, "a,b,c\n1,2,x\n3,4,y\n5,6,x\n7,8,y\n9,1,x\n2,3,y\n");
        Dataset edited = cache.load(file.toString(), DataOptions.defaults(), () -> false);
        assertThat(edited).isNotSameAs(first);
        assertThat(edited.train().size() + edited.validation().size()).isEqualTo(6);
    }

    /**
     * A dataset is described once, on the load's thread, and kept with its description: asked for again it comes
     * with the description made as it loaded, and a file edited since is read and described anew.
     */
    @Test
    void aDatasetIsDescribedOnItsLoadThreadAndKeptWithIt(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        java.util.List<String> describedOn = new java.util.concurrent.CopyOnWriteArrayList<>();
        DatasetCache cache = new DatasetCache(new DatasetSource() {
            @Override
            public Dataset load(String nameOrPath, DataOptions options, Loading loading) {
                return Datasets.load(nameOrPath, options, loading);
            }

            @Override
            public LoadedDataset loadDescribed(String nameOrPath, DataOptions options, Loading loading) {
                describedOn.add(Thread.currentThread().getName());
                return DatasetSource.super.loadDescribed(nameOrPath, options, loading);
            }
        });
        byte[] original = TestData.irisCsv(i -> true);
        java.nio.file.Path file = java.nio.file.Files.write(dir.resolve("flowers.csv"), original);
        LoadedDataset first = cache.loadDescribed(file.toString(), DataOptions.defaults(), () -> false);
        assertThat(describedOn).singleElement().asString().startsWith("rangefinder-data-")
                .isNotEqualTo(Thread.currentThread().getName());
        assertThat(first.description().sha256()).isEqualTo(TestData.sha256(original));
        assertThat(cache.loadDescribed(file.toString(), DataOptions.defaults(), () -> false)).isSameAs(first);
        assertThat(cache.load(file.toString(), DataOptions.defaults(), () -> false)).isSameAs(first.data());
        assertThat(describedOn).hasSize(1);

        byte[] fewer = TestData.irisCsv(i -> i % 3 != 0);
        java.nio.file.Files.write(file, fewer);
        LoadedDataset edited = cache.loadDescribed(file.toString(), DataOptions.defaults(), () -> false);
        assertThat(edited.description().sha256()).isEqualTo(TestData.sha256(fewer));
        assertThat(edited.description().trainSamples() + edited.description().validationSamples()).isEqualTo(100);
        assertThat(first.description().sha256()).isEqualTo(TestData.sha256(original));
        assertThat(first.description().trainSamples()).isEqualTo(120);
        assertThat(describedOn).hasSize(2);
    }

    /**
     * A run cancelled while its data loads stops waiting at once; the load goes on while someone else still waits
     * for it, and stops (its source told so) when nobody does. Asked for again, the data loads anew.
     */
    @Test
    void waitersStopWaitingWhenCancelledAndALoadNobodyWaitsForStops() throws Exception {
        AtomicInteger loads = new AtomicInteger();
        AtomicBoolean sourceToldToStop = new AtomicBoolean();
        CountDownLatch release = new CountDownLatch(1);
        DatasetCache cache = new DatasetCache((name, options, loading) -> {
            loads.incrementAndGet();
            while (release.getCount() > 0) {
                if (loading.cancelled()) {
                    sourceToldToStop.set(true);
                    throw new CancellationException("stopped");
                }
                sleep(5);
            }
            return iris;
        });
        AtomicBoolean firstCancelled = new AtomicBoolean();
        AtomicBoolean secondCancelled = new AtomicBoolean();
        ExecutorService threads = Executors.newCachedThreadPool();
        try {
            CountDownLatch firstWaits = new CountDownLatch(1);
            CountDownLatch secondWaits = new CountDownLatch(1);
            CompletableFuture<Dataset> first = CompletableFuture.supplyAsync(
                    () -> cache.load("big-folder", DataOptions.defaults(), waiting(firstWaits, firstCancelled::get)),
                    threads);
            CompletableFuture<Dataset> second = CompletableFuture.supplyAsync(
                    () -> cache.load("big-folder", DataOptions.defaults(), waiting(secondWaits, secondCancelled::get)),
                    threads);
            // both have joined the one load before either is cancelled: otherwise the first could be its only
            // waiter when cancelled, and the load would stop before the second asked
            assertThat(firstWaits.await(10, TimeUnit.SECONDS)).as("the first waits for the load").isTrue();
            assertThat(secondWaits.await(10, TimeUnit.SECONDS)).as("the second waits for the load").isTrue();
            firstCancelled.set(true);
            assertThatThrownBy(() -> first.get(10, TimeUnit.SECONDS)).hasCauseInstanceOf(CancellationException.class)
                    .hasMessageContaining("loading big-folder cancelled");
            assertThat(second).as("still waited for").isNotDone();
            assertThat(sourceToldToStop).as("someone still waits").isFalse();

            secondCancelled.set(true);
            assertThatThrownBy(() -> second.get(10, TimeUnit.SECONDS)).hasCauseInstanceOf(CancellationException.class);
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, sourceToldToStop::get);

            release.countDown();
            assertThat(cache.load("big-folder", DataOptions.defaults(), () -> false)).isSameAs(iris);
            assertThat(loads).as("the stopped load is not reused").hasValue(2);
        } finally {
            release.countDown();
            threads.shutdown();
        }
    }

    /** A waiter is told how far the load is (the last report before each of its looks), not every report. */
    @Test
    void waitersAreToldHowFarTheLoadIs() {
        ProgressLog log = new ProgressLog();
        DatasetCache cache = new DatasetCache((name, options, loading) -> {
            loading.progress(1, 4, "images");
            await(log.firstReport());
            loading.progress(4, 4, "images");
            return iris;
        });
        assertThat(cache.load("folder", DataOptions.defaults(), log)).isSameAs(iris);
        assertThat(log.reports()).startsWith("1/4 images").doesNotHaveDuplicates();
    }

    /**
     * A waiter's side of a load that says when it is waiting: the cache asks whether it is cancelled only between
     * looks at a load still going, so the latch opens once this waiter has joined the load.
     */
    private static Loading waiting(CountDownLatch joined, BooleanSupplier cancelled) {
        return () -> {
            joined.countDown();
            return cancelled.getAsBoolean();
        };
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(10, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }
}

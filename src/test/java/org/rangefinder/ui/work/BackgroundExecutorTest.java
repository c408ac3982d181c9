package org.rangefinder.ui.work;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;

/**
 * The background executor's cancel: only work no worker has taken up is cancelled, and then nothing reports. The
 * window's runs: at most so many at once, the rest started in the order submitted.
 */
class BackgroundExecutorTest {
    private final Deque<Runnable> queued = new ArrayDeque<>();
    private final List<String> reported = new ArrayList<>();
    private final BackgroundExecutor executor = new BackgroundExecutor(queued::add, Runnable::run);

    @Test
    void workCancelledWhileQueuedNeverRunsNorReports() {
        List<String> ran = new ArrayList<>();
        Future<String> future = executor.submit(() -> {
            ran.add("work");
            return "done";
        }, reported::add, e -> reported.add("failed"));
        assertThat(future.cancel(false)).isTrue();
        queued.poll().run(); // a worker reaches it
        assertThat(ran).isEmpty();
        assertThat(reported).isEmpty();
    }

    @Test
    void workAlreadyTakenUpIsNotCancelledAndReportsOnce() throws Exception {
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Future<String> future = executor.submit(() -> {
            inside.countDown();
            release.await();
            return "done";
        }, reported::add, e -> reported.add("failed"));
        Thread worker = new Thread(queued.poll());
        worker.start();
        assertThat(inside.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(future.cancel(false)).isFalse();
        release.countDown();
        worker.join(10_000);
        assertThat(reported).containsExactly("done");
        assertThat(future.isCancelled()).isFalse();
    }

    @Test
    void theRunsPoolRunsAtMostItsThreadsAtOnceAndTheRestInTheOrderSubmitted() throws Exception {
        FxToolkit.registerPrimaryStage(); // the pool hands its results to the FX thread
        List<String> started = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger running = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        CountDownLatch twoIn = new CountDownLatch(2);
        CountDownLatch release = new CountDownLatch(1);
        BackgroundExecutor two = BackgroundExecutor.runs(2);
        for (String name : List.of("a", "b", "c", "d", "e")) {
            two.submit(() -> {
                started.add(name);
                most.accumulateAndGet(running.incrementAndGet(), Math::max);
                twoIn.countDown();
                release.await();
                return running.decrementAndGet();
            }, left -> { }, e -> reported.add("failed"));
        }
        // both started, however slowly a loaded machine starts their threads; then time for a third, were it let
        assertThat(twoIn.await(10, TimeUnit.SECONDS)).isTrue();
        Thread.sleep(200);
        assertThat(started).containsExactlyInAnyOrder("a", "b");
        release.countDown();
        assertThat(two.finish(System.nanoTime() + TimeUnit.SECONDS.toNanos(30))).isTrue();
        assertThat(started).hasSize(5);
        assertThat(most.get()).isEqualTo(2);

        List<String> inTurn = Collections.synchronizedList(new ArrayList<>());
        BackgroundExecutor one = BackgroundExecutor.runs(1);
        for (String name : List.of("a", "b", "c", "d")) {
            one.submit(() -> inTurn.add(name), added -> { }, e -> reported.add("failed"));
        }
        assertThat(one.finish(System.nanoTime() + TimeUnit.SECONDS.toNanos(30))).isTrue();
        assertThat(inTurn).containsExactly("a", "b", "c", "d");
        assertThat(reported).isEmpty();
    }

    @Test
    void finishWaitsForTheWorkQueuedAndLaterWorkIsDropped() throws Exception {
        List<String> ran = java.util.Collections.synchronizedList(new ArrayList<>());
        BackgroundExecutor pool = new BackgroundExecutor(java.util.concurrent.Executors.newSingleThreadExecutor(),
                Runnable::run);
        for (String name : List.of("a", "b", "c")) {
            pool.submit(() -> ran.add(name), added -> { }, e -> reported.add("failed"));
        }
        assertThat(pool.finish(System.nanoTime() + TimeUnit.SECONDS.toNanos(30))).isTrue();
        assertThat(ran).containsExactly("a", "b", "c");
        Future<Boolean> late = pool.submit(() -> ran.add("late"), added -> { }, e -> reported.add("failed"));
        assertThat(late.isCancelled()).isTrue();
        assertThat(ran).containsExactly("a", "b", "c");
        assertThat(reported).isEmpty();
    }
}

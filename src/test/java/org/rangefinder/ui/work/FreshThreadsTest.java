package org.rangefinder.ui.work;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Each task on a thread of its own, at most so many at once, in the order submitted. */
class FreshThreadsTest {
    private static final long TEN_SECONDS = TimeUnit.SECONDS.toNanos(10);

    private static FreshThreads fresh(int max) {
        return new FreshThreads(max, r -> {
            Thread t = new Thread(r);
            t.setDaemon(true);
            return t;
        }, "test");
    }

    @Test
    void eachTaskRunsOnANewThreadInTheOrderSubmitted() throws Exception {
        FreshThreads one = fresh(1);
        List<String> ran = Collections.synchronizedList(new ArrayList<>());
        List<Thread> threads = Collections.synchronizedList(new ArrayList<>());
        for (String name : List.of("a", "b", "c", "d")) {
            one.execute(() -> {
                ran.add(name);
                threads.add(Thread.currentThread());
            });
        }
        one.shutdown();
        assertThat(one.awaitTermination(System.nanoTime() + TEN_SECONDS)).isTrue();
        assertThat(ran).containsExactly("a", "b", "c", "d");
        assertThat(threads).doesNotHaveDuplicates().doesNotContain(Thread.currentThread());
    }

    @Test
    void noMoreThanMaxRunAtOnce() throws Exception {
        FreshThreads two = fresh(2);
        AtomicInteger running = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        CountDownLatch twoIn = new CountDownLatch(2);
        CountDownLatch release = new CountDownLatch(1);
        for (int i = 0; i < 5; i++) {
            two.execute(() -> {
                most.accumulateAndGet(running.incrementAndGet(), Math::max);
                twoIn.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                running.decrementAndGet();
            });
        }
        assertThat(twoIn.await(10, TimeUnit.SECONDS)).isTrue();
        Thread.sleep(200); // time enough for a third to start, were it let
        assertThat(running.get()).isEqualTo(2);
        release.countDown();
        two.shutdown();
        assertThat(two.awaitTermination(System.nanoTime() + TEN_SECONDS)).isTrue();
        assertThat(most.get()).isEqualTo(2);
    }

    @Test
    void awaitingGivesUpAtTheDeadlineAndLaterTasksAreRefused() throws Exception {
        FreshThreads one = fresh(1);
        CountDownLatch release = new CountDownLatch(1);
        one.execute(() -> {
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        one.shutdown();
        assertThat(one.awaitTermination(System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(100))).isFalse();
        assertThatThrownBy(() -> one.execute(() -> { })).isInstanceOf(RejectedExecutionException.class);
        release.countDown();
        assertThat(one.awaitTermination(System.nanoTime() + TEN_SECONDS)).isTrue();
    }
}

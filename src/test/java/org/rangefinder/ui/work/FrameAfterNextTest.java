package org.rangefinder.ui.work;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.animation.AnimationTimer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** The update runs once per request, at the start of the second pulse after it; pulses counted by a timer. */
class FrameAfterNextTest {

    @BeforeAll
    static void javaFx() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @Test
    void runsOnceAtTheSecondPulseAfterTheRequest() throws Exception {
        AtomicInteger pulses = new AtomicInteger();
        List<Integer> ranAt = new CopyOnWriteArrayList<>();
        AnimationTimer counter = new AnimationTimer() {
            @Override
            public void handle(long now) {
                pulses.incrementAndGet(); // started first, so it counts each pulse before the update's timer runs
            }
        };
        FrameAfterNext frame = new FrameAfterNext(() -> ranAt.add(pulses.get()));
        WaitForAsyncUtils.asyncFx(() -> {
            counter.start();
            frame.request();
            frame.request(); // still pending: the same update
        }).get();
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> !ranAt.isEmpty());
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> pulses.get() >= 6);
        assertThat(ranAt).as("once, in the second pulse: the first one lays out what asked for it")
                .containsExactly(2);

        int[] askedAt = new int[1];
        WaitForAsyncUtils.asyncFx(() -> {
            askedAt[0] = pulses.get();
            frame.request();
        }).get();
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> ranAt.size() == 2);
        WaitForAsyncUtils.asyncFx(counter::stop).get();
        assertThat(ranAt.get(1)).as("asked again after it ran, it runs again").isEqualTo(askedAt[0] + 2);
    }
}

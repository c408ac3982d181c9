package org.rangefinder.ui.chart;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.animation.AnimationTimer;
import javafx.collections.ListChangeListener;
import javafx.scene.chart.XYChart;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The feeder's frame timer, on the real FX thread: it runs while points arrive and only then. */
@ExtendWith(ApplicationExtension.class)
class LiveSeriesFeederTest {

    @Start
    void start(Stage stage) {
        // nothing to show: the feeder only needs the FX thread and its frames
    }

    @Test
    void theTimerStopsWhenPointsStopAndAWorkersPointStartsItAgain(FxRobot robot) throws Exception {
        XYChart.Series<Number, Number> series = new XYChart.Series<>();
        LiveCurve curve = new LiveCurve();
        LiveSeriesFeeder feeder = new LiveSeriesFeeder();
        robot.interact(() -> {
            feeder.attach(curve, series, AxisScale.linear(0, 100));
            feeder.start();
        });
        assertThat(feeder.isRunning()).isTrue();
        // about IDLE_FRAMES frames (half a second at 60 a second) without a point
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> !feeder.isRunning());

        Thread worker = new Thread(() -> {
            for (int i = 0; i < 50; i++) {
                curve.add(i, i);
            }
        });
        worker.start();
        worker.join();
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> series.getData().size() == 50);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> !feeder.isRunning());

        // one more point after it stopped again still arrives: nothing is left in the curve's queue
        curve.add(50, 50);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> series.getData().size() == 51);

        robot.interact(feeder::stop);
        curve.add(51, 51);
        // ten frames go by, in any of which a running feeder would have taken the point
        AtomicInteger frames = new AtomicInteger();
        AnimationTimer counter = new AnimationTimer() {
            @Override
            public void handle(long now) {
                frames.incrementAndGet();
            }
        };
        robot.interact(counter::start);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> frames.get() >= 10);
        robot.interact(counter::stop);
        assertThat(feeder.isRunning()).isFalse();
        assertThat(series.getData()).hasSize(51); // a stopped feeder takes nothing
    }

    /**
     * A worker's points reach the series in at most one batch a frame: a change of the series' list per frame, counted
     * against the frames of a timer of the test's own, both on the FX thread (the one more: the two timers' order
     * within the first frame). The worker adds a point each millisecond, some 30 frames' worth, so that a feeder that
     * handed each point over as it came would change the list hundreds of times.
     */
    @Test
    void aWorkersPointsArriveInAtMostOneBatchAFrame(FxRobot robot) throws Exception {
        XYChart.Series<Number, Number> series = new XYChart.Series<>();
        LiveCurve curve = new LiveCurve();
        LiveSeriesFeeder feeder = new LiveSeriesFeeder();
        int[] changes = new int[1];
        int[] frames = new int[1];
        AnimationTimer counter = new AnimationTimer() {
            @Override
            public void handle(long now) {
                frames[0]++;
            }
        };
        robot.interact(() -> {
            // 2.4 pixel columns a point at the default resolution: no two points share one, each is a point drawn
            feeder.attach(curve, series, AxisScale.linear(0, 500));
            series.getData().addListener((ListChangeListener<XYChart.Data<Number, Number>>) c -> changes[0]++);
            counter.start();
            feeder.start();
        });
        Thread worker = new Thread(() -> {
            for (int i = 0; i < 500; i++) {
                curve.add(i, i);
                try {
                    Thread.sleep(1);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        });
        worker.start();
        worker.join();
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> series.getData().size() == 500);
        int[] counted = WaitForAsyncUtils.waitForAsyncFx(5_000, () -> {
            counter.stop();
            feeder.stop();
            return new int[] {changes[0], frames[0]};
        });
        assertThat(counted[0]).as("changes of the series in %d frames", counted[1]).isGreaterThan(1)
                .isLessThanOrEqualTo(counted[1] + 1);
    }
}

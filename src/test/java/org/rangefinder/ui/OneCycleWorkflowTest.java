package org.rangefinder.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.scene.Node;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.DialogPane;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.text.Text;
import javafx.stage.Window;
import javafx.stage.WindowEvent;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.rangefinder.data.DataOptions;
import org.rangefinder.data.Dataset;
import org.rangefinder.data.Datasets;
import org.rangefinder.data.Split;
import org.rangefinder.engine.StopReason;
import org.rangefinder.files.AtomicFiles;
import org.rangefinder.schedule.OneCycleSchedule;
import org.rangefinder.schedule.OneCycleSettings;
import org.rangefinder.ui.chart.LinearAxis;
import org.rangefinder.ui.onecycle.TrainingRun;
import org.rangefinder.ui.rangetest.RangeTestRun;
import org.rangefinder.ui.work.EngineStatus;
import org.rangefinder.ui.work.RunStatus;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/** The 1cycle side of the window: preview, launch with a baseline, live charts, save. */
@ExtendWith(ApplicationExtension.class)
class OneCycleWorkflowTest {
    @RegisterExtension
    final WorkbenchFixture fixture = new WorkbenchFixture();

    @TempDir
    Path tmp;

    @Test
    void thePreviewFollowsTheMaxBound(FxRobot robot) {
        WorkbenchFixture.waitUntil(10, () -> fixture.vm().oneCycle().previewProperty().get() != null);
        robot.interact(() -> fixture.vm().bounds().maxProperty().set(0.05));
        WaitForAsyncUtils.waitForFxEvents();
        XYChart.Series<Number, Number> lr = fixture.view().oneCyclePanel().lrPreviewSeries();
        double peak = lr.getData().stream().mapToDouble(d -> d.getYValue().doubleValue()).max().orElseThrow();
        OneCycleSettings s = fixture.vm().oneCycle().settingsProperty().get();
        assertThat(s.maxLr()).isEqualTo(0.05);
        assertThat(s.divFactor()).isCloseTo(0.05 / fixture.vm().bounds().minProperty().get(), within(1e-9));
        double[] lrs = OneCycleSchedule.of(s).lrs();
        assertThat(peak).isLessThanOrEqualTo(0.05).isGreaterThan(0.049);
        assertThat(lr.getData().get(0).getYValue().doubleValue()).isEqualTo(lrs[0]);
        // every point drawn is the schedule's value at its iteration (the points are moved, not rebuilt)
        for (XYChart.Data<Number, Number> d : lr.getData()) {
            assertThat(d.getYValue().doubleValue()).isEqualTo(lrs[d.getXValue().intValue()]);
        }
        robot.interact(() -> WorkbenchFixture.reveal(robot.lookup("#previewMomentumChart").query()));
        Screenshots.save(fixture.view().oneCyclePanel(), "one-cycle-preview");
    }

    @Test
    void launchTrainsOneCycleAndABaselineWithLiveChartsThenSavesTheModel(FxRobot robot) throws Exception {
        robot.interact(() -> robot.lookup("#datasetChoice").queryComboBox().setValue("iris"));
        WorkbenchFixture.waitUntil(10, () -> fixture.vm().oneCycle().trainSamplesProperty().get() == 120);
        WorkbenchFixture.replaceText(robot, "#epochsField", "2");
        robot.interact(() -> {
            robot.lookup("#trainBatchSizeField").queryAs(TextField.class).setText("16");
            fixture.vm().oneCycle().baselineProperty().set(true);
            robot.lookup("#baselineLrField").queryAs(TextField.class).setText("0.005");
        });
        robot.interact(() -> {
            fixture.vm().bounds().maxProperty().set(0.1);
            fixture.vm().bounds().minProperty().set(0.01);
        });
        WorkbenchFixture.waitUntil(10, () -> !robot.lookup("#launchButton").queryButton().isDisabled());
        robot.clickOn("#launchButton");
        WorkbenchFixture.waitUntil(10, () -> fixture.vm().oneCycle().runs().size() == 2);
        TrainingRun cycle = fixture.vm().oneCycle().runs().get(0);
        TrainingRun baseline = fixture.vm().oneCycle().runs().get(1);
        WorkbenchFixture.waitUntil(60, () -> !fixture.vm().oneCycle().trainingProperty().get());
        var view = fixture.view().trainingView();
        // the charts take the runs' last points at the next frame
        WorkbenchFixture.waitUntil(10, () -> view.lossChart().getData().size() == 6
                && pointsOf(view.lossChart(), 1) == 16
                && pointsOf(view.accuracyChart(), 0) == 2
                && pointsOf(view.lrChart(), 0) == 16
                && pointsOf(view.lrChart(), 1) == 16
                && pointsOf(view.momentumChart(), 0) == 16);

        assertThat(cycle.state().statusProperty().get()).isEqualTo(RunStatus.FINISHED);
        assertThat(baseline.state().statusProperty().get()).isEqualTo(RunStatus.FINISHED);
        assertThat(cycle.totalIterations()).isEqualTo(16);
        // loss chart: raw, smoothed and validation series for each run
        assertThat(view.lossChart().getData()).hasSize(6);
        assertThat(view.lossChart().getData().get(1).getData()).hasSize(16);
        assertThat(view.accuracyChart().getData().get(0).getData()).hasSize(2);
        XYChart.Series<Number, Number> lr = view.lrChart().getData().get(0);
        double[] schedule = OneCycleSchedule.of(cycle.config().oneCycle()).lrs();
        for (int i = 0; i < schedule.length; i++) {
            assertThat(lr.getData().get(i).getYValue().doubleValue()).isEqualTo(schedule[i]);
        }
        double[] momenta = OneCycleSchedule.of(cycle.config().oneCycle()).momenta();
        XYChart.Series<Number, Number> momentum = view.momentumChart().getData().get(0);
        for (int i = 0; i < momenta.length; i++) {
            assertThat(momentum.getData().get(i).getYValue().doubleValue()).isEqualTo(momenta[i]);
        }
        assertThat(view.lrChart().getData().get(1).getData()).allSatisfy(d ->
                assertThat(d.getYValue().doubleValue()).isEqualTo(0.005));
        // every chart shows the 16 iterations from the launch on, not the iterations made so far
        assertThat(List.of(view.lossChart(), view.accuracyChart(), view.lrChart(), view.momentumChart()))
                .allSatisfy(chart -> {
                    LinearAxis x = (LinearAxis) chart.getXAxis();
                    assertThat(x.heldRange()).containsExactly(0, 16);
                    assertThat(new double[] {x.getLowerBound(), x.getUpperBound(), x.tickUnit()})
                            .containsExactly(0, 16, 2);
                });
        // the learning rate's and momentum's axes hold both runs' schedules from the launch on
        LinearAxis lrAxis = (LinearAxis) view.lrChart().getYAxis();
        assertThat(lrAxis.heldRange()).containsExactly(Math.min(cycle.lrExtent()[0], 0.005),
                Math.max(cycle.lrExtent()[1], 0.005));
        assertThat(lrAxis.getLowerBound()).isLessThanOrEqualTo(lrAxis.heldRange()[0]);
        assertThat(lrAxis.getUpperBound()).isGreaterThanOrEqualTo(lrAxis.heldRange()[1]);
        LinearAxis momentumAxis = (LinearAxis) view.momentumChart().getYAxis();
        assertThat(momentumAxis.heldRange()).containsExactly(
                Math.min(cycle.momentumExtent()[0], baseline.momentumExtent()[0]),
                Math.max(cycle.momentumExtent()[1], baseline.momentumExtent()[1]));
        assertThat(((LinearAxis) view.lossChart().getYAxis()).getLowerBound()).as("losses from 0").isZero();
        assertThat(((LinearAxis) view.accuracyChart().getYAxis()).getUpperBound()).as("accuracy up to 1")
                .isEqualTo(1);
        Screenshots.save(fixture.view(), "one-cycle-trained");

        // with a baseline beside it, Save asks which model; each file holds the network its run ended with
        Path model = tmp.resolve("model.zip");
        saveModel(robot, "1cycle", model);
        Path baselineModel = tmp.resolve("baseline.zip");
        saveModel(robot, "constant 0.005", baselineModel);
        Dataset iris = Datasets.load("iris", DataOptions.defaults());
        assertThat(validationLoss(model, iris)).isCloseTo(cycle.resultProperty().get().finalValLoss(), within(1e-6));
        assertThat(validationLoss(baselineModel, iris))
                .isCloseTo(baseline.resultProperty().get().finalValLoss(), within(1e-6))
                .isNotCloseTo(cycle.resultProperty().get().finalValLoss(), within(1e-3));
    }

    /**
     * Quit (or the window's close button) with a trained network never saved asks first: Cancel stays, Quit without
     * saving quits. It quit at once, and the network was lost.
     */
    @Test
    void quittingWithATrainedNetworkNeverSavedAsksFirst(FxRobot robot) {
        trainOneEpochOnIris(robot);
        quit(robot);
        Screenshots.save(robot.lookup("#unsavedDialog").query(), "quit-with-unsaved-model");
        answer(robot, "Cancel");
        assertThat(robot.lookup("#unsavedDialog").tryQuery()).as("closed").isEmpty();
        assertThat(fixture.workbench.scene().getWindow().isShowing()).isTrue();
        // the window's close button asks the same
        javafx.stage.Window window = fixture.workbench.scene().getWindow();
        robot.interact(() -> window.fireEvent(new javafx.stage.WindowEvent(window,
                javafx.stage.WindowEvent.WINDOW_CLOSE_REQUEST)));
        WorkbenchFixture.waitUntil(10, () -> robot.lookup("#unsavedDialog").tryQuery().isPresent());
        assertThat(window.isShowing()).isTrue();
        answer(robot, "Quit without saving");
        WorkbenchFixture.waitUntil(10, () -> !fixture.workbench.scene().getWindow().isShowing());
    }

    /** Save... in that question saves the network, then quits; a network saved before is not asked about. */
    @Test
    void saveBeforeQuittingSavesTheNetworkThenQuits(FxRobot robot) {
        trainOneEpochOnIris(robot);
        Path model = tmp.resolve("before-quitting.zip");
        fixture.answers.add(model);
        quit(robot);
        answer(robot, "Save...");
        WorkbenchFixture.waitUntil(20, () -> !fixture.workbench.scene().getWindow().isShowing());
        assertThat(model).exists();
        assertThat(fixture.vm().oneCycle().unsavedModels()).isEmpty();
    }

    /**
     * While Save... before quitting writes the network, Quit (Ctrl+Q) and the window's close button do nothing: the
     * quit under way stands. Each asked again, and could save a second time. The write's end reaches the window on
     * its thread, so in the event that answered Save... the save is still pending, however fast the write. A save
     * given no file, or one that fails, leaves the next quit asking as before; one written closes the window.
     */
    @Test
    void quittingAgainWhileTheNetworkIsSavedBeforeQuittingAsksNothing(FxRobot robot) throws IOException {
        trainOneEpochOnIris(robot);
        Window window = fixture.workbench.scene().getWindow();

        quit(robot);
        answer(robot, "Save...");
        assertThat(window.isShowing()).as("no file given").isTrue();

        Path notAFolder = Files.createFile(tmp.resolve("not-a-folder"));
        fixture.answers.add(notAFolder.resolve("model.zip"));
        assertThat(saveAndQuitAgainAtOnce(robot, window)).as("asked again while the save is pending").isFalse();
        WorkbenchFixture.waitUntil(20, () -> robot.lookup("#errorDialog").tryQuery().isPresent());
        answer(robot, "OK");
        assertThat(window.isShowing()).as("the save failed").isTrue();

        Path model = tmp.resolve("before-quitting.zip");
        fixture.answers.add(model);
        assertThat(saveAndQuitAgainAtOnce(robot, window)).as("asked again while the save is pending").isFalse();
        WorkbenchFixture.waitUntil(20, () -> !window.isShowing());
        assertThat(model).exists();
        assertThat(fixture.vm().oneCycle().unsavedModels()).isEmpty();
    }

    /**
     * Quits, answers Save... to the question, and, in the same event on the window's thread, quits again as Ctrl+Q
     * does and as the window's close button does, and launches again as Ctrl+L does; returns whether any of them
     * asked again or launched. Launch is disabled meanwhile too: it would have asked to save the same network.
     */
    private boolean saveAndQuitAgainAtOnce(FxRobot robot, Window window) {
        quit(robot);
        Button save = dialogButton(robot, "Save...");
        Button launch = robot.lookup("#launchButton").queryButton();
        boolean[] asked = new boolean[1];
        List<TrainingRun> before = List.copyOf(fixture.vm().oneCycle().runs());
        robot.interact(() -> {
            save.fire();
            assertThat(launch.isDisabled()).as("Launch disabled while the save is pending").isTrue();
            fixture.view().close();
            window.fireEvent(new WindowEvent(window, WindowEvent.WINDOW_CLOSE_REQUEST));
            fixture.view().launch();
            asked[0] = unsavedQuestionShowing() || !fixture.vm().oneCycle().runs().equals(before);
        });
        return asked[0];
    }

    /**
     * FX thread: whether a window shows the question about unsaved networks, looked for at once, not waited for (a
     * robot's lookup waits for the FX thread, which the caller holds).
     */
    private static boolean unsavedQuestionShowing() {
        return Window.getWindows().stream()
                .anyMatch(w -> w.isShowing() && w.getScene().getRoot().lookup("#unsavedDialog") != null);
    }

    /**
     * Launching again while the last launch's trained network was never saved asks first, as quitting does: Cancel
     * launches nothing and keeps the network, Launch without saving launches. It launched at once, and the network
     * was lost.
     */
    @Test
    void launchingAgainWithATrainedNetworkNeverSavedAsksFirst(FxRobot robot) {
        TrainingRun trained = trainOneEpochOnIris(robot);
        robot.clickOn("#launchButton");
        WorkbenchFixture.waitUntil(10, () -> robot.lookup("#unsavedDialog").tryQuery().isPresent());
        DialogPane question = robot.lookup("#unsavedDialog").queryAs(DialogPane.class);
        assertThat(question.getHeaderText()).isEqualTo("Save the trained model before launching again?");
        assertThat(question.getContentText())
                .isEqualTo("The 1cycle run's trained network has not been saved; launching again discards it.");
        Screenshots.save(question, "launch-with-unsaved-model");
        // the theme caps a dialog's width, and the three buttons, as wide as this one, were cut short
        Button without = robot.lookup((Node n) -> n instanceof Button b && b.getText().equals("Launch without saving"))
                .queryButton();
        assertThat(((Text) without.lookup(".text")).getText()).as("not cut short").isEqualTo(without.getText());
        answer(robot, "Cancel");
        assertThat(robot.lookup("#unsavedDialog").tryQuery()).as("closed").isEmpty();
        assertThat(fixture.vm().oneCycle().runs()).containsExactly(trained);
        assertThat(fixture.vm().oneCycle().unsavedModels()).containsExactly(trained);
        assertThat(fixture.vm().oneCycle().trainingProperty().get()).isFalse();
        // Ctrl+L asks the same
        robot.press(KeyCode.CONTROL).type(KeyCode.L).release(KeyCode.CONTROL);
        WorkbenchFixture.waitUntil(10, () -> robot.lookup("#unsavedDialog").tryQuery().isPresent());
        answer(robot, "Launch without saving");
        WorkbenchFixture.waitUntil(10, () -> fixture.vm().oneCycle().runs().size() == 1
                && fixture.vm().oneCycle().runs().get(0) != trained);
        WorkbenchFixture.waitUntil(60, () -> !fixture.vm().oneCycle().trainingProperty().get());
        assertThat(fixture.vm().oneCycle().runs().get(0).state().statusProperty().get())
                .isEqualTo(RunStatus.FINISHED);
    }

    /**
     * Save... in that question saves the network, then launches; a save given no file, or one that fails, launches
     * nothing (the failure says why).
     */
    @Test
    void saveBeforeLaunchingAgainSavesTheNetworkThenLaunches(FxRobot robot) throws IOException {
        TrainingRun trained = trainOneEpochOnIris(robot);
        relaunchAndSave(robot);
        assertThat(fixture.vm().oneCycle().runs()).containsExactly(trained);

        Path notAFolder = Files.createFile(tmp.resolve("not-a-folder"));
        fixture.answers.add(notAFolder.resolve("model.zip"));
        relaunchAndSave(robot);
        WorkbenchFixture.waitUntil(20, () -> robot.lookup("#errorDialog").tryQuery().isPresent());
        assertThat(robot.lookup("#errorDialog").queryAs(DialogPane.class).getHeaderText())
                .isEqualTo("Saving the model failed");
        answer(robot, "OK");
        assertThat(fixture.vm().oneCycle().runs()).containsExactly(trained);
        assertThat(trained.unsaved()).isTrue();

        Path model = tmp.resolve("before-launching.zip");
        fixture.answers.add(model);
        relaunchAndSave(robot);
        WorkbenchFixture.waitUntil(20, () -> fixture.vm().oneCycle().runs().get(0) != trained);
        assertThat(model).exists();
        assertThat(trained.unsaved()).isFalse();
        WorkbenchFixture.waitUntil(60, () -> !fixture.vm().oneCycle().trainingProperty().get());
    }

    /**
     * While Save... before launching again writes the network, Launch is disabled, and Ctrl+L does nothing: a second
     * Launch asked again, and could launch twice. The write's end reaches the window on its thread, so in the event
     * that answered Save... the save is still pending, however fast the write. A save given no file, or one that
     * fails, enables Launch again; one written launches once.
     */
    @Test
    void launchWaitsWhileTheNetworkIsSavedBeforeLaunchingAgain(FxRobot robot) throws IOException {
        TrainingRun trained = trainOneEpochOnIris(robot);
        Button launch = robot.lookup("#launchButton").queryButton();

        relaunchAndSave(robot);
        assertThat(launch.isDisabled()).as("no file given").isFalse();

        Path notAFolder = Files.createFile(tmp.resolve("not-a-folder"));
        fixture.answers.add(notAFolder.resolve("model.zip"));
        assertThat(saveAndLaunchAgainAtOnce(robot, launch)).as("disabled while the save is pending").isTrue();
        WorkbenchFixture.waitUntil(20, () -> robot.lookup("#errorDialog").tryQuery().isPresent());
        assertThat(robot.lookup("#unsavedDialog").tryQuery()).as("not asked again").isEmpty();
        answer(robot, "OK");
        assertThat(launch.isDisabled()).as("enabled again once the save failed").isFalse();
        assertThat(fixture.vm().oneCycle().runs()).containsExactly(trained);
        assertThat(trained.unsaved()).isTrue();

        Path model = tmp.resolve("before-launching.zip");
        fixture.answers.add(model);
        assertThat(saveAndLaunchAgainAtOnce(robot, launch)).as("disabled while the save is pending").isTrue();
        WorkbenchFixture.waitUntil(20, () -> fixture.vm().oneCycle().runs().get(0) != trained);
        assertThat(robot.lookup("#unsavedDialog").tryQuery()).as("not asked again").isEmpty();
        assertThat(model).exists();
        WorkbenchFixture.waitUntil(60, () -> !fixture.vm().oneCycle().trainingProperty().get());
        assertThat(fixture.vm().oneCycle().runs()).as("launched once").hasSize(1);
        assertThat(launch.isDisabled()).isFalse();
    }

    /**
     * Launches, answers Save... to the question, and, in the same event on the window's thread, launches again as
     * Ctrl+L does and quits as Ctrl+Q does (which must neither ask nor close); returns whether Launch was disabled
     * then.
     */
    private boolean saveAndLaunchAgainAtOnce(FxRobot robot, Button launch) {
        robot.clickOn(launch);
        WorkbenchFixture.waitUntil(10, () -> robot.lookup("#unsavedDialog").tryQuery().isPresent());
        Button save = dialogButton(robot, "Save...");
        boolean[] disabled = new boolean[1];
        robot.interact(() -> {
            save.fire();
            disabled[0] = launch.isDisabled();
            fixture.view().launch();
            fixture.view().close(); // Quit asks nothing either: it would have asked to save the same network
            assertThat(unsavedQuestionShowing()).as("Quit asked again").isFalse();
            assertThat(launch.getScene().getWindow().isShowing()).as("Quit did nothing").isTrue();
        });
        return disabled[0];
    }

    /**
     * Save writes the network off the window's thread: while every file write is held, the click returns and the
     * network is not written yet; once writes go on, it is. With every trained network saved, a new launch asks
     * nothing: it launches at once.
     */
    @Test
    void saveWritesTheNetworkOffTheWindowsThreadAndANewLaunchThenAsksNothing(FxRobot robot) throws Exception {
        TrainingRun trained = trainOneEpochOnIris(robot);
        Path model = tmp.resolve("saved.zip");
        fixture.answers.add(model);
        Button save = robot.lookup("#saveModelButton").queryButton();
        HeldWrites held = HeldWrites.hold(robot, fixture);
        try {
            // on the window's thread, the write would wait for the writes held, and the click with it
            WaitForAsyncUtils.asyncFx(save::fire).get(10, TimeUnit.SECONDS);
            assertThat(model).doesNotExist();
            assertThat(fixture.vm().oneCycle().unsavedModels()).containsExactly(trained);
        } finally {
            held.close();
        }
        assertThat(held.abandoned).as("writes abandoned by the hold").isEmpty();
        WorkbenchFixture.waitUntil(20, () -> fixture.vm().oneCycle().unsavedModels().isEmpty());
        assertThat(model).exists();
        robot.clickOn("#launchButton");
        WorkbenchFixture.waitUntil(10, () -> fixture.vm().oneCycle().runs().get(0) != trained);
        assertThat(robot.lookup("#unsavedDialog").tryQuery()).isEmpty();
        WorkbenchFixture.waitUntil(60, () -> !fixture.vm().oneCycle().trainingProperty().get());
    }

    /**
     * Holds every file write of the program ({@link AtomicFiles}) from {@link #hold} until closed: a thread of its own
     * waits inside {@link AtomicFiles#abandonWrites}, during which no write can start or end. It holds them once the
     * engine's warm-up and the run history have written what they had to, so that none of their writes is abandoned.
     */
    private static final class HeldWrites {
        private final CountDownLatch holding = new CountDownLatch(1);
        private final CountDownLatch release = new CountDownLatch(1);
        /** The targets of the writes that were in progress when the hold began (and failed for it). */
        private final List<Path> abandoned = new CopyOnWriteArrayList<>();
        private final Thread holder = new Thread(() -> AtomicFiles.abandonWrites(targets -> {
            abandoned.addAll(targets);
            holding.countDown();
            try {
                release.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }), "held-writes");

        static HeldWrites hold(FxRobot robot, WorkbenchFixture fixture) throws InterruptedException {
            // the engine's warm-up records runs of its own, in a throwaway history, before the engine is ready
            WorkbenchFixture.waitUntil(60,
                    () -> fixture.vm().engine().stateProperty().get() == EngineStatus.State.READY);
            // the history answers a read after the writes queued before it
            AtomicBoolean written = new AtomicBoolean();
            robot.interact(() -> fixture.vm().history().store().read(h -> true, answer -> written.set(true),
                    problem -> written.set(true)));
            WorkbenchFixture.waitUntil(10, written::get);
            HeldWrites held = new HeldWrites();
            held.holder.setDaemon(true);
            held.holder.start();
            assertThat(held.holding.await(10, TimeUnit.SECONDS)).as("writes held").isTrue();
            return held;
        }

        void close() throws InterruptedException {
            release.countDown();
            holder.join(10_000);
        }
    }

    /**
     * A long training draws its loss on the chart while it trains, not from its result at the end; the status bar
     * counts it as a run going (it said "no runs going" while one trained); the 1cycle panel's Cancel stops it.
     */
    @Test
    void aLongTrainingIsDrawnAndCountedWhileItTrainsAndCancelStopsIt(FxRobot robot) {
        robot.interact(() -> robot.lookup("#datasetChoice").queryComboBox().setValue("iris"));
        WorkbenchFixture.waitUntil(10, () -> fixture.vm().oneCycle().trainSamplesProperty().get() == 120);
        TrainingRun run = launchLongTraining(robot);
        var view = fixture.view().trainingView();
        // the smoothed training loss (the run's second series) has points on the chart while the run trains
        WorkbenchFixture.waitUntil(30, () -> run.state().statusProperty().get() == RunStatus.RUNNING
                && pointsOf(view.lossChart(), 1) > 0);
        assertThat(robot.lookup("#activeRunsLabel").queryLabeled().getText()).isEqualTo("1 run queued or running");
        Button cancel = robot.lookup("#cancelTrainingButton").queryButton();
        robot.interact(() -> WorkbenchFixture.reveal(cancel));
        robot.clickOn(cancel);
        WorkbenchFixture.waitUntil(30, () -> !fixture.vm().oneCycle().trainingProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(run.state().statusProperty().get()).isEqualTo(RunStatus.FINISHED);
        assertThat(run.state().stopReasonProperty().get()).isEqualTo(StopReason.CANCELLED);
        assertThat(robot.lookup("#activeRunsLabel").queryLabeled().getText()).isEqualTo("no runs going");
        assertThat(cancel.isDisabled()).as("nothing left to cancel").isTrue();
    }

    /** Launches a 1cycle training of the data chosen too long to end by itself: 100,000 epochs of batch 16. */
    private TrainingRun launchLongTraining(FxRobot robot) {
        robot.interact(() -> {
            fixture.vm().oneCycle().epochsProperty().set("100000");
            fixture.vm().oneCycle().batchSizeProperty().set("16");
        });
        WorkbenchFixture.waitUntil(10, () -> !robot.lookup("#launchButton").queryButton().isDisabled());
        robot.clickOn("#launchButton");
        WorkbenchFixture.waitUntil(10, () -> fixture.vm().oneCycle().runs().size() == 1);
        return fixture.vm().oneCycle().runs().get(0);
    }

    /**
     * Cancel running (Esc) cancels the range tests at once, but asks before it stops a 1cycle training, minutes of
     * work that cannot be resumed: Esc and Enter in the question keep it training, Stop training stops it. Esc
     * stopped the training at once, without asking.
     */
    @Test
    void cancelRunningAsksBeforeItStopsATraining(FxRobot robot) {
        fixture.chooseIris(robot, 100000);
        TrainingRun training = launchLongTraining(robot);
        // Launch is disabled while it trains: the focus goes to the Run button, outside the fields
        robot.clickOn("#runButton");
        WorkbenchFixture.waitUntil(10, () -> fixture.vm().runs().runs().size() == 1);
        // queued or running beside the training, as many workers as the machine has
        RangeTestRun rangeTest = fixture.vm().runs().runs().get(0);

        robot.type(KeyCode.ESCAPE);
        WorkbenchFixture.waitUntil(10, () -> robot.lookup("#confirmDialog").tryQuery().isPresent());
        DialogPane question = robot.lookup("#confirmDialog").queryAs(DialogPane.class);
        assertThat(question.getHeaderText()).isEqualTo("Stop the 1cycle training?");
        assertThat(question.getContentText()).matches("A stopped training cannot be resumed, only launched again "
                + "from the start \\(1cycle \\d+% trained\\)\\.");
        Screenshots.save(question, "cancel-running-asks-about-training");
        WorkbenchFixture.waitUntil(10, () -> !rangeTest.state().statusProperty().get().isActive());
        assertThat(rangeTest.state().stopReasonProperty().get()).isEqualTo(StopReason.CANCELLED);

        for (KeyCode key : List.of(KeyCode.ESCAPE, KeyCode.ENTER)) {
            robot.type(key);
            WorkbenchFixture.waitUntil(10, () -> robot.lookup("#confirmDialog").tryQuery().isEmpty());
            WaitForAsyncUtils.waitForFxEvents();
            assertThat(training.state().statusProperty().get().isActive()).as("kept by " + key).isTrue();
            robot.type(KeyCode.ESCAPE);
            WorkbenchFixture.waitUntil(10, () -> robot.lookup("#confirmDialog").tryQuery().isPresent());
        }
        answer(robot, "Stop training");
        WorkbenchFixture.waitUntil(30, () -> !training.state().statusProperty().get().isActive());
        assertThat(training.state().stopReasonProperty().get()).isEqualTo(StopReason.CANCELLED);
    }

    /**
     * Quit (Ctrl+Q) and the window's close button ask before they stop a 1cycle training, as Cancel running does: Esc
     * and Enter in the question keep it training and the window open, Stop training and quit closes the window, which
     * stops it. Both stopped the training without asking.
     */
    @Test
    void quittingWhileATrainingRunsAsksFirst(FxRobot robot) {
        robot.interact(() -> robot.lookup("#datasetChoice").queryComboBox().setValue("iris"));
        WorkbenchFixture.waitUntil(10, () -> fixture.vm().oneCycle().trainSamplesProperty().get() == 120);
        TrainingRun training = launchLongTraining(robot);
        Window window = fixture.workbench.scene().getWindow();
        List<Runnable> quits = List.of(() -> robot.press(KeyCode.CONTROL).type(KeyCode.Q).release(KeyCode.CONTROL),
                () -> robot.interact(() -> window.fireEvent(new WindowEvent(window,
                        WindowEvent.WINDOW_CLOSE_REQUEST))));
        for (Runnable quit : quits) {
            for (KeyCode key : List.of(KeyCode.ESCAPE, KeyCode.ENTER)) {
                quit.run();
                WorkbenchFixture.waitUntil(10, () -> robot.lookup("#confirmDialog").tryQuery().isPresent());
                DialogPane question = robot.lookup("#confirmDialog").queryAs(DialogPane.class);
                assertThat(question.getHeaderText()).isEqualTo("Stop the 1cycle training and quit?");
                assertThat(question.getContentText()).matches("A stopped training cannot be resumed, only launched "
                        + "again from the start \\(1cycle \\d+% trained\\)\\.");
                robot.type(key);
                WorkbenchFixture.waitUntil(10, () -> robot.lookup("#confirmDialog").tryQuery().isEmpty());
                WaitForAsyncUtils.waitForFxEvents();
                assertThat(window.isShowing()).as("kept open by " + key).isTrue();
                assertThat(training.state().statusProperty().get().isActive()).as("kept by " + key).isTrue();
            }
        }
        quits.get(0).run();
        WorkbenchFixture.waitUntil(10, () -> robot.lookup("#confirmDialog").tryQuery().isPresent());
        answer(robot, "Stop training and quit");
        WorkbenchFixture.waitUntil(30, () -> !window.isShowing()
                && !training.state().statusProperty().get().isActive());
        assertThat(training.state().stopReasonProperty().get()).isEqualTo(StopReason.CANCELLED);
    }

    private void relaunchAndSave(FxRobot robot) {
        robot.clickOn("#launchButton");
        WorkbenchFixture.waitUntil(10, () -> robot.lookup("#unsavedDialog").tryQuery().isPresent());
        answer(robot, "Save...");
    }

    /** Trains a 1cycle run of one epoch on iris from the window's Launch; returns it, its network unsaved. */
    private TrainingRun trainOneEpochOnIris(FxRobot robot) {
        robot.interact(() -> robot.lookup("#datasetChoice").queryComboBox().setValue("iris"));
        WorkbenchFixture.waitUntil(10, () -> fixture.vm().oneCycle().trainSamplesProperty().get() == 120);
        robot.interact(() -> {
            fixture.vm().oneCycle().epochsProperty().set("1");
            fixture.vm().oneCycle().batchSizeProperty().set("16");
        });
        WorkbenchFixture.waitUntil(10, () -> !robot.lookup("#launchButton").queryButton().isDisabled());
        robot.clickOn("#launchButton");
        WorkbenchFixture.waitUntil(10, () -> fixture.vm().oneCycle().runs().size() == 1);
        WorkbenchFixture.waitUntil(60, () -> !fixture.vm().oneCycle().trainingProperty().get());
        assertThat(fixture.vm().oneCycle().unsavedModels()).hasSize(1);
        return fixture.vm().oneCycle().runs().get(0);
    }

    private void quit(FxRobot robot) {
        robot.press(KeyCode.CONTROL).type(KeyCode.Q).release(KeyCode.CONTROL);
        WorkbenchFixture.waitUntil(10, () -> robot.lookup("#unsavedDialog").tryQuery().isPresent());
    }

    /**
     * Clicks the button named {@code button} in the dialog that shows, not one of the same name in the window (the
     * 1cycle panel's Cancel: a click there, on a window the dialog blocks, did nothing).
     */
    private void answer(FxRobot robot, String button) {
        robot.clickOn(dialogButton(robot, button));
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** The button named {@code button} in the dialog that shows. */
    private static Button dialogButton(FxRobot robot, String button) {
        DialogPane dialog = robot.lookup(".dialog-pane").queryAs(DialogPane.class);
        return robot.from(dialog).lookup((Node n) -> n instanceof Button b && b.getText().equals(button))
                .queryButton();
    }

    private void saveModel(FxRobot robot, String run, Path file) {
        fixture.answers.add(file);
        robot.clickOn("#saveModelButton");
        WorkbenchFixture.waitUntil(10, () -> robot.lookup("#choiceDialog").tryQuery().isPresent());
        Screenshots.save(robot.lookup("#choiceDialog").query(), "save-which-model");
        robot.clickOn(robot.lookup((Node n) -> n instanceof Button b && b.getText().equals(run)).queryButton());
        WorkbenchFixture.waitUntil(20, () -> Files.exists(file));
    }

    /** The mean cross-entropy of a saved network on the validation part, as the training's evaluation computes it. */
    private static double validationLoss(Path model, Dataset data) throws IOException {
        MultiLayerNetwork net = ModelSerializer.restoreMultiLayerNetwork(model.toFile());
        Split validation = data.validation();
        INDArray p = net.output(Nd4j.create(validation.features(), validation.size(), validation.featureLength()));
        double sum = 0;
        for (int i = 0; i < validation.size(); i++) {
            sum -= Math.log(Math.max(p.getDouble(i, validation.labels()[i]), 1e-10));
        }
        return sum / validation.size();
    }

    /**
     * The points of a chart's series {@code index}, or -1 while the chart has no such series: a condition that
     * {@code waitUntil} polls must not throw, since TestFX passes the exception on instead of asking again.
     */
    private static int pointsOf(XYChart<?, ?> chart, int index) {
        var series = chart.getData();
        return index < series.size() ? series.get(index).getData().size() : -1;
    }
}

package org.rangefinder.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.prefs.Preferences;
import javafx.application.Application;
import javafx.geometry.Bounds;
import javafx.geometry.Rectangle2D;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.stage.FileChooser;
import javafx.stage.Screen;
import javafx.stage.Stage;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.rangefinder.data.DataOptions;
import org.rangefinder.files.AtomicFiles;
import org.rangefinder.history.RunHistory;
import org.rangefinder.history.RunKind;
import org.rangefinder.history.RunSettings;
import org.rangefinder.rangetest.RangeTestConfig;
import org.rangefinder.rangetest.RangeTestResult;
import org.rangefinder.rangetest.SweepResult;
import org.rangefinder.ui.rangetest.RangeTestRun;
import org.rangefinder.ui.settings.WorkbenchSettings;
import org.rangefinder.ui.theme.ThemeManager;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A workbench window for a test: settings in a preferences node of its own and a run history in a folder of its own
 * (both removed afterwards), the project's themes folder, and file choices answered from a queue the test fills. Registered as an extension
 * ({@code @RegisterExtension}, after TestFX's {@code ApplicationExtension}), it opens the window on TestFX's stage before
 * each test and closes it after; a test that builds its window otherwise calls {@link #open} and {@link #close} itself.
 */
final class WorkbenchFixture implements FileChoices, BeforeEachCallback, AfterEachCallback {
    final Preferences prefs = Preferences.userRoot().node("org/rangefinder/test-" + UUID.randomUUID());
    final Path history = newHistoryFolder();
    final Deque<Path> answers = new ArrayDeque<>();
    /** The file names offered by the save dialogs, in order. */
    final List<String> suggestedNames = new CopyOnWriteArrayList<>();
    Workbench workbench;

    Workbench open(Stage stage) {
        return open(stage, Path.of("themes"));
    }

    Workbench open(Stage stage, Path themesFolder) {
        // the tests share TestFX's primary stage: a size one of them set on it (RememberedSettingsTest resizes the
        // window as a user would) would otherwise stay, and this window would open at that size, not at its scene's
        stage.sizeToScene();
        // nor where that size put it: JavaFX centres a window it shows by the width a test set, then sizes it to
        // its scene; after RememberedSettingsTest's 900 the screen-wide window reached 190 px past the screen's right
        // edge. Monocle's headless screen clips a frame that crosses its right or bottom edge and leaves the limit of
        // the frame's pixel buffer at the clipped size; JavaFX draws the next frame of the same size into that buffer,
        // which overflows; until the window's size changes each later frame is a BufferOverflowException on stderr.
        // Workbench caps the window at the screen's size, so at the screen's top-left corner all of it is on it.
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        stage.setX(screen.getMinX());
        stage.setY(screen.getMinY());
        workbench = Workbench.open(stage, new WorkbenchSettings(prefs), new ThemeManager(themesFolder), this,
                history);
        return workbench;
    }

    @Override
    public void beforeEach(ExtensionContext context) throws Exception {
        Stage stage = FxToolkit.registerPrimaryStage();
        FxToolkit.setupFixture(() -> open(stage));
    }

    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        close();
    }

    WorkbenchViewModel vm() {
        return workbench.viewModel();
    }

    WorkbenchView view() {
        return workbench.view();
    }

    void close() throws Exception {
        if (workbench != null) {
            WaitForAsyncUtils.asyncFx(() -> {
                // the window stops its runs and writes what they left as it hides
                workbench.scene().getWindow().hide();
                // the primary stage is reused by the next test: it must not write to this test's settings
                workbench.scene().getWindow().setOnHidden(null);
            });
            WaitForAsyncUtils.waitForFxEvents();
        }
        prefs.removeNode();
        WaitForAsyncUtils.asyncFx(() -> Application.setUserAgentStylesheet(null));
        WaitForAsyncUtils.waitForFxEvents();
        AtomicFiles.deleteFolder(history);
    }

    private static Path newHistoryFolder() {
        try {
            return Files.createTempDirectory("rangefinder-history");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Picks iris and sets the range test's iterations, then waits until the data is loaded and Run is enabled. */
    void chooseIris(FxRobot robot, int iterations) {
        robot.interact(() -> robot.lookup("#datasetChoice").queryComboBox().setValue("iris"));
        replaceText(robot, "#iterationsField", String.valueOf(iterations));
        waitUntil(10, () -> vm().oneCycle().trainSamplesProperty().get() == 120
                && !robot.lookup("#runButton").queryButton().isDisabled());
    }

    /**
     * Records a range test that ran earlier in the window's run history, as the window records one (its settings with
     * the data options it was loaded with); the History tab lists it once it reads the history again.
     */
    void record(RangeTestResult result) throws IOException {
        RunHistory h = RunHistory.open(history);
        RangeTestConfig config = result.config();
        h.finish(h.start(RunKind.RANGE_TEST, config.dataset(), config.model(),
                RunSettings.of(config, DataOptions.defaults())).id(), result);
    }

    /** Records a sweep of range tests on {@code base} that ran earlier, as {@link #record(RangeTestResult)} does. */
    void record(RangeTestConfig base, SweepResult result) throws IOException {
        RunHistory h = RunHistory.open(history);
        h.finish(h.start(RunKind.SWEEP, base.dataset(), base.model(),
                new RunSettings(base, result.sweep().toString(), DataOptions.defaults())).id(), result);
    }

    /**
     * Has the History tab read the run history again, overlays every run it lists on the range-test chart, and waits
     * until their {@code curves} curves are runs, laid out in the window; returns those runs, in the order listed.
     */
    List<RangeTestRun> overlayAll(FxRobot robot, int curves) {
        int before = WaitForAsyncUtils.waitForAsyncFx(10_000, () -> vm().runs().runs().size());
        int recorded = RunHistory.open(history).list().runs().size();
        robot.clickOn("History");
        robot.clickOn("#historyRefresh");
        waitUntil(10, () -> vm().history().entries().size() == recorded);
        robot.interact(() -> view().historyPanel().table().getSelectionModel().selectAll());
        robot.clickOn("#historyOverlay");
        waitUntil(10, () -> vm().runs().runs().size() == before + curves);
        return laidOut(() -> List.copyOf(vm().runs().runs().subList(before, before + curves)));
    }

    /**
     * Opens curve files as the window does (read on its files thread, shown on the FX thread) and waits until they
     * are runs, laid out in the window: the runs table makes its rows for them in a layout pass, and a robot that
     * clicks a row's button before then aims where the button is about to move from.
     */
    void openCurves(Path... curves) {
        List<String> problems = new CopyOnWriteArrayList<>();
        int before = WaitForAsyncUtils.waitForAsyncFx(10_000, () -> vm().runs().runs().size());
        WaitForAsyncUtils.asyncFx(() -> {
            for (Path curve : curves) {
                vm().open(curve, problems::add);
            }
        });
        waitUntil(10, () -> !problems.isEmpty() || vm().runs().runs().size() == before + curves.length);
        assertThat(problems).isEmpty();
        laidOut(() -> true);
    }

    /** Types {@code text} over the text of the field {@code query} finds, as a user would. */
    static void replaceText(FxRobot robot, String query, String text) {
        TextField field = robot.lookup(query).queryAs(TextField.class);
        robot.interact(() -> reveal(field));
        robot.clickOn(field);
        robot.interact(field::selectAll);
        robot.write(text);
    }

    /** FX thread: scrolls the scroll pane holding {@code node} so that the robot can click it. */
    static void reveal(Node node) {
        Node n = node.getParent();
        while (n != null && !(n instanceof ScrollPane)) {
            n = n.getParent();
        }
        if (n instanceof ScrollPane pane) {
            Node content = pane.getContent();
            Bounds b = content.sceneToLocal(node.localToScene(node.getBoundsInLocal()));
            double hidden = content.getBoundsInLocal().getHeight() - pane.getViewportBounds().getHeight();
            if (hidden > 0) {
                double top = Math.max(0, b.getMinY() - pane.getViewportBounds().getHeight() / 2);
                pane.setVvalue(Math.min(1, top / hidden));
                pane.layout();
            }
        }
    }

    /**
     * Lays the window out on the FX thread as a pulse would (CSS, then layout from the scene's root; twice, for what
     * the first pass asks to lay out again, as the next pulse would), then returns what {@code read} reads there.
     * {@code waitForFxEvents} runs what is queued on the FX thread, which need not include a pulse.
     */
    <T> T laidOut(Callable<T> read) {
        return WaitForAsyncUtils.waitForAsyncFx(10_000, () -> {
            Parent root = workbench.scene().getRoot();
            for (int pass = 0; pass < 2; pass++) {
                root.applyCss();
                root.layout();
            }
            return read.call();
        });
    }

    /** Waits (up to {@code seconds}) until the condition, read on the FX thread, holds. */
    static void waitUntil(int seconds, BooleanSupplier condition) {
        try {
            WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS,
                    () -> WaitForAsyncUtils.waitFor(WaitForAsyncUtils.asyncFx(condition::getAsBoolean)));
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("condition not met within " + seconds + " s", e);
        }
    }

    @Override
    public Path save(String title, String suggestedName, FileChooser.ExtensionFilter filter) {
        suggestedNames.add(suggestedName);
        return answers.poll();
    }

    @Override
    public Path open(String title, FileChooser.ExtensionFilter... filters) {
        return answers.poll();
    }

    @Override
    public Path folder(String title) {
        return answers.poll();
    }
}

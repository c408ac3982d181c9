package org.rangefinder.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.rangefinder.engine.NativeThreads;
import org.rangefinder.ui.work.EngineStatus;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/** The window opens, and its thread stays free, while the numeric engine loads. */
@ExtendWith(ApplicationExtension.class)
class EngineLoadingTest {
    private final WorkbenchFixture fixture = new WorkbenchFixture();

    @AfterEach
    void close() throws Exception {
        WaitForAsyncUtils.waitForFxEvents(); // an open that timed out below has ended by then
        fixture.close();
    }

    /**
     * The engine's start waits for the lock of ND4J's initialisation ({@link NativeThreads#initialise} holds it, even
     * once ND4J is loaded, as the window's warm-up calls it), which the test holds while the window opens: the window
     * opens all the same, saying that the engine loads, and is ready once the lock is let go. Started on the window's
     * thread, the engine would have held the window's opening until then. (A task posted to the window's thread just
     * after the window opened, required to run before the engine is ready, would not tell as surely: the engine's own
     * thread may finish, on a loaded machine, before the window's thread gets to post it.)
     */
    @Test
    void theWindowOpensWhileTheEngineWaitsAndIsReadyOnceItLoads(FxRobot robot) throws Exception {
        Stage stage = FxToolkit.registerPrimaryStage();
        synchronized (NativeThreads.class) {
            WaitForAsyncUtils.asyncFx(() -> fixture.open(stage)).get(30, TimeUnit.SECONDS);
            Label status = robot.lookup("#engineStatus").queryAs(Label.class);
            String[] shown = WaitForAsyncUtils.waitForAsyncFx(10_000, () -> new String[] {
                    fixture.vm().engine().stateProperty().get().name(), status.getText()});
            assertThat(shown).containsExactly(EngineStatus.State.LOADING.name(),
                    "Loading the numeric engine (ND4J)...");
        }
        WorkbenchFixture.waitUntil(60, () -> fixture.vm().engine().stateProperty().get() == EngineStatus.State.READY);
        assertThat(robot.lookup("#engineStatus").queryAs(Label.class).getText()).startsWith("Engine ready");
    }
}

package org.rangefinder.ui.work;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The engine's status line: ready with its time, or failed with why, whatever the initialisation threw. */
class EngineStatusTest {

    @Test
    void anEngineThatLoadsIsReady() {
        EngineStatus status = new EngineStatus();
        status.start(Runnable::run, Runnable::run, () -> { });
        assertThat(status.stateProperty().get()).isEqualTo(EngineStatus.State.READY);
        assertThat(status.messageProperty().get()).startsWith("Engine ready (ND4J CPU, ");
    }

    @Test
    void anErrorWhileLoadingIsAFailureNotAnEndlessLoad() {
        for (Throwable thrown : new Throwable[] {new OutOfMemoryError("Java heap space"),
                new UnsatisfiedLinkError("no jnind4jcpu in java.library.path"), new IllegalStateException("broken")}) {
            EngineStatus status = new EngineStatus();
            status.start(Runnable::run, Runnable::run, () -> {
                if (thrown instanceof Error e) {
                    throw e;
                }
                throw (RuntimeException) thrown;
            });
            assertThat(status.stateProperty().get()).as("%s", thrown).isEqualTo(EngineStatus.State.FAILED);
            assertThat(status.messageProperty().get()).startsWith("The numeric engine failed to load: ");
        }
    }
}

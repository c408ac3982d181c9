package org.rangefinder.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.rangefinder.engine.CancelToken;

/** A load on the command line: Ctrl-C's token stops it, and a terminal's stderr shows how far it is. */
class LoadProgressTest {

    @Test
    void showsTheLoadOnATerminalAndStopsWithTheToken() {
        StringWriter err = new StringWriter();
        CancelToken token = new CancelToken();
        AtomicLong nanos = new AtomicLong(5_000_000_000L);
        LoadProgress loading = new LoadProgress(token, new Progress(new PrintWriter(err), true, nanos::get));
        loading.progress(4, 4, "images");
        assertThat(err.toString()).isEqualTo("\r[" + "#".repeat(30) + "] 4/4  loading the data (images)   ");
        err.getBuffer().setLength(0);
        nanos.addAndGet(99_999_999L);
        loading.progress(2048, 0, "lines");
        assertThat(err.toString()).as("drawn less than 0.1 s after the last line: skipped").isEmpty();
        nanos.addAndGet(1L);
        loading.progress(4096, 0, "lines");
        assertThat(err.toString()).as("0.1 s after the last line: drawn").isEqualTo("\rloading the data: 4096 lines   ");
        assertThat(loading.cancelled()).isFalse();
        token.cancel();
        assertThat(loading.cancelled()).isTrue();
    }

    @Test
    void aLoadOfUnknownLengthShowsTheCountAlone() {
        StringWriter err = new StringWriter();
        // the clock at 0, as a clock with an arbitrary origin may read: the first line is drawn all the same
        new LoadProgress(new CancelToken(), new Progress(new PrintWriter(err), true, () -> 0L))
                .progress(2048, 0, "lines");
        assertThat(err.toString()).isEqualTo("\rloading the data: 2048 lines   ");
    }

    @Test
    void nothingIsDrawnWhenStderrIsNoTerminal() {
        StringWriter err = new StringWriter();
        new LoadProgress(new CancelToken(), new Progress(new PrintWriter(err), false)).progress(1, 4, "images");
        assertThat(err.toString()).isEmpty();
    }
}

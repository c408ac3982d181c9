package org.rangefinder.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class FormatTest {

    @Test
    void aPlainWordIsLeftAsItIs() {
        assertThat(Format.shellWord(Path.of("/tmp/runs-2026/a_b.json"))).isEqualTo("/tmp/runs-2026/a_b.json");
        assertThat(Format.shellWord("~/x,y=1@host:2%+")).isEqualTo("~/x,y=1@host:2%+");
    }

    @Test
    void aWordAShellWouldSplitOrExpandIsSingleQuoted() {
        assertThat(Format.shellWord("my runs")).isEqualTo("'my runs'");
        assertThat(Format.shellWord("$HOME/*.json")).isEqualTo("'$HOME/*.json'");
        assertThat(Format.shellWord("")).isEqualTo("''");
    }

    @Test
    void aQuoteInsideIsClosedEscapedAndReopened() {
        assertThat(Format.shellWord("it's")).isEqualTo("'it'\\''s'");
    }
}

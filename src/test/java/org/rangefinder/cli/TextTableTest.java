package org.rangefinder.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

class TextTableTest {

    @Test
    void columnsAreAsWideAsTheirWidestCellAndANullCellIsADash() {
        StringWriter text = new StringWriter();
        PrintWriter out = new PrintWriter(text);
        TextTable.print(out, List.of(new String[] {"id", "dataset", "stop"}, new String[] {"a", null, "completed"},
                new String[] {"bcd", "iris", null}), new boolean[] {false, true, false});
        out.flush();
        assertThat(text.toString().split("\\R")).containsExactly(
                "id   dataset  stop",
                "a          -  completed",
                "bcd     iris  -");
    }
}

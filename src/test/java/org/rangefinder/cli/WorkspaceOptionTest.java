package org.rangefinder.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WorkspaceOptionTest {

    /** A blank --workspace put the run history in the current folder; it is refused as a blank --label is. */
    @ParameterizedTest
    @ValueSource(strings = {"", " "})
    void aBlankWorkspaceIsRefusedBeforeAnythingRuns(String blank) {
        for (String[] args : new String[][] {
            {"runs", "list", "--workspace=" + blank},
            {"runs", "show", "--workspace=" + blank, "2020"},
            {"runs", "delete", "--workspace=" + blank, "2020"},
            {"range-test", "--dataset", "iris", "--iterations", "5", "--workspace=" + blank}}) {
            CliRun r = CliRun.of(args);
            assertThat(r.code()).as(String.join(" ", args)).isEqualTo(RangefinderCommand.BAD_INPUT);
            assertThat(r.out()).as(String.join(" ", args)).isEmpty();
            assertThat(r.err()).as(String.join(" ", args)).isEqualTo("rangefinder: --workspace is blank: give the "
                    + "run history's folder, or leave the option out for the default" + System.lineSeparator());
        }
    }
}

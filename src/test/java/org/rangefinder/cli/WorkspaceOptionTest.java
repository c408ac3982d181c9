package org.rangefinder.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
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

    /**
     * A --workspace that is a file was refused as "cannot create the run history folder data.csv...", without the
     * option's name and with "create" for a listing.
     */
    @Test
    void aWorkspaceThatIsAFileIsRefusedByTheOptionsName(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("data.csv"), "a,b\n");
        for (String[] args : new String[][] {
            {"runs", "list", "--workspace", file.toString()},
            {"runs", "show", "--workspace", file.toString(), "2020"},
            {"range-test", "--dataset", "iris", "--iterations", "5", "--workspace", file.toString()}}) {
            CliRun r = CliRun.of(args);
            assertThat(r.code()).as(String.join(" ", args)).isEqualTo(RangefinderCommand.BAD_INPUT);
            assertThat(r.out()).as(String.join(" ", args)).isEmpty();
            assertThat(r.err()).as(String.join(" ", args)).isEqualTo("rangefinder: --workspace " + file + " is a "
                    + "file, not a folder: give the run history's folder" + System.lineSeparator());
        }
        assertThat(Files.readString(file)).isEqualTo("a,b\n");
    }

    /**
     * The line naming the recorded run gave "rangefinder runs show ID" without the --workspace the run used, so the
     * command it suggests looked in the default history and found nothing. It now repeats the option, quoted for
     * a shell when the folder's name needs it, and the command shown finds the run.
     */
    @Test
    void theRecordedRunIsShownWithTheWorkspaceItWasRecordedIn(@TempDir Path dir) {
        Path workspace = dir.resolve("my runs");
        CliRun r = CliRun.of("range-test", "--dataset", "iris", "--iterations", "5", "--workspace", workspace.toString());
        assertThat(r.code()).as(r.err()).isZero();
        String line = r.out().lines().filter(l -> l.startsWith("recorded as run ")).findFirst().orElseThrow();
        String id = line.substring("recorded as run ".length(), line.indexOf(' ', "recorded as run ".length()));
        assertThat(line).isEqualTo("recorded as run " + id + " (rangefinder runs show " + id + " --workspace '"
                + workspace + "')");
        CliRun shown = CliRun.of("runs", "show", id, "--workspace", workspace.toString());
        assertThat(shown.code()).as(shown.err()).isZero();
    }
}

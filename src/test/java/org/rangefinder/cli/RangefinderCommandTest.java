package org.rangefinder.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.Test;
import org.rangefinder.UserInputException;
import org.rangefinder.data.DataOptions;
import org.rangefinder.data.Datasets;
import picocli.CommandLine;

/**
 * What a command's error becomes: one line on stderr and the exit code the class comment lists; and what the
 * options every command's help lists do.
 */
class RangefinderCommandTest {
    private final StringWriter err = new StringWriter();

    private int report(Exception ex, boolean debug) {
        return RangefinderCommand.report(ex, debug, new PrintWriter(err, true));
    }

    @Test
    void badInputIsExitCodeTwoWithItsMessageAlone() {
        assertThat(report(new IllegalStateException(new UserInputException("--epochs must be at least 1")), false))
                .isEqualTo(2);
        assertThat(err.toString()).isEqualTo("rangefinder: --epochs must be at least 1" + System.lineSeparator());
    }

    /** Ctrl-C while the data loads (here: a load told to stop at once) ends the command before anything ran. */
    @Test
    void aLoadStoppedByCtrlCIsExitCode130() {
        CancellationException stopped = catchThrowableOfType(
                () -> Datasets.load("digits", DataOptions.defaults(), () -> true), CancellationException.class);
        assertThat(report(stopped, false)).isEqualTo(130);
        assertThat(err.toString()).startsWith("rangefinder: loading ").contains("digits.csv.gz cancelled (Ctrl-C): "
                + "nothing was run or written").doesNotContain("\tat ");
    }

    @Test
    void anythingElseIsAnInternalErrorWithItsStackTraceOnlyWithDebug() {
        assertThat(report(new IllegalStateException("broken"), false)).isEqualTo(1);
        assertThat(err.toString()).isEqualTo("rangefinder: internal error: java.lang.IllegalStateException: broken "
                + "(run with --debug for details)" + System.lineSeparator());
        err.getBuffer().setLength(0);
        assertThat(report(new IllegalStateException("broken"), true)).isEqualTo(1);
        assertThat(err.toString()).contains("\tat org.rangefinder.cli.RangefinderCommandTest");
    }

    /** Every command's help lists -V, --version; each prints the version, as the top-level command does. */
    @Test
    void everyCommandPrintsTheVersion() {
        List<String> commands = commandPaths(new CommandLine(new RangefinderCommand()), new ArrayList<>());
        assertThat(commands).contains("range-test", "runs show");
        for (String command : commands) {
            List<String> args = new ArrayList<>(List.of(command.split(" ")));
            args.add("--version");
            CliRun run = CliRun.of(args.toArray(String[]::new));
            assertThat(run.code()).as(command).isZero();
            assertThat(run.out()).as(command).startsWith("Rangefinder ");
        }
    }

    /**
     * {@code --debug} given twice (once before the command, once after) turned itself off again, and one after a value
     * the parser refused was never reached: neither printed a stack trace. Anywhere before {@code --} it prints one
     * now, after the lines printed without it.
     */
    @Test
    void debugAnywhereBeforeTheEndOfOptionsPrintsTheStackTrace() {
        String refused = "rangefinder: --steps must be between 1 and 1000000, got 0" + System.lineSeparator();
        for (String[] args : new String[][] {
            {"--debug", "schedule", "--debug", "--steps", "0", "--max-lr", "1"},
            {"schedule", "--steps", "0", "--max-lr", "1", "--debug"}}) {
            CliRun run = CliRun.of(args);
            assertThat(run.code()).as(String.join(" ", args)).isEqualTo(RangefinderCommand.BAD_INPUT);
            assertThat(run.err()).as(String.join(" ", args)).startsWith(refused + "org.rangefinder.SettingProblem: ")
                    .contains("\tat org.rangefinder.schedule.OneCycleSettings.<init>");
        }
        String unparsed = "rangefinder: Invalid value for option '--steps': 'x' is not an int" + System.lineSeparator()
                + "Try 'rangefinder schedule --help'." + System.lineSeparator();
        CliRun late = CliRun.of("schedule", "--steps", "x", "--max-lr", "1", "--debug");
        assertThat(late.code()).isEqualTo(RangefinderCommand.BAD_INPUT);
        assertThat(late.err()).startsWith(unparsed + "picocli.CommandLine$ParameterException: ").contains("\tat ");
        // after --, an argument is no option: --debug there is a value, here one schedule takes none of
        CliRun value = CliRun.of("schedule", "--steps", "x", "--max-lr", "1", "--", "--debug");
        assertThat(value.code()).isEqualTo(RangefinderCommand.BAD_INPUT);
        assertThat(value.err()).isEqualTo(unparsed);
    }

    /** The command lines of every subcommand that offers --version, sub-subcommands included. */
    private static List<String> commandPaths(CommandLine parent, List<String> paths) {
        for (CommandLine sub : parent.getSubcommands().values()) {
            if (sub.getCommandSpec().optionsMap().containsKey("--version")) {
                paths.add(sub.getCommandSpec().qualifiedName(" ").substring("rangefinder ".length()));
            }
            commandPaths(sub, paths);
        }
        return paths;
    }
}

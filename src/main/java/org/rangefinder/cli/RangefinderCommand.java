package org.rangefinder.cli;

import java.io.PrintWriter;
import java.util.concurrent.CancellationException;
import org.rangefinder.UserInputException;
import org.rangefinder.Version;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * The headless face of Rangefinder: {@code java -jar rangefinder.jar <command>}. Every command is a thin layer
 * over the engine packages. Exit codes: 0 success, 2 bad input or usage (one line on stderr, no stack trace
 * unless {@code --debug}), 1 internal error, 130 stopped by Ctrl-C: before anything ran, or as a run that Ctrl-C
 * stops, which ends as cancelled and reports and writes what it recorded first (the JVM then exits with the
 * signal's code). Its subcommands inherit its version (scope INHERIT), so that the {@code -V, --version} each one's
 * help lists prints it.
 */
@Command(name = "rangefinder", mixinStandardHelpOptions = true, versionProvider = RangefinderCommand.VersionProvider.class,
        scope = ScopeType.INHERIT,
        description = "LR range tests and 1cycle training, after Leslie Smith's disciplined approach to "
                + "neural-network hyper-parameters. With no command, opens the workbench window.",
        subcommands = {CommandLine.HelpCommand.class, DatasetsCommand.class, RangeTestCommand.class,
                SuggestCommand.class, ScheduleCommand.class, TrainCommand.class, BenchCommand.class, ExportCommand.class,
                RunsCommand.class})
public final class RangefinderCommand {

    public static final int OK = 0;
    public static final int INTERNAL_ERROR = 1;
    public static final int BAD_INPUT = 2;
    /** 128 + SIGINT, as shells report a program that Ctrl-C ended. */
    public static final int CANCELLED = 130;

    /** Read off the arguments themselves ({@link #isDebug}); the option is here for the help and the parser. */
    @Option(names = "--debug", scope = ScopeType.INHERIT, description = "Print stack traces of errors.")
    boolean debug;

    /** What {@code --version} prints. */
    static final class VersionProvider implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"Rangefinder " + Version.current()};
        }
    }

    /** Runs the command line and returns the exit code. */
    public static int run(String... args) {
        return run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
    }

    /** Runs the command line with the given output streams (tests capture them) and returns the exit code. */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        boolean debug = isDebug(args);
        CommandLine cli = new CommandLine(new RangefinderCommand());
        cli.setOut(out);
        cli.setErr(err);
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        cli.setParameterExceptionHandler((ex, a) -> {
            err.println("rangefinder: " + ex.getMessage());
            err.println("Try '" + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help'.");
            if (debug) {
                ex.printStackTrace(err);
            }
            return BAD_INPUT;
        });
        cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> report(ex, debug, err));
        int code;
        try {
            code = cli.execute(args);
        } catch (OutOfMemoryError e) { // an Error passes picocli's handler; the heap's limit is the user's to set
            err.println("rangefinder: out of memory: Java may use " + (Runtime.getRuntime().maxMemory() >> 20)
                    + " MiB here; give it more (java -Xmx...), or use less data, a smaller batch or a smaller model");
            if (debug) {
                e.printStackTrace(err);
            }
            code = BAD_INPUT;
        }
        out.flush();
        err.flush();
        return code;
    }

    /** Says in one line what a command threw and returns the exit code for it. */
    static int report(Exception ex, boolean debug, PrintWriter err) {
        Throwable cause = ex;
        while (!(cause instanceof UserInputException) && cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        int code;
        if (cause instanceof UserInputException) {
            err.println("rangefinder: " + cause.getMessage());
            code = BAD_INPUT;
        } else if (ex instanceof CancellationException) {
            err.println("rangefinder: " + ex.getMessage() + " (Ctrl-C): nothing was run or written");
            code = CANCELLED;
        } else {
            err.println("rangefinder: internal error: " + ex + (debug ? "" : " (run with --debug for details)"));
            code = INTERNAL_ERROR;
        }
        if (debug) {
            ex.printStackTrace(err);
        }
        return code;
    }

    /**
     * Whether the command line asks for stack traces: {@code --debug} anywhere before a {@code --} (after it every
     * argument is a value). Read off the arguments rather than the parsed option, which a second {@code --debug} turned
     * off again, and which a command line refused before the parser reached {@code --debug} never set.
     */
    static boolean isDebug(String... args) {
        for (String arg : args) {
            if (arg.equals("--")) {
                return false;
            }
            if (arg.equals("--debug")) {
                return true;
            }
        }
        return false;
    }
}

package org.rangefinder.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.rangefinder.Setting;
import org.rangefinder.SettingProblem;
import org.rangefinder.UserInputException;
import org.rangefinder.files.Json;
import org.rangefinder.history.RunHistory;
import org.rangefinder.history.RunKind;
import org.rangefinder.history.RunRecord;
import org.rangefinder.rangetest.MemberSummary;
import org.rangefinder.rangetest.Sweep;
import org.rangefinder.train.SchedulePolicy;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code runs}: the run history, listed, shown or pruned. */
@Command(name = "runs", mixinStandardHelpOptions = true,
        description = "The run history: every range test, sweep and training run, with its settings, curve or "
                + "metrics and result in plain JSON/CSV files.",
        subcommands = {RunsCommand.ListRuns.class, RunsCommand.ShowRun.class, RunsCommand.DeleteRun.class})
final class RunsCommand implements Callable<Integer> {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(ZoneId.systemDefault());

    @Override
    public Integer call() {
        throw new UserInputException("give a subcommand: runs list, runs show ID or runs delete ID");
    }

    /** {@code runs list}. */
    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the recorded runs, newest first.")
    static final class ListRuns implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        WorkspaceOption workspace;

        @Option(names = "--json", description = "Print the runs' run.json records as a JSON array.")
        boolean json;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            RunHistory.Listing listing = workspace.openExisting().list();
            listing.warnings().forEach(w -> spec.commandLine().getErr().println("warning: " + w));
            if (json) {
                out.println(Json.toString(listing.runs()));
                return RangefinderCommand.OK;
            }
            if (listing.runs().isEmpty()) {
                out.println("no runs recorded yet");
                return RangefinderCommand.OK;
            }
            List<String[]> rows = new ArrayList<>();
            rows.add(new String[] {"id", "kind", "status", "dataset", "model", "when", "stop", "key numbers"});
            for (RunRecord r : listing.runs()) {
                rows.add(new String[] {r.id(), what(r), r.status().id(), r.dataset(),
                    r.model() == null ? "-" : r.model().describe(), WHEN.format(r.createdAt()),
                    r.stopReason() == null ? "-" : r.stopReason(), r.summary()});
            }
            TextTable.print(out, rows);
            return RangefinderCommand.OK;
        }
    }

    /** {@code runs show ID}. */
    @Command(name = "show", mixinStandardHelpOptions = true, description = "Show one run: its record and its files.")
    static final class ShowRun implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        WorkspaceOption workspace;

        @Parameters(paramLabel = "ID", description = "The run's id, or a prefix of it that only it has.")
        String id;

        @Option(names = "--json", description = "Print the run.json record, with the run's folder and files.")
        boolean json;

        @Override
        public Integer call() throws IOException {
            PrintWriter out = spec.commandLine().getOut();
            RunHistory history = workspace.openExisting();
            RunRecord r = history.get(id, w -> spec.commandLine().getErr().println("warning: " + w));
            Path folder = history.runFolder(r.id());
            List<String> files;
            try (Stream<Path> list = Files.list(folder)) {
                files = list.map(p -> p.getFileName().toString()).filter(n -> !n.startsWith(".")).sorted().toList();
            }
            if (json) {
                ObjectNode node = Json.MAPPER.valueToTree(r);
                node.put("folder", folder.toAbsolutePath().toString());
                ArrayNode names = node.putArray("files");
                files.forEach(names::add);
                out.println(Json.toString(node));
                return RangefinderCommand.OK;
            }
            List<String[]> rows = new ArrayList<>();
            rows.add(new String[] {"run", r.id()});
            rows.add(new String[] {"kind", what(r)});
            if (r.rangeMethod() != null) {
                rows.add(new String[] {"range", r.rangeMethod() + (r.rangeFactor() == null ? ""
                        : " / " + number(r.rangeFactor())) + " (--method, --range-factor)"});
            }
            rows.add(new String[] {"status", r.status().id()
                    + (r.stopReason() == null ? "" : " (" + r.stopReason() + ")")
                    + (r.error() == null ? "" : ": " + r.error())});
            rows.add(new String[] {"dataset", r.dataset()});
            rows.add(new String[] {"model", r.model() == null ? "-" : r.model().describe()});
            rows.add(new String[] {"started", WHEN.format(r.createdAt())});
            rows.add(new String[] {"ended", r.ended() == null ? "-" : WHEN.format(Instant.parse(r.ended()))});
            for (Map.Entry<String, Double> e : r.results().entrySet()) {
                rows.add(new String[] {e.getKey(), RunRecord.LEARNING_RATES.contains(e.getKey())
                        ? Format.lr(e.getValue()) : number(e.getValue())});
            }
            rows.add(new String[] {"folder", folder.toAbsolutePath().toString()});
            rows.add(new String[] {"files", String.join(", ", files)});
            TextTable.print(out, rows);
            if (r.kind() == RunKind.SWEEP && r.sweep() != null && files.contains("members.csv")) {
                members(r, history, out);
            }
            return RangefinderCommand.OK;
        }

        /**
         * A sweep's members, a line each, under its record; left out with a warning when its factor or values cannot
         * be read here (a sweep recorded by a later version, or edited), or its members file is damaged.
         */
        private void members(RunRecord r, RunHistory history, PrintWriter out) {
            List<MemberSummary> members;
            Sweep sweep;
            try {
                sweep = Sweep.recorded(r.sweep());
                members = history.members(r.id());
            } catch (UserInputException e) {
                // a value the factor refuses reads as that value's problem: weight-decay: 'x' is not a valid number
                String why = e instanceof SettingProblem p && p.problem(Setting::cliName) != null
                        ? p.problem(Setting::cliName) : e.getMessage();
                spec.commandLine().getErr().println("warning: run " + r.id() + ": its sweep '" + r.sweep()
                        + "' cannot be read (" + why + "); its members are left out");
                return;
            }
            out.println();
            SweepTable.print(out, sweep.factor(), members, null);
        }
    }

    /** {@code runs delete ID}. */
    @Command(name = "delete", mixinStandardHelpOptions = true, description = "Delete one run and its files.")
    static final class DeleteRun implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        WorkspaceOption workspace;

        @Parameters(paramLabel = "ID", description = "The run's id, or a prefix of it that only it has.")
        String id;

        @Override
        public Integer call() throws IOException {
            // by its folder, not its record: a run whose run.json is damaged can be deleted too
            String full = workspace.openExisting().delete(id);
            spec.commandLine().getOut().println("deleted run " + full);
            return RangefinderCommand.OK;
        }
    }

    /**
     * What a run was, in a few words: its kind; a sweep's factor and values ({@code sweep weight-decay=0,1e-4}); a
     * training's schedule with its learning rates ({@code training one-cycle 5.52e-03..1.38e-01}, the cycle's start
     * and peak where the record has them; {@code training constant 1.00e-02}).
     */
    static String what(RunRecord r) {
        String what = r.kind().id() + (r.sweep() == null ? "" : " " + r.sweep());
        if (r.schedule() == null) {
            return what;
        }
        String constant = SchedulePolicy.CONSTANT.id() + "=";
        if (r.schedule().startsWith(constant)) {
            try {
                return what + " " + SchedulePolicy.CONSTANT.id() + " "
                        + Format.lr(Double.parseDouble(r.schedule().substring(constant.length())));
            } catch (NumberFormatException e) {
                return what + " " + r.schedule(); // a record edited by hand: shown as it is
            }
        }
        Double initial = r.results().get("initialLr");
        Double max = r.results().get("maxLr");
        return what + " " + r.schedule() + (initial == null || max == null ? ""
                : " " + Format.lr(initial) + ".." + Format.lr(max));
    }

    /**
     * A result to six significant digits, written out (20 points read "2E+1" through BigDecimal's toString); below
     * 1e-4 and from 1e9 up with an exponent ({@code 2.26951E-6}), which BigDecimal's toString gives only below 1e-6.
     */
    static String number(double value) {
        BigDecimal rounded = new BigDecimal(value).round(new MathContext(6)).stripTrailingZeros();
        double magnitude = Math.abs(value);
        if (magnitude == 0 || (magnitude < 1e9 && magnitude >= 1e-4)) {
            return rounded.toPlainString();
        }
        // unscaled digits d1 d2 ... dn times 10^-scale is d1.d2...dn times 10^(n - 1 - scale)
        String digits = rounded.unscaledValue().abs().toString();
        return (value < 0 ? "-" : "") + digits.charAt(0) + (digits.length() > 1 ? "." + digits.substring(1) : "")
                + "E" + (digits.length() - 1 - rounded.scale());
    }
}

package org.rangefinder.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.rangefinder.files.AtomicFiles;
import org.rangefinder.handoff.CodeExport;
import org.rangefinder.handoff.ExportFormat;
import org.rangefinder.hyperparams.HyperparameterFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code export}: a hyperparameter file as a short runnable program for another framework. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Print a hyperparameter file as a short runnable program that sets up the same optimizer "
                + "settings and 1cycle schedule in PyTorch (the same learning rate and momentum at every step, where "
                + "its update rules differ said in comments), fastai (closest fit_one_cycle, differences in comments) "
                + "or DL4J (with Rangefinder's schedule classes). Its model and data are placeholders to replace "
                + "with yours.")
final class ExportCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--hyperparams", required = true, paramLabel = "FILE.json",
            description = "The hyperparameter file.")
    Path hyperparams;

    @Option(names = "--format", required = true, paramLabel = "pytorch|fastai|dl4j", description = "The framework.")
    String format;

    @Option(names = "--out", paramLabel = "FILE",
            description = "Write the program to this file instead of printing it.")
    Path out;

    @Override
    public Integer call() throws IOException {
        PrintWriter stdout = spec.commandLine().getOut();
        ExportFormat f = ExportFormat.parse(format);
        OutputFiles.requireName("--hyperparams", hyperparams);
        new OutputFiles().reads("--hyperparams", hyperparams.toString()).writes("--out", out);
        HyperparameterFile.ReadResult read = HyperparameterFile.read(hyperparams);
        read.warnings().forEach(w -> spec.commandLine().getErr().println("warning: " + w));
        String snippet = CodeExport.snippet(read.hyperparameters(), f, String.valueOf(hyperparams.getFileName()), out);
        if (out == null) {
            stdout.print(snippet);
        } else {
            AtomicFiles.writeString(out, snippet);
            stdout.println("wrote " + out);
        }
        return RangefinderCommand.OK;
    }
}

package org.rangefinder.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code datasets}: lists the bundled datasets. */
@Command(name = "datasets", mixinStandardHelpOptions = true, showDefaultValues = true,
        description = "List the bundled datasets: name, kind, sizes, input shape, classes.")
final class DatasetsCommand implements Callable<Integer> {

    @Option(names = "--json", description = "Print JSON instead of a table.")
    boolean json;

    @Override
    public Integer call() {
        throw new UnsupportedOperationException("datasets: not yet wired");
    }
}

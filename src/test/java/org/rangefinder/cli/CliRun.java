package org.rangefinder.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** The exit code and the two output streams of one command line, run in this JVM. */
record CliRun(int code, String out, String err) {

    static CliRun of(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = RangefinderCommand.run(new PrintWriter(out), new PrintWriter(err), args);
        return new CliRun(code, out.toString(), err.toString());
    }

    String[] lines() {
        return out.split("\\R");
    }
}

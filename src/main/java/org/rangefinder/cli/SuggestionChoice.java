package org.rangefinder.cli;

import org.rangefinder.rangetest.SuggestionMethod;
import org.rangefinder.rangetest.SuggestionOptions;
import picocli.CommandLine.Option;

/** How the proposed 1cycle range is taken from the suggestions: shared by {@code range-test} and {@code suggest}. */
final class SuggestionChoice {

    @Option(names = "--method", defaultValue = "valley",
            description = "The suggestion used as the top of the 1cycle range: steep, valley or minimum.")
    String method;

    @Option(names = "--range-factor", defaultValue = "10",
            description = "The bottom of the range is its top divided by this (Smith: a tenth).")
    double rangeFactor;

    /** The method {@code --method} names; refused, naming the option and the methods, when it names none. */
    SuggestionMethod method() {
        return SuggestionMethod.parse(method);
    }

    SuggestionOptions options() {
        return SuggestionOptions.defaults().withRangeMethod(method()).withRangeFactor(rangeFactor);
    }
}

package org.rangefinder.files;

import org.rangefinder.UserInputException;

/**
 * A value of a JSON file that is missing or out of range, found by the constructor of the record it belongs to. It
 * names the field relative to that record ({@code pctStart}); {@link StrictJson#bind} puts the record's path and
 * the file in front ({@code h.json: oneCycle.pctStart must be ...}).
 */
public final class InvalidField extends UserInputException {
    private final String field;
    private final String problem;

    public InvalidField(String field, String problem) {
        super(field + " " + problem);
        this.field = field;
        this.problem = problem;
    }

    /** The field, relative to the record that checked it, e.g. {@code pctStart} or {@code betas[1]}. */
    public String field() {
        return field;
    }

    /** What is wrong with it, e.g. {@code must be between 0 and 1 (both excluded), got 1.5}. */
    public String problem() {
        return problem;
    }
}

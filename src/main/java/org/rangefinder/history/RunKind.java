package org.rangefinder.history;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.rangefinder.EnumIds;

/** What a recorded run was. */
public enum RunKind {
    /** One LR range test. */
    RANGE_TEST,
    /** A condition sweep: a family of range tests differing in one factor. */
    SWEEP,
    /** A 1cycle or constant-LR training run. */
    TRAINING;

    /** The name in run.json and listings: {@code range-test}, {@code sweep}, {@code training}. */
    @JsonValue
    public String id() {
        return EnumIds.id(this);
    }

    @JsonCreator
    public static RunKind parse(String id) {
        return EnumIds.parse(RunKind.class, id, "run kind");
    }
}

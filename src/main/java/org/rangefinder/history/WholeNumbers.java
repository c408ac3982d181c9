package org.rangefinder.history;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;

/**
 * Writes a key number of {@code run.json} that is a whole number without a fraction ({@code "points": 60}, not
 * {@code 60.0}), and any other as Jackson writes a double. Whole numbers up to 2^53 only, where every whole number
 * is a double; a reader takes {@code 60} and {@code 60.0} alike, as records written before did hold the latter.
 */
final class WholeNumbers extends StdSerializer<Double> {

    /** 2^53: above it, not every whole number is a double. */
    private static final double EXACT = 9007199254740992.0;

    WholeNumbers() {
        super(Double.class);
    }

    @Override
    public void serialize(Double value, JsonGenerator gen, SerializerProvider provider) throws IOException {
        if (value == Math.rint(value) && Math.abs(value) <= EXACT) {
            gen.writeNumber(value.longValue());
        } else {
            gen.writeNumber(value);
        }
    }
}

package org.rangefinder.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.buffer.DataBuffer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.cpu.nativecpu.DirectShapeInfoProvider;

class CachedShapeInfoProviderTest {

    /** Shape, strides, element-wise stride and order of one array. */
    private record Layout(long[] shape, long[] stride, long ews, char order) {
    }

    private static final List<Layout> LAYOUTS = List.of(
            new Layout(new long[] {64, 64}, new long[] {64, 1}, 1, 'c'),
            new Layout(new long[] {128, 6, 28, 28}, new long[] {4704, 784, 28, 1}, 1, 'c'),
            new Layout(new long[] {10, 20}, new long[] {1, 10}, 1, 'f'),
            new Layout(new long[] {4, 3}, new long[] {6, 1}, 0, 'c'),
            new Layout(new long[] {5}, new long[] {1}, 1, 'c'),
            new Layout(new long[] {}, new long[] {}, 1, 'c'),
            new Layout(new long[] {0, 3}, new long[] {3, 1}, 1, 'c'),
            new Layout(new long[] {3, 2}, new long[] {2, 1}, -1, 'c'));

    @Test
    void describesEveryArrayExactlyAsNd4jsUncachedPathDoes() {
        NativeThreads.ensureConfigured();
        CachedShapeInfoProvider cached = new CachedShapeInfoProvider();
        DirectShapeInfoProvider uncached = new DirectShapeInfoProvider();
        for (DataType type : List.of(DataType.FLOAT, DataType.DOUBLE, DataType.INT, DataType.LONG, DataType.BOOL)) {
            for (Layout l : LAYOUTS) {
                for (boolean empty : new boolean[] {false, true}) {
                    Pair<DataBuffer, long[]> expected = uncached.createShapeInformation(l.shape(), l.stride(), l.ews(),
                            l.order(), type, empty);
                    Pair<DataBuffer, long[]> actual = cached.createShapeInformation(l.shape(), l.stride(), l.ews(),
                            l.order(), type, empty);
                    assertThat(actual.getSecond()).as("%s %s empty=%s", type, l, empty)
                            .containsExactly(expected.getSecond());
                    assertThat(actual.getFirst().asLong()).containsExactly(expected.getFirst().asLong());
                }
            }
        }
    }

    @Test
    void aShapeSeenBeforeReusesItsDescription() {
        NativeThreads.ensureConfigured();
        CachedShapeInfoProvider cached = new CachedShapeInfoProvider();
        Layout l = LAYOUTS.get(0);
        DataBuffer first = cached.createShapeInformation(l.shape(), l.stride(), l.ews(), l.order(), DataType.FLOAT,
                false).getFirst();
        DataBuffer second = cached.createShapeInformation(l.shape().clone(), l.stride().clone(), l.ews(), l.order(),
                DataType.FLOAT, false).getFirst();
        assertThat(second).isSameAs(first);
    }
}

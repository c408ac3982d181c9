package org.rangefinder.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.shape.TadPack;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The store of TAD packs, each test on a store of its own: one pack per array shape and dimensions, made once, and
 * new shapes no longer kept once {@link TadPacks#LIMIT} are.
 */
class TadPacksTest {
    private static INDArray m;
    private final AtomicInteger made = new AtomicInteger();

    @BeforeAll
    static void nd4j() {
        NativeThreads.ensureConfigured();
        m = Nd4j.createFromArray(new float[][] {{1, 2, 3}, {4, 5, 6}});
    }

    /** Makes ND4J's pack for the array along the dimensions, as a new object each time, and counts the makes. */
    private Supplier<TadPack> nd4j(INDArray array, int... dimension) {
        return () -> {
            made.incrementAndGet();
            TadPack p = Nd4j.getExecutioner().tadShapeInfoAndOffsets(array, dimension);
            return new TadPack(p.getTadShapeInfo(), p.getTadOffsets());
        };
    }

    @Test
    void onePackIsMadeForEachShapeAndDimensions() {
        TadPacks packs = new TadPacks();
        int[] along1 = {1};
        TadPack rows = packs.of(m, along1, nd4j(m, 1));
        assertThat(rows.getTadOffsets().asLong()).containsExactly(0, 3);
        along1[0] = 0; // the caller's array changed afterwards: the store kept a copy
        INDArray sameShape = Nd4j.createFromArray(new float[][] {{7, 8, 9}, {1, 1, 1}});
        assertThat(packs.of(sameShape, new int[] {1}, nd4j(sameShape, 1))).as("kept").isSameAs(rows);
        assertThat(made).hasValue(1);

        TadPack columns = packs.of(m, new int[] {0}, nd4j(m, 0));
        assertThat(columns).isNotSameAs(rows);
        assertThat(columns.getTadOffsets().asLong()).containsExactly(0, 1, 2);
        INDArray transposed = m.transpose(); // 3 x 2, other strides: another shape description
        TadPack ofTransposed = packs.of(transposed, new int[] {1}, nd4j(transposed, 1));
        assertThat(ofTransposed).isNotSameAs(rows).isNotSameAs(columns);
        assertThat(made).hasValue(3);
        assertThat(packs.of(m, new int[] {0}, nd4j(m, 0))).isSameAs(columns);
        assertThat(packs.of(transposed, new int[] {1}, nd4j(transposed, 1))).isSameAs(ofTransposed);
        assertThat(made).hasValue(3);
    }

    @Test
    void oncePacksAreKeptForLimitShapesNewOnesAreMadeEachTimeAndTheKeptOnesStay() {
        TadPacks packs = new TadPacks();
        // the store reads the array's shape and the dimensions as given, nothing more: LIMIT keys from one array
        TadPack first = packs.of(m, new int[] {0}, TadPack::new);
        for (int i = 1; i < TadPacks.LIMIT; i++) {
            packs.of(m, new int[] {i}, TadPack::new);
        }
        TadPack beyond = packs.of(m, new int[] {TadPacks.LIMIT}, TadPack::new);
        assertThat(packs.of(m, new int[] {TadPacks.LIMIT}, TadPack::new)).as("not kept").isNotSameAs(beyond);
        assertThat(packs.of(m, new int[] {0}, TadPack::new)).as("kept before the store was full").isSameAs(first);
    }
}

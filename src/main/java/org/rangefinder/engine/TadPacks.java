package org.rangefinder.engine;

import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.shape.TadPack;

/**
 * ND4J's TAD packs, kept per array shape and dimensions. A TAD pack describes an array's tensors along some
 * dimensions (their shape and where each starts), which every reduction and broadcast along a dimension needs: a
 * dense layer's bias add, the sums of its gradient. ND4J's native side keeps each pack for the life of the process,
 * but its CPU executioner wraps the pack's native memory in two new Java buffers on every call, and copies the
 * dimensions into a new native array: several times per layer and training step. Every such buffer is registered with
 * ND4J's deallocator (a weak reference and a map entry), and that bookkeeping outlives the next young garbage
 * collection, which has to copy it; on two cores those copies were most of a 25-50 ms pause. A pack kept here wraps
 * the same native memory, which ND4J never frees, so reusing it is exactly the call it replaces. Keyed by the array's
 * whole shape description (rank, shape, strides, element-wise stride, order, data type) and the dimensions as given.
 */
final class TadPacks {
    /** Packs kept at most; beyond, new shapes are not kept (a program that sees ever new shapes). */
    static final int LIMIT = 4096;

    private final Map<Key, TadPack> packs = new ConcurrentHashMap<>();

    /** The pack of {@code array} along {@code dimension}: a kept one, or {@code make}'s, which is then kept. */
    TadPack of(INDArray array, int[] dimension, Supplier<TadPack> make) {
        long[] shape = array.shapeInfoJava();
        TadPack pack = packs.get(new Key(shape, dimension));
        if (pack == null) {
            pack = make.get();
            if (packs.size() < LIMIT) {
                // copies: the caller's arrays are not ours to keep
                packs.put(new Key(shape.clone(), dimension.clone()), pack);
            }
        }
        return pack;
    }

    /** A shape description and dimensions, compared by content. */
    private record Key(long[] shapeInfo, int[] dimension) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Arrays.equals(shapeInfo, k.shapeInfo) && Arrays.equals(dimension, k.dimension);
        }

        @Override
        public int hashCode() {
            return 31 * Arrays.hashCode(shapeInfo) + Arrays.hashCode(dimension);
        }
    }
}

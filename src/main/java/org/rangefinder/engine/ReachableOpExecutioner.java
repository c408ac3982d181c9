package org.rangefinder.engine;

import java.lang.ref.Reference;
import java.util.function.Supplier;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.BroadcastOp;
import org.nd4j.linalg.api.ops.CustomOp;
import org.nd4j.linalg.api.ops.IndexAccumulation;
import org.nd4j.linalg.api.ops.Op;
import org.nd4j.linalg.api.ops.OpContext;
import org.nd4j.linalg.api.ops.RandomOp;
import org.nd4j.linalg.api.ops.ReduceOp;
import org.nd4j.linalg.api.ops.ScalarOp;
import org.nd4j.linalg.api.ops.impl.summarystats.Variance;
import org.nd4j.linalg.api.rng.Random;
import org.nd4j.linalg.api.shape.TadPack;
import org.nd4j.linalg.cpu.nativecpu.ops.NativeOpExecutioner;

/**
 * ND4J's CPU op executioner, with every op kept reachable until its native call has returned.
 *
 * <p>ND4J frees an array's native buffer once the garbage collector finds the Java buffer unreachable (its
 * deallocator thread then deletes the native one). {@link NativeOpExecutioner} reads the native buffers of an op's
 * arrays and calls native code with them, but nothing uses the op afterwards: in compiled code the op, and an array
 * only it refers to, are unreachable while the native call runs. A broadcast op's dimension array is such an array,
 * made for each op (DL4J adds every dense layer's bias with one). A collection that another thread starts in that
 * moment lets the deallocator delete the buffer under the native code, which then reads freed memory: the JVM died
 * in {@code sd::DataBuffer::primary()}, {@code sd::TadDescriptor} or {@code Broadcast<float>::exec} at a garbage
 * address, once in a test run (a sweep's two members) and once in the window benchmark. Two threads running digits
 * and iris range tests side by side while a third forces a collection every 30 ms crashed in 3 of 4 one-minute runs
 * with ND4J's executioner, and in none of 9 (2,504 range tests) with this one.
 *
 * <p>Each entry point here calls ND4J's own and then {@link Reference#reachabilityFence fences} the op and its
 * context, which keeps them, and through them their arrays, reachable until the native work is done. ND4J installs
 * it by name (the {@code opexec} property, which {@link NativeThreads} sets before ND4J starts). It also keeps the
 * TAD packs ND4J asks it for ({@link TadPacks}).
 */
public final class ReachableOpExecutioner extends NativeOpExecutioner {
    private final TadPacks tadPacks = new TadPacks();

    /** Runs {@code call}, keeping {@code op} and {@code context} reachable until it has returned. */
    private static <T> T fenced(Object op, Object context, Supplier<T> call) {
        try {
            return call.get();
        } finally {
            Reference.reachabilityFence(op);
            Reference.reachabilityFence(context);
        }
    }

    @Override
    public INDArray exec(Op op) {
        return fenced(op, null, () -> super.exec(op));
    }

    @Override
    public INDArray exec(Op op, OpContext context) {
        return fenced(op, context, () -> super.exec(op, context));
    }

    @Override
    public INDArray exec(IndexAccumulation op) {
        return fenced(op, null, () -> super.exec(op));
    }

    @Override
    public INDArray exec(IndexAccumulation op, OpContext context) {
        return fenced(op, context, () -> super.exec(op, context));
    }

    @Override
    public INDArray exec(Variance op) {
        return fenced(op, null, () -> super.exec(op));
    }

    @Override
    public INDArray exec(ReduceOp op) {
        return fenced(op, null, () -> super.exec(op));
    }

    @Override
    public INDArray exec(ReduceOp op, OpContext context) {
        return fenced(op, context, () -> super.exec(op, context));
    }

    @Override
    public INDArray exec(ScalarOp op) {
        return fenced(op, null, () -> super.exec(op));
    }

    @Override
    public INDArray exec(ScalarOp op, OpContext context) {
        return fenced(op, context, () -> super.exec(op, context));
    }

    @Override
    public INDArray exec(BroadcastOp op) {
        return fenced(op, null, () -> super.exec(op));
    }

    @Override
    public INDArray exec(BroadcastOp op, OpContext context) {
        return fenced(op, context, () -> super.exec(op, context));
    }

    @Override
    public INDArray exec(RandomOp op) {
        return fenced(op, null, () -> super.exec(op));
    }

    @Override
    public INDArray exec(RandomOp op, Random rng) {
        return fenced(op, rng, () -> super.exec(op, rng));
    }

    @Override
    public INDArray exec(RandomOp op, OpContext context, Random rng) {
        return fenced(op, context, () -> super.exec(op, context, rng));
    }

    @Override
    public INDArray[] exec(CustomOp op) {
        return fenced(op, null, () -> super.exec(op));
    }

    @Override
    public INDArray[] exec(CustomOp op, OpContext context) {
        return fenced(op, context, () -> super.exec(op, context));
    }

    /** ND4J's pack for {@code array} along {@code dimension}, made once per shape and dimensions. */
    @Override
    public TadPack tadShapeInfoAndOffsets(INDArray array, int[] dimension) {
        return tadPacks.of(array, dimension, () -> super.tadShapeInfoAndOffsets(array, dimension));
    }
}

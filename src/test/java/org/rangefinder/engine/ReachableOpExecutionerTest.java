package org.rangefinder.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.broadcast.BroadcastAddOp;
import org.nd4j.linalg.api.ops.impl.reduce.Mmul;
import org.nd4j.linalg.api.ops.random.impl.UniformDistribution;
import org.nd4j.linalg.api.shape.TadPack;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * ND4J runs its ops through {@link ReachableOpExecutioner}, and each kind of op still gives its values through it
 * (checked by hand: [[1, 2, 3], [4, 5, 6]]), with its TAD packs kept.
 */
class ReachableOpExecutionerTest {
    private static INDArray m;

    @BeforeAll
    static void nd4j() {
        NativeThreads.ensureConfigured();
        m = Nd4j.createFromArray(new float[][] {{1, 2, 3}, {4, 5, 6}});
    }

    @Test
    void nd4jRunsItsOpsThroughTheFencedExecutioner() {
        assertThat(Nd4j.getExecutioner()).isInstanceOf(ReachableOpExecutioner.class);
    }

    @Test
    void broadcastAddsARowToEveryRow() {
        INDArray row = Nd4j.createFromArray(new float[] {10, 20, 30});
        INDArray out = Nd4j.create(DataType.FLOAT, 2, 3);
        Nd4j.getExecutioner().exec(new BroadcastAddOp(m, row, out, 1));
        assertThat(out.toFloatMatrix()).isEqualTo(new float[][] {{11, 22, 33}, {14, 25, 36}});
        assertThat(m.addRowVector(row).toFloatMatrix()).isEqualTo(new float[][] {{11, 22, 33}, {14, 25, 36}});
    }

    @Test
    void reduceScalarAndIndexOpsGiveTheirValues() {
        assertThat(m.sum(1).toFloatVector()).containsExactly(6, 15); // reduce
        assertThat(m.add(1.5).toFloatMatrix()).isEqualTo(new float[][] {{2.5f, 3.5f, 4.5f}, {5.5f, 6.5f, 7.5f}});
        assertThat(m.argMax(1).toLongVector()).containsExactly(2, 2); // index of each row's largest
        // population variance of 1, 2, 3: ((1-2)^2 + 0 + (3-2)^2) / 3 = 2/3
        assertThat(m.var(false, 1).toDoubleVector()).containsExactly(new double[] {2.0 / 3, 2.0 / 3},
                within(1e-6));
    }

    @Test
    void transformAndCustomOpsGiveTheirValues() {
        assertThat(Transforms.exp(m, true).getDouble(0, 0)).isCloseTo(Math.E, within(1e-5));
        INDArray b = Nd4j.createFromArray(new float[][] {{1, 0}, {0, 1}, {1, 1}});
        INDArray[] product = Nd4j.getExecutioner().exec(new Mmul(m, b, false, false, false));
        // [1 2 3] x [[1 0] [0 1] [1 1]] = [1 + 3, 2 + 3]
        assertThat(product[0].toFloatMatrix()).isEqualTo(new float[][] {{4, 5}, {10, 11}});
    }

    /**
     * The executioner keeps the TAD packs it makes (see {@link TadPacksTest} for the store itself). Checked on an
     * executioner of its own: ND4J's is shared by the whole test run, and its store stops keeping new shapes once
     * full ({@link TadPacks#LIMIT}), so whether it still keeps this one would depend on what ran before.
     */
    @Test
    void tadPacksAreKeptPerShapeAndDimensions() {
        ReachableOpExecutioner executioner = new ReachableOpExecutioner();
        // [[1, 2, 3], [4, 5, 6]] in C order: along dimension 1 its tensors are the rows, starting at elements 0 and
        // 3; along dimension 0 the columns, starting at 0, 1 and 2
        TadPack rows = executioner.tadShapeInfoAndOffsets(m, new int[] {1});
        assertThat(rows.getTadOffsets().asLong()).containsExactly(0, 3);
        TadPack columns = executioner.tadShapeInfoAndOffsets(m, new int[] {0});
        assertThat(columns.getTadOffsets().asLong()).containsExactly(0, 1, 2);

        INDArray sameShape = Nd4j.createFromArray(new float[][] {{7, 8, 9}, {1, 1, 1}});
        assertThat(executioner.tadShapeInfoAndOffsets(sameShape, new int[] {1})).as("kept").isSameAs(rows);
        INDArray transposed = m.transpose(); // 3 x 2, other strides: another pack
        TadPack ofTransposed = executioner.tadShapeInfoAndOffsets(transposed, new int[] {1});
        assertThat(ofTransposed).isNotSameAs(rows).isNotSameAs(columns);
        // rows of the transposed view are m's columns: elements 0, 1 and 2 of m's buffer, strided by 3
        assertThat(ofTransposed.getTadOffsets().asLong()).containsExactly(0, 1, 2);
        assertThat(transposed.sum(1).toFloatVector()).containsExactly(5, 7, 9);
    }

    @Test
    void randomOpsDrawFromTheirDistributionReproducibly() {
        Nd4j.getRandom().setSeed(7);
        INDArray first = Nd4j.getExecutioner().exec(new UniformDistribution(Nd4j.create(DataType.FLOAT, 1000), 2,
                3));
        Nd4j.getRandom().setSeed(7);
        INDArray again = Nd4j.getExecutioner().exec(new UniformDistribution(Nd4j.create(DataType.FLOAT, 1000), 2,
                3));
        assertThat(first.minNumber().doubleValue()).isGreaterThanOrEqualTo(2);
        assertThat(first.maxNumber().doubleValue()).isLessThanOrEqualTo(3);
        assertThat(first.meanNumber().doubleValue()).isCloseTo(2.5, within(0.05));
        assertThat(again).isEqualTo(first);
    }
}

package org.rangefinder.model;

import java.lang.reflect.Field;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.layers.convolution.ConvolutionHelper;
import org.deeplearning4j.nn.layers.convolution.ConvolutionLayer;
import org.deeplearning4j.nn.layers.mkldnn.MKLDNNConvHelper;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.nativeblas.NativeOpsHolder;

/**
 * Lets DL4J's convolution layers run on oneDNN when the native ND4J build has it (the {@code -onednn} builds).
 *
 * <p>Without a helper, DL4J's {@code ConvolutionLayer} convolves in Java: {@code im2col} into a permuted view, then a
 * matrix product. ND4J's generic strided copies make that slow (LeNet on MNIST, batch 128: about 250 ms per training
 * step on one thread). With {@link MKLDNNConvHelper} the layer calls ND4J's {@code conv2d} / {@code conv2d_bp} ops,
 * which the oneDNN build runs as oneDNN convolutions: about 55 ms per step.
 *
 * <p>DL4J 1.0.0-M2.1 never attaches that helper itself: {@code HelperUtils.createHelper} returns none unless the
 * system property {@code org.eclipse.deeplearning4j.helpers.disable} is {@code false}, and even then
 * {@code BaseMKLDNNHelper.mklDnnEnabled()} looks up the class {@code org.nd4j.nativeblas.Nd4jCpu$Environment},
 * which this release moved to {@code org.nd4j.linalg.cpu.nativecpu.bindings}; the failed lookup disables every
 * oneDNN helper. So this class sets the helper on each convolution layer after the network is built, through the
 * layer's {@code helper} field. The layer keeps its own fallback: should the helper throw, it logs a warning and
 * convolves in Java from then on.
 *
 * <p>Results stay deterministic (one native thread, the same oneDNN kernels for the same shapes), but are not
 * bit-identical to the Java path: the sums run in another order (relative differences near 1e-7).
 */
final class OneDnnHelpers {
    private static final Field CONVOLUTION_HELPER = helperField();
    private static volatile Boolean available;

    private OneDnnHelpers() {
    }

    /** Gives every plain 2D convolution layer the oneDNN helper, when the native build has oneDNN. */
    static void attach(Layer[] layers, DataType dataType) {
        if (!available()) {
            return;
        }
        for (Layer layer : layers) {
            // subclasses (1D, depthwise, separable, deconvolution) call other ops: only the plain 2D layer
            if (layer.getClass() == ConvolutionLayer.class) {
                set(layer, new MKLDNNConvHelper(dataType));
            }
        }
    }

    /** Whether ND4J's native library was built with oneDNN and may use it (ND4J's own switches). */
    static boolean available() {
        if (available == null) {
            available = NativeOpsHolder.getInstance().getDeviceNativeOps().buildInfo().contains("HAVE_ONEDNN")
                    && Nd4j.getEnvironment().helpersAllowed();
        }
        return available;
    }

    private static void set(Layer layer, ConvolutionHelper helper) {
        try {
            CONVOLUTION_HELPER.set(layer, helper);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot set the oneDNN helper of " + layer, e);
        }
    }

    private static Field helperField() {
        try {
            Field field = ConvolutionLayer.class.getDeclaredField("helper");
            field.setAccessible(true);
            return field;
        } catch (NoSuchFieldException e) {
            throw new IllegalStateException("DL4J's ConvolutionLayer has no helper field: another DL4J version?", e);
        }
    }
}

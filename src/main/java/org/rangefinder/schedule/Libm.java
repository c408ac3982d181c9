package org.rangefinder.schedule;

import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;

/**
 * The C library's {@code cos} and {@code pow}, the ones Python's {@code math.cos} and {@code **} on floats call, and
 * so PyTorch's OneCycleLR and pytorch-lr-finder's exponential ladder. Java's {@code Math.cos} and {@code Math.pow} are
 * correct to within an ulp but round differently from glibc on a few arguments, which made those values differ from
 * Python's in the last bit (measured: {@code cos} on 210 of 100,001 points in [0, pi]; {@code pow} on 386 of 420,000
 * points of exponential ladders from 1e-8..1e-4 to 0.5..100 over 100..2000 iterations, among them one of the
 * 200-point ladder from 1e-7 to 10). Where the running process exposes no C library (JNA cannot look up the
 * process's own symbols on Windows), it falls back to Java's.
 *
 * <p>The C function is bound to a Java native method (JNA's direct mapping): a call passes the double as it is,
 * where a {@code Function.invokeDouble} call boxed it into an argument array. The window computes the 1cycle preview
 * again at each frame of a marker drag, two cosines per step.
 */
final class Libm {
    private static final boolean NATIVE = bind();

    private Libm() {
    }

    static double cos(double x) {
        return NATIVE ? C.cos(x) : Math.cos(x);
    }

    static double pow(double x, double y) {
        return NATIVE ? C.pow(x, y) : Math.pow(x, y);
    }

    private static boolean bind() {
        try {
            Native.register(C.class, NativeLibrary.getProcess());
            return true;
        } catch (UnsatisfiedLinkError | RuntimeException unavailable) {
            return false;
        }
    }

    /** The C library's functions, bound by {@link #bind()}. */
    private static final class C {
        static native double cos(double x);

        static native double pow(double x, double y);
    }
}

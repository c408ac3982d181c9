package org.rangefinder.schedule;

import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;

/**
 * The C library's {@code cos}, the one Python's {@code math.cos} calls, and so PyTorch's OneCycleLR. Java's
 * {@code Math.cos} is correct to within an ulp but rounds differently from glibc on about 0.2% of arguments (measured:
 * 210 of 100,001 points in [0, pi]), which made a few 1cycle values differ from PyTorch's in the last bit. Where the
 * running process exposes no C {@code cos} (JNA cannot look up the process's own symbols on Windows), it falls back
 * to {@code Math.cos}.
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
    }
}

package org.rangefinder.ui.chart;

import java.util.Arrays;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * A curve that grows while a run records it: a worker thread {@link #add}s points, one consumer thread (the JavaFX
 * thread) {@link #drain}s them into arrays it then reads. The worker never waits for the consumer; it calls the
 * consumer's {@link #onAdd} hook after each point, which must be as cheap (it runs on the worker).
 */
public final class LiveCurve {
    private final ConcurrentLinkedQueue<double[]> pending = new ConcurrentLinkedQueue<>();
    private volatile Runnable onAdd = () -> { };
    private double[] xs = new double[64];
    private double[] ys = new double[64];
    private int size;

    /** A curve already complete, e.g. one read from a file. */
    public static LiveCurve of(double[] xs, double[] ys) {
        LiveCurve curve = new LiveCurve();
        for (int i = 0; i < xs.length; i++) {
            curve.add(xs[i], ys[i]);
        }
        return curve;
    }

    /** Any thread: appends a point. */
    public void add(double x, double y) {
        pending.add(new double[] {x, y});
        onAdd.run();
    }

    /** Sets what runs, on the adding thread, after each point is added (after the point can be drained). */
    public void onAdd(Runnable hook) {
        this.onAdd = hook;
    }

    /** Consumer thread: moves the points added since the last call into the arrays; returns how many. */
    public int drain() {
        int n = 0;
        for (double[] p = pending.poll(); p != null; p = pending.poll()) {
            if (size == xs.length) {
                xs = Arrays.copyOf(xs, size * 2);
                ys = Arrays.copyOf(ys, size * 2);
            }
            xs[size] = p[0];
            ys[size] = p[1];
            size++;
            n++;
        }
        return n;
    }

    /** Consumer thread: the number of drained points. */
    public int size() {
        return size;
    }

    public double x(int i) {
        return xs[i];
    }

    public double y(int i) {
        return ys[i];
    }

    public double[] xs() {
        return Arrays.copyOf(xs, size);
    }

    public double[] ys() {
        return Arrays.copyOf(ys, size);
    }
}

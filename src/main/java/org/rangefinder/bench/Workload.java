package org.rangefinder.bench;

import java.util.Arrays;
import java.util.List;
import org.rangefinder.UserInputException;

/**
 * The fixed, seeded workloads of the benchmark. Each matches a workload of {@code src/bench/pytorch_bench.py}, so the
 * two can be compared side by side.
 */
public enum Workload {
    /** Range test, digits, {@code mlp}, batch 64, 100 iterations. */
    RT_DIGITS_MLP("rt-digits-mlp"),
    /** Range test, MNIST, {@code lenet}, batch 128, 100 iterations. */
    RT_MNIST_LENET("rt-mnist-lenet"),
    /** Weight-decay sweep 0, 1e-5, 1e-4, 1e-3 on digits, {@code mlp}, 100 iterations each, members side by side. */
    SWEEP_DIGITS_MLP("sweep-digits-mlp"),
    /** One 1cycle epoch, Fashion-MNIST, {@code lenet}, batch 128 (max lr 0.1, OneCycleLR defaults otherwise). */
    EPOCH_FASHION_LENET("epoch-fashion-lenet");

    private final String id;

    Workload(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static Workload parse(String text) {
        for (Workload w : values()) {
            if (w.id.equals(text.trim())) {
                return w;
            }
        }
        throw new UserInputException("unknown workload '" + text + "' (expected one of "
                + String.join(", ", names()) + ")");
    }

    public static List<String> names() {
        return Arrays.stream(values()).map(Workload::id).toList();
    }
}

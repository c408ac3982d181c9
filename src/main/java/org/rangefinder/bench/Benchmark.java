package org.rangefinder.bench;

import org.rangefinder.Median;
import org.rangefinder.data.DataOptions;
import org.rangefinder.data.Dataset;
import org.rangefinder.data.Datasets;
import org.rangefinder.engine.CancelToken;
import org.rangefinder.engine.NativeThreads;
import org.rangefinder.model.ModelSpec;
import org.rangefinder.optim.OptimizerKind;
import org.rangefinder.rangetest.RangeTest;
import org.rangefinder.rangetest.RangeTestConfig;
import org.rangefinder.rangetest.RangeTestListener;
import org.rangefinder.rangetest.RangeTestResult;
import org.rangefinder.rangetest.Sweep;
import org.rangefinder.rangetest.SweepRunner;
import org.rangefinder.schedule.OneCycleSettings;
import org.rangefinder.train.IterationRecord;
import org.rangefinder.train.SchedulePolicy;
import org.rangefinder.train.Trainer;
import org.rangefinder.train.TrainingConfig;
import org.rangefinder.train.TrainingListener;

/**
 * Runs the benchmark workloads: data loaded first, then untimed warm-up runs, then {@code repeats} timed runs of
 * which the median is reported. Each timed figure covers the range tests or the training steps themselves, but the
 * sweep's: the wall time of the whole sweep, its members' network builds included.
 *
 * <p>The warm-up lasts at least {@value #WARM_UP_SECONDS} s (and one run): the JIT compiles DL4J's and ND4J's Java
 * paths over the first few hundred steps, and one 100-step range test of the digits MLP left the next ones about
 * twice as slow as the steady state. The first run's time is reported too ({@code firstRunSeconds}): what a range
 * test costs in a fresh JVM.
 */
public final class Benchmark {
    private static final double WARM_UP_SECONDS = 2;

    private final int repeats;
    private final int sweepThreads;

    public Benchmark(int repeats, int sweepThreads) {
        this.repeats = repeats;
        this.sweepThreads = sweepThreads;
    }

    public Measurement run(Workload workload) throws InterruptedException {
        NativeThreads.ensureConfigured();
        Run run = prepare(workload);
        double firstRun = run.once().seconds();
        long warmUpEnd = System.nanoTime() + (long) (WARM_UP_SECONDS * 1e9);
        while (System.nanoTime() < warmUpEnd) {
            run.once();
        }
        double[] seconds = new double[repeats];
        int iterations = 0;
        MemoryPeaks memory = new MemoryPeaks();
        memory.start();
        for (int r = 0; r < repeats; r++) {
            Timed timed = run.once();
            iterations = timed.iterations();
            seconds[r] = timed.seconds();
        }
        memory.stop();
        double median = Median.of(seconds);
        return new Measurement(workload.id(), iterations, median, iterations / median, firstRun, memory.peakHeap(),
                memory.peakOffHeap(), memory.peakRss());
    }

    /** Iterations run and the seconds they took. */
    private record Timed(int iterations, double seconds) {
    }

    /** A prepared workload: each call runs it once. */
    @FunctionalInterface
    private interface Run {
        Timed once();
    }

    private Run prepare(Workload workload) {
        return switch (workload) {
            case RT_DIGITS_MLP -> rangeTest(load("digits"), "mlp", 64);
            case RT_MNIST_LENET -> rangeTest(load("mnist"), "lenet", 128);
            case SWEEP_DIGITS_MLP -> {
                Dataset digits = load("digits");
                RangeTestConfig base = RangeTestConfig.defaults("digits", ModelSpec.preset("mlp"));
                Sweep sweep = Sweep.parse("weight-decay=0,1e-5,1e-4,1e-3");
                yield () -> {
                    long start = System.nanoTime();
                    int points = SweepRunner.run(digits, base, sweep, sweepThreads, (m, p) -> { }, new CancelToken())
                            .members().stream().mapToInt(m -> m.points().size()).sum();
                    return new Timed(points, seconds(start, System.nanoTime()));
                };
            }
            case EPOCH_FASHION_LENET -> oneCycleEpoch(load("fashion-mnist"));
        };
    }

    private static Run rangeTest(Dataset data, String model, int batchSize) {
        RangeTestConfig config = RangeTestConfig.defaults(data.name(), ModelSpec.preset(model)).withBatchSize(batchSize);
        return () -> {
            RangeTestResult r = RangeTest.run(data, config, RangeTestListener.NONE, new CancelToken());
            return new Timed(r.points().size(), r.elapsedSeconds());
        };
    }

    private static Run oneCycleEpoch(Dataset data) {
        int batchSize = 128;
        int steps = (data.train().size() + batchSize - 1) / batchSize;
        TrainingConfig config = new TrainingConfig(data.name(), ModelSpec.preset("lenet"), OptimizerKind.NESTEROV, 0.9,
                0, batchSize, 1, SchedulePolicy.ONE_CYCLE, OneCycleSettings.defaults(steps, 0.1), null, 0, 42);
        // timed from the first step to the last, leaving out the network's building and the schedules before it and
        // the evaluation that ends the epoch
        return () -> {
            long[] firstStep = new long[1];
            long[] lastStep = new long[1];
            int done = Trainer.train(data, config, new TrainingListener() {
                @Override
                public void started() {
                    firstStep[0] = System.nanoTime();
                }

                @Override
                public void iterationDone(IterationRecord record, int total) {
                    lastStep[0] = System.nanoTime();
                }
            }, new CancelToken()).result().iterations().size();
            return new Timed(done, seconds(firstStep[0], lastStep[0]));
        };
    }

    private static double seconds(long from, long to) {
        return (to - from) / 1e9;
    }

    private static Dataset load(String name) {
        return Datasets.load(name, DataOptions.defaults());
    }
}

package org.rangefinder.ui.onecycle;

/**
 * The learning rate and momentum of a 1cycle run at some of its iterations, as the schedule gives them: every
 * iteration of a cycle of at most {@link #MOST_STEPS} steps; of a longer one, {@link #MOST_STEPS} iterations spread
 * evenly from the first to the last ({@link #steps}), which is more than the preview chart has pixels.
 *
 * @param steps the iterations shown, ascending
 * @param lrs the learning rate at each of them
 * @param momenta the momentum at each of them, or none where there is none to show
 */
public record SchedulePreview(int[] steps, double[] lrs, double[] momenta) {

    /** The most iterations a preview shows. */
    public static final int MOST_STEPS = 400;

    /**
     * The iterations a preview of a {@code total}-step cycle shows: all, or {@code round(k (T - 1) / (N - 1))} for
     * {@code k = 0..N-1}, {@code N} = {@value #MOST_STEPS} (distinct, since their spacing is over one step).
     */
    public static int[] steps(int total) {
        int n = Math.min(total, MOST_STEPS);
        int[] steps = new int[n];
        for (int k = 0; k < n; k++) {
            steps[k] = total <= MOST_STEPS ? k : (int) Math.round((double) k * (total - 1) / (n - 1));
        }
        return steps;
    }
}

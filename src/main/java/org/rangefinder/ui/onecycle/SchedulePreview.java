package org.rangefinder.ui.onecycle;

/** The learning rate and momentum of each iteration of a 1cycle run, as the schedule gives them. */
public record SchedulePreview(double[] lrs, double[] momenta) {
}

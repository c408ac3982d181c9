package org.rangefinder.rangetest;

/** The learning-rate bounds of a cycle, read off a range test: {@code min} at the ends, {@code max} at the peak. */
public record LrRange(double min, double max) {
}

package org.rangefinder.data;

/** What a sample is: a flat feature vector, or an image of shape channels x height x width. */
public enum DatasetKind {
    TABULAR,
    IMAGE
}

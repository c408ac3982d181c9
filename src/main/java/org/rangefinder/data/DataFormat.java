package org.rangefinder.data;

/**
 * What a dataset was read from, which decides the {@link DataOptions} that shaped it: the label column of a table,
 * the image size and colours of an image folder. Bundled digits, iris and wine are tables; bundled MNIST and
 * Fashion-MNIST are IDX files.
 */
public enum DataFormat {
    /** A .csv, .tsv or .txt table, optionally gzipped. */
    TABLE,
    /** An IDX images file with its labels file (and a test pair beside it, if there is one). */
    IDX,
    /** A folder with one subfolder of images per class. */
    IMAGE_FOLDER
}

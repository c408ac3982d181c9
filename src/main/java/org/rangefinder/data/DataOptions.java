package org.rangefinder.data;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.rangefinder.Setting;
import org.rangefinder.SettingProblem;
import org.rangefinder.UserInputException;

/**
 * How to load a dataset. Bundled datasets use only the validation fraction and the split seed (and MNIST and
 * Fashion-MNIST not even those: their validation part is their own test set); the label column applies to CSV
 * files, the image size and colour mode to image folders.
 *
 * @param labelColumn        CSV label column: a name from the header, or a 0-based index written in digits;
 *                           {@code null} means the last column
 * @param validationFraction share of each class held out for validation, in (0, 1); default 0.2
 * @param splitSeed          seed of the stratified split; default 42
 * @param imageWidth         width images are resampled to, 1 to {@value #MAX_IMAGE_SIDE}; default 28
 * @param imageHeight        height images are resampled to, 1 to {@value #MAX_IMAGE_SIDE}; default 28
 * @param grayscale          one luminance channel (default) instead of three RGB channels
 */
public record DataOptions(String labelColumn, double validationFraction, long splitSeed,
                          int imageWidth, int imageHeight, boolean grayscale) {

    /** The largest width or height images are resampled to (the largest a source image may have, too). */
    public static final int MAX_IMAGE_SIDE = 4096;

    private static final Pattern IMAGE_SIZE = Pattern.compile("(\\d+)(?:\\s*[xX]\\s*(\\d+))?");

    public DataOptions {
        if (labelColumn != null && labelColumn.isBlank()) {
            throw new UserInputException("label column: give a column name or a 0-based index, not a blank");
        }
        if (!(validationFraction > 0 && validationFraction < 1)) {
            throw new SettingProblem(Setting.VAL_FRACTION, "must be between 0 and 1 (exclusive), got %s",
                    validationFraction);
        }
        if (imageWidth < 1 || imageHeight < 1 || imageWidth > MAX_IMAGE_SIDE || imageHeight > MAX_IMAGE_SIDE) {
            throw new SettingProblem(Setting.IMAGE_SIZE, "must be from 1x1 to %sx%s pixels, got %sx%s",
                    MAX_IMAGE_SIDE, MAX_IMAGE_SIDE, imageWidth, imageHeight);
        }
    }

    /**
     * These options with the image size written {@code WIDTHxHEIGHT} ({@code 32x24}; {@code X} and spaces around the
     * numbers are taken too), or one number for a square ({@code 32}).
     */
    public DataOptions withImageSize(String text) {
        Matcher m = IMAGE_SIZE.matcher(text.strip());
        if (!m.matches()) {
            throw new SettingProblem(Setting.IMAGE_SIZE, "must be WIDTHxHEIGHT in pixels, such as 32x32, or one "
                    + "number for a square, got '%s'", text);
        }
        String height = m.group(2) == null ? m.group(1) : m.group(2);
        if (m.group(1).length() > 9 || height.length() > 9) { // beyond an int, as beyond the largest side
            throw new SettingProblem(Setting.IMAGE_SIZE, "must be from 1x1 to %sx%s pixels, got '%s'", MAX_IMAGE_SIDE,
                    MAX_IMAGE_SIDE, text);
        }
        return withImageSize(Integer.parseInt(m.group(1)), Integer.parseInt(height));
    }

    /** The image size as {@link #withImageSize(String)} reads it: {@code 28x28}. */
    public String imageSizeText() {
        return imageWidth + "x" + imageHeight;
    }

    public static DataOptions defaults() {
        return new DataOptions(null, 0.2, 42, 28, 28, true);
    }

    public DataOptions withLabelColumn(String column) {
        return new DataOptions(column, validationFraction, splitSeed, imageWidth, imageHeight, grayscale);
    }

    public DataOptions withValidationFraction(double fraction) {
        return new DataOptions(labelColumn, fraction, splitSeed, imageWidth, imageHeight, grayscale);
    }

    public DataOptions withSplitSeed(long seed) {
        return new DataOptions(labelColumn, validationFraction, seed, imageWidth, imageHeight, grayscale);
    }

    public DataOptions withImageSize(int width, int height) {
        return new DataOptions(labelColumn, validationFraction, splitSeed, width, height, grayscale);
    }

    public DataOptions withGrayscale(boolean gray) {
        return new DataOptions(labelColumn, validationFraction, splitSeed, imageWidth, imageHeight, gray);
    }
}

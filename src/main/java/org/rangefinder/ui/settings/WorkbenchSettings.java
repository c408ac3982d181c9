package org.rangefinder.ui.settings;

import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;

/**
 * What the window remembers across launches (window size, side panels' widths and whether they show, theme, last
 * dataset and the options it loads with), in the user's Java preferences
 * (on Linux under {@code ~/.java}). Tests use a node of their own.
 */
public final class WorkbenchSettings {
    /** The preferences node used when none is given: {@code org/rangefinder/workbench} under the user root. */
    public static final String NODE = "org/rangefinder/workbench";

    private static final String WIDTH = "window.width";
    private static final String HEIGHT = "window.height";
    private static final String MAXIMIZED = "window.maximized";
    private static final String THEME = "theme";
    private static final String PANEL = "panel.";
    private static final String DATASET = "dataset";
    private static final String LABEL_COLUMN = "data.labelColumn";
    private static final String IMAGE_SIZE = "data.imageSize";
    private static final String RGB = "data.rgb";

    private final Preferences node;

    public WorkbenchSettings(Preferences node) {
        this.node = node;
    }

    public static WorkbenchSettings forUser() {
        return new WorkbenchSettings(Preferences.userRoot().node(NODE));
    }

    /** The width of the window's content (its scene, without the title bar and frame). */
    public double width() {
        return node.getDouble(WIDTH, 1400);
    }

    /** The height of the window's content (its scene, without the title bar and frame). */
    public double height() {
        return node.getDouble(HEIGHT, 880);
    }

    public boolean maximized() {
        return node.getBoolean(MAXIMIZED, false);
    }

    /** Remembers the content's size (unless maximized: the size it had before stays) and whether it is maximized. */
    public void setWindow(double width, double height, boolean maximized) {
        if (!maximized) {
            node.putDouble(WIDTH, width);
            node.putDouble(HEIGHT, height);
        }
        node.putBoolean(MAXIMIZED, maximized);
    }

    /**
     * The width the user gave a side panel ({@code "left"} or {@code "right"}), or NaN when it was never given one.
     */
    public double panelWidth(String side) {
        return node.getDouble(PANEL + side + ".width", Double.NaN);
    }

    /** Whether a side panel ({@code "left"} or {@code "right"}) shows; it does until the user hides it. */
    public boolean panelShown(String side) {
        return node.getBoolean(PANEL + side + ".shown", true);
    }

    /** Remembers a side panel: its width (NaN: none given, nothing remembered) and whether it shows. */
    public void setPanel(String side, double width, boolean shown) {
        if (!Double.isNaN(width)) {
            node.putDouble(PANEL + side + ".width", width);
        }
        node.putBoolean(PANEL + side + ".shown", shown);
    }

    /** The name of the last theme, or null. */
    public String theme() {
        return node.get(THEME, null);
    }

    public void setTheme(String name) {
        node.put(THEME, name);
    }

    /** The last dataset chosen (a bundled name or a path), or null. */
    public String dataset() {
        return node.get(DATASET, null);
    }

    public void setDataset(String nameOrPath) {
        node.put(DATASET, nameOrPath);
    }

    /** The label column field's text as last left (blank: the last column). */
    public String labelColumn() {
        return node.get(LABEL_COLUMN, "");
    }

    public void setLabelColumn(String text) {
        node.put(LABEL_COLUMN, text);
    }

    /** The image size field's text as last left, or {@code fallback} when it never changed. */
    public String imageSize(String fallback) {
        return node.get(IMAGE_SIZE, fallback);
    }

    public void setImageSize(String text) {
        node.put(IMAGE_SIZE, text);
    }

    /** Whether images were last loaded in three colour channels. */
    public boolean rgb() {
        return node.getBoolean(RGB, false);
    }

    public void setRgb(boolean rgb) {
        node.putBoolean(RGB, rgb);
    }

    /** Writes the settings out now (they are also written in the background by the JDK). */
    public void flush() {
        try {
            node.flush();
        } catch (BackingStoreException e) {
            // nothing to do about a preferences store that cannot be written: the next launch uses defaults
        }
    }
}

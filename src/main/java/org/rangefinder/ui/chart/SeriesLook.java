package org.rangefinder.ui.chart;

import java.util.List;

/**
 * How a series is drawn by a {@link StyledLineChart}: the style classes put on its line (and its legend entry), an
 * optional inline style (a shade of a colour, for the members of a family), and whether it has a legend entry.
 *
 * <p>The classes are looked up in the application's CSS; for instance {@code rf-line run-color-2 smoothed-line}.
 */
public record SeriesLook(List<String> styleClasses, String inlineStyle, boolean inLegend) {

    public SeriesLook {
        styleClasses = List.copyOf(styleClasses);
        inlineStyle = inlineStyle == null ? "" : inlineStyle;
    }

    public static SeriesLook of(String... styleClasses) {
        return new SeriesLook(List.of(styleClasses), "", true);
    }

    public SeriesLook withInlineStyle(String style) {
        return new SeriesLook(styleClasses, style, inLegend);
    }

    public SeriesLook withoutLegend() {
        return new SeriesLook(styleClasses, inlineStyle, false);
    }
}

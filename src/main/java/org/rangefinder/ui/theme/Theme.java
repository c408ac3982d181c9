package org.rangefinder.ui.theme;

/**
 * A theme of the window: a name for the menu, whether it is dark (which AtlantaFX base it sits on, Primer Dark or
 * Primer Light), and the CSS files layered over the base, in order (the app's shared CSS, the palette, and for a
 * user's theme its own file last).
 */
public record Theme(String name, boolean dark, java.util.List<String> stylesheets) {

    public Theme {
        stylesheets = java.util.List.copyOf(stylesheets);
    }
}

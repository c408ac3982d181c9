package org.rangefinder.ui.theme;

import java.util.List;

/**
 * A theme of the window: a name for the menu, whether it is dark (which AtlantaFX base it sits on, Primer Dark or
 * Primer Light), and the CSS files layered over the base, in order (the app's shared CSS, the palette, and for a
 * user's theme its own file last).
 */
public record Theme(String name, boolean dark, List<String> stylesheets) {

    public Theme {
        stylesheets = List.copyOf(stylesheets);
    }
}

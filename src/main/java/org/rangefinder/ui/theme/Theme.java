package org.rangefinder.ui.theme;

import java.util.List;

/**
 * A theme of the window: its name, which identifies it and is what the settings remember ({@code Light} or
 * {@code Dark} for the built-in themes, the file name for a user's: {@code solarized-dark.css}); its label in the menu
 * ({@code Solarized dark}); whether it is dark (which AtlantaFX base it sits on, Primer Dark or Primer Light); and the
 * CSS files layered over the base, in order (the app's shared CSS, the palette, and for a user's theme its own file
 * last).
 */
public record Theme(String name, String label, boolean dark, List<String> stylesheets) {

    public Theme {
        stylesheets = List.copyOf(stylesheets);
    }
}

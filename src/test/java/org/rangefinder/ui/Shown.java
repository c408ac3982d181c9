package org.rangefinder.ui;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.scene.control.Labeled;
import javafx.scene.text.Text;

/** What a label or a table cell shows of its text: all of it, or its start cut short with an ellipsis. */
public final class Shown {
    private Shown() {
    }

    /** The text drawn, cut short where the control is too narrow for its text. */
    public static String text(Labeled control) {
        return ((Text) control.lookup(".text")).getText();
    }

    /** Asserts that {@code control} shows its text whole, or its start followed by the control's ellipsis. */
    public static void wholeOrItsStart(Labeled control) {
        String shown = text(control);
        if (!shown.equals(control.getText())) {
            String ellipsis = control.getEllipsisString();
            assertThat(shown).as("'%s' cut short", control.getText()).endsWith(ellipsis);
            assertThat(control.getText()).startsWith(shown.substring(0, shown.length() - ellipsis.length()));
        }
    }
}

package org.rangefinder.ui.form;

import java.util.function.DoubleFunction;
import java.util.function.DoublePredicate;
import javafx.beans.property.DoubleProperty;
import javafx.scene.control.TextField;

/**
 * Binds a text field both ways to a number: typing a valid number sets it at once (a marker follows as one
 * types), an invalid text is flagged with the style class {@code invalid} and changes nothing, and a change of the
 * number from elsewhere (a dragged marker) rewrites the text unless it already says that number.
 */
public final class NumberField {

    private NumberField() {
    }

    public static void bind(TextField field, DoubleProperty value, DoublePredicate valid, DoubleFunction<String> format) {
        boolean[] writing = {false};
        Runnable show = () -> {
            writing[0] = true;
            try {
                field.setText(format.apply(value.get()));
            } finally {
                writing[0] = false;
            }
        };
        show.run();
        value.addListener((o, old, v) -> {
            Double typed = parse(field.getText());
            if (typed == null || typed != v.doubleValue()) {
                show.run();
            }
        });
        field.textProperty().addListener((o, old, text) -> {
            field.getStyleClass().remove("invalid");
            if (writing[0]) {
                return; // the text shows the value (rounded for display): not a value typed by the user
            }
            Double typed = parse(text);
            if (typed == null || !valid.test(typed)) {
                field.getStyleClass().add("invalid");
            } else if (typed != value.get()) {
                value.set(typed);
            }
        });
        field.focusedProperty().addListener((o, was, focused) -> {
            if (!focused && !field.getStyleClass().contains("invalid")) {
                show.run();
            }
        });
        field.setOnAction(e -> show.run());
    }

    private static Double parse(String text) {
        try {
            return Double.parseDouble(text.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}

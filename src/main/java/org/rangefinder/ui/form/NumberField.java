package org.rangefinder.ui.form;

import java.util.function.DoubleFunction;
import java.util.function.DoublePredicate;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.TextField;

/**
 * Binds a text field both ways to a number: typing a valid number sets it at once (a marker follows as one
 * types), an invalid text is flagged with the style class {@code invalid}, changes nothing and is described by the
 * problem {@link #bind} returns, and a change of the number from elsewhere (a dragged marker) rewrites the text
 * unless it already says that number.
 */
public final class NumberField {

    private NumberField() {
    }

    /**
     * @param name what the field holds, to name it in the problem ({@code min LR})
     * @param rule the numbers it takes, in words ({@code a number > 0})
     * @return what is wrong with the text typed, as {@code min LR: 'abc' is not a number > 0}; null while the field
     *         holds a valid number
     */
    public static ReadOnlyStringProperty bind(TextField field, DoubleProperty value, DoublePredicate valid,
                                              DoubleFunction<String> format, String name, String rule) {
        ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper();
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
            problem.set(null);
            if (writing[0]) {
                return; // the text shows the value (rounded for display): not a value typed by the user
            }
            Double typed = parse(text);
            if (typed == null || !valid.test(typed)) {
                field.getStyleClass().add("invalid");
                problem.set(name + ": '" + text.strip() + "' is not " + rule);
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
        return problem.getReadOnlyProperty();
    }

    private static Double parse(String text) {
        try {
            return Double.parseDouble(text.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}

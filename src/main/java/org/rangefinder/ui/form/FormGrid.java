package org.rangefinder.ui.form;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import javafx.beans.property.Property;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.util.StringConverter;

/**
 * A two-column form: a label, then its control. Text fields are bound both ways to a view model's text property,
 * and flagged (style class {@code invalid}, the field's problem as tooltip) while the view model names them among the
 * fields at fault.
 */
public final class FormGrid extends GridPane {
    /** The narrowest the labels' column gets, its labels wrapped: the longest word, "Momentum". */
    private static final double LABELS_MIN_WIDTH = 86;
    /**
     * The narrowest the controls' column gets, before the labels wrap: room for "nesterov" in a choice, and for the
     * label column's hint, "last column", in a text field.
     */
    private static final double CONTROLS_WIDTH = 106;
    private final ObservableValue<? extends Map<? extends FormField, String>> problems;
    private int rows;

    /** @param problems the fields at fault, each with its problem, as the view model finds them */
    public FormGrid(ObservableValue<? extends Map<? extends FormField, String>> problems) {
        this.problems = problems;
        getStyleClass().add("form-grid");
        // the controls take the width the labels leave, down to CONTROLS_WIDTH; in a narrower panel the labels wrap
        // (a grid shrinks all its columns alike: the controls' column asks for no more than its minimum)
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(LABELS_MIN_WIDTH);
        ColumnConstraints controls = new ColumnConstraints();
        controls.setMinWidth(CONTROLS_WIDTH);
        controls.setPrefWidth(CONTROLS_WIDTH);
        controls.setHgrow(Priority.ALWAYS);
        controls.setFillWidth(true);
        getColumnConstraints().addAll(labels, controls);
    }

    /** A text field for {@code field}, bound both ways to {@code text}, with CSS id {@code id}. */
    public TextField text(FormField field, StringProperty text, String id) {
        TextField input = new TextField();
        input.setId(id);
        input.setPrefColumnCount(8);
        input.textProperty().bindBidirectional(text);
        flagWhenInvalid(input, field);
        row(field.words().label(), input);
        return input;
    }

    /**
     * Marks {@code control} while the view model names {@code field} among the fields at fault, its problem as the
     * tooltip meanwhile; the control's own tooltip, if it has one, is back once the problem is gone.
     */
    public void flagWhenInvalid(Node control, FormField field) {
        Tooltip[] own = {null};
        Tooltip[] flagged = {null};
        Runnable update = () -> {
            String problem = problems.getValue() == null ? null : problems.getValue().get(field);
            control.getStyleClass().remove("invalid");
            if (problem != null) {
                control.getStyleClass().add("invalid");
            }
            if (control instanceof Control c) {
                if (c.getTooltip() != flagged[0]) {
                    own[0] = c.getTooltip(); // set since: the control's own
                }
                flagged[0] = problem != null ? new Tooltip(problem) : null;
                c.setTooltip(flagged[0] != null ? flagged[0] : own[0]);
            }
        };
        problems.addListener(o -> update.run());
        update.run();
    }

    /** A row of a label and any control; returns the control. */
    public <T extends Node> T row(String label, T control) {
        Label l = new Label(label);
        l.setWrapText(true);
        l.setLabelFor(control);
        addRow(rows++, l, control);
        GridPane.setHgrow(control, Priority.ALWAYS);
        return control;
    }

    /**
     * Shows the rows of {@code controls}, each with its label, only while {@code shown} holds. Hidden rows take no
     * room when they are the grid's last: a hidden row among others still leaves its gap.
     */
    public void showWhen(ObservableValue<Boolean> shown, Node... controls) {
        for (Node control : controls) {
            for (Node n : getChildren()) {
                if (n == control || n instanceof Label l && l.getLabelFor() == control) {
                    n.visibleProperty().bind(shown);
                    n.managedProperty().bind(shown);
                }
            }
        }
    }

    /** A control spanning both columns. */
    public <T extends Node> T wide(T control) {
        add(control, 0, rows++, 2, 1);
        return control;
    }

    /** A check box spanning both columns, its state bound both ways to {@code model}. */
    public CheckBox check(String text, Property<Boolean> model, String id) {
        CheckBox box = new CheckBox(text);
        box.setId(id);
        // a narrow panel wraps a long label instead of cutting it off
        box.setWrapText(true);
        box.selectedProperty().bindBidirectional(model);
        return wide(box);
    }

    /**
     * A row with a choice box of {@code items}, shown by {@code text}, its value bound both ways to {@code model}.
     */
    public <T> ChoiceBox<T> choice(String label, List<T> items, Property<T> model, Function<T, String> text,
                                   String id) {
        ChoiceBox<T> box = new ChoiceBox<>(FXCollections.observableArrayList(items));
        box.setId(id);
        box.setMaxWidth(Double.MAX_VALUE);
        box.setConverter(new StringConverter<>() {
            @Override
            public String toString(T value) {
                return text.apply(value);
            }

            @Override
            public T fromString(String string) {
                throw new UnsupportedOperationException("choices are picked, not typed");
            }
        });
        box.setValue(model.getValue());
        box.valueProperty().bindBidirectional(model);
        return row(label, box);
    }
}

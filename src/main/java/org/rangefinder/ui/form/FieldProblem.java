package org.rangefinder.ui.form;

/**
 * Why a form cannot be submitted: the field at fault (null when the problem is not one field's) and a message for
 * the user, which names the field.
 */
public final class FieldProblem extends RuntimeException {
    private final transient FormField field;

    public FieldProblem(FormField field, String message) {
        super(message);
        this.field = field;
    }

    public FormField field() {
        return field;
    }
}

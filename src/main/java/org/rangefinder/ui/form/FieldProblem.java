package org.rangefinder.ui.form;

/**
 * Why a form cannot be submitted: the field at fault (null when the problem is not one field's), a message for the
 * user, which names the field, and whether the field's value is wrong on its own (text that is no number, a value out
 * of its own range) rather than against another field's or the data's.
 */
public final class FieldProblem extends RuntimeException {
    private final transient FormField field;
    private final boolean own;

    /** A problem that is not one field's value alone. */
    public FieldProblem(FormField field, String message) {
        this(field, message, false);
    }

    /** @param own whether the field's value is wrong on its own, whatever the other fields hold */
    public FieldProblem(FormField field, String message, boolean own) {
        super(message);
        this.field = field;
        this.own = own;
    }

    public FormField field() {
        return field;
    }

    /** Whether the field's value is wrong on its own, whatever the other fields hold. */
    public boolean own() {
        return own;
    }
}

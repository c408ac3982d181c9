package org.rangefinder.ui.form;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.rangefinder.SettingProblem;
import org.rangefinder.UserInputException;

/**
 * Reads the text of form fields, and turns the engine's refusals into {@link FieldProblem}s at the field of the
 * setting they refuse. The rules themselves are the engine's: a form builds the engine's configuration objects and
 * lets their constructors decide.
 */
public final class FieldText {

    private FieldText() {
    }

    public static double decimal(FormField field, String text) {
        try {
            return Double.parseDouble(text.strip());
        } catch (NumberFormatException e) {
            throw notA(field, text, "number");
        }
    }

    public static int whole(FormField field, String text) {
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            throw notA(field, text, "whole number");
        }
    }

    public static long wholeLong(FormField field, String text) {
        try {
            return Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            throw notA(field, text, "whole number");
        }
    }

    /**
     * A comma-separated list of whole numbers, e.g. {@code 128, 64}; an empty item anywhere ({@code 128,},
     * {@code ,128}, {@code 64,,32}) is refused as text that is no number, a trailing one too.
     */
    public static List<Integer> wholes(FormField field, String text) {
        List<Integer> values = new ArrayList<>();
        for (String part : text.split(",", -1)) {
            values.add(whole(field, part));
        }
        return values;
    }

    /**
     * Calls {@code build}; an engine refusal becomes a problem of the form of {@code fields}, as {@link #problem}
     * words it.
     */
    public static <T, F extends FormField> T check(F[] fields, Supplier<T> build) {
        try {
            return build.get();
        } catch (UserInputException e) {
            throw problem(fields, e, null);
        }
    }

    /**
     * An engine refusal as a problem of the form of {@code fields}: a {@link SettingProblem} at the field that edits
     * its setting, every setting it mentions named as the form names it ({@code Batch size must be at least 1, got 0}),
     * the field's own problem where it names no other setting; one of a setting no field edits, and any other refusal
     * as it is, at {@code otherwise} (null: at no field).
     */
    public static <F extends FormField> FieldProblem problem(F[] fields, UserInputException e, F otherwise) {
        if (e instanceof SettingProblem p) {
            F field = FormField.editing(fields, p.setting());
            return new FieldProblem(field != null ? field : otherwise, p.message(s -> FormField.name(fields, s)),
                    field != null && p.others().isEmpty());
        }
        return new FieldProblem(otherwise, e.getMessage());
    }

    /** How a number is first shown in a field: {@code 1e-7}, {@code 0.98}, {@code 10}. */
    public static String of(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        String s = Double.toString(value);
        int e = s.indexOf('E');
        if (e < 0) {
            return s;
        }
        String mantissa = s.substring(0, e);
        if (mantissa.endsWith(".0")) {
            mantissa = mantissa.substring(0, mantissa.length() - 2);
        }
        return mantissa + "e" + s.substring(e + 1);
    }

    private static FieldProblem notA(FormField field, String text, String what) {
        return new FieldProblem(field, field.words().label() + ": '" + text.strip() + "' is not a " + what, true);
    }
}

package org.rangefinder.ui.form;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.rangefinder.UserInputException;

/**
 * Reads the text of form fields, and turns the engine's refusals into {@link FieldProblem}s at the right field.
 * The rules themselves are the engine's: a form builds the engine's configuration objects and lets their
 * constructors decide.
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

    /** A comma-separated list of whole numbers, e.g. {@code 128, 64}. */
    public static List<Integer> wholes(FormField field, String text) {
        List<Integer> values = new ArrayList<>();
        for (String part : text.split(",")) {
            values.add(whole(field, part));
        }
        return values;
    }

    /**
     * Calls {@code build}; an engine refusal becomes a problem at the field it names (among {@code fields}), with
     * the field's label in front of the engine's words.
     */
    public static <T, F extends FormField> T check(F[] fields, Supplier<T> build) {
        try {
            return build.get();
        } catch (UserInputException e) {
            F field = FormField.named(fields, e.getMessage());
            throw new FieldProblem(field, field == null ? e.getMessage() : field.words().label() + ": " + e.getMessage());
        }
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
        return new FieldProblem(field, field.words().label() + ": '" + text.strip() + "' is not a " + what);
    }
}

package org.rangefinder.ui.form;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.rangefinder.Setting;
import org.rangefinder.SettingProblem;

/**
 * A field of a form. Besides its label, it knows the engine {@link Setting}s it edits and what the form calls each,
 * so that an engine refusal ({@link SettingProblem}) is shown at the field of the setting it refuses, in the form's
 * words.
 */
public interface FormField {

    /** Its label and the settings it edits; an enum of fields keeps one per constant. */
    Words words();

    /** Of {@code fields}, the one that edits {@code setting}; null when none does. */
    static <F extends FormField> F editing(F[] fields, Setting setting) {
        return Arrays.stream(fields).filter(f -> f.words().names().containsKey(setting)).findFirst().orElse(null);
    }

    /**
     * What the form of {@code fields} calls {@code setting}: the name its field gives it; one no field of the form
     * edits, by its plain name, capitalised as a label is ({@code Total steps}).
     */
    static String name(FormField[] fields, Setting setting) {
        FormField field = editing(fields, setting);
        if (field != null) {
            return field.words().names().get(setting);
        }
        String plain = setting.plainName();
        return plain.substring(0, 1).toUpperCase(Locale.ROOT) + plain.substring(1);
    }

    /**
     * What a field is called: the label the form shows, and the settings it edits, each with the name the form's
     * messages give it. One record for what every form's fields hold, as an enum of fields can share no state of its
     * own.
     */
    record Words(String label, Map<Setting, String> names) {

        public Words {
            names = Map.copyOf(names);
        }

        /**
         * A field that edits {@code settings} (most edit one; the seed, which nothing refuses, none), each called by
         * the field's label.
         */
        public Words(String label, Setting... settings) {
            this(label, Arrays.stream(settings).collect(Collectors.toMap(Function.identity(), s -> label)));
        }
    }
}

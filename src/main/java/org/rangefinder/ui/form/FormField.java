package org.rangefinder.ui.form;

import java.util.List;

/**
 * A field of a form. Besides its label, it knows the words by which the engine's validation names the setting
 * (the CLI option, or a model spec key), so that an engine message can be shown at the field it is about.
 */
public interface FormField {

    /** Its label and the engine's words for it; an enum of fields keeps one per constant. */
    Words words();

    /** Of {@code fields}, the one whose key appears earliest in {@code message}; null when none does. */
    static <F extends FormField> F named(F[] fields, String message) {
        F found = null;
        int at = Integer.MAX_VALUE;
        for (F f : fields) {
            for (String key : f.words().keys()) {
                int i = message.indexOf(key);
                if (i >= 0 && i < at) {
                    at = i;
                    found = f;
                }
            }
        }
        return found;
    }

    /**
     * What a field is called: the label the form shows, and the words an engine message names it by. One record
     * for what every form's fields hold, as an enum of fields can share no state of its own.
     */
    record Words(String label, List<String> keys) {

        public Words {
            keys = List.copyOf(keys);
        }

        public Words(String label, String... keys) {
            this(label, List.of(keys));
        }
    }
}

package org.rangefinder.ui.form;

import java.util.List;

/**
 * A field of a form. Besides its label, it knows the words by which the engine's validation names the setting
 * (the CLI option, or a model spec key), so that an engine message can be shown at the field it is about.
 */
public interface FormField {

    String label();

    List<String> keys();

    /** Of {@code fields}, the one whose key appears earliest in {@code message}; null when none does. */
    static <F extends FormField> F named(F[] fields, String message) {
        F found = null;
        int at = Integer.MAX_VALUE;
        for (F f : fields) {
            for (String key : f.keys()) {
                int i = message.indexOf(key);
                if (i >= 0 && i < at) {
                    at = i;
                    found = f;
                }
            }
        }
        return found;
    }
}

package org.rangefinder.ui.form;

import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.property.StringProperty;

/**
 * The text fields of a form: each field's text property in the view model, and the text it first held (the form's
 * default). A form's check reads the fields' texts through a function, {@link #typed} for the texts as they stand;
 * {@link #problems} runs it again with the fields found at fault put back to their defaults, so that every field whose
 * own value is refused is flagged at once, not one at a time as each is fixed. The rules stay the engine's: the check
 * is the one the form runs anyway.
 */
public final class FormTexts<F extends Enum<F> & FormField> {
    private final Class<F> type;
    private final Map<F, StringProperty> texts;
    private final Map<F, String> defaults;

    /** The fields with the properties their texts are bound to, as they stand now: their defaults. */
    public FormTexts(Class<F> type, Map<F, StringProperty> texts) {
        this.type = type;
        this.texts = new EnumMap<>(texts);
        this.defaults = new EnumMap<>(type);
        texts.forEach((field, text) -> defaults.put(field, text.get()));
    }

    /** The text of {@code field} as typed. */
    public String typed(F field) {
        return texts.get(field).get();
    }

    /** The text properties, for the form to follow their changes. */
    public Collection<StringProperty> properties() {
        return Collections.unmodifiableCollection(texts.values());
    }

    /**
     * Every field at fault and its problem, in the order found, {@code first}'s first; empty for none. After a
     * problem at a text field the check runs again with that field at its default, to find the next; it stops at a
     * problem at no field, at a field that is no text (a choice), at a field found before, and at a problem that is
     * not a field's own (a rule between fields, which a default put in may have broken), which only {@code first} may
     * be.
     *
     * @param first the problem the check found with the texts as typed; null when it found none
     * @param check the form's check: reads each field's text through the function it is given and throws the first
     *              {@link FieldProblem} it finds; it is run again, and must change nothing
     */
    public Map<F, String> problems(FieldProblem first, Consumer<Function<F, String>> check) {
        Map<F, String> found = new LinkedHashMap<>();
        FieldProblem p = first;
        while (p != null && p.field() != null && (p == first || p.own())) {
            F field = type.cast(p.field());
            if (found.containsKey(field)) {
                break;
            }
            found.put(field, p.getMessage());
            if (!texts.containsKey(field)) {
                break;
            }
            p = null;
            try {
                check.accept(f -> found.containsKey(f) && texts.containsKey(f) ? defaults.get(f) : typed(f));
            } catch (FieldProblem next) {
                p = next;
            }
        }
        return Collections.unmodifiableMap(found);
    }
}

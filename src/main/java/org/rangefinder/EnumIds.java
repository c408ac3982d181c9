package org.rangefinder;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The lower-case names by which enum constants appear on the command line and in files ({@code exp}, {@code cos},
 * {@code valley}, {@code weight-decay}), and the reverse look-up with a message naming the option and the accepted names.
 */
public final class EnumIds {

    private EnumIds() {
    }

    /** The constant's name in lower case with dashes for underscores: {@code NON_FINITE} is {@code non-finite}. */
    public static String id(Enum<?> constant) {
        return constant.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /**
     * The constant whose id is {@code text} (any case, surrounding blanks ignored).
     *
     * @param what the option or field named in the message, e.g. {@code --sweep factor}
     * @throws UserInputException when no constant has that id
     */
    public static <E extends Enum<E>> E parse(Class<E> type, String text, String what) {
        E found = find(type, text);
        if (found == null) {
            throw new UserInputException(what + " " + notOneOf(type, text));
        }
        return found;
    }

    /**
     * The constant whose id is {@code text}, as {@link #parse(Class, String, String)}, for the value of a setting.
     *
     * @throws SettingProblem when no constant has that id
     */
    public static <E extends Enum<E>> E parse(Class<E> type, String text, Setting setting) {
        E found = find(type, text);
        if (found == null) {
            throw new SettingProblem(setting, "%s", notOneOf(type, text));
        }
        return found;
    }

    /** The constant whose id is {@code text} (any case, surrounding blanks ignored); null when none has it. */
    public static <E extends Enum<E>> E find(Class<E> type, String text) {
        String wanted = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        for (E constant : type.getEnumConstants()) {
            if (id(constant).equals(wanted)) {
                return constant;
            }
        }
        return null;
    }

    /** {@code must be one of 'exp', 'linear', got 'x'}. */
    private static String notOneOf(Class<? extends Enum<?>> type, String text) {
        String accepted = Arrays.stream(type.getEnumConstants()).map(c -> "'" + id(c) + "'")
                .collect(Collectors.joining(", "));
        return "must be one of " + accepted + ", got '" + text + "'";
    }
}

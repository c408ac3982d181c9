package org.rangefinder;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;

/**
 * A refused value of a {@link Setting}: the setting, and what is wrong with it, worded so that each face can name
 * every setting the words mention its own way. The words are a {@link String#format} pattern whose arguments may be
 * settings, put in by name: {@code new SettingProblem(MIN_LR, "must be below %s, got %s", MAX_LR, 0.1)} reads
 * {@code --min-lr must be below --max-lr, got 0.1} on the command line ({@link #getMessage()}) and
 * {@code Min LR must be below Max LR, got 0.1} in a window that labels them so ({@link #message}). A refusal of
 * another setting among the arguments (a member of a sweep) is worded in the same names.
 */
public final class SettingProblem extends UserInputException {
    private final Setting setting;
    private final boolean named;
    private final String pattern;
    private final transient Object[] args;

    /**
     * The setting's name, then {@code problem}: {@code --batch-size must be at least 1, got 0}.
     *
     * @param problem a format pattern for {@code args}; anything the user typed goes in as an argument, not into it
     */
    public SettingProblem(Setting setting, String problem, Object... args) {
        this(setting, true, problem, args);
    }

    private SettingProblem(Setting setting, boolean named, String pattern, Object[] args) {
        super(render(setting, named, pattern, args, Setting::cliName));
        this.setting = setting;
        this.named = named;
        this.pattern = pattern;
        this.args = args.clone();
    }

    /**
     * A refusal of {@code setting} worded by {@code message} alone, which need not begin with its name: the file a
     * label column was not found in ({@code data.csv: label column 'foo' is not in the header line}), a model spec's
     * field in the spec's own terms. Only the settings among {@code args} are named by the face.
     */
    public static SettingProblem worded(Setting setting, String message, Object... args) {
        return new SettingProblem(setting, false, message, args);
    }

    /** The setting refused. */
    public Setting setting() {
        return setting;
    }

    /**
     * The settings besides its own that its words name: those a rule between settings weighs it against (an end LR
     * at or below {@code --start-lr}); empty where the value is refused on its own (outside its own range). The
     * settings a refusal among the arguments names (a member of a sweep) are not counted.
     */
    public Set<Setting> others() {
        Set<Setting> others = EnumSet.noneOf(Setting.class);
        for (Object a : args) {
            if (a instanceof Setting s && s != setting) {
                others.add(s);
            }
        }
        return others;
    }

    /**
     * The message with each setting it mentions named by {@code name}; {@link #getMessage()} names them as the command
     * line does.
     */
    public String message(Function<Setting, String> name) {
        return render(setting, named, pattern, args, name);
    }

    /**
     * What is wrong, without the refused setting's name in front ({@code must be at least 1, got 0}), the settings it
     * mentions named by {@code name}; null for a refusal {@linkplain #worded worded} by its message alone.
     */
    public String problem(Function<Setting, String> name) {
        return named ? render(setting, false, pattern, args, name) : null;
    }

    private static String render(Setting setting, boolean named, String pattern, Object[] args,
                                 Function<Setting, String> name) {
        Object[] shown = Arrays.stream(args).map(a -> a instanceof Setting s ? name.apply(s)
                : a instanceof SettingProblem p ? p.message(name)
                : a instanceof Throwable t ? t.getMessage() : a).toArray();
        String problem = String.format(Locale.ROOT, pattern, shown);
        return named ? name.apply(setting) + " " + problem : problem;
    }
}

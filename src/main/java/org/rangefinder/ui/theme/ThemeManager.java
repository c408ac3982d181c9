package org.rangefinder.ui.theme;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javafx.application.Application;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ObservableList;
import javafx.css.CssParser;
import javafx.css.PseudoClass;
import javafx.scene.Scene;
import org.rangefinder.UserInputException;
import org.rangefinder.files.StrictJson;

/**
 * The themes of the window and the switch between them at run time. The themes live in the top-level
 * {@code themes/} folder: {@code app.css} (shared styles, chart styles included), {@code light.css} and
 * {@code dark.css} (the palettes of the built-in Light and Dark themes, over AtlantaFX Primer Light and Primer
 * Dark). Any other {@code .css} file a user drops there is a theme of its own, named by its file name and layered
 * over Light, or over Dark when its name contains "dark"; the folder is read again each time the list is asked
 * for. Those three files are the built-in themes only in a folder that holds all three (the project's own, or a copy
 * of it), each over the copy packaged in the jar where the two differ, so that a copy of an older version's themes
 * takes what it lacks from the packaged ones; elsewhere the built-in themes are the copies packaged in the jar, and a
 * {@code light.css} a user drops in a folder of their own themes is a theme of theirs like any other, not one that
 * replaces Light without a palette.
 *
 * <p>A theme is checked before it is applied: each of its files in the folder must be a UTF-8 text file that
 * JavaFX's CSS parser reads without an error. JavaFX itself only logs what it cannot read or parse (a log the window
 * keeps quiet, see {@code WorkbenchLauncher}) and goes on without it: the theme chosen looked like Light.
 *
 * <p>Switching sets the user-agent stylesheet, which is global to the application, and the scene's stylesheets,
 * and toggles the pseudo-class {@code :dark} on the scene's root for the CSS that wants it.
 */
public final class ThemeManager {
    public static final String LIGHT = "Light";
    public static final String DARK = "Dark";
    /** The folder of themes, when it is not {@code themes/} in the working directory or beside the jar. */
    public static final String FOLDER_PROPERTY = "rangefinder.themes";

    private static final PseudoClass DARK_CLASS = PseudoClass.getPseudoClass("dark");
    private static final List<String> BUILT_IN_FILES = List.of("app.css", "light.css", "dark.css");
    private static final String CSS = ".css";
    /** The largest theme file read: far more than a stylesheet needs. */
    private static final long MAX_BYTES = 1 << 20;
    /** Where a CSS parser's message says it found the error: {@code ... at [line,column]}, both -1 at the end. */
    private static final Pattern AT = Pattern.compile("(.*) at \\[(-?\\d+),(-?\\d+)]");

    private final Path folder;
    private final ReadOnlyObjectWrapper<Theme> current = new ReadOnlyObjectWrapper<>(this, "current");
    private BiConsumer<Theme, String> onProblem = (theme, problem) -> System.err.println("rangefinder: " + problem);

    /** @param folder the themes folder; null to use the packaged copies of the built-in themes only */
    public ThemeManager(Path folder) {
        this.folder = folder == null ? null : folder.toAbsolutePath().normalize();
    }

    /**
     * The themes folder, never null: the system property; else {@code themes/} in the working directory when it is a
     * folder, whether it holds the built-in files or a user's themes alone; else {@code themes/} beside the jar or one
     * folder up (where the project's own is) when it holds the built-in files; else {@code themes/} in the working
     * directory, where a user's theme goes though the folder is not there yet.
     */
    public static Path locateFolder() {
        String configured = System.getProperty(FOLDER_PROPERTY);
        if (configured != null) {
            return Path.of(configured);
        }
        List<Path> besideCode = new ArrayList<>();
        try {
            Path code = Path.of(ThemeManager.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path dir = Files.isDirectory(code) ? code : code.getParent();
            besideCode.add(dir.resolve("themes"));
            if (dir.getParent() != null) {
                besideCode.add(dir.getParent().resolve("themes"));
            }
        } catch (URISyntaxException | SecurityException | NullPointerException e) {
            // no code source to look beside: the working directory remains
        }
        return locateFolder(Path.of("themes"), besideCode);
    }

    /**
     * The themes folder of {@link #locateFolder()}, given {@code themes/} in the working directory and the folders
     * beside the code, in order. A user's theme dropped in a {@code themes/} folder of the working directory without
     * the built-in files was not offered: only a folder with {@code app.css} was taken, and the one beside the jar
     * was.
     */
    static Path locateFolder(Path working, List<Path> besideCode) {
        if (Files.isDirectory(working)) {
            return working.toAbsolutePath().normalize();
        }
        return besideCode.stream().filter(ThemeManager::holdsBuiltIns).findFirst().orElse(working)
                .toAbsolutePath().normalize();
    }

    /** Whether {@code folder} holds the three files of the built-in themes: the project's themes folder or a copy. */
    static boolean holdsBuiltIns(Path folder) {
        return folder != null && BUILT_IN_FILES.stream().allMatch(f -> Files.isRegularFile(folder.resolve(f)));
    }

    /** The folder read for themes; null when only the packaged copies of the built-in themes are used. */
    public Path folder() {
        return folder;
    }

    /**
     * Light, Dark, then the users' themes in the folder, by file name: every file whose name ends in {@code .css}, in
     * any case, but the built-in files of a folder that holds them all, files whose name starts with a dot (an editor's
     * lock or backup, macOS's {@code ._dark.css}) and what is no regular file. A user's theme is labelled by its file
     * name ({@code my_theme.css}: "My theme"), with the file name added where two themes would read alike, case aside
     * ({@code my-theme.css} beside it: "My theme (my_theme.css)"; {@code Dark.css}: "Dark (Dark.css)").
     */
    public List<Theme> available() {
        boolean here = holdsBuiltIns(folder);
        List<Theme> themes = new ArrayList<>();
        // read once for all the themes layered over them: the folder's copies are compared with the packaged ones
        List<String> light = builtIn("light.css", here);
        List<String> darkTheme = builtIn("dark.css", here);
        themes.add(new Theme(LIGHT, LIGHT, false, light));
        themes.add(new Theme(DARK, DARK, true, darkTheme));
        List<Path> files = new ArrayList<>();
        if (folder != null && Files.isDirectory(folder)) {
            try (Stream<Path> listed = Files.list(folder)) {
                listed.filter(f -> isUserTheme(f, here)).sorted().forEach(files::add);
            } catch (IOException e) {
                // an unreadable folder offers the built-in themes only
            }
        }
        Map<String, Long> alike = Stream.concat(themes.stream().map(Theme::label),
                files.stream().map(ThemeManager::label))
                .collect(Collectors.groupingBy(l -> l.toLowerCase(Locale.ROOT), Collectors.counting()));
        for (Path file : files) {
            String name = file.getFileName().toString();
            String label = label(file);
            boolean dark = name.toLowerCase(Locale.ROOT).contains("dark");
            List<String> stylesheets = new ArrayList<>(dark ? darkTheme : light);
            stylesheets.add(file.toUri().toString());
            themes.add(new Theme(name, alike.get(label.toLowerCase(Locale.ROOT)) > 1 ? label + " (" + name + ")"
                    : label, dark, stylesheets));
        }
        return themes;
    }

    private static boolean isUserTheme(Path file, boolean builtInsHere) {
        String name = file.getFileName().toString();
        return name.toLowerCase(Locale.ROOT).endsWith(CSS) && !name.startsWith(".")
                && !(builtInsHere && BUILT_IN_FILES.contains(name)) && Files.isRegularFile(file);
    }

    /** A user's theme's file name as a label: no {@code .css}, dashes and underscores as spaces, a capital first. */
    private static String label(Path file) {
        String base = file.getFileName().toString();
        String label = base.substring(0, base.length() - CSS.length()).replace('-', ' ').replace('_', ' ');
        return label.isBlank() ? base : Character.toUpperCase(label.charAt(0)) + label.substring(1);
    }

    /**
     * The theme of that name, or Light when there is none. A name the settings remembered before themes were named by
     * their file is a user's theme's label ("Solarized dark"): it finds the theme so labelled.
     */
    public Theme named(String name) {
        List<Theme> themes = available();
        return themes.stream().filter(t -> t.name().equals(name)).findFirst()
                .or(() -> themes.stream().filter(t -> t.label().equals(name)).findFirst())
                .orElse(themes.get(0));
    }

    /**
     * Who is told when a theme cannot be applied ({@link #apply}): the theme and why, the file named; by default a
     * line on stderr.
     */
    public void setOnProblem(BiConsumer<Theme, String> onProblem) {
        this.onProblem = onProblem;
    }

    /**
     * Why {@code theme} cannot be used, or null when it can: the first of its files in the folder that cannot be read
     * ({@code /x/themes/ocean.css: cannot read (permission denied)}), is no UTF-8 text, or holds CSS that JavaFX's
     * parser refuses ({@code /x/themes/ocean.css: line 3, column 16: Invalid color specification while parsing
     * '-rf-run-0'}). FX thread: the parser's errors come in a list of JavaFX's own, global to the application, which
     * this empties before and after it reads.
     */
    public String problem(Theme theme) {
        for (String css : theme.stylesheets()) {
            if (css.startsWith("file:")) {
                String problem = problem(Path.of(URI.create(css)));
                if (problem != null) {
                    return problem;
                }
            }
        }
        return null;
    }

    private static String problem(Path file) {
        String text;
        try {
            text = StrictJson.readUtf8(file, MAX_BYTES, "theme");
        } catch (UserInputException e) {
            return e.getMessage();
        } catch (NoSuchFileException e) {
            return file + ": no such file";
        } catch (CharacterCodingException e) {
            return file + ": not a UTF-8 text file";
        } catch (IOException e) {
            return StrictJson.cannotRead(file, e).getMessage();
        }
        ObservableList<CssParser.ParseError> errors = CssParser.errorsProperty();
        List<CssParser.ParseError> found;
        errors.clear();
        try {
            new CssParser().parse(file.toUri().toString(), text);
        } catch (IOException e) {
            // the parser reads the text from memory: not expected
            return file + ": cannot parse (" + e.getMessage() + ")";
        } finally {
            found = List.copyOf(errors);
            errors.clear();
        }
        // the parser may say it twice, once with where it was and once with its token's insides: the first saying where
        for (CssParser.ParseError error : found) {
            Matcher at = AT.matcher(error.getMessage());
            if (at.matches()) {
                String where = at.group(2).equals("-1") ? "at the end"
                        : "line " + at.group(2) + ", column " + (Integer.parseInt(at.group(3)) + 1);
                return file + ": " + where + ": " + at.group(1);
            }
        }
        return found.isEmpty() ? null : file + ": " + found.get(0).getMessage();
    }

    /**
     * Applies a theme to the application and the scene; FX thread. A theme with a {@link #problem} is not applied: the
     * one applied before stays (Light where there is none yet: a remembered theme broken since the last launch), and
     * the listener of {@link #setOnProblem} is told, after.
     *
     * @return whether {@code theme} was applied
     */
    public boolean apply(Theme theme, Scene scene) {
        String problem = problem(theme);
        if (problem != null) {
            if (current.get() == null && !theme.name().equals(LIGHT)) {
                apply(named(LIGHT), scene);
            }
            onProblem.accept(theme, problem);
            return false;
        }
        Application.setUserAgentStylesheet(theme.dark() ? new PrimerDark().getUserAgentStylesheet()
                : new PrimerLight().getUserAgentStylesheet());
        scene.getStylesheets().setAll(theme.stylesheets().stream().filter(s -> s != null).toList());
        if (scene.getRoot() != null) {
            scene.getRoot().pseudoClassStateChanged(DARK_CLASS, theme.dark());
        }
        current.set(theme);
        return true;
    }

    public ReadOnlyObjectProperty<Theme> currentProperty() {
        return current.getReadOnlyProperty();
    }

    /** The stylesheets of a built-in theme: {@code app.css}'s, then those of its palette ({@link #css}). */
    private List<String> builtIn(String palette, boolean builtInsHere) {
        List<String> stylesheets = new ArrayList<>(css("app.css", builtInsHere));
        stylesheets.addAll(css(palette, builtInsHere));
        return stylesheets;
    }

    /**
     * A built-in CSS file: the copy packaged in the jar (none if there is none), and over it the folder's when it holds
     * all the built-in files ({@code builtInsHere}), or the folder's alone where the two are the same. So a copy of an
     * older version's themes, which lacks what the code needs now (the shades of a family's members,
     * {@code -rf-family-start} and the others, the run colour {@code -rf-run-base} they are defined in), takes that
     * from the packaged one, and the colours it sets still win.
     */
    private List<String> css(String file, boolean builtInsHere) {
        URL packaged = ThemeManager.class.getResource("/themes/" + file);
        List<String> stylesheets = new ArrayList<>();
        if (packaged != null && !(builtInsHere && same(packaged, folder.resolve(file)))) {
            stylesheets.add(packaged.toExternalForm());
        }
        if (builtInsHere) {
            stylesheets.add(folder.resolve(file).toUri().toString());
        }
        return stylesheets;
    }

    /** Whether {@code file} holds the bytes of {@code packaged}; not when either cannot be read. */
    private static boolean same(URL packaged, Path file) {
        try (InputStream in = packaged.openStream()) {
            byte[] bytes = in.readAllBytes();
            return Files.size(file) == bytes.length && Arrays.equals(Files.readAllBytes(file), bytes);
        } catch (IOException e) {
            return false;
        }
    }
}

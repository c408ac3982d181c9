package org.rangefinder.ui.theme;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import javafx.application.Application;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.css.PseudoClass;
import javafx.scene.Scene;

/**
 * The themes of the window and the switch between them at run time. The themes live in the top-level
 * {@code themes/} folder: {@code app.css} (shared styles, chart styles included), {@code light.css} and
 * {@code dark.css} (the palettes of the built-in Light and Dark themes, over AtlantaFX Primer Light and Primer
 * Dark). Any other {@code .css} file a user drops there is a theme of its own, listed by its file name and layered
 * over Light, or over Dark when its name contains "dark"; the folder is read again each time the list is asked
 * for. The built-in files the folder lacks (all of them in a folder of a user's themes alone) are the copies packaged
 * in the jar.
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

    private final Path folder;
    private final ReadOnlyObjectWrapper<Theme> current = new ReadOnlyObjectWrapper<>(this, "current");

    /** @param folder the themes folder; null to use the packaged copies of the built-in themes only */
    public ThemeManager(Path folder) {
        this.folder = folder == null ? null : folder.toAbsolutePath().normalize();
    }

    /**
     * The themes folder, never null: the system property; else {@code themes/} in the working directory when it is a
     * folder, whether it holds the built-in files or a user's themes alone; else {@code themes/} beside the jar or one
     * folder up (where the project's own is) when it holds {@code app.css}; else {@code themes/} in the working
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
        return besideCode.stream().filter(p -> Files.isRegularFile(p.resolve("app.css"))).findFirst().orElse(working)
                .toAbsolutePath().normalize();
    }

    /** The folder read for themes; null when only the packaged copies of the built-in themes are used. */
    public Path folder() {
        return folder;
    }

    /** Light, Dark, then the users' themes in the folder, by name. */
    public List<Theme> available() {
        List<Theme> themes = new ArrayList<>();
        themes.add(new Theme(LIGHT, false, List.of(css("app.css"), css("light.css"))));
        themes.add(new Theme(DARK, true, List.of(css("app.css"), css("dark.css"))));
        if (folder != null && Files.isDirectory(folder)) {
            try (Stream<Path> files = Files.list(folder)) {
                files.filter(f -> f.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".css"))
                        .filter(f -> !BUILT_IN_FILES.contains(f.getFileName().toString()))
                        .sorted()
                        .forEach(f -> themes.add(userTheme(f)));
            } catch (IOException e) {
                // an unreadable folder offers the built-in themes only
            }
        }
        return themes;
    }

    private Theme userTheme(Path file) {
        String base = file.getFileName().toString();
        String name = base.substring(0, base.length() - ".css".length()).replace('-', ' ').replace('_', ' ');
        name = name.isEmpty() ? base : Character.toUpperCase(name.charAt(0)) + name.substring(1);
        boolean dark = base.toLowerCase(Locale.ROOT).contains("dark");
        return new Theme(name, dark, List.of(css("app.css"), css(dark ? "dark.css" : "light.css"),
                file.toUri().toString()));
    }

    /** The theme named {@code name}, or Light when there is none by that name. */
    public Theme named(String name) {
        List<Theme> themes = available();
        return themes.stream().filter(t -> t.name().equals(name)).findFirst().orElse(themes.get(0));
    }

    /** Applies a theme to the application and the scene; FX thread. */
    public void apply(Theme theme, Scene scene) {
        Application.setUserAgentStylesheet(theme.dark() ? new PrimerDark().getUserAgentStylesheet()
                : new PrimerLight().getUserAgentStylesheet());
        scene.getStylesheets().setAll(theme.stylesheets().stream().filter(s -> s != null).toList());
        if (scene.getRoot() != null) {
            scene.getRoot().pseudoClassStateChanged(DARK_CLASS, theme.dark());
        }
        current.set(theme);
    }

    public ReadOnlyObjectProperty<Theme> currentProperty() {
        return current.getReadOnlyProperty();
    }

    /** A built-in CSS file: from the folder when it has it, else the copy packaged in the jar (null if neither). */
    private String css(String file) {
        if (folder != null && Files.isRegularFile(folder.resolve(file))) {
            return folder.resolve(file).toUri().toString();
        }
        URL packaged = ThemeManager.class.getResource("/themes/" + file);
        return packaged == null ? null : packaged.toExternalForm();
    }
}

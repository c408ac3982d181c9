package org.rangefinder.ui.theme;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rangefinder.SystemProperty;

class ThemeManagerTest {
    @TempDir
    Path folder;

    @Test
    void offersLightDarkAndEveryOtherCssFileOfTheFolder() throws Exception {
        for (String css : new String[] {"app.css", "light.css", "dark.css"}) {
            Files.copy(Path.of("themes", css), folder.resolve(css));
        }
        Files.writeString(folder.resolve("high_contrast.css"), ".root {}");
        Files.writeString(folder.resolve("night-dark.css"), ".root {}");
        Files.writeString(folder.resolve("notes.txt"), "not a theme");
        ThemeManager themes = new ThemeManager(folder);
        assertThat(themes.available()).extracting(Theme::name)
                .containsExactly("Light", "Dark", "High contrast", "Night dark");
        Theme night = themes.named("Night dark");
        assertThat(night.dark()).isTrue();
        assertThat(night.stylesheets()).hasSize(3);
        assertThat(night.stylesheets().get(0)).endsWith("app.css");
        assertThat(night.stylesheets().get(1)).endsWith("dark.css");
        assertThat(night.stylesheets().get(2)).endsWith("night-dark.css");
        assertThat(themes.named("High contrast").dark()).isFalse();
        assertThat(themes.named("no such theme").name()).isEqualTo("Light");
    }

    @Test
    void withoutAFolderTheBuiltInThemesComeFromTheJar() {
        ThemeManager themes = new ThemeManager(null);
        assertThat(themes.available()).extracting(Theme::name).containsExactly("Light", "Dark");
        assertThat(themes.named("Dark").stylesheets()).allSatisfy(s -> assertThat(s).contains("themes/"));
    }

    @Test
    void theFolderCanBeNamedBySystemProperty() {
        try (SystemProperty p = SystemProperty.set(ThemeManager.FOLDER_PROPERTY, folder.toString())) {
            assertThat(ThemeManager.locateFolder()).isEqualTo(folder);
        }
    }

    /**
     * A themes/ folder in the working directory holding a user's theme alone is the folder read, though the one
     * beside the jar has the built-in files: its theme was not offered. The built-in files come from the jar.
     */
    @Test
    void aThemesFolderInTheWorkingDirectoryWithoutTheBuiltInFilesIsRead() throws Exception {
        Path working = Files.createDirectories(folder.resolve("work").resolve("themes"));
        Files.writeString(working.resolve("solarized-dark.css"), ".root {}");
        Path bundled = Files.createDirectories(folder.resolve("app").resolve("themes"));
        Files.copy(Path.of("themes", "app.css"), bundled.resolve("app.css"));
        assertThat(ThemeManager.locateFolder(working, List.of(bundled))).isEqualTo(working);
        ThemeManager themes = new ThemeManager(working);
        assertThat(themes.available()).extracting(Theme::name).containsExactly("Light", "Dark", "Solarized dark");
        assertThat(themes.named("Solarized dark").stylesheets()).hasSize(3).doesNotContainNull();
        assertThat(themes.named("Solarized dark").stylesheets().get(0)).doesNotContain(working.toString());

        Path none = folder.resolve("elsewhere").resolve("themes");
        assertThat(ThemeManager.locateFolder(none, List.of(folder.resolve("missing"), bundled))).isEqualTo(bundled);
        assertThat(ThemeManager.locateFolder(none, List.of(folder.resolve("missing"))))
                .as("where a theme would go, though not there yet").isEqualTo(none);
    }
}

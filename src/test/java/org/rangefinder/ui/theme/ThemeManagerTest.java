package org.rangefinder.ui.theme;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.layout.Pane;
import javafx.scene.paint.Color;
import javafx.scene.shape.Rectangle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rangefinder.SystemProperty;
import org.rangefinder.ui.chart.RunColors;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

class ThemeManagerTest {
    @TempDir
    Path folder;

    private void copyBuiltIns(Path to) throws Exception {
        for (String css : new String[] {"app.css", "light.css", "dark.css"}) {
            Files.copy(Path.of("themes", css), to.resolve(css));
        }
    }

    @Test
    void offersLightDarkAndEveryOtherCssFileOfTheFolder() throws Exception {
        copyBuiltIns(folder);
        Files.writeString(folder.resolve("high_contrast.css"), ".root {}");
        Files.writeString(folder.resolve("night-dark.css"), ".root {}");
        Files.writeString(folder.resolve("notes.txt"), "not a theme");
        ThemeManager themes = new ThemeManager(folder);
        assertThat(themes.available()).extracting(Theme::label)
                .containsExactly("Light", "Dark", "High contrast", "Night dark");
        assertThat(themes.available()).extracting(Theme::name)
                .containsExactly("Light", "Dark", "high_contrast.css", "night-dark.css");
        Theme night = themes.named("night-dark.css");
        assertThat(night.dark()).isTrue();
        assertThat(night.stylesheets()).containsExactly(folder.resolve("app.css").toUri().toString(),
                folder.resolve("dark.css").toUri().toString(), folder.resolve("night-dark.css").toUri().toString());
        assertThat(themes.named("Light").stylesheets()).containsExactly(folder.resolve("app.css").toUri().toString(),
                folder.resolve("light.css").toUri().toString());
        assertThat(themes.named("high_contrast.css").dark()).isFalse();
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
        copyBuiltIns(bundled);
        assertThat(ThemeManager.locateFolder(working, List.of(bundled))).isEqualTo(working);
        ThemeManager themes = new ThemeManager(working);
        assertThat(themes.available()).extracting(Theme::label).containsExactly("Light", "Dark", "Solarized dark");
        assertThat(themes.named("solarized-dark.css").stylesheets()).hasSize(3).doesNotContainNull();
        assertThat(themes.named("solarized-dark.css").stylesheets().get(0)).doesNotContain(working.toString());

        Path none = folder.resolve("elsewhere").resolve("themes");
        assertThat(ThemeManager.locateFolder(none, List.of(folder.resolve("missing"), bundled))).isEqualTo(bundled);
        assertThat(ThemeManager.locateFolder(none, List.of(folder.resolve("missing"))))
                .as("where a theme would go, though not there yet").isEqualTo(none);
    }

    /**
     * A light.css a user drops in a folder of their own themes is a theme of theirs, in the menu, over the built-in
     * Light and its palette: it replaced the built-in Light's palette without a word, every run colour undefined.
     * Likewise an app.css or dark.css in a folder without the other built-in files.
     */
    @Test
    void aFileNamedAsABuiltInOneInAFolderOfUsersThemesIsAThemeOfItsOwn() throws Exception {
        Files.writeString(folder.resolve("light.css"), ".root { -rf-marker: red; }");
        ThemeManager themes = new ThemeManager(folder);
        assertThat(themes.available()).extracting(Theme::label).containsExactly("Light", "Dark", "Light (light.css)");
        String mine = folder.resolve("light.css").toUri().toString();
        assertThat(themes.named("Light").stylesheets()).doesNotContain(mine)
                .allSatisfy(s -> assertThat(s).doesNotContain(folder.toString()));
        Theme theirs = themes.named("light.css");
        assertThat(theirs.stylesheets()).hasSize(3).endsWith(mine).doesNotContainNull();
        assertThat(theirs.stylesheets().get(1)).endsWith("themes/light.css").isNotEqualTo(mine);

        Files.writeString(folder.resolve("app.css"), ".root {}");
        Files.writeString(folder.resolve("dark.css"), ".root {}");
        Files.delete(folder.resolve("light.css"));
        assertThat(new ThemeManager(folder).available()).extracting(Theme::label)
                .containsExactly("Light", "Dark", "App", "Dark (dark.css)");
    }

    /**
     * Themes are named by their file, and labelled apart: Dark.css became a second "Dark", my-theme.css and
     * my_theme.css both "My theme", and the name remembered found the first of them. Dot-files (an editor's lock, macOS's
     * ._ files) and what is no regular file are no themes. A name remembered before, a label, still finds its theme.
     */
    @Test
    void everyThemeHasANameOfItsOwnAndALabelApart() throws Exception {
        Files.writeString(folder.resolve("Dark.css"), ".root {}");
        Files.writeString(folder.resolve("my-theme.css"), ".root {}");
        Files.writeString(folder.resolve("my_theme.css"), ".root { -rf-marker: red; }");
        Files.writeString(folder.resolve("solarized-dark.css"), ".root {}");
        Files.writeString(folder.resolve("._dark.css"), "\u0000\u0005");
        Files.createSymbolicLink(folder.resolve(".#solarized-dark.css"), Path.of("user@host.1234"));
        Files.createSymbolicLink(folder.resolve("gone.css"), folder.resolve("nowhere.css"));
        Files.createDirectory(folder.resolve("old.css"));
        ThemeManager themes = new ThemeManager(folder);
        assertThat(themes.available()).extracting(Theme::name).containsExactly("Light", "Dark", "Dark.css",
                "my-theme.css", "my_theme.css", "solarized-dark.css");
        assertThat(themes.available()).extracting(Theme::label).containsExactly("Light", "Dark", "Dark (Dark.css)",
                "My theme (my-theme.css)", "My theme (my_theme.css)", "Solarized dark");

        assertThat(themes.named("Dark").stylesheets()).hasSize(2);
        assertThat(themes.named("Dark.css").stylesheets().get(2)).endsWith("/Dark.css");
        assertThat(themes.named("my_theme.css").stylesheets().get(2)).endsWith("/my_theme.css");
        assertThat(themes.named("my-theme.css").stylesheets().get(2)).endsWith("/my-theme.css");
        assertThat(themes.named("Light").name()).isEqualTo("Light");
        assertThat(themes.named("Solarized dark").name()).as("a label remembered before").isEqualTo(
                "solarized-dark.css");
    }

    /**
     * A copy of an older version's built-in themes, whose palettes lack the shades of a family's members
     * ({@code -rf-family-start}, {@code -middle}, {@code -end}) and whose app.css lacks the run colour they are
     * defined in ({@code -rf-run-base}), was taken for the built-in themes alone: a sweep's members, shaded inline
     * between those shades, fell back to the default fill, black, without a word. The packaged built-in files lie under
     * the copy's, so what it lacks comes from them, and its own colours still win: a member resolves to the colour it
     * has with the packaged themes.
     */
    @Test
    void anOlderCopyOfTheBuiltInThemesStillShadesAFamilysMembers() throws Exception {
        FxToolkit.registerPrimaryStage();
        for (String css : new String[] {"app.css", "light.css", "dark.css"}) {
            String old = Files.readString(Path.of("themes", css))
                    .replaceAll("\\s*-rf-family-\\w+:[^;]*;", "")
                    .replaceAll("-rf-run-base: (-rf-run-\\d); -rf-run: -rf-run-base;", "-rf-run: $1;");
            assertThat(old).doesNotContain("-rf-family-start:", "-rf-run-base:");
            Files.writeString(folder.resolve(css), old);
        }
        Files.writeString(folder.resolve("light.css"), Files.readString(folder.resolve("light.css"))
                .replace("-rf-run-0: #1f77b4;", "-rf-run-0: #0000ff;"));
        ThemeManager old = new ThemeManager(folder);
        ThemeManager packaged = new ThemeManager(null);
        try {
            // Light last: the user-agent stylesheet is the application's, and a later test finds it as a window opens
            for (String theme : List.of(ThemeManager.DARK, ThemeManager.LIGHT)) {
                for (double shade : new double[] {RunColors.OWN, 0, 0.5, 1}) {
                    Color member = WaitForAsyncUtils.asyncFx(() -> runColour(old, theme, 1, shade)).get();
                    assertThat(member).as("%s, shade %s", theme, shade).isNotEqualTo(Color.BLACK)
                            .isEqualTo(WaitForAsyncUtils.asyncFx(() -> runColour(packaged, theme, 1, shade)).get());
                }
            }
            assertThat(WaitForAsyncUtils.asyncFx(() -> runColour(old, ThemeManager.LIGHT, 0, RunColors.OWN)).get())
                    .as("the copy's own colour").isEqualTo(Color.BLUE);
        } finally {
            WaitForAsyncUtils.asyncFx(() -> Application.setUserAgentStylesheet(null)).get();
        }
    }

    /** The fill that {@code theme} gives a swatch of run colour {@code k} in shade {@code shade}; FX thread. */
    private static Color runColour(ThemeManager themes, String theme, int k, double shade) {
        Rectangle swatch = new Rectangle(4, 4);
        RunColors.apply(swatch, "run-swatch", k, shade);
        Pane root = new Pane(swatch);
        assertThat(themes.apply(themes.named(theme), new Scene(root))).isTrue();
        root.applyCss();
        return (Color) swatch.getFill();
    }

    /**
     * A user's theme that cannot be read or parsed is refused with the file and the reason: JavaFX logs it (quietly,
     * in the window) and goes on without it, so the theme chosen looked like Light.
     */
    @Test
    void aThemeThatCannotBeReadOrParsedSaysWhy() throws Exception {
        Files.writeString(folder.resolve("good.css"), ".root {\n    -rf-run-0: #b58900;\n}\n");
        Files.writeString(folder.resolve("colour.css"), ".root {\n    -rf-marker: red;\n    -rf-run-0: #zzz;\n}\n");
        Files.writeString(folder.resolve("open.css"), ".root { -rf-run-0: #b58900;\n");
        Files.write(folder.resolve("latin1.css"), new byte[] {'.', 'a', ' ', '{', '}', ' ', '/', '*', (byte) 0xe9,
            '*', '/'});
        Files.writeString(folder.resolve("gone.css"), ".root {}");
        ThemeManager themes = new ThemeManager(folder);
        Theme gone = themes.named("gone.css");
        Files.delete(folder.resolve("gone.css"));

        assertThat(themes.problem(themes.named("good.css"))).isNull();
        assertThat(themes.problem(themes.named("Light"))).isNull();
        assertThat(themes.problem(themes.named("Dark"))).isNull();
        assertThat(themes.problem(themes.named("colour.css"))).isEqualTo(folder.resolve("colour.css")
                + ": line 3, column 16: Invalid color specification while parsing '-rf-run-0'");
        assertThat(themes.problem(themes.named("open.css")))
                .isEqualTo(folder.resolve("open.css") + ": at the end: Expected RBRACE");
        assertThat(themes.problem(themes.named("latin1.css")))
                .isEqualTo(folder.resolve("latin1.css") + ": not a UTF-8 text file");
        assertThat(themes.problem(gone)).isEqualTo(folder.resolve("gone.css") + ": no such file");
    }

    /**
     * A theme with a problem is not applied: the theme before stays, or Light where there was none (the window opening
     * on a theme remembered from the last launch and broken since), and the listener is told which and why.
     */
    @Test
    void aThemeWithAProblemIsNotAppliedAndTheListenerIsTold() throws Exception {
        FxToolkit.registerPrimaryStage();
        Files.writeString(folder.resolve("broken-dark.css"), ".root { -rf-run-0: #b58900;\n");
        ThemeManager themes = new ThemeManager(folder);
        List<String> told = new ArrayList<>();
        themes.setOnProblem((theme, problem) -> told.add(theme.name() + " | " + problem));
        Theme broken = themes.named("broken-dark.css");
        String problem = folder.resolve("broken-dark.css") + ": at the end: Expected RBRACE";
        Scene scene = WaitForAsyncUtils.asyncFx(() -> new Scene(new Pane())).get();
        try {
            assertThat(WaitForAsyncUtils.asyncFx(() -> themes.apply(broken, scene)).get()).isFalse();
            assertThat(themes.currentProperty().get().name()).isEqualTo("Light");
            assertThat(scene.getStylesheets()).containsExactlyElementsOf(themes.named("Light").stylesheets());
            assertThat(told).containsExactly("broken-dark.css | " + problem);

            assertThat(WaitForAsyncUtils.asyncFx(() -> themes.apply(themes.named("Dark"), scene)).get()).isTrue();
            assertThat(WaitForAsyncUtils.asyncFx(() -> themes.apply(broken, scene)).get()).isFalse();
            assertThat(themes.currentProperty().get().name()).isEqualTo("Dark");
            assertThat(scene.getStylesheets()).containsExactlyElementsOf(themes.named("Dark").stylesheets());
            assertThat(told).containsExactly("broken-dark.css | " + problem, "broken-dark.css | " + problem);
        } finally {
            WaitForAsyncUtils.asyncFx(() -> Application.setUserAgentStylesheet(null)).get();
        }
    }
}

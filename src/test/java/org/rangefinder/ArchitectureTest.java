package org.rangefinder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The package rules of the README's "Code layout", read from the sources: every name a file uses from another package
 * (its imports, and any fully qualified name in its code; comments and string literals do not count) is checked
 * against where the file lives.
 *
 * <p>Under {@code org.rangefinder} each package is a unit (with its subpackages: {@code ui.work} is {@code ui}), and
 * so is each class of the root package. The units form layers, and a unit uses only units of layers below its own:
 * <pre>
 * Main
 * cli, ui                                  the two faces
 * handoff
 * history, hyperparams, bench
 * rangetest, train
 * model
 * engine
 * data, schedule, files, optim             depend on nothing of the project but the root's classes
 * Counts, EnumIds, FileIdentity, Median, OneLine, RegularFiles, Setting, SettingProblem, UserInputException,
 *   Version
 * </pre>
 * Moving a package to another layer is a design decision: make it here, in the commit that needs it, and say why.
 * {@code RegularFiles} is in the root, below {@code data} and {@code files}, as both refuse a pipe or a device before
 * they open it, in the same words; {@code FileIdentity} too, as {@code data} compares an image folder with the folder
 * a run history writes in by the files their paths name, as the command line compares its outputs with its inputs.
 *
 * <p>One use breaks the layering, allowed for the one file and the names listed in {@link #ALLOWED}:
 * <ul>
 * <li>{@code cli/BenchCommand} runs the window's benchmark workloads ({@code bench --workload fx-session}) and prints
 * their frame gaps: it uses {@code ui.WindowBenchmark} and {@code ui.work.PulseMonitor}. They drive a window, so they
 * belong in {@code ui}; the command that starts them is an entry point, as the root's {@code Main} is when it opens
 * the window for no command. Nothing else of the command line knows the window.
 * </ul>
 * Beside the layers: nothing outside {@code ui} names JavaFX or the libraries built on it, in the sources or in their
 * tests (the engine, and its tests, run without a screen); and neither face names DL4J, ND4J or JavaCPP, which keeps
 * their calls in the engine, off the FX thread the window's code runs on.
 *
 * <p>The sources, not the compiled classes: javac copies a constant into the class that uses it, so a class file can
 * lose a use ({@code BenchCommand}'s {@code PulseMonitor.STUTTER_MS}), and a message can point at a source line.
 */
class ArchitectureTest {
    private static final Path SOURCES = Path.of("src", "main", "java", "org", "rangefinder");
    private static final Path TEST_SOURCES = Path.of("src", "test", "java", "org", "rangefinder");
    private static final List<Set<String>> LAYERS = List.of(
            Set.of("Counts", "EnumIds", "FileIdentity", "Median", "OneLine", "RegularFiles", "Setting",
                    "SettingProblem", "UserInputException", "Version"),
            Set.of("data", "schedule", "files", "optim"),
            Set.of("engine"),
            Set.of("model"),
            Set.of("rangetest", "train"),
            Set.of("history", "hyperparams", "bench"),
            Set.of("handoff"),
            Set.of("cli", "ui"),
            Set.of("Main"));
    /** File (under {@link #SOURCES}) to the classes it may use against the layers; see the class comment. */
    private static final Map<String, Set<String>> ALLOWED = Map.of(
            "cli/BenchCommand.java",
            Set.of("org.rangefinder.ui.WindowBenchmark", "org.rangefinder.ui.work.PulseMonitor"));
    private static final List<String> JAVAFX = List.of("javafx", "org.controlsfx", "atlantafx", "org.testfx");
    private static final List<String> DEEP_LEARNING = List.of("org.deeplearning4j", "org.nd4j", "org.bytedeco");
    private static final Pattern PACKAGE = Pattern.compile("\\bpackage\\s+[\\w.]+\\s*;");
    /** A qualified name of one of the watched roots: the project's, JavaFX's and its libraries', DL4J's. */
    private static final Pattern QUALIFIED = Pattern.compile("(?<![\\w$.])(?:org\\.rangefinder|javafx|org\\.controlsfx"
            + "|atlantafx|org\\.testfx|org\\.deeplearning4j|org\\.nd4j|org\\.bytedeco)(?:\\s*\\.\\s*(?:[\\w$]+|\\*))+");

    /** A qualified name that {@code file} uses on {@code line}. */
    record Use(Path file, int line, String name) {
        boolean of(List<String> roots) {
            return roots.stream().anyMatch(r -> name.equals(r) || name.startsWith(r + "."));
        }

        /** The unit of the project the name belongs to, or null for another library's name. */
        String unit() {
            if (!name.startsWith("org.rangefinder.")) {
                return null;
            }
            return name.substring("org.rangefinder.".length()).split("\\.")[0];
        }

        /** The class named, without any member or nested class after it: {@code a.b.C.D.m} is {@code a.b.C}. */
        String type() {
            String[] parts = name.split("\\.");
            for (int i = 0; i < parts.length; i++) {
                if (Character.isUpperCase(parts[i].charAt(0))) {
                    return String.join(".", List.of(parts).subList(0, i + 1));
                }
            }
            return name;
        }

        @Override
        public String toString() {
            return file + ":" + line + " uses " + name;
        }
    }

    @Test
    void nothingOutsideUiKnowsJavaFx() {
        List<String> offences = Stream.concat(uses(SOURCES).stream(), uses(TEST_SOURCES).stream())
                .filter(u -> u.of(JAVAFX) && !unitOf(u.file()).equals("ui"))
                .map(u -> u + ": JavaFX and its libraries (" + String.join(", ", JAVAFX) + ") belong to ui")
                .toList();
        assertThat(offences).withFailMessage(report(offences)).isEmpty();
    }

    @Test
    void theEngineKnowsNeitherFace() {
        List<String> offences = uses(SOURCES).stream()
                .filter(u -> !Set.of("cli", "ui", "Main").contains(unitOf(u.file())))
                .filter(u -> "cli".equals(u.unit()) || "ui".equals(u.unit()))
                .map(u -> u + ": the engine serves the command line and the window and knows neither")
                .toList();
        assertThat(offences).withFailMessage(report(offences)).isEmpty();
    }

    @Test
    void theWindowDoesNotUseTheCommandLine() {
        List<String> offences = uses(SOURCES).stream()
                .filter(u -> unitOf(u.file()).equals("ui") && "cli".equals(u.unit()))
                .map(u -> u + ": the window and the command line are two faces over the engine; share through it")
                .toList();
        assertThat(offences).withFailMessage(report(offences)).isEmpty();
    }

    @Test
    void theFacesLeaveDeepLearningToTheEngine() {
        List<String> offences = uses(SOURCES).stream()
                .filter(u -> Set.of("cli", "ui").contains(unitOf(u.file())) && u.of(DEEP_LEARNING))
                .map(u -> u + ": DL4J, ND4J and JavaCPP are called by the engine, which the faces call")
                .toList();
        assertThat(offences).withFailMessage(report(offences)).isEmpty();
    }

    @Test
    void everyUnitUsesOnlyTheLayersBelowIt() {
        List<String> offences = new ArrayList<>();
        for (Use u : uses(SOURCES)) {
            String from = unitOf(u.file());
            String to = u.unit();
            boolean allowed = ALLOWED.getOrDefault(relative(u.file()), Set.of()).contains(u.type());
            if (to == null || to.equals(from) || allowed) {
                continue;
            }
            if (layer(to) >= layer(from)) {
                offences.add(u + ": " + from + " may use only " + below(from));
            }
        }
        assertThat(offences).withFailMessage(report(offences)).isEmpty();
    }

    @Test
    void everyUnitHasALayer() {
        Set<String> units = files(SOURCES).stream().map(ArchitectureTest::unitOf)
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> layered = LAYERS.stream().flatMap(Set::stream).collect(Collectors.toCollection(TreeSet::new));
        assertThat(units).as("the packages and root classes under %s, each in one of ArchitectureTest.LAYERS", SOURCES)
                .containsExactlyInAnyOrderElementsOf(layered);
    }

    @Test
    void theAllowedExceptionsAreStillUsed() {
        for (var allowed : ALLOWED.entrySet()) {
            Set<String> used = uses(List.of(SOURCES.resolve(allowed.getKey()))).stream().map(Use::type)
                    .collect(Collectors.toSet());
            assertThat(used).as("%s no longer needs its exception in ArchitectureTest.ALLOWED: remove it",
                    allowed.getKey()).containsAll(allowed.getValue());
        }
    }

    /** The scanner itself: what counts as a use, and what does not. */
    @Test
    void importsAndQualifiedNamesInCodeAreUsesButCommentsAndStringsAreNot() {
        String source = """
                package org.rangefinder.engine;

                import java.util.List;
                import static org.rangefinder.ui.Dialogs.show;
                import javafx.scene.*;
                /** Not {@link org.rangefinder.cli.RangefinderCommand}. */
                class Example { // nor org.rangefinder.cli.X
                    String s = "org.rangefinder.ui.Y \\" javafx.Z";
                    char c = '"';
                    String t = \"""
                        org.nd4j.W
                        \""";
                    Object o = org.rangefinder.model.Network.class;
                    @javafx.fxml.FXML Object f;
                }
                """;
        assertThat(uses(Path.of("Example.java"), source)).extracting(Use::line, Use::name).containsExactly(
                tuple(4, "org.rangefinder.ui.Dialogs.show"),
                tuple(5, "javafx.scene.*"),
                tuple(13, "org.rangefinder.model.Network.class"),
                tuple(14, "javafx.fxml.FXML"));
        assertThat(new Use(Path.of("Example.java"), 13, "org.rangefinder.model.Network.class").type())
                .isEqualTo("org.rangefinder.model.Network");
    }

    private static List<Use> uses(Path root) {
        return uses(files(root));
    }

    private static List<Use> uses(List<Path> files) {
        List<Use> uses = new ArrayList<>();
        for (Path file : files) {
            try {
                uses.addAll(uses(file, Files.readString(file)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return uses;
    }

    /** The watched qualified names in {@code source}'s code, with their lines; its package declaration is no use. */
    static List<Use> uses(Path file, String source) {
        String code = codeOnly(source);
        Matcher declaration = PACKAGE.matcher(code);
        if (declaration.find()) {
            code = code.substring(0, declaration.start()) + " ".repeat(declaration.end() - declaration.start())
                    + code.substring(declaration.end());
        }
        List<Use> uses = new ArrayList<>();
        Matcher m = QUALIFIED.matcher(code);
        while (m.find()) {
            int line = 1 + (int) code.substring(0, m.start()).chars().filter(ch -> ch == '\n').count();
            uses.add(new Use(file, line, m.group().replaceAll("\\s", "")));
        }
        return uses;
    }

    /**
     * {@code source} with its comments, string and character literals and text blocks blanked (each character but a
     * line break becomes a space), so that only code is left, on the lines it was on.
     */
    static String codeOnly(String source) {
        StringBuilder code = new StringBuilder(source);
        int i = 0;
        while (i < source.length()) {
            int end;
            if (source.startsWith("//", i)) {
                end = source.indexOf('\n', i);
                end = end < 0 ? source.length() : end;
            } else if (source.startsWith("/*", i)) {
                end = source.indexOf("*/", i + 2);
                end = end < 0 ? source.length() : end + 2;
            } else if (source.startsWith("\"\"\"", i)) {
                end = closing(source, i + 3, "\"\"\"");
            } else if (source.charAt(i) == '"' || source.charAt(i) == '\'') {
                end = closing(source, i + 1, String.valueOf(source.charAt(i)));
            } else {
                i++;
                continue;
            }
            for (int j = i; j < end; j++) {
                if (code.charAt(j) != '\n') {
                    code.setCharAt(j, ' ');
                }
            }
            i = end;
        }
        return code.toString();
    }

    /** The index after the first {@code quote} at or after {@code from} that no backslash escapes. */
    private static int closing(String source, int from, String quote) {
        int i = from;
        while (i < source.length()) {
            if (source.charAt(i) == '\\') {
                i += 2;
            } else if (source.startsWith(quote, i)) {
                return i + quote.length();
            } else {
                i++;
            }
        }
        return source.length();
    }

    private static List<Path> files(Path root) {
        assertThat(root).as("run from the project's folder").isDirectory();
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The unit a source file belongs to: its package under org.rangefinder, or its class in the root package. */
    private static String unitOf(Path file) {
        Path root = file.startsWith(TEST_SOURCES) ? TEST_SOURCES : SOURCES;
        Path relative = root.relativize(file);
        String first = relative.getName(0).toString();
        return relative.getNameCount() == 1 ? first.substring(0, first.length() - ".java".length()) : first;
    }

    private static String relative(Path file) {
        return SOURCES.relativize(file).toString().replace('\\', '/');
    }

    private static int layer(String unit) {
        for (int i = 0; i < LAYERS.size(); i++) {
            if (LAYERS.get(i).contains(unit)) {
                return i;
            }
        }
        throw new AssertionError(unit + " has no layer in ArchitectureTest.LAYERS: give it one");
    }

    private static String below(String unit) {
        return LAYERS.subList(0, layer(unit)).stream().flatMap(Set::stream).sorted().collect(Collectors.joining(", "));
    }

    private static String report(List<String> offences) {
        return offences.size() + " use(s) across the package rules (see ArchitectureTest's class comment):\n  "
                + String.join("\n  ", offences);
    }
}

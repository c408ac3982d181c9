package org.rangefinder.rangetest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rangefinder.UserInputException;
import org.rangefinder.files.Json;
import org.rangefinder.rangetest.CurveFiles.Curve;

class CurveFilesTest {

    @TempDir
    Path dir;

    private Path write(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content);
    }

    @Test
    void csvWithColumnsInAnyOrderAndExtraColumns() throws IOException {
        // pandas' to_csv writes an unnamed index column first
        Path f = write("history.csv", ",loss,lr,smooth\n0,2.5,1e-07,2.5\n1,2.4,1.2e-07,2.45\n2,nan,1.5e-07,nan\n");
        Curve c = CurveFiles.read(f);
        assertThat(c.lrs()).containsExactly(1e-07, 1.2e-07, 1.5e-07);
        assertThat(c.losses()[0]).isEqualTo(2.5);
        assertThat(c.losses()[1]).isEqualTo(2.4);
        assertThat(c.losses()[2]).isNaN();
        // fastai and pytorch-lr-finder save smoothed losses as loss; a column named otherwise is not ours
        assertThat(c.smoothedInFile()).isFalse();
        assertThat(c.smoothedLosses()).isEqualTo(c.losses());
    }

    @Test
    void csvWithSemicolonsTabsQuotesAndInfinities() throws IOException {
        Curve semi = CurveFiles.read(write("a.csv", "\uFEFF\"LR\";\"Loss\"\r\n0.001;1.5\r\n\r\n0.01;inf\r\n"));
        assertThat(semi.lrs()).containsExactly(0.001, 0.01);
        assertThat(semi.losses()).containsExactly(1.5, Double.POSITIVE_INFINITY);
        Curve tabs = CurveFiles.read(write("b.tsv", "step\tlr\tloss\n0\t1E-3\t-Infinity\n1\t2e-3\t+1.25\n"));
        assertThat(tabs.losses()).containsExactly(Double.NEGATIVE_INFINITY, 1.25);
    }

    /**
     * A file looks like a curve when its header is one {@link CurveFiles#read} takes: after a byte order mark and blank
     * lines, in any case, with any of the separators, quoted or not; a JSON file too (read, it says what is wrong). A
     * CSV without both columns, another kind of file and a folder do not.
     */
    @Test
    void aFileLooksLikeACurveWhenItsHeaderIsOneThatIsRead() throws IOException {
        List<Path> curves = List.of(write("a.csv", "\uFEFF\"LR\";\"Loss\"\r\n0.001;1.5\r\n0.01;inf\r\n"),
                write("b.tsv", "\n \t\nstep\tlr\tloss\n0\t1E-3\t2\n1\t2e-3\t1.25\n"),
                write("c.txt", "\uFEFF\n\nlr,loss\n0.1,2\n0.2,1\n"), write("d.json", "{}"));
        for (Path curve : curves) {
            assertThat(CurveFiles.looksLikeCurve(curve)).as(curve.toString()).isTrue();
            if (!curve.toString().endsWith(".json")) {
                assertThat(CurveFiles.read(curve).size()).as(curve.toString()).isEqualTo(2);
            }
        }
        assertThat(List.of(write("data.csv", "a,b,label\n1,2,x\n"), write("lr-only.csv", "lr,acc\n0.1,2\n"),
                write("blank.csv", "\n\n"), write("curve.png", "lr,loss\n0.1,2\n0.2,1\n"),
                write("quote.csv", "\"lr,loss\n0.1,2\n"), dir))
                .noneMatch(CurveFiles::looksLikeCurve);
    }

    @Test
    void csvOfASweepHasOneCurvePerRun() throws IOException {
        Path f = write("sweep.csv", "run,iteration,lr,loss,smoothed_loss\n0,0,0.1,2,2\n0,1,0.2,1.5,1.7\n"
                + "1,0,0.1,3,3\n1,1,0.2,2.5,2.7\n1,2,0.3,nan,nan\n");
        List<Curve> runs = CurveFiles.readAll(f);
        assertThat(runs).hasSize(2);
        assertThat(runs.get(0).losses()).containsExactly(2, 1.5);
        assertThat(runs.get(0).smoothedLosses()).containsExactly(2, 1.7);
        assertThat(runs.get(1).smoothedInFile()).isTrue();
        assertThat(runs.get(1).smoothedLosses()).containsExactly(3, 2.7, Double.NaN);
        assertThat(runs.get(1).lrs()).containsExactly(0.1, 0.2, 0.3);
        assertThat(CurveFiles.read(f).lrs()).containsExactly(0.1, 0.2);
        assertRefused(write("r.csv", "run,lr,loss\n0,0.1,2\n0,0.2,1\n1,0.1,2\n"),
                "r.csv: run 1: 1 point; a curve needs at least 2");
    }

    /**
     * Each curve of a file of several is named as the file names it: a CSV's run label, a JSON run's place from 1 (a
     * sweep's CSV counts its members from 1 too), with the member's value of the sweep's factor where the file holds
     * it; a file of one curve without a run column names none.
     */
    @Test
    void eachCurveIsNamedAsItsFileNamesIt() throws IOException {
        Path csv = write("wd.csv", "run,weight-decay,lr,loss\n1,1e-2,0.1,2\n1,1e-2,0.2,1\n2,0,0.1,3\n2,0,0.2,2\n");
        assertThat(CurveFiles.readAll(csv)).extracting(Curve::label)
                .containsExactly("run 1, weight-decay=1e-2", "run 2, weight-decay=0");
        Path before = write("before.csv", "run,lr,loss\n0,0.1,2\n0,0.2,1\n1,0.1,3\n1,0.2,2\n");
        assertThat(CurveFiles.readAll(before)).extracting(Curve::label).containsExactly("run 0", "run 1");
        String points = "\"points\":[{\"lr\":0.1,\"loss\":2},{\"lr\":0.2,\"loss\":1}]";
        Path json = write("wd.json", "{\"schemaVersion\":1,\"runs\":[{" + points + "},{" + points + "}],"
                + "\"family\":{\"factor\":\"weight-decay\",\"values\":[\"1e-2\",\"0\"]}}");
        assertThat(CurveFiles.readAll(json)).extracting(Curve::label)
                .containsExactly("run 1, weight-decay=1e-2", "run 2, weight-decay=0");
        Path runs = write("runs.json", "{\"schemaVersion\":1,\"runs\":[{" + points + "},{" + points + "}]}");
        assertThat(CurveFiles.readAll(runs)).extracting(Curve::label).containsExactly("run 1", "run 2");
        assertThat(CurveFiles.read(write("one.csv", "lr,loss\n0.1,2\n0.2,1\n")).label()).isNull();
    }

    @Test
    void rangefinderJsonWithSeveralRuns() throws IOException {
        Path f = write("runs.json", """
                {"schemaVersion":1,"runs":[
                  {"name":"a","points":[{"iteration":0,"lr":0.001,"loss":2.3,"smoothedLoss":2.3},
                                        {"iteration":1,"lr":0.002,"loss":2.2,"smoothedLoss":2.25}]},
                  {"points":[{"iteration":0,"lr":0.1,"loss":1.0},{"iteration":1,"lr":0.2,"loss":NaN},
                             {"iteration":2,"lr":0.3,"loss":"Infinity"},{"iteration":3,"lr":0.4,"loss":-Infinity}]}
                ]}""");
        List<Curve> runs = CurveFiles.readAll(f);
        assertThat(runs).hasSize(2);
        assertThat(runs.get(0).lrs()).containsExactly(0.001, 0.002);
        assertThat(runs.get(0).losses()).containsExactly(2.3, 2.2);
        assertThat(runs.get(0).smoothedLosses()).containsExactly(2.3, 2.25);
        assertThat(runs.get(1).smoothedInFile()).isFalse();
        assertThat(runs.get(1).losses()).containsExactly(1.0, Double.NaN, Double.POSITIVE_INFINITY,
                Double.NEGATIVE_INFINITY);
        assertThat(CurveFiles.read(f).lrs()).containsExactly(0.001, 0.002);
    }

    @Test
    void aStaircaseCurveAsRangefinderWritesItIsReadBack() throws IOException {
        Path f = dir.resolve("result.json");
        Json.write(f, Map.of("schemaVersion", CurveFiles.SCHEMA_VERSION, "runs", List.of(Map.of("points", List.of(
                new CurvePoint(0, 0.1, 2.0, 2.0), new CurvePoint(1, 0.1, 1.5, 1.7),
                new CurvePoint(2, 0.2, 1.0, 1.4), new CurvePoint(3, 0.2, Double.NaN, Double.NaN))))));
        assertThat(Files.readString(f)).as("a blown-up loss is written as a string, never as null")
                .contains("\"NaN\"").doesNotContain("null");
        Curve c = CurveFiles.read(f);
        assertThat(c.lrs()).containsExactly(0.1, 0.1, 0.2, 0.2);
        assertThat(c.losses()).containsExactly(2.0, 1.5, 1.0, Double.NaN);
    }

    @Test
    void learningRatesThatFallOrNeverRiseAreRefusedAtTheirRowOrPoint() throws IOException {
        assertRefusedWith(write("d.csv", "lr,loss\n0.1,2\n0.2,1.5\n\n0.15,1\n"), ": line 5, column 1 (lr): learning "
                + "rate 0.15 is below the one before it (0.2); a range-test curve's learning rates must not fall");
        assertRefusedWith(write("s.csv", "run,lr,loss\n0,0.1,2\n0,0.2,1\n1,0.2,2\n1,0.1,1\n"), ": line 5, column 2 "
                + "(lr): learning rate 0.1 is below the one before it (0.2); a range-test curve's learning rates must "
                + "not fall");
        assertRefusedWith(write("f.json", "{\"schemaVersion\":1,\"runs\":[{\"points\":[{\"lr\":0.3,\"loss\":1},"
                + "{\"lr\":0.2,\"loss\":1}]}]}"), ": runs[0].points[1].lr: learning rate 0.2 is below the one before "
                + "it (0.3); a range-test curve's learning rates must not fall");
        assertRefusedWith(write("e.csv", "lr,loss\n0.01,2\n0.01,1\n0.01,0.5\n"), ": all 3 learning rates are "
                + "0.01; a range-test curve needs learning rates that rise");
        assertRefusedWith(write("e.json", "{\"schemaVersion\":1,\"runs\":[{\"points\":[{\"lr\":0.1,\"loss\":1},"
                + "{\"lr\":0.1,\"loss\":1}]}]}"), ": runs[0].points: all 2 learning rates are 0.1; a range-test "
                + "curve needs learning rates that rise");
        Path sweep = write("ok.csv", "run,lr,loss\n0,0.1,2\n0,0.2,1\n1,0.1,2\n1,0.1,1.5\n1,0.2,1\n");
        assertThat(CurveFiles.readAll(sweep).get(1).lrs()).as("each run rises on its own; a rung may repeat")
                .containsExactly(0.1, 0.1, 0.2);
    }

    @Test
    void jsonIsReadAsStrictlyAsAHyperparameterFile() throws IOException {
        String points = "\"points\":[{\"lr\":0.1,\"loss\":1},{\"lr\":0.2,\"loss\":null}]";
        assertRefusedWith(write("v.json", "{\"runs\":[{" + points + "}]}"),
                ": schemaVersion is required but missing (is this a Rangefinder range-test result?)");
        assertRefusedWith(write("w.json", "{\"schemaVersion\":\"1\",\"runs\":[{" + points + "}]}"),
                ": schemaVersion must be an integer, got \"1\"");
        assertRefusedWith(write("n.json", "{\"schemaVersion\":1,\"runs\":[{" + points + "}]}"),
                ": runs[0].points[1].loss: null is not a number");
        assertRefusedWith(write("t.json", "{\"schemaVersion\":1,\"runs\":[]}\n}"),
                ": not valid JSON at line 2, column 1: text after the end of the JSON object");
        assertRefusedWith(write("u.json", "{\"schemaVersion\":1,\"runs\":[{\"points\":[{\"lr\":0.1,\"lr\":0.2}]}]}"),
                ": not valid JSON at line 1, column 53: the field runs[0].points[0].lr appears twice");
        assertThatThrownBy(() -> CurveFiles.read(write("x.json", "{\"schemaVersion\":2,\"runs\":[{" + points
                + "}]}"))).hasMessageContaining("x.json: schemaVersion 2 is newer than this Rangefinder");
    }

    @Test
    void badCsvFilesAreRefusedWithFileLineAndColumn() throws IOException {
        assertRefused(write("e.csv", "\n  \n"), "e.csv: the file is empty");
        assertRefused(write("n.csv", "learning_rate,loss\n0.1,2\n"), "n.csv: line 1: no column named 'lr'");
        assertRefused(write("v.csv", "learning_rate,value\n0.001,2.3\n"),
                "v.csv: line 1: no columns named 'lr' and 'loss' in the header [learning_rate, value]");
        assertRefused(write("x.csv", "lr,loss\n0.1,2\n0.2,1\n0.3,1\n0.4,abc\n"),
                "x.csv: line 5, column 2: 'abc' in column loss is not a number");
        assertRefused(write("s.csv", "lr,loss\n0.1,2\n0.2\n"), "s.csv: line 3: 1 column, expected at least 2");
        assertRefused(write("o.csv", "lr,loss\n0.1,2\n"), "o.csv: 1 point; a curve needs at least 2");
        assertRefused(write("z.csv", "lr,loss\n0.1,2\n0,1\n"), "z.csv: line 3, column 1 (lr): learning rate 0.0");
        assertRefused(write("q.csv", "lr,loss\n\"0.1,2\n"), "q.csv: line 2: a quoted field is not closed");
        assertRefused(write("sm.csv", "lr,loss,smoothed_loss\n0.1,2,2\n0.2,1,-\n"),
                "sm.csv: line 3, column 3: '-' in column smoothed_loss is not a number");
        assertRefused(write("sn.csv", "lr,loss,smoothed_loss\n0.1,2,2\n0.2,1\n"),
                "sn.csv: line 3: 2 columns, expected at least 3");
        assertRefused(dir.resolve("missing.csv"), "missing.csv: no such file");
    }

    @Test
    void badJsonFilesAreRefusedWithThePathOfTheBadValue() throws IOException {
        assertRefused(write("p.json", "{\"schemaVersion\":1,\"runs\":[{\"points\":[{\"lr\":0.1,\"loss\":1},"
                + "{\"lr\":0.2,\"loss\":1},{\"lr\":0.3,\"loss\":1},{\"lr\":0.4,\"loss\":\"abc\"}]}]}"),
                "p.json: runs[0].points[3].loss: \"abc\" is not a number");
        assertRefused(write("m.json", "{\"schemaVersion\":1,\"runs\":[{\"points\":[{\"lr\":0.1,\"loss\":1},"
                + "{\"loss\":1}]}]}"),
                "m.json: runs[0].points[1].lr: missing");
        assertRefused(write("sm.json", "{\"schemaVersion\":1,\"runs\":[{\"points\":[{\"lr\":0.1,\"loss\":1,"
                + "\"smoothedLoss\":1},{\"lr\":0.2,\"loss\":1}]}]}"),
                "sm.json: runs[0].points[1].smoothedLoss: missing");
        assertRefused(write("r.json", "{\"schemaVersion\":1}"), "r.json: runs: expected an array of runs");
        assertRefused(write("k.json", "{\"schemaVersion\":1,\"runs\":[{}]}"),
                "k.json: runs[0].points: expected an array of points");
        assertRefused(write("t.json", "{\"schemaVersion\":1,\"runs\":[{\"points\":[{\"lr\":0.1,\"loss\":1}]}]}"),
                "t.json: runs[0].points: 1 point; a curve needs at least 2");
        assertRefusedWith(write("b.json", "{\"schemaVersion\":1,\"runs\":[\n  {\"points\": [1, }\n]}"),
                ": not valid JSON at line 2, column 18 (runs[0].points[1]): unexpected character '}' where a value "
                + "should be");
    }

    @Test
    void jsonWithAByteOrderMarkIsRead() throws IOException {
        Path f = dir.resolve("bom.json");
        Files.write(f, ("\uFEFF{\"schemaVersion\":1,\"runs\":[{\"points\":[{\"lr\":0.1,\"loss\":2},"
                + "{\"lr\":0.2,\"loss\":1}]}]}").getBytes(StandardCharsets.UTF_8));
        assertThat(CurveFiles.read(f).losses()).containsExactly(2, 1);
    }

    @Test
    void aFolderADeviceAndAFileTooLargeForACurveAreRefusedUnread() throws IOException {
        assertRefusedWith(dir, ": is a folder, not a file");
        // a device never ends: reading it whole ran out of memory
        assertRefusedWith(Path.of("/dev/zero"), ": not a regular file (a device or a pipe)");
        Path huge = dir.resolve("huge.csv");
        try (RandomAccessFile sparse = new RandomAccessFile(huge.toFile(), "rw")) {
            sparse.setLength(CurveFiles.MAX_BYTES + 1);
        }
        assertRefusedWith(huge, ": too large for a range-test curve (more than 512 MiB)");
        Path latin1 = Files.write(dir.resolve("latin1.csv"),
                new byte[] {'l', 'r', ',', 'l', 'o', 's', 's', (byte) 0xe9});
        assertRefusedWith(latin1, ": not a UTF-8 text file");
    }

    private static void assertRefused(Path file, String message) {
        assertThatThrownBy(() -> CurveFiles.readAll(file)).isInstanceOf(UserInputException.class)
                .hasMessageContaining(message);
    }

    /** Asserts the whole message: the file's name, then {@code afterName}. */
    private static void assertRefusedWith(Path file, String afterName) {
        assertThatThrownBy(() -> CurveFiles.readAll(file)).isInstanceOf(UserInputException.class)
                .hasMessage(file + afterName);
    }
}

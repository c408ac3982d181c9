package org.rangefinder.rangetest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rangefinder.UserInputException;
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
    }

    @Test
    void csvWithSemicolonsTabsQuotesAndInfinities() throws IOException {
        Curve semi = CurveFiles.read(write("a.csv", "\uFEFF\"LR\";\"Loss\"\r\n0.001;1.5\r\n\r\n0.01;inf\r\n"));
        assertThat(semi.lrs()).containsExactly(0.001, 0.01);
        assertThat(semi.losses()).containsExactly(1.5, Double.POSITIVE_INFINITY);
        Curve tabs = CurveFiles.read(write("b.tsv", "step\tlr\tloss\n0\t1E-3\t-Infinity\n1\t2e-3\t+1.25\n"));
        assertThat(tabs.losses()).containsExactly(Double.NEGATIVE_INFINITY, 1.25);
    }

    @Test
    void csvOfASweepHasOneCurvePerRun() throws IOException {
        Path f = write("sweep.csv", "run,iteration,lr,loss,smoothed_loss\n0,0,0.1,2,2\n0,1,0.2,1.5,1.7\n"
                + "1,0,0.1,3,3\n1,1,0.2,2.5,2.7\n1,2,0.3,nan,nan\n");
        List<Curve> runs = CurveFiles.readAll(f);
        assertThat(runs).hasSize(2);
        assertThat(runs.get(0).losses()).containsExactly(2, 1.5);
        assertThat(runs.get(1).lrs()).containsExactly(0.1, 0.2, 0.3);
        assertThat(CurveFiles.read(f).lrs()).containsExactly(0.1, 0.2);
        assertRefused(write("r.csv", "run,lr,loss\n0,0.1,2\n0,0.2,1\n1,0.1,2\n"),
                "r.csv: run 1: 1 points; a curve needs at least 2");
    }

    @Test
    void rangefinderJsonWithSeveralRuns() throws IOException {
        Path f = write("runs.json", """
                {"schemaVersion":1,"runs":[
                  {"name":"a","points":[{"iteration":0,"lr":0.001,"loss":2.3,"smoothedLoss":2.3},
                                        {"iteration":1,"lr":0.002,"loss":2.2,"smoothedLoss":2.25}]},
                  {"points":[{"iteration":0,"lr":0.1,"loss":1.0},{"iteration":1,"lr":0.2,"loss":NaN},
                             {"iteration":2,"lr":0.3,"loss":"Infinity"},{"iteration":3,"lr":0.4,"loss":null}]}
                ]}""");
        List<Curve> runs = CurveFiles.readAll(f);
        assertThat(runs).hasSize(2);
        assertThat(runs.get(0).lrs()).containsExactly(0.001, 0.002);
        assertThat(runs.get(0).losses()).containsExactly(2.3, 2.2);
        assertThat(runs.get(1).losses()).containsExactly(1.0, Double.NaN, Double.POSITIVE_INFINITY, Double.NaN);
        assertThat(CurveFiles.read(f).lrs()).containsExactly(0.001, 0.002);
    }

    @Test
    void badCsvFilesAreRefusedWithFileLineAndColumn() throws IOException {
        assertRefused(write("e.csv", "\n  \n"), "e.csv: the file is empty");
        assertRefused(write("n.csv", "learning_rate,loss\n0.1,2\n"), "n.csv: line 1: no column named 'lr'");
        assertRefused(write("x.csv", "lr,loss\n0.1,2\n0.2,1\n0.3,1\n0.4,abc\n"),
                "x.csv: line 5, column 2: 'abc' in column loss is not a number");
        assertRefused(write("s.csv", "lr,loss\n0.1,2\n0.2\n"), "s.csv: line 3: 1 columns, expected at least 2");
        assertRefused(write("o.csv", "lr,loss\n0.1,2\n"), "o.csv: 1 points; a curve needs at least 2");
        assertRefused(write("z.csv", "lr,loss\n0.1,2\n0,1\n"), "z.csv: line 3, column 1 (lr): learning rate 0.0");
        assertRefused(write("q.csv", "lr,loss\n\"0.1,2\n"), "q.csv: line 2: a quoted field is not closed");
        assertRefused(dir.resolve("missing.csv"), "missing.csv: no such file");
    }

    @Test
    void badJsonFilesAreRefusedWithThePathOfTheBadValue() throws IOException {
        assertRefused(write("p.json", "{\"runs\":[{\"points\":[{\"lr\":0.1,\"loss\":1},{\"lr\":0.2,\"loss\":1},"
                + "{\"lr\":0.3,\"loss\":1},{\"lr\":0.4,\"loss\":\"abc\"}]}]}"),
                "p.json: runs[0].points[3].loss: \"abc\" is not a number");
        assertRefused(write("m.json", "{\"runs\":[{\"points\":[{\"lr\":0.1,\"loss\":1},{\"loss\":1}]}]}"),
                "m.json: runs[0].points[1].lr: missing");
        assertRefused(write("r.json", "{\"schemaVersion\":1}"), "r.json: runs: expected an array of runs");
        assertRefused(write("k.json", "{\"runs\":[{}]}"), "k.json: runs[0].points: expected an array of points");
        assertRefused(write("t.json", "{\"runs\":[{\"points\":[{\"lr\":0.1,\"loss\":1}]}]}"),
                "t.json: runs[0].points: 1 points; a curve needs at least 2");
        assertRefused(write("b.json", "{\"runs\":[\n  {\"points\": [1, }\n]}"), "b.json: line 2, column ");
    }

    private static void assertRefused(Path file, String message) {
        assertThatThrownBy(() -> CurveFiles.readAll(file)).isInstanceOf(UserInputException.class)
                .hasMessageContaining(message);
    }
}

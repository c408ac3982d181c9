package org.rangefinder.rangetest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rangefinder.UserInputException;
import org.rangefinder.engine.StopReason;

class CurveCsvTest {
    private final List<CurvePoint> a = List.of(new CurvePoint(0, 1e-7, 2.5, 2.5), new CurvePoint(1, 1e-6, 2.25, 2.3737));
    private final List<CurvePoint> b = List.of(new CurvePoint(0, 0.001, Double.NaN, Double.NaN));

    @TempDir
    Path dir;

    @Test
    void oneCurveHasNoRunColumn() {
        assertThat(CurveCsv.format(a))
                .isEqualTo("iteration,lr,loss,smoothed_loss\n0,1.0E-7,2.5,2.5\n1,1.0E-6,2.25,2.3737\n");
    }

    @Test
    void severalCurvesAreToldApartByTheRunColumn() {
        assertThat(CurveCsv.formatRuns(List.of(new CurveCsv.Run("3", a), new CurveCsv.Run("4", b))))
                .isEqualTo("run,iteration,lr,loss,smoothed_loss\n3,0,1.0E-7,2.5,2.5\n3,1,1.0E-6,2.25,2.3737\n"
                        + "4,0,0.001,NaN,NaN\n");
    }

    /**
     * A sweep's members are labelled by their place from 1, as suggest, the sweep's table and its progress name them
     * (they were labelled from 0), each row with its member's value of the factor in a column named after it; a member
     * without points leaves no row but keeps its place.
     */
    @Test
    void aSweepsMembersAreLabelledByTheirPlaceFromOneWithTheirValue() {
        SweepResult sweep = SweepResult.of(Sweep.parse("weight-decay=1e-2,1e-3,0"),
                List.of(result(a), result(List.of()), result(b)));
        assertThat(CurveCsv.formatMembers(sweep)).isEqualTo("run,weight-decay,iteration,lr,loss,smoothed_loss\n"
                + "1,1e-2,0,1.0E-7,2.5,2.5\n1,1e-2,1,1.0E-6,2.25,2.3737\n3,0,0,0.001,NaN,NaN\n");
    }

    /**
     * The value of a sweep's factor is read beside a run column, from a column named after the factor; a file
     * without one (written before it) reads as ever, and so does a file without a run column, whatever it holds.
     */
    @Test
    void theFactorsColumnIsReadBesideARunColumn() throws IOException {
        Path file = dir.resolve("members.csv");
        CurveCsv.writeMembers(file, SweepResult.of(Sweep.parse("momentum=0.9,0.5"), List.of(result(a), result(b))));
        CurveCsv.Table table = CurveCsv.read(file, CurveCsv.RUN_COLUMNS);
        assertThat(table.factor()).isEqualTo(SweepFactor.MOMENTUM);
        assertThat(table.rows()).extracting(CurveCsv.Row::run, CurveCsv.Row::value).containsExactly(
                org.assertj.core.groups.Tuple.tuple("1", "0.9"), org.assertj.core.groups.Tuple.tuple("1", "0.9"),
                org.assertj.core.groups.Tuple.tuple("2", "0.5"));
        assertThat(table.rows()).extracting(CurveCsv.Row::point).containsExactly(a.get(0), a.get(1), b.get(0));

        Path before = Files.writeString(dir.resolve("before.csv"), "run,iteration,lr,loss,smoothed_loss\n"
                + "0,0,0.1,2,2\n");
        assertThat(CurveCsv.read(before, CurveCsv.RUN_COLUMNS).factor()).isNull();
        assertThat(CurveCsv.read(before, CurveCsv.RUN_COLUMNS).rows()).extracting(CurveCsv.Row::value)
                .containsExactly((String) null);
        Path logged = Files.writeString(dir.resolve("logged.csv"), "lr,loss,momentum\n0.1,2,0.9\n");
        assertThat(CurveCsv.read(logged, List.of()).factor()).isNull();
    }

    /** What is written is read back as the very same points: every double, the non-finite ones and the iterations. */
    @Test
    void aCurveWrittenIsReadBackAsTheSamePoints() throws IOException {
        List<CurvePoint> odd = List.of(new CurvePoint(0, Double.MIN_VALUE, 0.1 + 0.2, Double.POSITIVE_INFINITY),
                new CurvePoint(7, 1.0 / 3, Double.NEGATIVE_INFINITY, -0.0),
                new CurvePoint(8, 1.0 / 3, Double.NaN, Double.MAX_VALUE));
        Path file = dir.resolve("curve.csv");
        CurveCsv.write(file, odd);
        CurveCsv.Table table = CurveCsv.read(file, CurveCsv.COLUMNS);
        assertThat(table.smoothedInFile()).isTrue();
        assertThat(table.rows()).extracting(CurveCsv.Row::point).isEqualTo(odd);
        assertThat(table.rows()).extracting(CurveCsv.Row::run).containsOnly("");
    }

    @Test
    void severalCurvesWrittenAreReadBackAndSplitByRun() throws IOException {
        Path file = dir.resolve("curves.csv");
        CurveCsv.writeRuns(file, List.of(new CurveCsv.Run("3", a), new CurveCsv.Run("4", b)));
        Map<String, List<CurveCsv.Row>> runs = CurveCsv.byRun(CurveCsv.read(file, CurveCsv.RUN_COLUMNS).rows());
        assertThat(runs.keySet()).containsExactly("3", "4");
        assertThat(runs.get("3")).extracting(CurveCsv.Row::point).isEqualTo(a);
        assertThat(runs.get("4")).extracting(CurveCsv.Row::point).isEqualTo(b);
        assertThat(runs.get("4").get(0).lrAt()).isEqualTo(file + ": line 4, column 3 (lr)");
    }

    /** Runs are split in the order their labels first appear, however their rows are mixed. */
    @Test
    void rowsAreSplitByRunInTheOrderTheirLabelsFirstAppear() throws IOException {
        Path file = Files.writeString(dir.resolve("mixed.csv"), "lr,loss,run\n0.1,2,b\n0.1,3,a\n0.2,1,b\n0.2,2, a\n");
        Map<String, List<CurveCsv.Row>> runs = CurveCsv.byRun(CurveCsv.read(file, List.of()).rows());
        assertThat(runs.keySet()).containsExactly("b", "a");
        assertThat(runs.get("b")).extracting(CurveCsv.Row::point)
                .containsExactly(new CurvePoint(0, 0.1, 2, Double.NaN), new CurvePoint(1, 0.2, 1, Double.NaN));
        assertThat(runs.get("a")).extracting(CurveCsv.Row::point)
                .containsExactly(new CurvePoint(0, 0.1, 3, Double.NaN), new CurvePoint(1, 0.2, 2, Double.NaN));
    }

    /**
     * The iteration column is read where it is required (Rangefinder's own files); elsewhere, as in a file of another
     * library's, it is left alone and a point's iteration is its place in its curve.
     */
    @Test
    void theIterationColumnIsReadWhereItIsRequired() throws IOException {
        Path file = Files.writeString(dir.resolve("steps.csv"), "iteration,lr,loss\nfirst,0.1,2\n9,0.2,1\n");
        assertThat(CurveCsv.read(file, List.of()).rows()).extracting(r -> r.point().iteration()).containsExactly(0, 1);
        assertThatThrownBy(() -> CurveCsv.read(file, List.of(CurveCsv.ITERATION)))
                .isInstanceOf(UserInputException.class)
                .hasMessage(file + ": line 2, column 1: 'first' in column iteration is not a number");
    }

    /** The refusal quoted the whole cell, however long: a cell of 20 million characters made a line of 20 MB. */
    @Test
    void aLongCellThatIsNoNumberIsQuotedCut() throws IOException {
        String cell = "\uD83D\uDCC8".repeat(100_000); // a chart emoji, two chars each: the cut splits no pair
        Path file = Files.writeString(dir.resolve("long.csv"), "lr,loss\n0.1," + cell + "\n");
        assertThatThrownBy(() -> CurveCsv.read(file, List.of()))
                .isInstanceOf(UserInputException.class)
                .hasMessage(file + ": line 2, column 2: '" + "\uD83D\uDCC8".repeat(40) + "…' (100000 characters) in "
                        + "column loss is not a number");
    }

    @Test
    void aRequiredColumnThatIsMissingIsRefusedByName() throws IOException {
        Path file = Files.writeString(dir.resolve("short.csv"), "iteration,lr,loss\n0,0.1,2\n");
        assertThatThrownBy(() -> CurveCsv.read(file, CurveCsv.COLUMNS)).isInstanceOf(UserInputException.class)
                .hasMessage(file + ": line 1: no column named 'smoothed_loss' in the header [iteration, lr, loss]");
        Path empty = Files.writeString(dir.resolve("empty.csv"), "");
        assertThatThrownBy(() -> CurveCsv.read(empty, CurveCsv.COLUMNS)).isInstanceOf(UserInputException.class)
                .hasMessage(empty + ": the file is empty");
    }

    /**
     * A header that lacks a column was quoted whole: a header cell of a million characters made a line of a megabyte
     * (suggest --in printed 1,000,074 bytes). Each name is cut as a cell is, and past eight names the rest are counted.
     */
    @Test
    void aLongHeaderIsQuotedCut() throws IOException {
        Path file = Files.writeString(dir.resolve("hdr.csv"), "x".repeat(1_000_000) + ",lr\n1,2\n");
        assertThatThrownBy(() -> CurveCsv.read(file, List.of())).isInstanceOf(UserInputException.class)
                .hasMessage(file + ": line 1: no column named 'loss' in the header [" + "x".repeat(40)
                        + "… (1000000 characters), lr]");
        String names = IntStream.range(0, 100_000).mapToObj(i -> "c" + i).collect(Collectors.joining(","));
        Path wide = Files.writeString(dir.resolve("wide.csv"), names + ",lr\n");
        assertThatThrownBy(() -> CurveCsv.read(wide, List.of())).isInstanceOf(UserInputException.class)
                .hasMessage(wide + ": line 1: no column named 'loss' in the header [c0, c1, c2, c3, c4, c5, c6, c7, … "
                        + "(100001 columns)]");
    }

    @Test
    void aWriteReplacesTheFileWhole() throws IOException {
        Path file = Files.writeString(dir.resolve("curve.csv"), "an older, longer text than the curve's\n".repeat(9));
        CurveCsv.write(file, b);
        assertThat(Files.readString(file)).isEqualTo("iteration,lr,loss,smoothed_loss\n0,0.001,NaN,NaN\n");
        try (var files = Files.list(dir)) {
            assertThat(files).as("no temporary file left beside it").containsExactly(file);
        }
    }

    private static RangeTestResult result(List<CurvePoint> points) {
        RangeTestConfig config = RangeTestConfig.defaults("iris", org.rangefinder.model.ModelSpec.preset("mlp"));
        return new RangeTestResult(config, points, StopReason.COMPLETED, 0,
                Suggestions.fromSmoothed(new double[0], new double[0], SuggestionOptions.defaults()));
    }
}

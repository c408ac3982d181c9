package org.rangefinder.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rangefinder.rangetest.SuggestionOptions;
import org.rangefinder.rangetest.Suggestions;
import org.rangefinder.schedule.LadderMode;
import org.rangefinder.schedule.LrLadder;

class SuggestCommandTest {

    @TempDir
    Path dir;

    /**
     * 30 iterations on the ladder 1e-4 -> 1, raw losses falling as (20 - i)^2 + 1 to i = 20, then rising, then
     * diverging to NaN at i = 28. With --smoothing 0 the smoothed curve is the raw one: n = 28 points, window
     * [2, 23): steep at i = 2 (the largest drop), minimum at i = 20, valley: the window 325, ..., 1, 2, 3 decreases
     * over positions 0..18, so maxEnd 18, maxStart -1, sec 19/3, index -1 + 6 + 3 = 8, i.e. i = 10.
     */
    private double[] lrs;

    private Path curveCsv() throws IOException {
        lrs = LrLadder.values(1e-4, 1, 30, LadderMode.EXP, 1);
        StringBuilder csv = new StringBuilder("iteration,lr,loss\n");
        for (int i = 0; i < 30; i++) {
            String loss = i >= 28 ? "nan" : Double.toString(i <= 20 ? (20 - i) * (20 - i) + 1 : i - 19);
            csv.append(i).append(',').append(lrs[i]).append(',').append(loss).append('\n');
        }
        return Files.writeString(dir.resolve("curve.csv"), csv);
    }

    @Test
    void tableOfSuggestionsFromACsvCurve() throws IOException {
        CliRun run = CliRun.of("suggest", "--in", curveCsv().toString(), "--smoothing", "0");
        assertThat(run.code()).as(run.err()).isEqualTo(RangefinderCommand.OK);
        assertThat(run.lines()).containsExactly(
                "steep    " + lrs[2],
                "valley   " + lrs[10],
                "minimum  " + lrs[20] / 10,
                "range    " + lrs[10] / 10 + " .. " + lrs[10] + " (valley / 10.0)",
                "points   28",
                "losses   the loss column, smoothed with beta 0.0");
    }

    /**
     * A CSV with lr and loss alone is a history of fastai or pytorch-lr-finder, whose losses are already smoothed: by
     * default they are read as they are (the same as --smoothing 0), and only --smoothing smooths them again.
     */
    @Test
    void aHistoryOfAnotherLibraryIsReadAsAlreadySmoothed() throws IOException {
        Path curve = curveCsv();
        CliRun asItIs = CliRun.of("suggest", "--in", curve.toString());
        assertThat(asItIs.code()).as(asItIs.err()).isEqualTo(RangefinderCommand.OK);
        assertThat(asItIs.lines()).startsWith("steep    " + lrs[2], "valley   " + lrs[10], "minimum  " + lrs[20] / 10)
                .endsWith("losses   the loss column as it is (--smoothing BETA smooths it, for raw losses)");

        JsonNode again = new ObjectMapper().readTree(
                CliRun.of("suggest", "--in", curve.toString(), "--smoothing", "0.98", "--json").out());
        double[] losses = new double[28];
        for (int i = 0; i < 28; i++) {
            losses[i] = i <= 20 ? (20 - i) * (20 - i) + 1 : i - 19;
        }
        Suggestions smoothedAgain = Suggestions.fromRaw(Arrays.copyOf(lrs, 28), losses, 0.98,
                SuggestionOptions.defaults());
        assertThat(again.get("valley").asDouble()).isEqualTo(smoothedAgain.valley()).isNotEqualTo(lrs[10]);
        assertThat(again.get("minimum").asDouble()).isEqualTo(smoothedAgain.minimum());
    }

    /** Rangefinder's CSV holds raw and smoothed losses; the suggestions read the smoothed ones. */
    @Test
    void aCurveWithSmoothedLossesIsReadOffThem() throws IOException {
        curveCsv();
        StringBuilder csv = new StringBuilder("iteration,lr,loss,smoothed_loss\n");
        for (int i = 0; i < 30; i++) {
            String smoothed = i >= 28 ? "NaN" : Double.toString(i <= 20 ? (20 - i) * (20 - i) + 1 : i - 19);
            // raw losses that would suggest something else: rising, then falling
            csv.append(i).append(',').append(lrs[i]).append(',').append(i < 15 ? i : 30 - i).append(',')
                    .append(smoothed).append('\n');
        }
        Path file = Files.writeString(dir.resolve("ours.csv"), csv);
        CliRun run = CliRun.of("suggest", "--in", file.toString());
        assertThat(run.lines()).startsWith("steep    " + lrs[2], "valley   " + lrs[10], "minimum  " + lrs[20] / 10)
                .endsWith("losses   the file's smoothed losses");
    }

    @Test
    void jsonOfSuggestionsWithAnotherRangeMethod() throws IOException {
        CliRun run = CliRun.of("suggest", "--in", curveCsv().toString(), "--smoothing", "0", "--method", "minimum",
                "--range-factor", "5", "--json");
        JsonNode root = new ObjectMapper().readTree(run.out());
        assertThat(root.get("steep").asDouble()).isEqualTo(lrs[2]);
        assertThat(root.get("valley").asDouble()).isEqualTo(lrs[10]);
        assertThat(root.get("minimum").asDouble()).isEqualTo(lrs[20] / 10);
        assertThat(root.at("/range/max").asDouble()).isEqualTo(lrs[20] / 10);
        assertThat(root.at("/range/min").asDouble()).isEqualTo(lrs[20] / 10 / 5);
        assertThat(root.get("points").asInt()).isEqualTo(28);
        assertThat(root.has("reason")).isFalse();
    }

    @Test
    void oneEntryPerRunOfAJsonFileWithAReasonWhenThereAreNone() throws IOException {
        StringBuilder json = new StringBuilder("{\"schemaVersion\":1,\"runs\":[{\"points\":[");
        for (int i = 0; i < 12; i++) {
            json.append(i == 0 ? "" : ",").append("{\"iteration\":").append(i).append(",\"lr\":").append(0.01 * (i + 1))
                    .append(",\"loss\":").append(12 - i).append('}');
        }
        json.append("]},{\"points\":[{\"lr\":0.1,\"loss\":1},{\"lr\":0.2,\"loss\":2}]}]}");
        Path file = Files.writeString(dir.resolve("runs.json"), json);

        JsonNode root = new ObjectMapper().readTree(CliRun.of("suggest", "--in", file.toString(), "--json").out());
        assertThat(root.get("runs")).hasSize(2);
        assertThat(root.at("/runs/0/points").asInt()).isEqualTo(12);
        assertThat(root.at("/runs/0/valley").isNumber()).isTrue();
        assertThat(root.at("/runs/1/valley").isNull()).isTrue();
        assertThat(root.at("/runs/1/range").isNull()).isTrue();
        assertThat(root.at("/runs/1/reason").asText()).isEqualTo("only 2 points; need at least 10");

        CliRun table = CliRun.of("suggest", "--in", file.toString());
        assertThat(table.out()).startsWith("run 1\n").contains("\n\nrun 2\n", "note     only 2 points; need at least 10");
    }

    /** A range factor that would start the range at no usable learning rate (0, here) gives no range, and says why. */
    @Test
    void aRangeFactorThatUnderflowsTheBottomGivesNoRange() throws IOException {
        CliRun r = CliRun.of("suggest", "--in", curveCsv().toString(), "--smoothing", "0", "--range-factor", "1e308");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("range    -\n").contains("note     --range-factor 1.0E308 puts the bottom of the "
                + "range at ").contains("below the smallest normal number (2.2250738585072014E-308), so there is no "
                + "range: use a smaller --range-factor");
    }

    @Test
    void badInputExitsWithTwoAndSaysWhere() throws IOException {
        Path bad = Files.writeString(dir.resolve("bad.csv"), "lr,loss\n0.1,1\n0.2,x\n");
        ScheduleCommandTest.assertBadInput(CliRun.of("suggest", "--in", bad.toString()),
                "bad.csv: line 3, column 2: 'x' in column loss is not a number");
        ScheduleCommandTest.assertBadInput(CliRun.of("suggest", "--in", curveCsv().toString(), "--smoothing", "1"),
                "--smoothing must be in [0, 1)");
        ScheduleCommandTest.assertBadInput(CliRun.of("suggest", "--in", curveCsv().toString(), "--method", "slide"),
                "--method");
        ScheduleCommandTest.assertBadInput(CliRun.of("suggest", "--in", dir.resolve("none.csv").toString()),
                "none.csv: no such file");
        Path falling = Files.writeString(dir.resolve("falling.csv"), "lr,loss\n0.2,1\n0.1,2\n");
        ScheduleCommandTest.assertBadInput(CliRun.of("suggest", "--in", falling.toString()), "falling.csv: line 3, "
                + "column 1 (lr): learning rate 0.1 is below the one before it (0.2); a range-test curve's learning "
                + "rates must not fall");
        Path cut = Files.writeString(dir.resolve("cut.json"), "{\"schemaVersion\": 1, \"runs\": [\n");
        ScheduleCommandTest.assertBadInput(CliRun.of("suggest", "--in", cut.toString()), "cut.json: not valid JSON "
                + "at line 2, column 1 (runs[0]): the text ends inside the list opened at line 1, column 30\n");
        // a JSON array is read as JSON, not as a CSV header named '[]'
        Path array = Files.writeString(dir.resolve("arr.json"), " []\n");
        ScheduleCommandTest.assertBadInput(CliRun.of("suggest", "--in", array.toString()), "arr.json: expected a JSON "
                + "object of range-test runs, got ");
    }
}

package org.rangefinder.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.rangefinder.schedule.Anneal;
import org.rangefinder.schedule.OneCycleSchedule;
import org.rangefinder.schedule.OneCycleSettings;

class ScheduleCommandTest {

    @Test
    void csvHasAHeaderAndOneRowPerIteration() {
        CliRun run = CliRun.of("schedule", "--steps", "100", "--max-lr", "0.1");
        assertThat(run.code()).isEqualTo(RangefinderCommand.OK);
        String[] lines = run.lines();
        assertThat(lines).hasSize(101);
        assertThat(lines[0]).isEqualTo("iteration,lr,momentum");
        // PyTorch 1.13 OneCycleLR(max_lr=0.1, total_steps=100): step 0 lr 0.0040000000000000036, momentum 0.95;
        // step 29 lr 0.1, momentum 0.85; step 99 lr 4e-07
        assertThat(lines[1]).isEqualTo("0,0.0040000000000000036,0.95");
        assertThat(lines[30]).isEqualTo("29,0.1,0.85");
        assertThat(lines[100]).isEqualTo("99,4.0E-7,0.95");
    }

    @Test
    void printedNumbersReadBackToTheScheduleExactly() {
        CliRun run = CliRun.of("schedule", "--steps", "37", "--max-lr", "0.3", "--pct-start", "0.4", "--anneal",
                "linear", "--three-phase", "--div-factor", "10", "--final-div-factor", "100", "--base-momentum",
                "0.8", "--max-momentum", "0.9");
        OneCycleSchedule expected = OneCycleSchedule.of(new OneCycleSettings(37, 0.3, 0.4, Anneal.LINEAR, 10, 100,
                true, true, 0.8, 0.9));
        String[] lines = run.lines();
        assertThat(lines).hasSize(38);
        for (int i = 0; i < 37; i++) {
            String[] f = lines[i + 1].split(",");
            assertThat(Integer.parseInt(f[0])).isEqualTo(i);
            assertThat(Double.parseDouble(f[1])).isEqualTo(expected.lr(i));
            assertThat(Double.parseDouble(f[2])).isEqualTo(expected.momentum(i));
        }
    }

    /**
     * Three steps are enough for pct_start 0.5 (phase 1 ends at step float(0.5 * 3) - 1 = 0.5), though not for the
     * default 0.3: only the settings asked for are checked. By OneCycleLR's formulas: step 1 is a third into the
     * annealing from 0.1 to 4e-7, lr 4e-7 + (0.1 - 4e-7) / 2 * (cos(pi / 3) + 1) = 0.0750001, momentum
     * 0.95 + (0.85 - 0.95) / 2 * (cos(pi / 3) + 1) = 0.875.
     */
    @Test
    void aShortCycleIsCheckedWithItsOwnPctStart() {
        CliRun run = CliRun.of("schedule", "--steps", "3", "--max-lr", "0.1", "--pct-start", "0.5");
        assertThat(run.code()).as(run.err()).isEqualTo(RangefinderCommand.OK);
        String[] lines = run.lines();
        assertThat(lines).hasSize(4);
        assertThat(lines[1]).isEqualTo("0,0.0040000000000000036,0.95");
        String[] middle = lines[2].split(",");
        assertThat(Double.parseDouble(middle[1])).isCloseTo(0.0750001, within(1e-15));
        assertThat(Double.parseDouble(middle[2])).isCloseTo(0.875, within(1e-15));
        assertThat(lines[3]).isEqualTo("2,4.0E-7,0.95");
        CliRun refused = CliRun.of("schedule", "--steps", "3", "--max-lr", "0.1");
        assertThat(refused.code()).isEqualTo(RangefinderCommand.BAD_INPUT);
        assertThat(refused.err()).contains("--pct-start 0.3");
    }

    @Test
    void minLrSetsTheDivFactor() {
        CliRun run = CliRun.of("schedule", "--steps", "10", "--max-lr", "1", "--min-lr", "0.05", "--format", "json");
        assertThat(run.code()).isEqualTo(RangefinderCommand.OK);
        assertThat(run.out()).contains("\"divFactor\":20.0");
    }

    @Test
    void jsonHoldsTheSettingsAndEveryIteration() throws Exception {
        CliRun run = CliRun.of("schedule", "--steps", "10", "--max-lr", "1", "--format", "json");
        JsonNode root = new ObjectMapper().readTree(run.out());
        assertThat(root.at("/settings/totalSteps").asInt()).isEqualTo(10);
        assertThat(root.at("/settings/anneal").asText()).isEqualTo("cos");
        assertThat(root.at("/settings/initialLr").asDouble()).isEqualTo(0.04);
        assertThat(root.at("/iterations")).hasSize(10);
        assertThat(root.at("/iterations/2/iteration").asInt()).isEqualTo(2);
        assertThat(root.at("/iterations/2/lr").asDouble()).isEqualTo(1.0);
        assertThat(root.at("/iterations/2/momentum").asDouble()).isEqualTo(0.85);
        assertThat(run.out()).contains("{\"iteration\":9,\"lr\":4.0E-6,\"momentum\":0.95}");
    }

    @Test
    void badOptionsExitWithTwoAndNameTheOption() {
        assertBadInput(CliRun.of("schedule", "--steps", "100", "--max-lr", "0.1", "--pct-start", "1.5"),
                "--pct-start must be between 0 and 1");
        assertBadInput(CliRun.of("schedule", "--steps", "100", "--max-lr", "0.1", "--min-lr", "0.1"),
                "--min-lr must be below --max-lr");
        assertBadInput(CliRun.of("schedule", "--steps", "0", "--max-lr", "0.1"), "--steps must be between 1 and 1000000, got 0");
        assertBadInput(CliRun.of("schedule", "--steps", "100", "--max-lr", "0.1", "--min-lr", "0.01",
                "--div-factor", "5"), "--min-lr and --div-factor");
        assertBadInput(CliRun.of("schedule", "--steps", "100", "--max-lr", "0.1", "--anneal", "exp"), "--anneal");
        assertBadInput(CliRun.of("schedule", "--steps", "100"), "--max-lr is required for a one-cycle schedule");
        assertBadInput(CliRun.of("schedule", "--steps", "ten", "--max-lr", "0.1"), "--steps");
        assertBadInput(CliRun.of("schedule", "--steps", "10", "--max-lr", "1", "--min-lr", "1e-320"),
                "--max-lr 1.0 / --min-lr 1.0E-320 is beyond the largest number a double holds");
        assertBadInput(CliRun.of("schedule", "--steps", "100", "--max-lr", "0.1", "--no-cycle-momentum",
                "--base-momentum", "0.5"), "--base-momentum 0.5 is not used: --no-cycle-momentum leaves the momentum "
                + "column empty");
        assertBadInput(CliRun.of("schedule", "--steps", "10", "--max-lr", "0.1", "--format", "xml"),
                "--format must be one of 'csv', 'json', got 'xml'");
        assertBadInput(CliRun.of("range-test", "--dataset", "iris", "--method", "lowest"),
                "--method must be one of 'steep', 'valley', 'minimum', got 'lowest'");
    }

    @Test
    void helpListsTheDefaults() {
        CliRun run = CliRun.of("schedule", "--help");
        assertThat(run.code()).isEqualTo(RangefinderCommand.OK);
        assertThat(run.out()).contains("--pct-start", "Default: 0.3", "Default: 25.0", "Default: 10000.0",
                "Default: cos", "Default: 0.85", "Default: 0.95");
    }

    static void assertBadInput(CliRun run, String message) {
        assertThat(run.code()).as(run.err()).isEqualTo(RangefinderCommand.BAD_INPUT);
        assertThat(run.err()).contains(message);
        assertThat(run.err()).doesNotContain("Exception");
    }
}

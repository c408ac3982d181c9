package org.rangefinder.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.control.TextField;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.rangefinder.hyperparams.LrChoice;
import org.rangefinder.rangetest.SuggestionOptions;
import org.rangefinder.rangetest.CurveCsv;
import org.rangefinder.rangetest.SweepFactor;
import org.rangefinder.rangetest.SweepResult;
import org.rangefinder.ui.chart.LrText;
import org.rangefinder.ui.rangetest.RangeTestRun;
import org.rangefinder.ui.rangetest.RunFamily;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A seed sweep from the experiment panel: one family, drawn as its mean over a min/max band, whose members' curves
 * an export of the curves writes.
 */
@ExtendWith(ApplicationExtension.class)
class SweepWorkflowTest {
    @RegisterExtension
    final WorkbenchFixture fixture = new WorkbenchFixture();

    @TempDir
    Path tmp;

    @Test
    void aSeedSweepIsDrawnAsItsMeanOverABand(FxRobot robot) throws Exception {
        robot.interact(() -> {
            robot.lookup("#datasetChoice").queryComboBox().setValue("iris");
            robot.lookup("#iterationsField").queryAs(TextField.class).setText("30");
            fixture.vm().experiment().sweepFactorProperty().set(SweepFactor.SEED);
            robot.lookup("#sweepValuesField").queryAs(TextField.class).setText("1, 2, 3");
        });
        WorkbenchFixture.waitUntil(10, () -> !robot.lookup("#runButton").queryButton().isDisabled());
        assertThat(robot.lookup("#runButton").queryButton().getText()).isEqualTo("Run sweep (3 runs)");
        robot.clickOn("#runButton");
        WorkbenchFixture.waitUntil(10, () -> fixture.vm().runs().runs().size() == 3);
        List<RangeTestRun> members = List.copyOf(fixture.vm().runs().runs());
        RunFamily family = members.get(0).family();
        assertThat(members).allSatisfy(m -> assertThat(m.family()).isSameAs(family));
        assertThat(members).extracting(RangeTestRun::colorIndex).containsOnly(members.get(0).colorIndex());
        WorkbenchFixture.waitUntil(90, () -> family.resultProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(family.resultProperty().get().seedSummary()).isNotNull();
        assertThat(members).allSatisfy(m -> assertThat(m.visibleProperty().get()).isFalse());
        var chart = fixture.view().chartView().chart();
        assertThat(chart.getData()).hasSize(1);
        assertThat(chart.getData().get(0).getName()).startsWith("sweep 1: mean");
        assertThat(chart.lookupAll(".rf-band")).hasSize(1);
        Screenshots.save(fixture.view().chartView(), "seed-sweep-band");

        // the curves behind the mean and band are exported, although the members' own are hidden
        Path csv = tmp.resolve("seeds.csv");
        List<String> problems = new ArrayList<>();
        robot.interact(() -> fixture.vm().exportCurves(csv, problems::add));
        WorkbenchFixture.waitUntil(10, () -> fixture.vm().statusProperty().get().startsWith("Wrote"));
        assertThat(problems).isEmpty();
        assertThat(fixture.vm().statusProperty().get()).isEqualTo("Wrote 3 curves to " + csv);
        List<String> lines = Files.readAllLines(csv);
        // labelled by their run numbers in the window, each with its seed, as the command line's sweep CSV has it
        assertThat(lines.get(0)).isEqualTo("run,seed,iteration,lr,loss,smoothed_loss");
        assertThat(lines.stream().skip(1).map(line -> line.substring(0, line.indexOf(',', line.indexOf(',') + 1)))
                .distinct()).containsExactlyElementsOf(members.stream().map(m -> m.number() + ","
                        + (members.indexOf(m) + 1)).toList());
        assertThat(CurveCsv.read(csv, CurveCsv.RUN_COLUMNS).factor()).isEqualTo(SweepFactor.SEED);
        assertThat(lines).hasSize(1 + members.stream().mapToInt(m -> m.points().size()).sum());

        // the selected member offers its own suggestions and the medians over the three seeds
        robot.interact(() -> fixture.vm().runs().selectedProperty().set(members.get(1)));
        SweepResult.SeedSummary seeds = family.resultProperty().get().seedSummary();
        assertThat(seeds.medianValley()).isNotNull();
        assertThat(robot.lookup("#median-valleyButton").queryButton().getText())
                .isEqualTo("valley " + LrText.format(seeds.medianValley()));
        assertThat(robot.lookup("#valleyButton").queryButton().getText())
                .isEqualTo("valley " + LrText.format(members.get(1).result().suggestions().valley()));
        assertThat(chart.markLabels()).contains("median-valley " + LrText.format(seeds.medianValley()));
        robot.clickOn("#median-valleyButton");
        assertThat(fixture.vm().bounds().maxProperty().get()).isEqualTo(seeds.medianValley());
        assertThat(fixture.vm().bounds().minProperty().get())
                .isEqualTo(seeds.medianValley() / SuggestionOptions.defaults().rangeFactor());
        assertThat(fixture.vm().bounds().chosenByProperty().get()).isEqualTo(LrChoice.VALLEY);
        assertThat(robot.lookup("#chosenByLabel").queryLabeled().getText()).isEqualTo("(valley)");
        Screenshots.save(fixture.view().chartView(), "seed-sweep-medians");

        robot.interact(() -> members.forEach(m -> m.visibleProperty().set(true)));
        assertThat(chart.getData()).hasSize(7);
        Screenshots.save(fixture.view().chartView(), "seed-sweep-members");
    }
}

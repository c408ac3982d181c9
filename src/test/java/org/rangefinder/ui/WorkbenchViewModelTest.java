package org.rangefinder.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rangefinder.UserInputException;
import org.rangefinder.hyperparams.Hyperparameters;
import org.rangefinder.ui.data.DatasetCache;
import org.rangefinder.ui.history.HistoryStore;
import org.rangefinder.ui.work.RunStatus;

class WorkbenchViewModelTest {
    @TempDir
    static Path historyFolder;

    private final WorkbenchViewModel vm = workbench();

    @TempDir
    Path tmp;

    private static WorkbenchViewModel workbench() {
        return new WorkbenchViewModel(Direct.executor(), Direct.executor(), new DatasetCache(),
                new HistoryStore(historyFolder, Direct.executor()));
    }

    @Test
    void choosingADatasetLoadsIt() {
        assertThat(vm.experiment().loadedDatasetProperty().get().name()).isEqualTo("digits");
        vm.experiment().datasetProperty().set("iris");
        assertThat(vm.experiment().loadedDatasetProperty().get().name()).isEqualTo("iris");
        assertThat(vm.oneCycle().trainSamplesProperty().get()).isEqualTo(120);
        assertThat(vm.statusProperty().get()).startsWith("iris: 120 training and 30 validation samples");
    }

    @Test
    void aDatasetThatCannotBeLoadedIsAProblemOfTheForm() {
        vm.experiment().datasetProperty().set(tmp.resolve("missing.csv").toString());
        assertThat(vm.experiment().loadedDatasetProperty().get()).isNull();
        assertThat(vm.experiment().problemProperty().get()).contains("missing.csv");
    }

    @Test
    void aFinishedRunSetsTheBoundsFromItsValleyOnceAndNotifies() {
        List<String> notes = new ArrayList<>();
        vm.setNotifier(notes::add);
        vm.experiment().datasetProperty().set("iris");
        vm.experiment().iterationsProperty().set("30");
        vm.run();
        var run = vm.runs().runs().get(0);
        assertThat(run.state().statusProperty().get()).isEqualTo(RunStatus.FINISHED);
        assertThat(vm.bounds().maxProperty().get()).isEqualTo(run.suggestionsProperty().get().valley());
        assertThat(notes).hasSize(1);
        assertThat(notes.get(0)).startsWith("Run #1 ").endsWith("bounds set from its valley");
        vm.bounds().maxProperty().set(0.02);
        vm.run();
        assertThat(vm.bounds().maxProperty().get()).as("a manual choice is kept").isEqualTo(0.02);
    }

    @Test
    void theHyperparametersNameTheRangeTestAndTheCycle() {
        vm.experiment().datasetProperty().set("iris");
        vm.experiment().iterationsProperty().set("30");
        vm.run();
        Hyperparameters h = vm.hyperparameters().build();
        assertThat(h.lr().chosenBy()).isEqualTo("valley");
        assertThat(h.rangeTest().iterations()).isEqualTo(30);
        assertThat(h.oneCycle().totalSteps()).isEqualTo(10);
        vm.experiment().datasetProperty().set("wine");
        assertThat(vm.hyperparameters().build().rangeTest()).as("a range test on other data is left out").isNull();
        vm.oneCycle().epochsProperty().set("0");
        assertThatThrownBy(vm::hyperparameters).isInstanceOf(UserInputException.class)
                .hasMessageStartingWith("the 1cycle panel is not ready: Epochs:");
    }

    @Test
    void aCsvWithLrAndLossColumnsIsACurveAndAnythingElseADataset() throws Exception {
        Path curve = Files.writeString(tmp.resolve("history.csv"), "\"lr\";\"loss\"\n1e-5;2.3\n1e-4;2.2\n");
        Path data = Files.writeString(tmp.resolve("data.csv"), "a,b,label\n1,2,x\n");
        assertThat(WorkbenchViewModel.isCurveFile(curve)).isTrue();
        assertThat(WorkbenchViewModel.isCurveFile(data)).isFalse();
        assertThat(WorkbenchViewModel.isCurveFile(tmp)).isFalse();
        vm.open(curve);
        assertThat(vm.runs().runs()).hasSize(1);
        assertThat(vm.runs().runs().get(0).state().statusProperty().get()).isEqualTo(RunStatus.IMPORTED);
        vm.open(data);
        assertThat(vm.datasetChoices()).contains(data.toAbsolutePath().toString());
        assertThat(vm.experiment().datasetProperty().get()).isEqualTo(data.toAbsolutePath().toString());
    }

    @Test
    void aHyperparameterFileReadBackGivesTheSameChoice() throws Exception {
        vm.experiment().datasetProperty().set("iris");
        vm.experiment().iterationsProperty().set("30");
        vm.experiment().weightDecayProperty().set("1e-4");
        vm.experiment().hiddenSizesProperty().set("64, 32");
        vm.run();
        vm.oneCycle().epochsProperty().set("3");
        vm.oneCycle().pctStartProperty().set("0.25");
        vm.oneCycle().threePhaseProperty().set(true);
        Path file = tmp.resolve("h.json");
        vm.exportHyperparameters(file, m -> { throw new AssertionError(m); });
        Hyperparameters written = vm.hyperparameters().build();

        WorkbenchViewModel other = workbench();
        assertThat(WorkbenchViewModel.isHyperparameterFile(file)).isTrue();
        other.open(file);
        assertThat(other.experiment().configProperty().get()).isEqualTo(vm.experiment().configProperty().get());
        assertThat(other.oneCycle().configProperty().get()).isEqualTo(vm.oneCycle().configProperty().get());
        assertThat(other.bounds().chosenByProperty().get()).isEqualTo(vm.bounds().chosenByProperty().get());
        Hyperparameters again = other.hyperparameters().build();
        assertThat(again.oneCycle()).isEqualTo(written.oneCycle());
        assertThat(again.lr()).isEqualTo(written.lr());
        assertThat(again.dataset()).isEqualTo(written.dataset());
        assertThat(other.statusProperty().get()).isEqualTo("Read the hyperparameters of h.json");
    }

    @Test
    void theChoiceCanBeHandedToPyTorchAsCode() throws Exception {
        vm.experiment().datasetProperty().set("iris");
        Path file = tmp.resolve("one_cycle.py");
        vm.exportCode(file, org.rangefinder.handoff.ExportFormat.PYTORCH, m -> { throw new AssertionError(m); });
        assertThat(Files.readString(file)).contains("OneCycleLR").contains("max_lr=0.01");
    }

    @Test
    void anImageFolderIsImportedAsAnImageDatasetThatFitsLenet() throws Exception {
        Path folder = tmp.resolve("shapes");
        for (String label : new String[] {"circle", "square"}) {
            Files.createDirectories(folder.resolve(label));
            for (int i = 0; i < 5; i++) {
                java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(8, 8,
                        java.awt.image.BufferedImage.TYPE_BYTE_GRAY);
                image.getRaster().setSample(i, label.equals("circle") ? 2 : 5, 0, 255);
                javax.imageio.ImageIO.write(image, "png", folder.resolve(label).resolve(i + ".png").toFile());
            }
        }
        vm.open(folder);
        var data = vm.experiment().loadedDatasetProperty().get();
        assertThat(data.kind()).isEqualTo(org.rangefinder.data.DatasetKind.IMAGE);
        assertThat(data.classNames()).containsExactly("circle", "square");
        assertThat(data.train().size() + data.validation().size()).isEqualTo(10);
        vm.experiment().modelPresetProperty().set("lenet");
        assertThat(vm.experiment().problemProperty().get()).isNull();
        assertThat(vm.datasetChoices()).endsWith(folder.toAbsolutePath().toString());
    }
}

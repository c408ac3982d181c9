package org.rangefinder.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.javafx.scene.input.DragboardHelper;
import com.sun.javafx.tk.TKClipboard;
import com.sun.javafx.tk.Toolkit;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.AccessControlContext;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import javafx.event.Event;
import javafx.scene.Node;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.image.Image;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.DataFormat;
import javafx.scene.input.DragEvent;
import javafx.scene.input.Dragboard;
import javafx.scene.input.TransferMode;
import javafx.util.Pair;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.rangefinder.TestData;
import org.rangefinder.data.Dataset;
import org.rangefinder.data.Datasets;
import org.rangefinder.ui.rangetest.RangeTestRun;
import org.rangefinder.ui.work.RunStatus;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;

/**
 * Files dropped on the window. The headless platform has no drag source, so the test builds the dragboard a drag
 * from a file manager carries (its content on JavaFX's own in-process clipboard, offering copy or move as file
 * managers do) and delivers the drag-over and drop events to the window as the scene does.
 */
@ExtendWith(ApplicationExtension.class)
class DragAndDropTest {
    @RegisterExtension
    final WorkbenchFixture fixture = new WorkbenchFixture();

    @TempDir
    Path tmp;

    /** FX thread: a dragboard with {@code content}, as the platform hands a file manager's drag to a target. */
    private static Dragboard carrying(ClipboardContent content) {
        Dragboard board = DragboardHelper.createDragboard(new FileManagerDrag());
        board.setContent(content);
        return board;
    }

    private static Dragboard carrying(List<File> files) {
        ClipboardContent content = new ClipboardContent();
        content.putFiles(files);
        return carrying(content);
    }

    /** The platform's side of a drag from a file manager: the content, and copy or move offered. */
    private static final class FileManagerDrag implements TKClipboard {
        private final TKClipboard content = Toolkit.getToolkit().createLocalClipboard();

        @Override
        public void setSecurityContext(AccessControlContext context) {
            content.setSecurityContext(context);
        }

        @Override
        public Set<DataFormat> getContentTypes() {
            return content.getContentTypes();
        }

        @SafeVarargs
        @Override
        public final boolean putContent(Pair<DataFormat, Object>... formats) {
            return content.putContent(formats);
        }

        @Override
        public Object getContent(DataFormat format) {
            return content.getContent(format);
        }

        @Override
        public boolean hasContent(DataFormat format) {
            return content.hasContent(format);
        }

        @Override
        public Set<TransferMode> getTransferModes() {
            return Set.of(TransferMode.COPY, TransferMode.MOVE);
        }

        @Override
        public void setDragView(Image image) {
        }

        @Override
        public void setDragViewOffsetX(double offsetX) {
        }

        @Override
        public void setDragViewOffsetY(double offsetY) {
        }

        @Override
        public Image getDragView() {
            return null;
        }

        @Override
        public double getDragViewOffsetX() {
            return 0;
        }

        @Override
        public double getDragViewOffsetY() {
            return 0;
        }
    }

    private static DragEvent event(javafx.event.EventType<DragEvent> type, Dragboard board) {
        return new DragEvent(type, board, 300, 300, 300, 300, TransferMode.COPY, null, null, null);
    }

    /** Drags {@code files} over the window and drops them; returns whether the window accepted and completed it. */
    private boolean[] drop(FxRobot robot, File... files) {
        boolean[] acceptedAndCompleted = new boolean[2];
        robot.interact(() -> {
            Dragboard board = carrying(List.of(files));
            DragEvent over = event(DragEvent.DRAG_OVER, board);
            Event.fireEvent(fixture.view(), over);
            acceptedAndCompleted[0] = over.isAccepted() && over.getAcceptedTransferMode() == TransferMode.COPY;
            DragEvent dropped = event(DragEvent.DRAG_DROPPED, board);
            Event.fireEvent(fixture.view(), dropped);
            acceptedAndCompleted[1] = dropped.isDropCompleted();
        });
        return acceptedAndCompleted;
    }

    @Test
    void aDroppedCurveFileOpensAsARun(FxRobot robot) throws Exception {
        StringBuilder csv = new StringBuilder("lr,loss\n");
        for (int i = 0; i < 40; i++) {
            csv.append(1e-5 * Math.pow(1e5, i / 39.0)).append(',').append(2.0 - i / 30.0 + (i > 30 ? i - 30 : 0))
                    .append('\n');
        }
        Path curve = Files.writeString(tmp.resolve("lr-finder.csv"), csv);

        assertThat(drop(robot, curve.toFile())).containsExactly(true, true);
        // read on the files thread, shown on the FX thread
        WorkbenchFixture.waitUntil(10, () -> fixture.vm().runs().runs().size() == 1);
        RangeTestRun run = fixture.vm().runs().runs().get(0);
        assertThat(run.name()).isEqualTo("#1 lr-finder.csv");
        assertThat(run.state().statusProperty().get()).isEqualTo(RunStatus.IMPORTED);
        assertThat(run.points()).hasSize(40);
    }

    @Test
    void aDroppedDataFileIsImportedAndSelected(FxRobot robot) {
        Path iris = Datasets.bundledRoot().resolve("iris").resolve("iris.csv");

        assertThat(drop(robot, iris.toFile())).containsExactly(true, true);
        String choice = iris.toAbsolutePath().toString();
        WorkbenchFixture.waitUntil(10, () -> choice.equals(fixture.vm().experiment().datasetProperty().get()));
        assertThat(fixture.vm().datasetChoices()).contains(choice);
        assertThat(fixture.vm().experiment().datasetProperty().get()).isEqualTo(choice);
        assertThat(fixture.vm().runs().runs()).isEmpty();
        // the narrow box shows the file's name, not the start of its path, and the path in full as tooltip
        javafx.scene.control.ListCell<String> shown = robot.lookup("#datasetChoice").<String>queryComboBox()
                .getButtonCell();
        assertThat(fixture.laidOut(shown::getText)).isEqualTo("iris.csv");
        assertThat(shown.getTooltip().getText()).isEqualTo(choice);
        Screenshots.save(fixture.view().experimentPanel(), "imported-dataset-by-name");
    }

    /**
     * A dropped folder of images shows the image size and colour fields, which the data is loaded with; another
     * dataset hides them.
     */
    @Test
    void aDroppedImageFolderIsLoadedAtTheImageSizeAndColoursTheFormGives(FxRobot robot) throws Exception {
        Path folder = TestData.imageFolder(tmp.resolve("photos"), 20);
        assertThat(shown(robot, "#imageSizeField")).as("digits: no images to size").isFalse();

        assertThat(drop(robot, folder.toFile())).containsExactly(true, true);
        WorkbenchFixture.waitUntil(10, () -> loadedShape().equals(List.of(1, 28, 28)));
        assertThat(shown(robot, "#imageSizeField")).isTrue();
        WorkbenchFixture.replaceText(robot, "#imageSizeField", "8x6");
        robot.clickOn("#rgbCheck");
        WorkbenchFixture.waitUntil(10, () -> loadedShape().equals(List.of(3, 6, 8)));
        Screenshots.save(fixture.view().experimentPanel(), "image-folder-options");

        robot.interact(() -> fixture.vm().experiment().datasetProperty().set("digits"));
        assertThat(shown(robot, "#imageSizeField")).isFalse();
        assertThat(shown(robot, "#rgbCheck")).isFalse();
        assertThat(shown(robot, "#valFractionField")).isTrue();
        // MNIST validates on its test set: no fraction of it is held out
        robot.interact(() -> fixture.vm().experiment().datasetProperty().set("mnist"));
        assertThat(shown(robot, "#valFractionField")).isFalse();
        Screenshots.save(fixture.view().experimentPanel(), "mnist-data-options");
    }

    /** Whether the node {@code query} finds is shown: it and every node above it visible. */
    private static boolean shown(FxRobot robot, String query) {
        for (Node n = robot.lookup(query).query(); n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return true;
    }

    /** The sample shape of the dataset the form holds, or none. */
    private List<Integer> loadedShape() {
        Dataset data = fixture.vm().experiment().loadedDatasetProperty().get();
        return data == null ? List.of() : Arrays.stream(data.sampleShape()).boxed().toList();
    }

    @Test
    void aDroppedFileThatCannotBeReadSaysWhyInADialog(FxRobot robot) throws Exception {
        Path broken = Files.writeString(tmp.resolve("broken.csv"), "lr,loss\n0.001,not-a-number\n");

        drop(robot, broken.toFile());
        WorkbenchFixture.waitUntil(10, () -> robot.lookup("#errorDialog").tryQuery().isPresent());
        DialogPane dialog = robot.lookup("#errorDialog").queryAs(DialogPane.class);
        assertThat(dialog.getHeaderText()).isEqualTo("Cannot open broken.csv");
        assertThat(((Label) dialog.getContent()).getText()).contains("broken.csv").doesNotContain("Exception");
        assertThat(fixture.vm().runs().runs()).isEmpty();
        robot.interact(() -> dialog.getScene().getWindow().hide());
    }

    /**
     * A dropped file that is neither a curve nor a dataset is imported, fails to load, and is then taken back: the
     * dataset box shows the dataset chosen before, without the file among its choices, and a dialog says why.
     */
    @Test
    void aDroppedFileThatIsNoDatasetIsNotLeftChosen(FxRobot robot) throws Exception {
        Path notData = Files.writeString(tmp.resolve("bad1.csv"), "learning_rate,value\n0.001,2.3\n0.01,2.1\n");
        WorkbenchFixture.waitUntil(20, () -> fixture.vm().oneCycle().trainSamplesProperty().get() > 0);

        drop(robot, notData.toFile());
        WorkbenchFixture.waitUntil(10, () -> robot.lookup("#errorDialog").tryQuery().isPresent());
        DialogPane dialog = robot.lookup("#errorDialog").queryAs(DialogPane.class);
        assertThat(dialog.getHeaderText()).isEqualTo("Cannot open bad1.csv");
        assertThat(((Label) dialog.getContent()).getText()).contains("no class has two samples");
        robot.interact(() -> dialog.getScene().getWindow().hide());
        WorkbenchFixture.waitUntil(10, () -> fixture.vm().oneCycle().trainSamplesProperty().get() > 0);
        assertThat(robot.lookup("#datasetChoice").queryComboBox().getValue()).isEqualTo("digits");
        assertThat(fixture.vm().datasetChoices()).containsExactlyElementsOf(Datasets.BUNDLED);
        assertThat(robot.lookup("#problemLabel").queryAs(Label.class).isVisible()).isFalse();
        assertThat(fixture.vm().oneCycle().problemProperty().get()).isNull();
    }

    @Test
    void aDragWithoutFilesIsRefused(FxRobot robot) {
        boolean[] refused = new boolean[1];
        robot.interact(() -> {
            ClipboardContent text = new ClipboardContent();
            text.putString("0.01");
            Dragboard board = carrying(text);
            DragEvent over = event(DragEvent.DRAG_OVER, board);
            Event.fireEvent(fixture.view(), over);
            refused[0] = !over.isAccepted();
        });
        assertThat(refused[0]).isTrue();
    }
}

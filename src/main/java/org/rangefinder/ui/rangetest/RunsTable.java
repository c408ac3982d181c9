package org.rangefinder.ui.rangetest;

import java.util.Collections;
import java.util.List;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.geometry.Bounds;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.IndexedCell;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.control.skin.VirtualFlow;
import javafx.scene.layout.HBox;
import javafx.scene.shape.Rectangle;
import javafx.scene.text.Font;
import org.rangefinder.model.ModelSpec;
import org.rangefinder.rangetest.RangeTestConfig;

/**
 * The runs list: colour, name (in full in its tooltip), status (once ended, the stop reason), progress, duration,
 * whether its curves are shown, and Cancel / Remove (from the list: the run history keeps the run); the Run column
 * takes the width the others leave. Selecting a row selects the run whose suggestions the chart shows; a run selected
 * elsewhere (a new run, a curve opened) is selected in the list and scrolled into view. A table reuses its cells for
 * other rows: each cell builds its controls once and rebinds them to the run it shows, and {@link #buildRows()} makes
 * the rows before the window's first frame.
 */
public final class RunsTable extends TableView<RangeTestRun> {
    /** Style classes of a row's Show check box and its Cancel and Remove buttons. */
    public static final String SHOW = "run-show";
    public static final String CANCEL = "run-cancel";
    public static final String REMOVE = "run-remove";
    /**
     * The name of {@link #buildRows()}'s stand-in runs: 720 characters, several thousand pixels at the default font,
     * so that the Run column cuts it.
     */
    static final String STAND_IN_NAME = "stand-in ".repeat(80);
    /** The Run column's narrowest width: the run's number and the start of its name. */
    static final double RUN_MIN_WIDTH = 90;
    /** The vertical scroll bar (8 px in the themes) and the table's border. */
    private static final double SCROLL_BAR_ROOM = 12;

    /** The run selected elsewhere whose row the next layout scrolls into view; null for none. */
    private RangeTestRun toReveal;

    public RunsTable(RangeTestViewModel vm) {
        super(vm.runs());
        setId("runsTable");
        setPlaceholder(new Label("No runs yet: press Run, or open a curve file."));
        // the other columns keep their widths: the Run column takes the width they leave, and gives it up first
        setColumnResizePolicy(CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);

        TableColumn<RangeTestRun, RangeTestRun> name = column("Run", r -> new ReadOnlyObjectWrapper<>(r));
        name.setCellFactory(c -> new TableCell<>() {
            private final Rectangle swatch = new Rectangle(12, 12);
            private final Tooltip fullName = new Tooltip();

            {
                keep(this, swatch);
            }

            @Override
            protected void updateItem(RangeTestRun run, boolean empty) {
                super.updateItem(run, empty);
                swatch.setVisible(!empty && run != null);
                if (empty || run == null) {
                    setText(null);
                    setTooltip(null);
                    return;
                }
                RunLooks.swatch(swatch, run);
                setText(run.name());
                fullName.setText(run.name());
                setTooltip(fullName);
            }
        });
        name.setPrefWidth(200);
        name.setMinWidth(RUN_MIN_WIDTH);

        // one column for the status and, once the run has ended, its stop reason: a column for each left the Run
        // column too little room beside two side panels
        TableColumn<RangeTestRun, String> status = column("Status", r -> r.state().outcomeText());
        fixedWidth(status, 94);

        TableColumn<RangeTestRun, Number> progress = column("Progress", r -> r.state().progressProperty());
        progress.setCellFactory(c -> new TableCell<>() {
            // determinate from the start: a bar made indeterminate (the default) builds its animation first
            private final ProgressBar bar = new ProgressBar(0);

            {
                bar.setMaxWidth(Double.MAX_VALUE);
                keep(this, bar);
            }

            @Override
            protected void updateItem(Number value, boolean empty) {
                super.updateItem(value, empty);
                bar.setProgress(value == null ? 0 : value.doubleValue());
                bar.setVisible(!empty);
            }
        });
        fixedWidth(progress, 80);

        TableColumn<RangeTestRun, String> duration = column("Time", r -> r.state().durationText());
        fixedWidth(duration, 66);

        TableColumn<RangeTestRun, RangeTestRun> show = column("Show", r -> new ReadOnlyObjectWrapper<>(r));
        show.setCellFactory(c -> new TableCell<>() {
            private final CheckBox box = new CheckBox();
            private RangeTestRun shown;

            {
                box.getStyleClass().add(SHOW);
                keep(this, box);
            }

            @Override
            protected void updateItem(RangeTestRun run, boolean empty) {
                super.updateItem(run, empty);
                if (shown != null) {
                    box.selectedProperty().unbindBidirectional(shown.visibleProperty());
                    shown = null;
                }
                box.setVisible(!empty && run != null);
                if (empty || run == null) {
                    return;
                }
                shown = run;
                box.selectedProperty().bindBidirectional(run.visibleProperty());
            }
        });
        fixedWidth(show, 52);
        show.setSortable(false);

        TableColumn<RangeTestRun, RangeTestRun> actions = column("", r -> new ReadOnlyObjectWrapper<>(r));
        actions.setCellFactory(c -> new TableCell<>() {
            private final Button cancel = new Button("Cancel");
            private final Button remove = new Button("Remove");
            private final HBox buttons = new HBox(6, cancel, remove);

            {
                cancel.getStyleClass().addAll("small", CANCEL);
                remove.getStyleClass().addAll("small", REMOVE);
                // the History tab's Delete... deletes a run's record; this takes it off the window's list only
                remove.setTooltip(new Tooltip("Remove the run from this list (the History tab keeps it)"));
                for (Button b : new Button[] {cancel, remove}) {
                    b.setMinWidth(Button.USE_PREF_SIZE);
                }
                buttons.setAlignment(Pos.CENTER_LEFT);
                keep(this, buttons);
            }

            @Override
            protected void updateItem(RangeTestRun run, boolean empty) {
                super.updateItem(run, empty);
                cancel.disableProperty().unbind();
                buttons.setVisible(!empty && run != null);
                if (empty || run == null) {
                    cancel.setOnAction(null);
                    remove.setOnAction(null);
                    return;
                }
                cancel.disableProperty().bind(run.state().ended());
                cancel.setOnAction(e -> vm.cancel(run));
                remove.setOnAction(e -> vm.remove(run));
            }
        });
        // room for Cancel and Remove side by side, with their padding and the cell's
        fixedWidth(actions, 137);
        actions.setSortable(false);

        getColumns().addAll(List.of(name, status, progress, duration, show, actions));
        // every column at its width beside the Run column at its narrowest, and the vertical scroll bar
        setMinWidth(getColumns().stream().mapToDouble(TableColumn::getMinWidth).sum() + SCROLL_BAR_ROOM);
        getSelectionModel().selectedItemProperty().addListener((o, old, run) -> {
            if (run != null && vm.runs().contains(run)) { // not a stand-in of buildRows
                vm.selectedProperty().set(run);
            }
        });
        vm.selectedProperty().addListener((o, old, run) -> {
            getSelectionModel().select(run);
            toReveal = run;
            requestLayout();
        });
    }

    /**
     * Scrolls the list as little as it takes to show all of the row of the run selected elsewhere: a run just started
     * or a curve just opened is selected, and its row, the last, was left below the rows shown. A row already shown
     * stays where it is. Done once the table is laid out: a run added to its items takes its place among the rows only
     * in the table's next layout, and the flow scrolled before then scrolled by the rows it counted.
     */
    @Override
    protected void layoutChildren() {
        super.layoutChildren();
        RangeTestRun run = toReveal;
        toReveal = null;
        int index = run == null ? -1 : getItems().indexOf(run);
        if (index < 0 || !(lookup(".virtual-flow") instanceof VirtualFlow<?> flow)) {
            return;
        }
        IndexedCell<?> row = flow.getVisibleCell(index);
        Bounds shown = row == null ? null : flow.sceneToLocal(row.localToScene(row.getLayoutBounds()));
        if (shown != null && shown.getMinY() >= 0 && shown.getMaxY() <= flow.getHeight()) {
            return;
        }
        if (shown != null && shown.getMinY() < 0) {
            flow.scrollToTop(index);
        } else {
            // the row last, below the rows before it
            int rowsShown = Math.max(1, (int) (flow.getHeight() / rowHeight()));
            flow.scrollToTop(Math.max(0, index - rowsShown + 1));
        }
    }

    /** The height of a row: the themes fix it (2.8em); a user's theme that unset it gets rows of that height counted. */
    private double rowHeight() {
        return getFixedCellSize() > 0 ? getFixedCellSize() : Font.getDefault().getSize() * 2.8;
    }

    /**
     * Makes the table's rows now, before the window's first frame. A table makes its rows when it first
     * has an item: as many as its height holds, empty ones included, each a cell per column with its controls, all
     * styled and laid out for the first time. That took the window's thread 70-100 ms in the frame where the first
     * run appeared. Laid out once with stand-in runs in every row, the rows stay with the table, which shows the real
     * runs in them. The view model's list of runs is not touched: the table shows another list meanwhile. A stand-in
     * row is selected and the selection cleared: the first selection of a table took the first run 12-24 ms of the
     * window's thread in three sessions (1-5 ms after this). The stand-in's name is too long for its column, so that
     * the first name cut short with an ellipsis is cut here: JavaFX finds where to cut with the JDK's
     * {@link java.text.BreakIterator}, whose first instance in a JVM loads its rule data (20-28 ms in a fresh JVM),
     * which the first run's row paid in the frame where it appeared. Needs the table in a scene, laid out at its size.
     */
    public void buildRows() {
        ObservableList<RangeTestRun> runs = getItems();
        RangeTestRun standIn = new RangeTestRun(0, STAND_IN_NAME,
                RangeTestConfig.defaults("stand-in", ModelSpec.preset("mlp")), null, 0, Runnable::run);
        int rows = (int) Math.ceil(getHeight() / rowHeight()) + 1;
        setItems(FXCollections.observableArrayList(Collections.nCopies(rows, standIn)));
        applyCss();
        layout();
        getSelectionModel().select(0);
        applyCss();
        layout();
        getSelectionModel().clearSelection();
        setItems(runs);
        applyCss();
        layout();
    }

    /**
     * Gives a cell its controls for good: an empty row hides them rather than dropping them. A node put back into the
     * scene has its styles computed afresh, matched against every rule of the theme (the progress bar, check box and
     * buttons of the row a new run takes, in the frame where it appears); a hidden one keeps them. For the same reason
     * the controls carry fixed style classes, not ids made from the run's number: a new id is matched afresh too.
     */
    private static void keep(TableCell<RangeTestRun, ?> cell, Node control) {
        control.setVisible(false);
        cell.setGraphic(control);
    }

    /** A column that keeps its width (its header and its content readable) while the Run column takes the rest. */
    private static void fixedWidth(TableColumn<RangeTestRun, ?> column, double width) {
        column.setMinWidth(width);
        column.setPrefWidth(width);
        column.setMaxWidth(width);
    }

    private static <T> TableColumn<RangeTestRun, T> column(String title,
            Function<RangeTestRun, ObservableValue<T>> value) {
        TableColumn<RangeTestRun, T> c = new TableColumn<>(title);
        c.setCellValueFactory(f -> value.apply(f.getValue()));
        return c;
    }
}

package org.rangefinder.ui.rangetest;

import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import javafx.beans.property.Property;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.shape.Rectangle;
import javafx.scene.text.Font;
import org.rangefinder.model.ModelSpec;
import org.rangefinder.rangetest.RangeTestConfig;
import org.rangefinder.ui.chart.LayoutBoundary;
import org.rangefinder.ui.work.RunState;

/**
 * The runs list: colour, name (in full in its tooltip), status, progress, stop reason, duration, whether its curves
 * are shown, and Cancel / Delete. Selecting a row selects the run whose suggestions the chart shows. A table reuses
 * its cells for other rows: each cell builds its controls once and rebinds them to the run it shows, and
 * {@link #buildRows()} makes the rows before the window's first frame.
 */
public final class RunsTable extends TableView<RangeTestRun> {
    /** Style classes of a row's Show check box and its Cancel and Delete buttons. */
    public static final String SHOW = "run-show";
    public static final String CANCEL = "run-cancel";
    public static final String DELETE = "run-delete";

    public RunsTable(RangeTestViewModel vm) {
        super(vm.runs());
        setId("runsTable");
        setPlaceholder(new Label("No runs yet: press Run, or open a curve file."));
        setColumnResizePolicy(CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);

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
        name.setMinWidth(120);

        TableColumn<RangeTestRun, RangeTestRun> status = liveText("Status", RunState::statusText);
        fixedWidth(status, 78);

        TableColumn<RangeTestRun, RangeTestRun> progress = column("Progress", r -> new ReadOnlyObjectWrapper<>(r));
        progress.setComparator(Comparator.comparingDouble(r -> r.state().progressProperty().get()));
        progress.setCellFactory(c -> {
            // determinate from the start: a bar made indeterminate (the default) builds its animation first
            ProgressBar bar = new ProgressBar(0);
            return new LiveCell<>(bar, bar.progressProperty(), RunState::progressProperty);
        });
        fixedWidth(progress, 88);

        TableColumn<RangeTestRun, RangeTestRun> stop = liveText("Stopped", RunState::stopReasonText);
        fixedWidth(stop, 94);

        TableColumn<RangeTestRun, RangeTestRun> duration = liveText("Time", RunState::durationText);
        fixedWidth(duration, 68);

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
        fixedWidth(show, 60);
        show.setSortable(false);

        TableColumn<RangeTestRun, RangeTestRun> actions = column("", r -> new ReadOnlyObjectWrapper<>(r));
        actions.setCellFactory(c -> new TableCell<>() {
            private final Button cancel = new Button("Cancel");
            private final Button delete = new Button("Delete");
            private final HBox buttons = new HBox(6, cancel, delete);

            {
                cancel.getStyleClass().addAll("small", CANCEL);
                delete.getStyleClass().addAll("small", DELETE);
                for (Button b : new Button[] {cancel, delete}) {
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
                    delete.setOnAction(null);
                    return;
                }
                cancel.disableProperty().bind(run.state().ended());
                cancel.setOnAction(e -> vm.cancel(run));
                delete.setOnAction(e -> vm.delete(run));
            }
        });
        fixedWidth(actions, 132);
        actions.setSortable(false);

        getColumns().addAll(List.of(name, status, progress, stop, duration, show, actions));
        getSelectionModel().selectedItemProperty().addListener((o, old, run) -> {
            if (run != null) {
                vm.selectedProperty().set(run);
            }
        });
        vm.selectedProperty().addListener((o, old, run) -> getSelectionModel().select(run));
    }

    /**
     * Makes the table's rows now, before the window's first frame. A table makes its rows when it first
     * has an item: as many as its height holds, empty ones included, each a cell per column with its controls, all
     * styled and laid out for the first time. That took the window's thread 70-100 ms in the frame where the first
     * run appeared. Laid out once with stand-in runs in every row, the rows stay with the table, which shows the real
     * runs in them. The view model's list of runs is not touched: the table shows another list meanwhile.
     * Needs the table in a scene, laid out at its size.
     */
    public void buildRows() {
        ObservableList<RangeTestRun> runs = getItems();
        RangeTestRun standIn = new RangeTestRun(0, "", RangeTestConfig.defaults("stand-in", ModelSpec.preset("mlp")),
                null, 0, Runnable::run);
        // the themes fix the row height (2.8em); a user's theme that unset it gets rows of that height counted
        double rowHeight = getFixedCellSize() > 0 ? getFixedCellSize() : Font.getDefault().getSize() * 2.8;
        int rows = (int) Math.ceil(getHeight() / rowHeight) + 1;
        setItems(FXCollections.observableArrayList(Collections.nCopies(rows, standIn)));
        applyCss();
        layout();
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

    /** A column of text that changes while a run goes (its status, stop reason, time), in {@link LiveCell}s. */
    private static TableColumn<RangeTestRun, RangeTestRun> liveText(String title,
            Function<RunState, ObservableValue<String>> text) {
        TableColumn<RangeTestRun, RangeTestRun> column = column(title, r -> new ReadOnlyObjectWrapper<>(r));
        column.setComparator(Comparator.comparing(r -> text.apply(r.state()).getValue()));
        column.setCellFactory(c -> {
            Label label = new Label();
            label.getStyleClass().add("live-text");
            return new LiveCell<>(label, label.textProperty(), text);
        });
        return column;
    }

    /**
     * A cell showing what changes while its run goes (its progress, status, time) in a control bound to it. A table
     * cell whose value changes asks for a layout, and a row that asks makes the table lay out and restyle all its rows
     * again, each frame of a run: these cells' value is the run itself, which never changes, and their control sits in
     * a {@link LayoutBoundary}, across the cell's width (its text or bar cannot ask the cell for more room).
     */
    private static final class LiveCell<T> extends TableCell<RangeTestRun, RangeTestRun> {
        private final Property<T> shown;
        private final Function<RunState, ? extends ObservableValue<? extends T>> value;
        private final LayoutBoundary held;

        /** A cell whose {@code content} shows, through its property {@code shown}, the {@code value} of a run. */
        LiveCell(Region content, Property<T> shown, Function<RunState, ? extends ObservableValue<? extends T>> value) {
            this.shown = shown;
            this.value = value;
            held = new LayoutBoundary(content);
            keep(this, held);
        }

        @Override
        protected void updateItem(RangeTestRun run, boolean empty) {
            super.updateItem(run, empty);
            shown.unbind();
            held.setVisible(!empty && run != null);
            if (!empty && run != null) {
                shown.bind(value.apply(run.state()));
            }
        }

        @Override
        protected void layoutChildren() {
            super.layoutChildren();
            double left = snappedLeftInset();
            double top = snappedTopInset();
            double width = getWidth() - left - snappedRightInset();
            double height = getHeight() - top - snappedBottomInset();
            double h = Math.min(height, held.prefHeight(width));
            held.resizeRelocate(left, top + (height - h) / 2, width, h);
        }
    }

    /** A column that keeps its width (its header and its content readable) while the Run column takes the rest. */
    private static void fixedWidth(TableColumn<RangeTestRun, ?> column, double width) {
        column.setMinWidth(width);
        column.setPrefWidth(width);
    }

    private static <T> TableColumn<RangeTestRun, T> column(String title,
            Function<RangeTestRun, ObservableValue<T>> value) {
        TableColumn<RangeTestRun, T> c = new TableColumn<>(title);
        c.setCellValueFactory(f -> value.apply(f.getValue()));
        return c;
    }
}

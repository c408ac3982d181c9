package org.rangefinder.ui.history;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableColumnBase;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.control.skin.TableColumnHeader;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.text.Text;
import org.rangefinder.history.RunRecord;
import org.rangefinder.history.RunStatus;

/**
 * The History panel: the recorded runs (when; what kind, with a sweep's factor and values and a training's schedule;
 * key numbers; how they ended; dataset; model), with Refresh, Overlay (the chosen range tests' and sweeps' curves go
 * onto the range-test chart) and Delete (after asking).
 */
public final class HistoryPanel extends BorderPane {
    private static final double MAX_COLUMN_WIDTH = 480;
    private final TableView<RunRecord> table;
    private Confirmation confirmation = this::askInDialog;

    /** @param overlaid called after Overlay is pressed, to bring the chart into view */
    public HistoryPanel(HistoryViewModel vm, Runnable overlaid) {
        table = new TableView<>(vm.entries());
        table.setId("historyTable");
        table.setPlaceholder(new Label("No recorded runs yet: every range test, sweep and training is kept here."));
        // the columns keep the widths of their contents (the table scrolls sideways) rather than cut them short
        table.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        // what tells the runs apart first: a sweep's values and a training's schedule, then the key numbers
        table.getColumns().addAll(List.of(
                column("When", HistoryViewModel::when),
                column("Kind", HistoryViewModel::kind),
                column("Key numbers", RunRecord::summary),
                column("Ended", HistoryPanel::ending),
                column("Dataset", RunRecord::dataset),
                column("Model", r -> r.model() == null ? "" : r.model().describe())));

        // in a narrow window the columns scroll sideways: a row's tooltip says all of it
        table.setRowFactory(t -> new TableRow<>() {
            private final Tooltip whole = new Tooltip();

            @Override
            protected void updateItem(RunRecord r, boolean empty) {
                super.updateItem(r, empty);
                if (empty || r == null) {
                    setTooltip(null);
                    return;
                }
                whole.setText(inFull(r));
                setTooltip(whole);
            }
        });

        Button refresh = new Button("Refresh");
        refresh.setId("historyRefresh");
        refresh.setOnAction(e -> vm.refresh());
        Button overlay = new Button("Overlay on chart");
        overlay.setId("historyOverlay");
        overlay.disableProperty().bind(Bindings.createBooleanBinding(
                () -> table.getSelectionModel().getSelectedItems().stream().noneMatch(HistoryViewModel::hasCurves),
                table.getSelectionModel().getSelectedItems()));
        overlay.setOnAction(e -> {
            vm.overlay(List.copyOf(table.getSelectionModel().getSelectedItems()));
            overlaid.run();
        });
        Button delete = new Button("Delete...");
        delete.setId("historyDelete");
        delete.disableProperty().bind(Bindings.isEmpty(table.getSelectionModel().getSelectedItems()));
        delete.setOnAction(e -> {
            List<RunRecord> chosen = List.copyOf(table.getSelectionModel().getSelectedItems());
            if (confirmation.ask("Delete " + chosen.size() + " run(s) and their files from " + vm.store().folder()
                    + "? This cannot be undone.")) {
                vm.delete(chosen);
            }
        });
        HBox actions = new HBox(8, refresh, overlay, delete);
        actions.setAlignment(Pos.CENTER_LEFT);
        actions.setPadding(new Insets(6));
        setTop(actions);
        setCenter(table);
        setId("historyPanel");
        // after the table has taken the change in: then its rows hold the new texts
        vm.entries().addListener((ListChangeListener<RunRecord>) change -> Platform.runLater(this::fitColumns));
        sceneProperty().addListener((o, old, scene) -> Platform.runLater(this::fitColumns));
    }

    /**
     * Widens each column to its widest title or value in the rows shown, to at most {@value #MAX_COLUMN_WIDTH} px;
     * a column the user made wider keeps its width. JavaFX fits columns once, when the table first shows (with no
     * runs yet, to the titles), and when a column's border is double-clicked; here it follows every refresh. Only a
     * table in the window has rows to measure.
     */
    private void fitColumns() {
        if (getScene() == null) {
            return;
        }
        table.applyCss();
        table.layout();
        Map<TableColumnBase<?, ?>, Double> widest = new HashMap<>();
        for (Node node : table.lookupAll(".column-header")) {
            if (node instanceof TableColumnHeader header && header.getTableColumn() != null
                    && header.lookup(".label") instanceof Label title) {
                // the header's padding and sort arrow around its title
                double around = header.getWidth() - title.getWidth();
                widest.merge(header.getTableColumn(), title.prefWidth(-1) + around, Math::max);
            }
        }
        for (Node node : table.lookupAll(".table-cell")) {
            if (node instanceof TableCell<?, ?> cell && !cell.isEmpty() && cell.getText() != null) {
                // a table cell's preferred width is its column's: measure its text
                Text text = new Text(cell.getText());
                text.setFont(cell.getFont());
                widest.merge(cell.getTableColumn(), text.getLayoutBounds().getWidth() + cell.snappedLeftInset()
                        + cell.snappedRightInset(), Math::max);
            }
        }
        widest.forEach((column, width) -> column.setPrefWidth(Math.max(column.getWidth(),
                Math.min(MAX_COLUMN_WIDTH, Math.ceil(width)))));
    }

    /** A run in a few lines: when and what, its key numbers, how it ended, on what. */
    static String inFull(RunRecord r) {
        List<String> lines = new ArrayList<>();
        lines.add(HistoryViewModel.when(r) + ": " + HistoryViewModel.kind(r));
        if (!r.summary().isEmpty()) {
            lines.add(r.summary());
        }
        lines.add(ending(r) + ", " + r.dataset() + (r.model() == null ? "" : ", " + r.model().describe()));
        return String.join("\n", lines);
    }

    /** How a run ended: its stop reason once finished, else its status ({@code failed}, {@code running}, ...). */
    private static String ending(RunRecord r) {
        return r.status() == RunStatus.FINISHED && r.stopReason() != null ? r.stopReason() : r.status().id();
    }

    private static TableColumn<RunRecord, String> column(String title, Function<RunRecord, String> text) {
        TableColumn<RunRecord, String> c = new TableColumn<>(title);
        c.setCellValueFactory(f -> new ReadOnlyStringWrapper(text.apply(f.getValue())));
        return c;
    }

    private boolean askInDialog(String question) {
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, question, ButtonType.OK, ButtonType.CANCEL);
        alert.initOwner(getScene().getWindow());
        alert.setTitle("Rangefinder");
        alert.setHeaderText("Delete from the run history");
        return alert.showAndWait().filter(ButtonType.OK::equals).isPresent();
    }

    /** Replaces the dialog that asks before deleting (tests answer it). */
    public void setConfirmation(Confirmation confirmation) {
        this.confirmation = confirmation;
    }

    public TableView<RunRecord> table() {
        return table;
    }
}

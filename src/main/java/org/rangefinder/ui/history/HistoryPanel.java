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
import javafx.collections.transformation.SortedList;
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
import org.rangefinder.Counts;
import org.rangefinder.history.RunRecord;
import org.rangefinder.history.RunStatus;

/**
 * The History panel: the recorded runs (when; what kind, with a sweep's factor and values and a training's schedule;
 * key numbers; how they ended, on what dataset and model), with Refresh, Overlay (the chosen range tests' and sweeps'
 * curves go onto the range-test chart) and Delete (after asking). The columns fill the table's width
 * ({@link FillingColumns}): short of room, how a run ended and on what gives it up first, then the kind and the key
 * numbers; the time keeps its own. A value cut short ends in an ellipsis, and the row's tooltip gives the run in full.
 * The runs show newest first, or sorted by the column clicked, which they stay in as runs are recorded and on Refresh.
 */
public final class HistoryPanel extends BorderPane {
    private static final double MAX_COLUMN_WIDTH = 480;
    private final TableView<RunRecord> table;
    private final FillingColumns fill;
    private Confirmation confirmation = this::askInDialog;

    /** @param overlaid called after Overlay is pressed, to bring the chart into view */
    public HistoryPanel(HistoryViewModel vm, Runnable overlaid) {
        // a column clicked sorts a view of the runs, not the runs themselves: those stay newest first, where a run
        // recorded takes its place, and show in the column's order, a run's end in its row, until the sort is undone
        SortedList<RunRecord> sorted = new SortedList<>(vm.entries());
        table = new TableView<>(sorted);
        sorted.comparatorProperty().bind(table.comparatorProperty());
        table.setId("historyTable");
        table.setPlaceholder(new Label("No recorded runs yet: every range test, sweep and training is kept here."));
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        // what tells the runs apart first: a sweep's values and a training's schedule, then the key numbers
        TableColumn<RunRecord, String> kind = column("Kind", HistoryViewModel::kind);
        TableColumn<RunRecord, String> numbers = column("Key numbers", RunRecord::summary);
        // how a run ended and on what in one column, as in a row's tooltip: cut short, it still shows the ending
        TableColumn<RunRecord, String> ended = column("Ended, dataset, model", HistoryPanel::endedOn);
        table.getColumns().addAll(List.of(column("When", HistoryViewModel::when), kind, numbers, ended));
        // in the narrowest window, where the tab is as wide as the runs list needs, they keep their first words: a
        // range test or a training's kind, a range test's valley, how a run ended
        fill = new FillingColumns(Map.of(
                ended, new FillingColumns.Share(8, 0),
                kind, new FillingColumns.Share(6, 1),
                numbers, new FillingColumns.Share(8.5, 1)));
        table.setColumnResizePolicy(fill);

        // a value cut short in a narrow window: a row's tooltip says all of it
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
            if (confirmation.ask("Delete " + Counts.of(chosen.size(), "run") + " and "
                    + (chosen.size() == 1 ? "its" : "their") + " files from " + vm.store().folder()
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
        // a tab shown for the first time lays its table out after that: it has rows to measure once it has a size
        table.widthProperty().addListener((o, old, width) -> {
            if (old.doubleValue() == 0) {
                Platform.runLater(this::fitColumns);
            }
        });
    }

    /**
     * Measures each column's widest title or value in the rows shown, to at most {@value #MAX_COLUMN_WIDTH} px, and
     * fits the columns to the table's width from these ({@link FillingColumns}); this follows every refresh. Only a
     * table in the window has rows to measure.
     */
    private void fitColumns() {
        if (getScene() == null) {
            return;
        }
        table.applyCss();
        table.layout();
        Map<TableColumnBase<?, ?>, Double> widest = new HashMap<>();
        double em = 0;
        for (Node node : table.lookupAll(".column-header")) {
            if (node instanceof TableColumnHeader header && header.getTableColumn() != null
                    && header.lookup(".label") instanceof Label title) {
                // the header's padding and sort arrow around its title
                double around = header.getWidth() - title.getWidth();
                widest.merge(header.getTableColumn(), title.prefWidth(-1) + around, Math::max);
                em = title.getFont().getSize();
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
        widest.replaceAll((column, width) -> Math.min(MAX_COLUMN_WIDTH, Math.ceil(width)));
        fill.fitTo(table, widest, em);
    }

    /** A run in a few lines: when and what, its key numbers, how it ended, on what. */
    static String inFull(RunRecord r) {
        List<String> lines = new ArrayList<>();
        lines.add(HistoryViewModel.when(r) + ": " + HistoryViewModel.kind(r));
        if (!r.summary().isEmpty()) {
            lines.add(r.summary());
        }
        lines.add(endedOn(r));
        return String.join("\n", lines);
    }

    /** How a run ended, on what dataset and model: {@code completed, digits, mlp 128-128}. */
    private static String endedOn(RunRecord r) {
        return ending(r) + ", " + r.dataset() + (r.model() == null ? "" : ", " + r.model().describe());
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

package org.rangefinder.ui;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;
import javafx.stage.Window;

/**
 * Error dialogs (one clear message, never a stack trace), a choice between a few things, and the question before
 * an action that would lose work unsaved.
 */
final class Dialogs {

    private Dialogs() {
    }

    static void error(Window owner, String title, String message) {
        Alert alert = new Alert(Alert.AlertType.ERROR, "", ButtonType.OK);
        alert.initOwner(owner);
        alert.setTitle("Rangefinder");
        alert.setHeaderText(title);
        Label text = new Label(message);
        text.setWrapText(true);
        text.setMaxWidth(520);
        alert.getDialogPane().setContent(text);
        alert.getDialogPane().setId("errorDialog");
        alert.show();
    }

    /**
     * Asks which of {@code options} to take, one button per option (its {@code name}) and Cancel; {@code chosen}
     * gets the one picked, after the dialog has closed. The dialog does not block the caller.
     */
    static <T> void choose(Window owner, String question, String detail, List<T> options, Function<T, String> name,
                           Consumer<T> chosen) {
        List<ButtonType> buttons = options.stream()
                .map(o -> new ButtonType(name.apply(o), ButtonBar.ButtonData.OTHER)).toList();
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, detail);
        alert.initOwner(owner);
        alert.setTitle("Rangefinder");
        alert.setHeaderText(question);
        alert.getButtonTypes().setAll(buttons);
        alert.getButtonTypes().add(ButtonType.CANCEL);
        alert.getDialogPane().setId("choiceDialog");
        alert.setOnHidden(e -> {
            int picked = buttons.indexOf(alert.getResult());
            if (picked >= 0) {
                chosen.accept(options.get(picked));
            }
        });
        alert.show();
    }

    /**
     * Asks whether to save what an action would lose ({@code lost}) before taking it: Save... runs {@code save}, the
     * button {@code without} (naming what happens without saving: "Quit without saving") runs {@code proceed}, Cancel
     * nothing, each after the dialog has closed. The dialog does not block the caller.
     */
    static void confirmUnsaved(Window owner, String question, String lost, String without, Runnable save,
                               Runnable proceed) {
        ButtonType saveButton = new ButtonType("Save...", ButtonBar.ButtonData.YES);
        ButtonType proceedButton = new ButtonType(without, ButtonBar.ButtonData.NO);
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, lost, saveButton, proceedButton, ButtonType.CANCEL);
        alert.initOwner(owner);
        alert.setTitle("Rangefinder");
        alert.setHeaderText(question);
        alert.getDialogPane().setId("unsavedDialog");
        // the theme caps a dialog at 600 px: three buttons as wide as "Launch without saving" need more, and were cut
        alert.getDialogPane().setMinWidth(Region.USE_PREF_SIZE);
        alert.setOnHidden(e -> {
            if (alert.getResult() == saveButton) {
                save.run();
            } else if (alert.getResult() == proceedButton) {
                proceed.run();
            }
        });
        alert.show();
    }

    /**
     * Asks before an action that throws work away: the button {@code act} (naming the action: "Stop training") runs
     * {@code action} after the dialog has closed; {@code keep} (naming what is kept: "Keep training") does nothing,
     * and is what Enter and Esc answer, so that a key pressed by reflex loses nothing. The dialog does not block the
     * caller.
     */
    static void confirm(Window owner, String question, String detail, String act, String keep, Runnable action) {
        ButtonType actButton = new ButtonType(act, ButtonBar.ButtonData.OTHER);
        ButtonType keepButton = new ButtonType(keep, ButtonBar.ButtonData.CANCEL_CLOSE);
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, detail, actButton, keepButton);
        alert.initOwner(owner);
        alert.setTitle("Rangefinder");
        alert.setHeaderText(question);
        alert.getDialogPane().setId("confirmDialog");
        ((Button) alert.getDialogPane().lookupButton(keepButton)).setDefaultButton(true);
        alert.setOnHidden(e -> {
            if (alert.getResult() == actButton) {
                action.run();
            }
        });
        alert.show();
    }
}

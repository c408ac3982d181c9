package org.rangefinder.ui;

import java.nio.file.Path;
import java.time.Duration;
import javafx.geometry.Dimension2D;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.stage.Screen;
import javafx.stage.Stage;
import org.rangefinder.history.RunHistory;
import org.rangefinder.ui.data.DatasetCache;
import org.rangefinder.ui.history.HistoryStore;
import org.rangefinder.ui.rangetest.ExperimentViewModel;
import org.rangefinder.ui.settings.WorkbenchSettings;
import org.rangefinder.ui.theme.Theme;
import org.rangefinder.ui.theme.ThemeManager;
import org.rangefinder.ui.work.BackgroundExecutor;
import org.rangefinder.ui.work.BackgroundPriority;
import org.rangefinder.ui.work.OtherPrograms;

/**
 * Puts the window together: the view models on a bounded pool of workers (and a loader thread for datasets, one
 * for the files the user exports or saves, and one for the run history in its default folder), the view, the menu,
 * the theme, and what is remembered across launches (window size, side panels, theme, last dataset). The numeric
 * engine starts loading once the window shows. When the window closes, its runs stop and what they and the user
 * asked to be written is written first (see {@link WorkbenchViewModel#close}).
 */
public final class Workbench {
    /** How long a closed window waits for its runs to stop and its files to be written before the process ends. */
    static final Duration CLOSING_WAIT = Duration.ofSeconds(10);
    /** The side panels' names in the settings: the experiment panel's, the 1cycle panel's. */
    static final String LEFT = "left";
    static final String RIGHT = "right";

    private final WorkbenchViewModel viewModel;
    private final WorkbenchView view;
    private final ThemeManager themes;
    private final Scene scene;

    /**
     * Opens on the last dataset with the options it was loaded with (its label column, image size and colours, set
     * first so that its first load uses them), and remembers them as they change. A last dataset that can no longer be
     * loaded leaves the default chosen ({@link WorkbenchViewModel#openOnLast}), which is remembered in its place: the
     * next launch does not say again that it is gone.
     */
    private static void remember(WorkbenchViewModel viewModel, WorkbenchSettings settings) {
        ExperimentViewModel experiment = viewModel.experiment();
        experiment.labelColumnProperty().set(settings.labelColumn());
        experiment.imageSizeProperty().set(settings.imageSize(experiment.imageSizeProperty().get()));
        experiment.rgbProperty().set(settings.rgb());
        if (settings.dataset() != null) {
            viewModel.openOnLast(settings.dataset());
        }
        // a last dataset that cannot be loaded gives way to the default as its load fails, remembered so
        experiment.datasetProperty().addListener((o, old, d) -> settings.setDataset(d));
        experiment.labelColumnProperty().addListener((o, old, text) -> settings.setLabelColumn(text));
        experiment.imageSizeProperty().addListener((o, old, text) -> settings.setImageSize(text));
        experiment.rgbProperty().addListener((o, old, rgb) -> settings.setRgb(rgb));
    }

    private Workbench(Stage stage, WorkbenchSettings settings, ThemeManager themes, FileChoices files,
                      Path historyFolder) {
        this.themes = themes;
        this.viewModel = new WorkbenchViewModel(BackgroundExecutor.runs(BackgroundExecutor.defaultThreads()),
                BackgroundExecutor.bounded(1), BackgroundExecutor.writer("rangefinder-files"), new DatasetCache(),
                HistoryStore.inBackground(historyFolder));
        this.view = new WorkbenchView(viewModel, files == null ? FileChoices.dialogs(stage) : files);
        // the decorations are not known until the window shows (fitOnScreen measures them then)
        Dimension2D size = sceneSize(new Dimension2D(settings.width(), settings.height()), new Dimension2D(0, 0),
                Screen.getPrimary().getVisualBounds());
        this.scene = new Scene(view, size.getWidth(), size.getHeight());
        view.setMenuBar(MainMenu.build(view, themes, this::applyTheme));
        applyTheme(themes.named(settings.theme() == null ? ThemeManager.LIGHT : settings.theme()));
        themes.currentProperty().addListener((o, old, t) -> settings.setTheme(t.name()));
        remember(viewModel, settings);
        PanelSplit panels = view.panels();
        panels.setWidths(settings.panelWidth(LEFT), settings.panelWidth(RIGHT));
        panels.leftShownProperty().set(settings.panelShown(LEFT));
        panels.rightShownProperty().set(settings.panelShown(RIGHT));

        stage.setTitle("Rangefinder: LR range test and 1cycle workbench");
        stage.setScene(scene);
        stage.setMaximized(settings.maximized());
        // the close button asks, as Quit does, before a trained network that was never saved is lost
        stage.setOnCloseRequest(e -> {
            e.consume();
            view.close();
        });
        stage.setOnHidden(e -> {
            // the content's size, as the next launch gives it to the scene: the window's own counts its title bar
            // and frame, and grew by them at every launch
            settings.setWindow(scene.getWidth(), scene.getHeight(), stage.isMaximized());
            settings.setPanel(LEFT, panels.leftWidth(), panels.leftShownProperty().get());
            settings.setPanel(RIGHT, panels.rightWidth(), panels.rightShownProperty().get());
            settings.flush();
            if (!viewModel.close(CLOSING_WAIT)) {
                // the window is gone: the terminal it was started from, if any, is where this can still be said
                System.err.println("rangefinder: closed before everything was written (waited "
                        + CLOSING_WAIT.toSeconds() + " s): a file being saved may be missing, and a run whose end "
                        + "was not recorded reads as interrupted in the run history");
            }
        });
    }

    /**
     * Builds the window on {@code stage}, shows it (its runs table's rows made before the first frame) and starts the
     * engine loading. First it starts watching how busy other programs keep the machine ({@link OtherPrograms}) and
     * lowers the JVM's optimising compiler below the window ({@link BackgroundPriority}), unless they keep it busy.
     * The engine starts last, once JavaFX has loaded its native libraries for the window: a library loaded while ND4J
     * starts can hang both (see {@code NativeThreads.ensureConfigured}).
     *
     * @param files how to ask for files; null for the platform's dialogs
     */
    public static Workbench open(Stage stage, WorkbenchSettings settings, ThemeManager themes, FileChoices files) {
        return open(stage, settings, themes, files, RunHistory.defaultFolder());
    }

    /** As {@link #open(Stage, WorkbenchSettings, ThemeManager, FileChoices)}, recording runs in another folder. */
    public static Workbench open(Stage stage, WorkbenchSettings settings, ThemeManager themes, FileChoices files,
                                 Path historyFolder) {
        BackgroundPriority.loadLibraries();
        OtherPrograms.watch();
        BackgroundPriority.lowerOptimisingCompiler();
        Workbench workbench = new Workbench(stage, settings, themes, files, historyFolder);
        stage.show();
        workbench.fitOnScreen(stage);
        workbench.view.prepare();
        workbench.viewModel.startEngine();
        return workbench;
    }

    /**
     * The content (scene) size that puts the whole window, content and decorations (title bar and frame) around it, on
     * the screen's usable area {@code usable} (the screen less task bars and docks), so that none of its edges is out
     * of reach: per side, min(remembered, usable - decoration).
     */
    static Dimension2D sceneSize(Dimension2D remembered, Dimension2D decoration, Rectangle2D usable) {
        return new Dimension2D(Math.min(remembered.getWidth(), usable.getWidth() - decoration.getWidth()),
                Math.min(remembered.getHeight(), usable.getHeight() - decoration.getHeight()));
    }

    /**
     * Once the window shows with its decorations (measured as its size less its scene's), shrinks it, unless it is
     * maximized, until all of it fits the screen's usable area ({@link #sceneSize}), and centres it there.
     */
    private void fitOnScreen(Stage stage) {
        if (stage.isMaximized()) {
            return;
        }
        Dimension2D decoration = new Dimension2D(stage.getWidth() - scene.getWidth(),
                stage.getHeight() - scene.getHeight());
        Dimension2D fits = sceneSize(new Dimension2D(scene.getWidth(), scene.getHeight()), decoration,
                Screen.getPrimary().getVisualBounds());
        if (fits.getWidth() < scene.getWidth() || fits.getHeight() < scene.getHeight()) {
            stage.setWidth(fits.getWidth() + decoration.getWidth());
            stage.setHeight(fits.getHeight() + decoration.getHeight());
            stage.centerOnScreen();
        }
    }

    private void applyTheme(Theme theme) {
        themes.apply(theme, scene);
    }

    public WorkbenchViewModel viewModel() {
        return viewModel;
    }

    public WorkbenchView view() {
        return view;
    }

    public ThemeManager themes() {
        return themes;
    }

    public Scene scene() {
        return scene;
    }
}

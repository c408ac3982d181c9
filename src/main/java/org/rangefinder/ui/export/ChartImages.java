package org.rangefinder.ui.export;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import javafx.embed.swing.SwingFXUtils;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.SnapshotParameters;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.BackgroundFill;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;
import javafx.scene.transform.Transform;
import javax.imageio.ImageIO;
import org.rangefinder.files.AtomicFiles;
import org.rangefinder.ui.chart.StyledLineChart;

/** PNG export of a chart: the snapshot is taken on the FX thread, the encoding and writing done on a worker. */
public final class ChartImages {
    /** Pictures are taken at twice their size on screen, to stay sharp printed or on a dense screen. */
    public static final double SCALE = 2;

    private ChartImages() {
    }

    /**
     * FX thread: the node as it is drawn now, {@link #SCALE} times its size, on the background it has in the window
     * (a snapshot's own is white, behind a dark theme's light text); a chart with every row of its legend
     * ({@link StyledLineChart#picture}).
     */
    public static WritableImage snapshot(Node node) {
        SnapshotParameters params = new SnapshotParameters();
        params.setTransform(Transform.scale(SCALE, SCALE));
        params.setFill(backgroundOf(node));
        return node instanceof StyledLineChart<?, ?> chart ? chart.picture(params) : node.snapshot(params, null);
    }

    /** The colour the node is drawn on: the top fill of the nearest region, itself or above, with one not clear. */
    static Paint backgroundOf(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (n instanceof Region r && r.getBackground() != null) {
                List<BackgroundFill> fills = r.getBackground().getFills();
                for (int i = fills.size() - 1; i >= 0; i--) {
                    if (!(fills.get(i).getFill() instanceof Color c && c.getOpacity() == 0)) {
                        return fills.get(i).getFill();
                    }
                }
            }
        }
        return node.getScene() != null && node.getScene().getFill() != null ? node.getScene().getFill() : Color.WHITE;
    }

    /** Any thread: encodes the image as PNG and writes it atomically. */
    public static void writePng(WritableImage image, Path file) throws IOException {
        BufferedImage pixels = SwingFXUtils.fromFXImage(image, null);
        AtomicFiles.write(file, out -> {
            if (!ImageIO.write(pixels, "png", out)) {
                throw new IOException("no PNG writer available");
            }
        });
    }
}

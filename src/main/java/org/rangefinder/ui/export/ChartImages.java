package org.rangefinder.ui.export;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.image.WritableImage;
import javax.imageio.ImageIO;
import org.rangefinder.files.AtomicFiles;

/** PNG export of a chart: the snapshot is taken on the FX thread, the encoding and writing done on a worker. */
public final class ChartImages {

    private ChartImages() {
    }

    /** FX thread: the node as it is drawn now. */
    public static WritableImage snapshot(Node node) {
        return node.snapshot(null, null);
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

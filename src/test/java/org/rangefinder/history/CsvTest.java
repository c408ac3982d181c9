package org.rangefinder.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rangefinder.UserInputException;

class CsvTest {

    @Test
    void aRowOfTheWrongWidthIsRefusedWithItsLineAndCount(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("epochs.csv"), "epoch,val_loss\n1,0.5\n2\n");
        assertThatThrownBy(() -> Csv.read(file, List.of("epoch")))
                .isInstanceOf(UserInputException.class)
                .hasMessage(file + " line 3: 1 value, expected 2");
        Files.writeString(file, "epoch,val_loss\n1,0.5,7\n");
        assertThatThrownBy(() -> Csv.read(file, List.of("epoch"))).hasMessage(file + " line 2: 3 values, expected 2");
        Files.writeString(file, "epoch,val_loss\n1,0.5\n");
        assertThat(Csv.read(file, List.of("val_loss"))).singleElement().satisfies(row -> assertThat(row)
                .containsExactly(0.5));
    }

    /**
     * A run folder's table, edited by hand, quoted its header and cells whole in its refusals: a header name or a cell
     * of a million characters made a line of a megabyte. Each is cut as a curve file's cell is.
     */
    @Test
    void aLongHeaderOrCellIsQuotedCut(@TempDir Path dir) throws Exception {
        String million = "x".repeat(1_000_000);
        String cut = "x".repeat(40) + "… (1000000 characters)";
        Path file = Files.writeString(dir.resolve("epochs.csv"), "epoch," + million + "\n1,0.5\n");
        assertThatThrownBy(() -> Csv.read(file, List.of("val_loss")))
                .hasMessage(file + ": no column 'val_loss' in the header [epoch, " + cut + "]");
        Files.writeString(file, "epoch,val_loss\n1," + million + "\n");
        assertThatThrownBy(() -> Csv.read(file, List.of("val_loss")))
                .hasMessage(file + " line 2, column 'val_loss': not a number: '" + "x".repeat(40) + "…' (1000000 "
                        + "characters)");
    }
}

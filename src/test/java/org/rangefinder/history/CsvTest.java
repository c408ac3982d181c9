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
}

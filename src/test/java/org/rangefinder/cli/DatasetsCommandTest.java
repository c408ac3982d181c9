package org.rangefinder.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.rangefinder.SystemProperty;

class DatasetsCommandTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return RangefinderCommand.run(new PrintWriter(out), new PrintWriter(err), args);
    }

    @Test
    void listsTheFiveBundledDatasetsInATable() {
        assertThat(run("datasets")).isEqualTo(RangefinderCommand.OK);

        List<String> lines = out.toString().lines().toList();
        assertThat(lines).hasSize(6);
        assertThat(lines.get(0)).startsWith("name").contains("kind", "train", "validation", "shape", "classes");
        assertThat(lines.get(1)).matches("iris +tabular +120 +30 +4 +3 +setosa, versicolor, virginica");
        assertThat(lines.get(3)).matches("digits +image +1438 +359 +1x8x8 +10 +0, 1, 2, 3, 4, 5, 6, 7, 8, 9");
        assertThat(lines.get(4)).matches("mnist +image +60000 +10000 +1x28x28 +10 .*");
        assertThat(lines.get(5)).startsWith("fashion-mnist").contains("T-shirt/top", "Ankle boot");
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void jsonListsNameKindSizesShapeAndClasses() throws Exception {
        assertThat(run("datasets", "--json")).isEqualTo(RangefinderCommand.OK);

        JsonNode datasets = new ObjectMapper().readTree(out.toString()).get("datasets");
        List<String> names = new ArrayList<>();
        datasets.forEach(d -> names.add(d.get("name").asText()));
        assertThat(names).containsExactly("iris", "wine", "digits", "mnist", "fashion-mnist");
        JsonNode wine = datasets.get(1);
        assertThat(wine.get("kind").asText()).isEqualTo("tabular");
        assertThat(wine.get("trainSize").asInt()).isEqualTo(142);
        assertThat(wine.get("validationSize").asInt()).isEqualTo(36);
        assertThat(wine.get("sampleShape").toString()).isEqualTo("[13]");
        assertThat(wine.get("numClasses").asInt()).isEqualTo(3);
        assertThat(wine.get("classNames").get(2).asText()).isEqualTo("class_2");
        assertThat(datasets.get(3).get("sampleShape").toString()).isEqualTo("[1,28,28]");
        assertThat(datasets.get(4).get("kind").asText()).isEqualTo("image");
    }

    @Test
    void aMissingDatasetsFolderIsBadInputNamingWhereItLooked() {
        try (SystemProperty p = SystemProperty.set("rangefinder.datasets", "/no/such/folder")) {
            assertThat(run("datasets")).isEqualTo(RangefinderCommand.BAD_INPUT);
            assertThat(err.toString()).startsWith("rangefinder: bundled datasets folder /no/such/folder");
        }
    }
}

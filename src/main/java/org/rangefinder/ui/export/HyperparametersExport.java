package org.rangefinder.ui.export;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.rangefinder.data.DataOptions;
import org.rangefinder.files.Json;
import org.rangefinder.optim.OptimizerKind;
import org.rangefinder.rangetest.RangeTestConfig;
import org.rangefinder.rangetest.Suggestions;
import org.rangefinder.schedule.OneCycleSettings;
import org.rangefinder.train.TrainingConfig;

/**
 * The content of "Export hyperparameters...": a JSON document with everything needed to reproduce a choice made
 * in the window. Top level: {@code schemaVersion}, {@code dataset} (name or path and how it was loaded),
 * {@code model} (the model spec), {@code optimizer} ({@code kind}, {@code momentum}), {@code weightDecay},
 * {@code batchSize}, {@code seed} (of the training when the 1cycle panel is valid, else of the range test),
 * {@code lrBounds} ({@code min}, {@code max}, {@code chosenBy}: steep, valley, minimum or manual),
 * {@code oneCycle} (epochs and every OneCycleLR setting, or null) and {@code rangeTest} (its settings, stop reason
 * and suggestions, or null).
 */
public final class HyperparametersExport {
    public static final int SCHEMA_VERSION = 1;

    private HyperparametersExport() {
    }

    public static Map<String, Object> content(HyperparameterChoice choice) {
        RangeTestConfig x = choice.experiment();
        TrainingConfig t = choice.training();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("schemaVersion", SCHEMA_VERSION);
        json.put("dataset", dataset(x.dataset(), choice.dataOptions()));
        json.put("model", x.model());
        OptimizerKind kind = t != null ? t.optimizer() : x.optimizer();
        Map<String, Object> optimizer = new LinkedHashMap<>();
        optimizer.put("kind", kind.id());
        optimizer.put("momentum", t != null ? t.momentum() : x.momentum());
        json.put("optimizer", optimizer);
        json.put("weightDecay", t != null ? t.weightDecay() : x.weightDecay());
        json.put("batchSize", t != null ? t.batchSize() : x.batchSize());
        json.put("seed", t != null ? t.seed() : x.seed());
        Map<String, Object> bounds = new LinkedHashMap<>();
        bounds.put("min", choice.minLr());
        bounds.put("max", choice.maxLr());
        bounds.put("chosenBy", choice.chosenBy().id());
        json.put("lrBounds", bounds);
        json.put("oneCycle", t == null ? null : oneCycle(t));
        json.put("rangeTest", choice.rangeTest() == null ? null : rangeTest(choice.rangeTest()));
        return json;
    }

    /** Writes the content as JSON, atomically. */
    public static void write(Path file, HyperparameterChoice choice) throws IOException {
        Json.write(file, content(choice));
    }

    private static Map<String, Object> dataset(String nameOrPath, DataOptions options) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("name", nameOrPath);
        json.put("labelColumn", options.labelColumn());
        json.put("validationFraction", options.validationFraction());
        json.put("splitSeed", options.splitSeed());
        return json;
    }

    private static Map<String, Object> oneCycle(TrainingConfig t) {
        OneCycleSettings s = t.oneCycle();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("epochs", t.epochs());
        json.put("totalSteps", s.totalSteps());
        json.put("maxLr", s.maxLr());
        json.put("divFactor", s.divFactor());
        json.put("initialLr", s.initialLr());
        json.put("finalDivFactor", s.finalDivFactor());
        json.put("finalLr", s.minLr());
        json.put("pctStart", s.pctStart());
        json.put("anneal", s.anneal().id());
        json.put("threePhase", s.threePhase());
        json.put("cycleMomentum", s.cycleMomentum());
        json.put("baseMomentum", s.baseMomentum());
        json.put("maxMomentum", s.maxMomentum());
        json.put("evalEvery", t.evalEvery());
        return json;
    }

    private static Map<String, Object> rangeTest(HyperparameterChoice.RangeTestSource r) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("run", r.name());
        if (r.config() != null) {
            json.put("settings", rangeTestSettings(r.config()));
        }
        json.put("stopReason", r.stopReason() == null ? null : r.stopReason().id());
        json.put("points", r.points());
        json.put("suggestions", suggestions(r.suggestions()));
        return json;
    }

    private static Map<String, Object> rangeTestSettings(RangeTestConfig c) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("dataset", c.dataset());
        json.put("model", c.model());
        json.put("optimizer", c.optimizer().id());
        json.put("momentum", c.momentum());
        json.put("weightDecay", c.weightDecay());
        json.put("batchSize", c.batchSize());
        json.put("iterations", c.iterations());
        json.put("startLr", c.startLr());
        json.put("endLr", c.endLr());
        json.put("mode", c.mode().id());
        json.put("stepSize", c.stepSize());
        json.put("smoothing", c.smoothing());
        json.put("divergeFactor", c.divergeFactor());
        json.put("validationBatches", c.validationBatches());
        json.put("seed", c.seed());
        return json;
    }

    private static Map<String, Object> suggestions(Suggestions s) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("steep", s.steep());
        json.put("valley", s.valley());
        json.put("minimum", s.minimum());
        if (s.range() != null) {
            Map<String, Object> range = new LinkedHashMap<>();
            range.put("min", s.range().min());
            range.put("max", s.range().max());
            json.put("range", range);
        } else {
            json.put("range", null);
        }
        json.put("points", s.points());
        json.put("reason", s.reason());
        return json;
    }
}

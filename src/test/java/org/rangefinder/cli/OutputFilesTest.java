package org.rangefinder.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rangefinder.SystemProperty;
import org.rangefinder.TestData;
import org.rangefinder.data.Datasets;

/** Outputs are checked before a command runs: none replaces an input or another output, or goes where it cannot. */
class OutputFilesTest {
    @TempDir
    Path tmp;
    private Path data;
    private String original;

    @BeforeEach
    void aCsvDataset() throws Exception {
        data = Files.copy(Path.of("datasets/iris/iris.csv"), tmp.resolve("data.csv"));
        original = Files.readString(data);
    }

    private CliRun rangeTest(String... more) {
        String[] args = {"range-test", "--dataset", data.toString(), "--iterations", "10", "--batch-size", "16",
                "--workspace", tmp.resolve("runs").toString()};
        String[] all = new String[args.length + more.length];
        System.arraycopy(args, 0, all, 0, args.length);
        System.arraycopy(more, 0, all, args.length, more.length);
        return CliRun.of(all);
    }

    private static void assertRefused(CliRun run, String message) {
        assertThat(run.code()).as(run.err()).isEqualTo(RangefinderCommand.BAD_INPUT);
        assertThat(run.err()).isEqualTo("rangefinder: " + message + System.lineSeparator());
        assertThat(run.out()).as("refused before the run").isEmpty();
    }

    @Test
    void anOutputThatIsTheDatasetIsRefusedAndTheDatasetKept() throws Exception {
        assertRefused(rangeTest("--csv", data.toString()),
                "--csv " + data + " is the file --dataset " + data + " reads: writing it would replace it");
        // the same file by another name: through a link
        Path link = Files.createSymbolicLink(tmp.resolve("link.csv"), data);
        assertRefused(rangeTest("--out", link.toString()),
                "--out " + link + " is the file --dataset " + data + " reads: writing it would replace it");
        assertThat(Files.readString(data)).isEqualTo(original);
    }

    /** A hyperparameter file names its dataset: training from it reads that file, which no output may replace. */
    @Test
    void anOutputThatIsTheDatasetOfAHyperparameterFileIsRefused() throws Exception {
        Path h = tmp.resolve("h.json");
        CliRun made = rangeTest("--hyperparams-out", h.toString());
        assertThat(made.code()).as(made.err()).isZero();
        assertRefused(CliRun.of("train", "--hyperparams", h.toString(), "--no-history", "--out", data.toString()),
                "--out " + data + " is the dataset " + h + " names (" + data + "): writing it would replace it");
        assertThat(Files.readString(data)).isEqualTo(original);
    }

    /**
     * An IDX images file is read with its labels file and the {@code t10k-} pair beside it: an output over the labels
     * file was written after the run, and the next load failed on its magic number.
     */
    @Test
    void anOutputThatIsAnotherFileOfAnIdxDatasetIsRefused() throws Exception {
        Path idx = Files.createDirectories(tmp.resolve("idx"));
        List<String> others = List.of("train-labels-idx1-ubyte.gz", "t10k-images-idx3-ubyte.gz",
                "t10k-labels-idx1-ubyte.gz");
        Path images = Files.copy(Path.of("datasets/mnist/train-images-idx3-ubyte.gz"),
                idx.resolve("train-images-idx3-ubyte.gz"));
        for (String name : others) {
            Files.copy(Path.of("datasets/mnist", name), idx.resolve(name));
        }
        for (String name : others) {
            Path output = idx.resolve(name);
            byte[] before = Files.readAllBytes(output);
            assertRefused(CliRun.of("range-test", "--dataset", images.toString(), "--no-history", "--csv",
                    output.toString()), "--csv " + output + " is a file --dataset " + images + " reads: writing it "
                    + "would replace it");
            assertThat(Files.readAllBytes(output)).isEqualTo(before);
        }
        // a bundled dataset's files too
        try (SystemProperty root = SystemProperty.set(Datasets.ROOT_PROPERTY, tmp.toString())) {
            Path labels = Files.move(idx, tmp.resolve("mnist")).resolve("t10k-labels-idx1-ubyte.gz");
            assertRefused(CliRun.of("train", "--dataset", "mnist", "--max-lr", "0.1", "--no-history", "--out",
                    labels.toString()), "--out " + labels + " is a file --dataset mnist reads: writing it would "
                    + "replace it");
        }
    }

    /** Nothing may be written into an image folder the command reads: each image in it is a sample. */
    @Test
    void anOutputInsideAnImageFolderIsRefused() throws Exception {
        Path images = TestData.imageFolder(tmp.resolve("images"), 8);
        Path csv = images.resolve("dark/curves/curve.csv");
        assertRefused(CliRun.of("range-test", "--dataset", images.toString(), "--iterations", "10", "--no-history",
                "--csv", csv.toString()), "--csv " + csv + " is inside the image folder --dataset " + images
                + " reads: writing there would change the dataset; give a file outside it");
        Path h = tmp.resolve("h.json");
        CliRun made = CliRun.of("range-test", "--dataset", images.toString(), "--iterations", "10", "--batch-size",
                "2", "--no-history", "--hyperparams-out", h.toString());
        assertThat(made.code()).as(made.err()).isZero();
        Path out = images.resolve("run.json");
        assertRefused(CliRun.of("train", "--hyperparams", h.toString(), "--no-history", "--out", out.toString()),
                "--out " + out + " is inside the dataset " + h + " names (" + images + "): writing there would "
                        + "change the dataset; give a file outside it");
        assertThat(csv.getParent()).doesNotExist();
        assertThat(out).doesNotExist();
    }

    /** What --hyperparams-out would refuse after the run is refused before it. */
    @Test
    void boundsAHyperparameterFileCannotHoldAreRefusedBeforeTheRun() {
        assertRefused(rangeTest("--range-factor", "1", "--hyperparams-out", tmp.resolve("h.json").toString()),
                "--hyperparams-out needs --range-factor above 1 (the file's LR bounds are max and max / "
                        + "range-factor, and min must be below max), got 1.0");
        assertRefused(CliRun.of("train", "--dataset", data.toString(), "--max-lr", "0.1", "--div-factor", "1",
                "--no-history", "--hyperparams-out", tmp.resolve("h.json").toString()),
                "--hyperparams-out needs an LR range with its min below its max, and the cycle starts at max-lr / "
                        + "div-factor = 0.1, not below --max-lr 0.1: use --div-factor above 1 (or --min-lr below "
                        + "--max-lr)");
        assertThat(tmp.resolve("h.json")).doesNotExist();
    }

    @Test
    void twoOutputsInOneFileAreRefused() {
        Path same = tmp.resolve("result");
        assertRefused(rangeTest("--out", same.toString(), "--csv", same.toString()),
                "--csv " + same + " is the file --out " + same + " writes: give each output a file of its own");
    }

    @Test
    void anOutputThatCannotBeAFileIsRefusedBeforeTheRun() throws Exception {
        Path folder = Files.createDirectories(tmp.resolve("results"));
        assertRefused(rangeTest("--out", folder.toString()), "--out " + folder + " is a folder: give a file name");
        Path under = data.resolve("curve.csv");
        assertRefused(rangeTest("--csv", under.toString()),
                "--csv " + under + ": " + data.toRealPath() + " is a file, not a folder");
        assertRefused(CliRun.of("export", "--hyperparams", data.toString(), "--format", "pytorch", "--out",
                data.toString()), "--out " + data + " is the file --hyperparams " + data + " reads: writing it would "
                + "replace it");
    }

    /** Linux's /proc takes no new file, though root may write in it: the check makes one to know. */
    @Test
    void aFolderThatTakesNoNewFileIsRefusedBeforeTheRun() {
        Path proc = Path.of("/proc");
        if (Files.isDirectory(proc)) {
            assertRefused(rangeTest("--out", "/proc/rangefinder.json"),
                    "--out /proc/rangefinder.json: no new file can be made in the folder /proc");
        }
    }

    /**
     * A name of 250 characters is legal, but its temporary file's, 20 longer, was not: the write failed after the
     * whole run. A name too long for the file system is refused before it.
     */
    @Test
    void aLongNameIsWrittenAndOneTooLongIsRefusedBeforeTheRun() throws Exception {
        Path out = tmp.resolve("a".repeat(245) + ".json");
        CliRun run = rangeTest("--out", out.toString());
        assertThat(run.code()).as(run.err()).isZero();
        assertThat(Files.readString(out)).startsWith("{");
        Path tooLong = tmp.resolve("a".repeat(251) + ".json");
        assertRefused(rangeTest("--out", tooLong.toString()), "--out " + tooLong + ": File name too long");
        // in folders the write would make first, the name is tried all the same, and no folder is left made
        Path deeper = tmp.resolve("new").resolve("newer").resolve(tooLong.getFileName());
        assertRefused(rangeTest("--out", deeper.toString()), "--out " + deeper + ": File name too long");
        try (Stream<Path> left = Files.list(tmp)) {
            assertThat(left.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder("data.csv", "runs", out.getFileName().toString());
        }
    }

    @Test
    void aWorkspaceGivenThatCannotHoldTheHistoryIsRefused() {
        assertRefused(CliRun.of("range-test", "--dataset", "iris", "--iterations", "10", "--workspace",
                data.toString()), "--workspace " + data + " is a file, not a folder: give the run history's folder");
    }

    /** {@code --out=" "} wrote a file named a space into the current folder. */
    @Test
    void aBlankOutputIsRefusedByEveryCommand() throws Exception {
        assertRefused(rangeTest("--out", " "), "--out is blank: give a file name");
        assertRefused(rangeTest("--csv", "  "), "--csv is blank: give a file name");
        assertRefused(rangeTest("--hyperparams-out", " "), "--hyperparams-out is blank: give a file name");
        for (String option : new String[] {"--out", "--save-model", "--hyperparams-out"}) {
            assertRefused(CliRun.of("train", "--dataset", data.toString(), "--max-lr", "0.1", "--no-history", option,
                    " "), option + " is blank: give a file name");
        }
        Path h = tmp.resolve("h.json");
        assertThat(rangeTest("--hyperparams-out", h.toString()).code()).isZero();
        assertRefused(CliRun.of("export", "--hyperparams", h.toString(), "--format", "pytorch", "--out", " "),
                "--out is blank: give a file name");
        assertThat(Path.of(" ")).doesNotExist();
    }

    /** A link loop was only found by the write, after the whole run. */
    @Test
    void anOutputThroughASymbolicLinkLoopIsRefusedBeforeTheRun() throws Exception {
        Path loop1 = tmp.resolve("loop1.json");
        Path loop2 = tmp.resolve("loop2.json");
        Files.createSymbolicLink(loop1, loop2.getFileName());
        Files.createSymbolicLink(loop2, loop1.getFileName());
        assertRefused(rangeTest("--out", loop1.toString()), "--out " + loop1 + ": the symbolic link " + loop1
                + " leads in a loop (or through too many links); give a file name");
        Path under = loop2.resolve("curve.csv");
        assertRefused(rangeTest("--csv", under.toString()), "--csv " + under + ": the symbolic link " + loop2
                + " leads in a loop (or through too many links); give a file name");
        // a link to a file not made yet is written where it points
        Path dangling = Files.createSymbolicLink(tmp.resolve("later.json"), Path.of("made.json"));
        CliRun run = rangeTest("--out", dangling.toString());
        assertThat(run.code()).as(run.err()).isZero();
        assertThat(tmp.resolve("made.json")).isRegularFile();
        assertThat(dangling).isSymbolicLink();
    }

    @Test
    void outputsInANewFolderAreWritten() throws Exception {
        Path csv = tmp.resolve("new/folder/curve.csv");
        CliRun run = rangeTest("--csv", csv.toString());
        assertThat(run.code()).as(run.err()).isZero();
        assertThat(Files.readAllLines(csv)).hasSize(11);
    }

    /**
     * The run history's folder was never checked against the image folder read: {@code --workspace} inside it put each
     * run's curve.csv, run.json and settings.json among the samples, and the next load failed on them ("not an
     * image"). A workspace in or at the image folder is refused before the run, by range-test and train, and nothing
     * is made there; one that holds the image folder records the run.
     */
    @Test
    void aWorkspaceInOrAtAnImageFolderReadIsRefusedBeforeTheRun() throws Exception {
        Path images = TestData.imageFolder(tmp.resolve("images"), 8);
        List<Path> samples = listing(images);
        for (Path workspace : List.of(images.resolve("ws"), images.resolve("dark/runs"), images)) {
            String refusal = "--workspace " + workspace + (workspace.equals(images) ? " is" : " is inside")
                    + " the image folder --dataset " + images + " reads: writing there would change the dataset; "
                    + "give a folder outside it";
            assertRefused(CliRun.of("range-test", "--dataset", images.toString(), "--iterations", "10",
                    "--batch-size", "2", "--workspace", workspace.toString()), refusal);
            assertRefused(CliRun.of("train", "--dataset", images.toString(), "--max-lr", "0.1", "--epochs", "1",
                    "--batch-size", "2", "--workspace", workspace.toString()), refusal);
        }
        assertThat(listing(images)).isEqualTo(samples);

        CliRun beside = CliRun.of("range-test", "--dataset", images.toString(), "--iterations", "10", "--batch-size",
                "2", "--workspace", tmp.toString());
        assertThat(beside.code()).as(beside.err()).isZero();
        assertThat(beside.out()).contains("recorded as run ");
        assertThat(listing(images)).isEqualTo(samples);
    }

    /**
     * What is hidden in an image folder (a name on the way there starts with a dot) is outside it: its load leaves
     * that unread. A {@code --workspace images/.runs} was refused as inside the image folder, and so were outputs
     * there. They are written, and the folder loads as before, the run recorded in it included.
     */
    @Test
    void aWorkspaceOrAnOutputHiddenInAnImageFolderIsWritten() throws Exception {
        Path images = TestData.imageFolder(tmp.resolve("images"), 8);
        Path workspace = images.resolve(".runs");
        Path out = images.resolve("dark/.out/run.json");
        Path csv = images.resolve(".curve.csv");
        for (int run = 1; run <= 2; run++) {
            CliRun recorded = CliRun.of("range-test", "--dataset", images.toString(), "--iterations", "10",
                    "--batch-size", "2", "--workspace", workspace.toString(), "--out", out.toString(), "--csv",
                    csv.toString());
            assertThat(recorded.code()).as(recorded.err()).isZero();
            assertThat(recorded.out()).contains("recorded as run ");
        }
        assertThat(out).isRegularFile();
        assertThat(Files.readAllLines(csv)).hasSize(11);
        try (Stream<Path> runs = Files.list(workspace)) {
            assertThat(runs.filter(Files::isDirectory)).hasSize(2);
        }
        // a folder named with a dot in a class folder is hidden too; a hidden link to a class folder leads into it
        Path deeper = images.resolve("dark/.cache/runs");
        CliRun hidden = CliRun.of("range-test", "--dataset", images.toString(), "--iterations", "10", "--batch-size",
                "2", "--workspace", deeper.toString());
        assertThat(hidden.code()).as(hidden.err()).isZero();
        Path link = Files.createSymbolicLink(images.resolve(".dark"), images.resolve("dark")).resolve("runs");
        assertRefused(CliRun.of("range-test", "--dataset", images.toString(), "--iterations", "10", "--batch-size",
                "2", "--workspace", link.toString()), "--workspace " + link + " is inside the image folder "
                + "--dataset " + images + " reads: writing there would change the dataset; give a folder outside it");
        assertThat(images.resolve("dark/runs")).doesNotExist();
    }

    /**
     * The default run history's folder ({@code rangefinder.workspace}) in the image folder read is not written, as a
     * history that cannot be written: the run goes on, unrecorded, with a warning.
     */
    @Test
    void theDefaultHistoryFolderInAnImageFolderReadLeavesTheRunUnrecorded() throws Exception {
        Path images = TestData.imageFolder(tmp.resolve("images"), 8);
        Path workspace = images.resolve("dark/runs");
        CliRun run;
        try (SystemProperty p = SystemProperty.set("rangefinder.workspace", workspace.toString())) {
            run = CliRun.of("range-test", "--dataset", images.toString(), "--iterations", "10", "--batch-size", "2");
        }
        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.err().lines().filter(l -> l.startsWith("warning")).toList()).containsExactly("warning: this "
                + "run is not recorded in the run history (the run history's folder " + workspace + " is inside the "
                + "image folder --dataset " + images + " reads: writing there would change the dataset; give a "
                + "folder outside it with --workspace DIR or -Drangefinder.workspace=DIR)");
        assertThat(run.out()).doesNotContain("recorded as run");
        assertThat(workspace).doesNotExist();
    }

    /**
     * A blank file to read named the current folder: "rangefinder: : is a folder, not a file", without the option.
     * Each such option is named now, as a blank --out is.
     */
    @Test
    void aBlankFileToReadIsRefusedByItsOption() {
        for (String blank : List.of("", " ")) {
            assertRefused(CliRun.of("suggest", "--in", blank), "--in is blank: give a file name");
            assertRefused(CliRun.of("export", "--format", "pytorch", "--hyperparams", blank),
                    "--hyperparams is blank: give a file name");
            assertRefused(CliRun.of("train", "--hyperparams", blank, "--no-history"),
                    "--hyperparams is blank: give a file name");
            assertRefused(CliRun.of("range-test", "--dataset", "iris", "--model", blank, "--no-history"),
                    "--model is blank: give mlp, lenet, resnet, or the path of a model spec .json file");
            assertRefused(CliRun.of("train", "--dataset", "iris", "--max-lr", "0.1", "--model", blank,
                    "--no-history"), "--model is blank: give mlp, lenet, resnet, or the path of a model spec .json "
                    + "file");
        }
    }

    /** Every file and folder below {@code folder}, hidden ones too, by path. */
    private static List<Path> listing(Path folder) throws Exception {
        try (Stream<Path> all = Files.walk(folder)) {
            return all.sorted().toList();
        }
    }
}

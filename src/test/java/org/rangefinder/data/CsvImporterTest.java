package org.rangefinder.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rangefinder.UserInputException;

class CsvImporterTest {

    @TempDir
    Path dir;

    private Path write(String name, String content) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, content);
        return file;
    }

    private String failure(Path file, String labelColumn) {
        return assertThatThrownBy(() -> CsvImporter.read(file, labelColumn, () -> false))
                .isInstanceOf(UserInputException.class)
                .actual().getMessage();
    }

    @Test
    void readsCommaSeparatedFeaturesWithIntegerLabelsInTheLastColumnSortedNumerically() throws IOException {
        LabelledSamples s = CsvImporter.read(write("a.csv", "1,2,0\n3,4.5,10\n-5,6e1,2\n7,.25,10\n"), null, () -> false);

        assertThat(s.kind()).isEqualTo(DatasetKind.TABULAR);
        assertThat(s.sampleShape()).containsExactly(2);
        assertThat(s.samples().features()).containsExactly(1, 2, 3, 4.5f, -5, 60, 7, 0.25f);
        assertThat(s.classNames()).containsExactly("0", "2", "10");
        assertThat(s.samples().labels()).containsExactly(0, 2, 1, 2);
    }

    @Test
    void detectsSemicolonsAndAHeaderLine() throws IOException {
        LabelledSamples s = CsvImporter.read(write("s.csv", "width;height;label\n1.5;2;b\n3;4;a\n"), null, () -> false);

        assertThat(s.samples().features()).containsExactly(1.5f, 2, 3, 4);
        assertThat(s.classNames()).containsExactly("a", "b");
        assertThat(s.samples().labels()).containsExactly(1, 0);
    }

    @Test
    void detectsTabs() throws IOException {
        LabelledSamples s = CsvImporter.read(write("t.tsv", "1\t2\tyes\n3\t4\tno\n"), null, () -> false);

        assertThat(s.samples().features()).containsExactly(1, 2, 3, 4);
        assertThat(s.classNames()).containsExactly("no", "yes");
    }

    @Test
    void aFirstLineOfNumbersAndATextLabelIsData() throws IOException {
        LabelledSamples s = CsvImporter.read(write("n.csv", "5.1,3.5,setosa\n6.3,3.3,virginica\n"), null, () -> false);

        assertThat(s.samples().size()).isEqualTo(2);
        assertThat(s.classNames()).containsExactly("setosa", "virginica");
    }

    @Test
    void stringLabelsBecomeSortedClassNames() throws IOException {
        LabelledSamples s = CsvImporter.read(
                write("iris.csv", "a,b,species\n1,1,virginica\n2,2,setosa\n3,3,versicolor\n4,4,setosa\n"), null, () -> false);

        assertThat(s.classNames()).containsExactly("setosa", "versicolor", "virginica");
        assertThat(s.samples().labels()).containsExactly(2, 0, 1, 0);
    }

    @Test
    void labelColumnByNameTakesThatColumnAndKeepsTheOthersAsFeatures() throws IOException {
        LabelledSamples s = CsvImporter.read(write("h.csv", "species,x,y\ncat,1,2\ndog,3,4\n"), "species", () -> false);

        assertThat(s.samples().features()).containsExactly(1, 2, 3, 4);
        assertThat(s.classNames()).containsExactly("cat", "dog");
    }

    @Test
    void labelColumnByIndexWorksWithoutAHeader() throws IOException {
        LabelledSamples s = CsvImporter.read(write("i.csv", "7,1,2\n8,3,4\n7,5,6\n"), "0", () -> false);

        assertThat(s.samples().features()).containsExactly(1, 2, 3, 4, 5, 6);
        assertThat(s.classNames()).containsExactly("7", "8");
        assertThat(s.samples().labels()).containsExactly(0, 1, 0);
    }

    @Test
    void quotedCellsMayHoldTheDelimiterAndQuotes() throws IOException {
        LabelledSamples s = CsvImporter.read(
                write("q.csv", "\"x\",\"label\"\n1,\"a,b\"\n2,\"say \"\"hi\"\"\"\n"), "label", () -> false);

        assertThat(s.classNames()).containsExactly("a,b", "say \"hi\"");
    }

    @Test
    void readsGzippedFilesWithWindowsLineEndingsAndAByteOrderMark() throws IOException {
        Path file = dir.resolve("w.csv.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            out.write("\uFEFFx,y,c\r\n1,2,a\r\n\r\n3,4,b\r\n".getBytes(StandardCharsets.UTF_8));
        }

        LabelledSamples s = CsvImporter.read(file, null, () -> false);

        assertThat(s.samples().features()).containsExactly(1, 2, 3, 4);
        assertThat(s.classNames()).containsExactly("a", "b");
    }

    @Test
    void scikitLearnFirstLineNamesTheClassesOfIntegerLabels() throws IOException {
        LabelledSamples s = CsvImporter.read(write("sk.csv", "3,2,cat,dog\n1,2,1\n3,4,0\n5,6,1\n"), null, () -> false);

        assertThat(s.classNames()).containsExactly("cat", "dog");
        assertThat(s.samples().labels()).containsExactly(1, 0, 1);
        assertThat(s.samples().features()).containsExactly(1, 2, 3, 4, 5, 6);
    }

    @Test
    void scikitLearnLabelsMustBeIndicesOfTheNamedClasses() throws IOException {
        Path file = write("sk.csv", "2,2,cat,dog\n1,2,1\n3,4,2\n");

        assertThat(failure(file, null)).isEqualTo(file + ": line 3, column 3 ('2'): the first line names 2 classes,"
                + " so a label is a class index from 0 to 1");
    }

    /**
     * A first line that looks like a scikit-learn header but whose count does not match is a plain header line, and
     * the file's problems are those of a plain table; one whose count matches is that layout, problems included.
     */
    @Test
    void aScikitLearnLookalikeIsReadAsThePlainTableItIs() throws IOException {
        Path lookalike = write("l.csv", "3,2,cat,dog\n1,2,1\n3,4,0,9\n");
        assertThat(failure(lookalike, null)).isEqualTo(lookalike + ": line 2: 3 columns, expected 4 (line 1 would be "
                + "a scikit-learn header, n_samples 3, had 3 rows followed it; 2 do)");
        Path plain = write("p.csv", "9,2,cat,dog\n1,2,1,a\n3,4,0,b\n");
        LabelledSamples s = CsvImporter.read(plain, null, () -> false);
        assertThat(s.classNames()).containsExactly("a", "b");
        assertThat(s.samples().features()).containsExactly(1, 2, 1, 3, 4, 0);
        Path scikit = write("s.csv", "2,2,cat,dog\n1,2,1\n3,4,0,9\n");
        assertThat(failure(scikit, null)).isEqualTo(scikit + ": line 3: 4 columns, expected 3");
    }

    @Test
    void raggedRowNamesItsLineAndColumnCount() throws IOException {
        Path file = write("r.csv", "a,b,c,label\n1,2,3,x\n\n4,5,6,y\n1,2,3,4,y\n");

        assertThat(failure(file, null)).isEqualTo(file + ": line 5: 5 columns, expected 4");
    }

    @Test
    void aRowOfOneCellSaysOneColumn() throws IOException {
        Path file = write("r.csv", "a,b,label\n1,2,x\n7\n");

        assertThat(failure(file, null)).isEqualTo(file + ": line 3: 1 column, expected 3");
    }

    @Test
    void rowsMustHaveAsManyColumnsAsTheHeader() throws IOException {
        Path file = write("r.csv", "a,b,label\n1,2,3,x\n");

        assertThat(failure(file, null)).isEqualTo(file + ": line 2: 4 columns, expected 3");
    }

    @Test
    void aLongFirstLineOverManyShortOnesIsRefusedBeforeAllocating() throws IOException {
        // 30000 rows x 100000 features would be 3,000,000,000 floats, past what an int counts
        String content = "0,".repeat(100_000) + "0\n" + "0,1\n".repeat(30_000);
        Path file = write("wide.csv", content);

        assertThat(failure(file, null)).isEqualTo(file + ": line 2: 2 columns, expected 100001");
    }

    @Test
    void nonNumericCellNamesLineColumnAndValue() throws IOException {
        Path file = write("n.csv", "1,2,a\n3,abc,b\n");

        assertThat(failure(file, null)).isEqualTo(file + ": line 2, column 2 ('abc'): not a number");
    }

    @Test
    void aFirstLineWithAValueMissingIsARowNotAHeader() throws IOException {
        Path empty = write("e.csv", "1.0,,3.0,a\n1,2,3,a\n2,3,4,b\n");
        assertThat(failure(empty, null)).isEqualTo(empty + ": line 1, column 2 (''): the value is missing");
        Path nan = write("nan.csv", "1.0,NaN,3.0,a\n1,2,3,a\n2,3,4,b\n");
        assertThat(failure(nan, null)).isEqualTo(nan + ": line 1, column 2 ('NaN'): not a number");
        // pandas' index column has an empty name, beside names that are text: a header
        LabelledSamples indexed = CsvImporter.read(write("i.csv", ",x,label\n0,1.5,a\n1,2.5,b\n"), null, () -> false);
        assertThat(indexed.samples().features()).containsExactly(0, 1.5f, 1, 2.5f);
    }

    /** pandas names unnamed columns by their index: {@code DataFrame(X).assign(target=y).to_csv(index=False)}. */
    @Test
    void aFirstLineOfColumnIndicesIsPandasHeader() throws IOException {
        LabelledSamples named = CsvImporter.read(write("p.csv", "0,1,2,target\n5,6,7,0\n8,9,10,1\n"), null,
                () -> false);
        assertThat(named.classNames()).containsExactly("0", "1");
        assertThat(named.samples().features()).containsExactly(5, 6, 7, 8, 9, 10);
        LabelledSamples unnamed = CsvImporter.read(write("q.csv", "0,1,2,3\n5,6,7,0\n8,9,10,1\n"), null, () -> false);
        assertThat(unnamed.classNames()).containsExactly("0", "1");
        assertThat(unnamed.samples().size()).isEqualTo(2);
        // numbers that are not the column indices are a row
        LabelledSamples data = CsvImporter.read(write("r.csv", "0,1,3,1\n5,6,7,0\n"), null, () -> false);
        assertThat(data.samples().size()).isEqualTo(2);
    }

    /**
     * Feature names that are numbers (wavelengths, years) over a label column: the label column's name is text that
     * no row has as its label, and the rows' labels are numbers or repeat.
     */
    @Test
    void numbersOverALabelNameAreAHeader() throws IOException {
        LabelledSamples integers = CsvImporter.read(
                write("w.csv", "400,410,420,class\n1,2,3,0\n4,5,6,1\n7,8,9,2\n"), null, () -> false);
        assertThat(integers.classNames()).containsExactly("0", "1", "2");
        assertThat(integers.samples().features()).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9);
        LabelledSamples text = CsvImporter.read(
                write("t.csv", "1990,2000,species\n1,2,setosa\n3,4,virginica\n5,6,setosa\n"), null, () -> false);
        assertThat(text.classNames()).containsExactly("setosa", "virginica");
        assertThat(text.samples().labels()).containsExactly(0, 1, 0);
        assertThat(text.samples().features()).containsExactly(1, 2, 3, 4, 5, 6);
        LabelledSamples byIndex = CsvImporter.read(write("i.csv", "class,400,410\n0,1,2\n1,3,4\n"), "0",
                () -> false);
        assertThat(byIndex.classNames()).containsExactly("0", "1");
        assertThat(byIndex.samples().features()).containsExactly(1, 2, 3, 4);
    }

    /**
     * Without a header, a first row whose class has rows further on is a row; one whose class no other row has,
     * while the other rows' classes repeat, is taken for a header (a class of one sample).
     */
    @Test
    void aFirstRowOfATextClassIsARowUnlessNoOtherRowHasIt() throws IOException {
        LabelledSamples recurring = CsvImporter.read(
                write("r.csv", "5.1,3.5,setosa\n6.3,3.3,virginica\n5.0,3.4,setosa\n"), null, () -> false);
        assertThat(recurring.classNames()).containsExactly("setosa", "virginica");
        assertThat(recurring.samples().labels()).containsExactly(0, 1, 0);
        LabelledSamples lone = CsvImporter.read(
                write("l.csv", "1,2,rare\n3,4,a\n5,6,a\n7,8,b\n9,10,b\n"), null, () -> false);
        assertThat(lone.classNames()).containsExactly("a", "b");
        assertThat(lone.samples().features()).containsExactly(3, 4, 5, 6, 7, 8, 9, 10);
        // a first row over integer labels whose label is a number is a row
        LabelledSamples numbers = CsvImporter.read(write("n.csv", "1,2,7\n3,4,0\n5,6,0\n7,8,1\n"), null,
                () -> false);
        assertThat(numbers.classNames()).containsExactly("0", "1", "7");
    }

    @Test
    void valuesAreRoundedToFloatOnce() throws IOException {
        // halfway between 1 and the next float, plus 4.6e-18: through a double it lands on the halfway point and
        // rounds to even (1.0); correctly rounded, it is the float above 1
        LabelledSamples s = CsvImporter.read(write("f.csv", "1.00000005960464478,2,a\n3,4,b\n"), null, () -> false);
        assertThat(s.samples().features()[0]).isEqualTo(Math.nextUp(1.0f));
    }

    /**
     * A run of digits that ends in a letter took the number pattern quadratic time (40,000: 10 s). The refusal quoted
     * the whole cell, a line of 20 MB for a cell of 20 million characters: it quotes its first 40 and says how long
     * it is.
     */
    @Test
    void longCellsAreReadOrRefusedWithoutBacktrackingAndQuotedCut() throws IOException {
        Path digits = write("d.csv", "1,2,a\n3," + "1".repeat(200_000) + "x,b\n");
        assertThat(failure(digits, null)).isEqualTo(digits + ": line 2, column 2 ('" + "1".repeat(40) + "…' (200001 "
                + "characters)): not a number");
        Path forty = write("f.csv", "1,2,a\n3," + "é".repeat(40) + ",b\n");
        assertThat(failure(forty, null)).isEqualTo(forty + ": line 2, column 2 ('" + "é".repeat(40) + "'): not a "
                + "number");
        // a long quoted cell on the first line took the quote pattern one level of recursion per character
        String name = "n".repeat(200_000);
        LabelledSamples quoted = CsvImporter.read(write("q.csv", "1,2,\"" + name + "\"\n3,4,b\n"), null, () -> false);
        assertThat(quoted.classNames()).containsExactly("b", name);
    }

    @Test
    void aByteThatIsNotUtf8IsNamedWithItsLine() throws IOException {
        Path file = dir.resolve("latin1.csv");
        Files.write(file, "x,y,c\n1,2,a\n3,4,b\n5,6,caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));
        assertThat(failure(file, null)).isEqualTo(file + ": line 4: not UTF-8 text; save the file as UTF-8");
    }

    @Test
    void missingValueIsNamed() throws IOException {
        Path file = write("m.csv", "x,y,c\n1,2,a\n,4,b\n");

        assertThat(failure(file, null)).isEqualTo(file + ": line 3, column 1 (''): the value is missing");
    }

    @Test
    void labelColumnNameMissingFromTheHeaderIsNamed() throws IOException {
        Path file = write("h.csv", "x,y,class\n1,2,a\n3,4,b\n");

        assertThat(failure(file, "species"))
                .isEqualTo(file + ": label column 'species' is not in the header line (x, y, class)");
    }

    @Test
    void labelColumnNameOfSeveralColumnsIsRefused() throws IOException {
        Path file = write("d.csv", "x,x,label,label\n1,2,a,0.5\n3,4,b,0.7\n");

        assertThat(failure(file, "label")).isEqualTo(file + ": label column 'label' names 2 columns of the header "
                + "line (indices 2 and 3); set --label to the index of the one meant");
        Path three = write("t.csv", "y,y,y,label\n1,2,3,a\n4,5,6,b\n");
        assertThat(failure(three, "y")).isEqualTo(three + ": label column 'y' names 3 columns of the header line "
                + "(indices 0, 1 and 2); set --label to the index of the one meant");
        LabelledSamples meant = CsvImporter.read(file, "2", () -> false);
        assertThat(meant.classNames()).containsExactly("a", "b");
        assertThat(meant.samples().features()).containsExactly(1, 2, 0.5f, 3, 4, 0.7f);
    }

    /**
     * The header line was quoted whole in the label column's refusals: a header cell of a million characters made a
     * line of a megabyte. Each name is cut as a cell is, past eight names the rest are counted, and so are the indices
     * of a name many columns have; the first line of a scikit-learn header is cut as one cell.
     */
    @Test
    void aLongHeaderIsQuotedCutInTheLabelColumnsRefusals() throws IOException {
        String million = "x".repeat(1_000_000);
        String cut = "x".repeat(40) + "… (1000000 characters)";
        Path file = write("hdr.csv", "a," + million + ",y\n1,2,0\n3,4,1\n");
        assertThat(failure(file, "zz"))
                .isEqualTo(file + ": label column 'zz' is not in the header line (a, " + cut + ", y)");
        Path twice = write("twice.csv", million + "," + million + ",y\n1,2,0\n");
        assertThat(failure(twice, million)).isEqualTo(twice + ": label column '" + "x".repeat(40) + "…' (1000000 "
                + "characters) names 2 columns of the header line (indices 0 and 1); set --label to the index of the "
                + "one meant");
        String wide = "y,".repeat(100_000);
        Path many = write("many.csv", wide + "label\n" + "1,".repeat(100_000) + "a\n");
        assertThat(failure(many, "zz")).isEqualTo(many + ": label column 'zz' is not in the header line (y, y, y, y, "
                + "y, y, y, y, … (100001 columns))");
        assertThat(failure(many, "y")).isEqualTo(many + ": label column 'y' names 100000 columns of the header line "
                + "(indices 0, 1, 2, 3, 4, 5, 6, 7, … (100000 columns)); set --label to the index of the one meant");
        Path scikit = write("sk.csv", "2,2,cat," + million + "\n1,2,1\n3,4,0\n");
        assertThat(failure(scikit, "0")).isEqualTo(scikit + ": the first line '2,2,cat," + "x".repeat(32) + "…' "
                + "(1000008 characters) is a scikit-learn header (n_samples, n_features, class names), so the label is "
                + "the last column (index 2), not label column '0'");
    }

    @Test
    void labelColumnIndexOutOfRangeIsNamed() throws IOException {
        Path file = write("h.csv", "1,2,a\n3,4,b\n");

        assertThat(failure(file, "3"))
                .isEqualTo(file + ": label column index 3 is out of range: the file has 3 columns (indices 0 to 2)");
    }

    @Test
    void oneClassOnlyIsRefused() throws IOException {
        Path file = write("one.csv", "1,2,a\n3,4,a\n5,6,a\n");

        assertThat(failure(file, null))
                .isEqualTo(file + ": all 3 samples are of class 'a'; a classifier needs at least two classes");
    }

    @Test
    void emptyAndBlankFilesAreRefused() throws IOException {
        Path empty = write("e.csv", "");
        Path blank = write("b.csv", "\n  \n");

        assertThat(failure(empty, null)).isEqualTo(empty + ": the file is empty");
        assertThat(failure(blank, null)).isEqualTo(blank + ": the file is empty");
    }

    @Test
    void headerWithoutRowsIsRefused() throws IOException {
        Path file = write("h.csv", "x,y,label\n");

        assertThat(failure(file, null)).isEqualTo(file + ": no data rows after the header line");
    }

    @Test
    void singleColumnIsRefused() throws IOException {
        Path file = write("c.csv", "1 2 a\n3 4 b\n");

        assertThat(failure(file, null)).startsWith(file + ": line 1: a single column;");
    }

    @Test
    void unclosedQuoteIsNamed() throws IOException {
        Path file = write("u.csv", "1,2,a\n3,4,\"b\n");

        assertThat(failure(file, null)).isEqualTo(file + ": line 2: a quoted cell is not closed");
    }

    @Test
    void missingFileIsNamed() {
        Path file = dir.resolve("nothing.csv");

        assertThat(failure(file, null)).isEqualTo(file + ": file not found");
    }
}

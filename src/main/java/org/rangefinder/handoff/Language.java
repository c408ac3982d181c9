package org.rangefinder.handoff;

import org.rangefinder.OneLine;

/**
 * The languages the programs are written in, and how text from a hyperparameter file (a path, a dataset name, a
 * version) goes into their comments: whatever it holds, it stays comment, on its line.
 */
enum Language {
    /** Python, for PyTorch and fastai. */
    PYTHON("#"),
    /** Java, for DL4J. */
    JAVA("//");

    /** What starts a comment that runs to the end of the line. */
    final String comment;

    Language(String comment) {
        this.comment = comment;
    }

    /**
     * {@code text} as it may stand in a comment line. Each character that would end the line or hide text
     * ({@link OneLine}) becomes a space, so that nothing after it can become code. Besides:
     * <ul>
     *   <li>Java reads a unicode escape (a backslash, {@code u}, four hex digits) anywhere in the source, comments
     *       included, before anything else: {@code \u005cu000a} ends the comment, and a Windows path such as
     *       {@code C:\u005cusers} does not compile (illegal unicode escape). Every backslash is doubled: one after an
     *       odd number of others begins no escape.</li>
     *   <li>Python decodes a file in the encoding that a comment of its first two lines names ({@code coding:} or
     *       {@code coding=}, PEP 263), where other bytes may make a line break ({@code +AAo-} in UTF-7): such a word
     *       gets a space before its {@code :} or {@code =}.</li>
     * </ul>
     */
    String text(String text) {
        String line = OneLine.of(text);
        return switch (this) {
            case JAVA -> line.replace("\\", "\\\\");
            case PYTHON -> line.replaceAll("coding([:=])", "coding $1");
        };
    }

    /** A comment line holding {@code text} ({@link #text}), with its line break. */
    String commentLine(String text) {
        return comment + " " + text(text) + "\n";
    }
}

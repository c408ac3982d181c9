package org.rangefinder;

/**
 * A problem with something the user supplied: a value, an option, a file. Its message is shown as it is
 * (the CLI prints it on one line and exits with code 2; the window shows it at the field or in a dialog), so
 * it must name what is wrong and where: the option or field, the file, the line and column when there are any.
 */
public class UserInputException extends RuntimeException {
    public UserInputException(String message) {
        super(message);
    }

    public UserInputException(String message, Throwable cause) {
        super(message, cause);
    }
}

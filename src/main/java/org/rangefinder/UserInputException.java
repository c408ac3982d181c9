package org.rangefinder;

/**
 * A problem with something the user supplied: a value, an option, a file. Its message is shown as it is
 * (the CLI prints it on one line and exits with code 2; the window in a dialog or a form's problem line), so
 * it must name what is wrong and where: the option or field, the file, the line and column when there are any. A
 * refused value of a {@link Setting} is a {@link SettingProblem}, which the window shows at that setting's field and
 * in its own names.
 */
public class UserInputException extends RuntimeException {
    public UserInputException(String message) {
        super(message);
    }

    public UserInputException(String message, Throwable cause) {
        super(message, cause);
    }
}

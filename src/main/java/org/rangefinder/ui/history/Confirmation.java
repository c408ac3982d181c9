package org.rangefinder.ui.history;

/** Asks the user a yes-or-no question before something that cannot be undone; tests answer it themselves. */
@FunctionalInterface
public interface Confirmation {
    /** True when the user agreed. */
    boolean ask(String question);
}

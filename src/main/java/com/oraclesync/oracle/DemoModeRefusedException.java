package com.oraclesync.oracle;

/** Demo mode asked for where it would be a mistake: what is wrong, and what to do about it. */
public class DemoModeRefusedException extends IllegalStateException {

    private final String description;
    private final String action;

    DemoModeRefusedException(String description, String action) {
        super(description + " " + action);
        this.description = description;
        this.action = action;
    }

    public String description() {
        return description;
    }

    public String action() {
        return action;
    }
}

package com.oraclesync.mapping;

/** A field-mapping entry that cannot work; names the setting and what is wrong with it. */
public class InvalidMappingException extends IllegalArgumentException {

    private final String setting;
    private final String problem;

    public InvalidMappingException(String setting, String problem) {
        super(setting + ": " + problem);
        this.setting = setting;
        this.problem = problem;
    }

    /** The mapping's key in application.yml, e.g. {@code mapping.columns}. */
    public String setting() {
        return setting;
    }

    public String problem() {
        return problem;
    }
}

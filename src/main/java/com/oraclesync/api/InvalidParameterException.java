package com.oraclesync.api;

/** A request parameter that cannot be used; answered with 400 and a JSON error that names the parameter. */
public class InvalidParameterException extends IllegalArgumentException {

    private final String parameter;

    public InvalidParameterException(String parameter, String value, String requirement) {
        super(parameter + " " + requirement + " (was '" + value + "')");
        this.parameter = parameter;
    }

    public String parameter() {
        return parameter;
    }
}

package com.oraclesync.mapping;

/** An Oracle item that cannot be stored: names the field, the value and what is wrong with it. */
public class InvalidItemException extends RuntimeException {

    private final String field;

    public InvalidItemException(String field, Object value, String problem) {
        super(field + " " + problem + " (value: " + abbreviate(value) + ")");
        this.field = field;
    }

    public String field() {
        return field;
    }

    private static String abbreviate(Object value) {
        if (value == null) {
            return "null";
        }
        String text = "'" + value + "'";
        return text.length() > 80 ? text.substring(0, 77) + "...'" : text;
    }
}

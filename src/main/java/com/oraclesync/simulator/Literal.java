package com.oraclesync.simulator;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A value written in {@code q}, with the readings it allows: its text, an instant if it is a
 * timestamp or date, a number if it is numeric. Which reading applies depends on the field's value.
 */
record Literal(String text, Instant instant, BigDecimal number) {

    static Literal of(String text) {
        return new Literal(text, OracleTimestamps.parseOrNull(text), parseNumber(text));
    }

    static BigDecimal parseNumber(String text) {
        if (text.isEmpty() || !(Character.isDigit(text.charAt(0)) || text.charAt(0) == '-'
                || text.charAt(0) == '+' || text.charAt(0) == '.')) {
            return null;
        }
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException notANumber) {
            return null;
        }
    }

    /**
     * This literal as a sort key of the given kind, when comparing it in {@code q} agrees with the
     * sort order of a column of that kind; null otherwise (then no index range can be derived).
     */
    Object asSortKey(ComparableValues.Kind kind) {
        return switch (kind) {
            case INSTANT -> instant;
            case NUMBER -> number;
            case STRING -> number == null ? text : null;
            default -> null;
        };
    }
}

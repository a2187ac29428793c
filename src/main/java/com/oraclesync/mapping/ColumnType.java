package com.oraclesync.mapping;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/** The value types a mapped column can hold, each with its exact conversion from an Oracle JSON value. */
public enum ColumnType {
    TEXT,
    NUMERIC,
    INTEGER,
    DATE,
    TIMESTAMPTZ;

    /**
     * Converts a JSON value; {@code null} and empty strings stay {@code null}.
     *
     * @throws IllegalArgumentException when the value is not of this type
     */
    public Object convert(Object value) {
        if (value == null || value instanceof String text && text.isBlank()) {
            return null;
        }
        try {
            return switch (this) {
                case TEXT -> value instanceof BigDecimal number ? number.toPlainString() : value.toString();
                case NUMERIC -> value instanceof BigDecimal number ? number : new BigDecimal(value.toString().trim());
                case INTEGER -> value instanceof Integer || value instanceof Long
                        ? ((Number) value).longValue()
                        : new BigDecimal(value.toString().trim()).longValueExact();
                case DATE -> toDate(value.toString().trim());
                case TIMESTAMPTZ -> IsoDateTimes.parseOffsetDateTime(value.toString().trim());
            };
        } catch (NumberFormatException | ArithmeticException | DateTimeParseException e) {
            throw new IllegalArgumentException("not a valid " + sqlName());
        }
    }

    /** A converted value as the text PostgreSQL reads back exactly (numeric accepts BigDecimal's exponent form). */
    public static String asText(Object converted) {
        return converted == null ? null : converted.toString();
    }

    public String sqlName() {
        return name().toLowerCase();
    }

    private static LocalDate toDate(String text) {
        return text.length() > 10 ? IsoDateTimes.parseOffsetDateTime(text).toLocalDate() : IsoDateTimes.parseLocalDate(text);
    }
}

package com.oraclesync.simulator;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;

/**
 * How the simulator compares values, both for sorting and for {@code q}: instants with
 * instants, numbers numerically, everything else as text.
 */
final class ComparableValues {

    enum Kind { INSTANT, NUMBER, STRING, BOOLEAN, OTHER }

    private ComparableValues() {
    }

    static Kind kindOf(Object comparable) {
        if (comparable instanceof Instant) {
            return Kind.INSTANT;
        }
        if (comparable instanceof Number) {
            return Kind.NUMBER;
        }
        if (comparable instanceof String) {
            return Kind.STRING;
        }
        return comparable instanceof Boolean ? Kind.BOOLEAN : Kind.OTHER;
    }

    /**
     * A total order for sorting: null is greater than any value (Oracle sorts nulls last when
     * ascending and first when descending), then by kind, then by value within the kind.
     */
    static int compareForSort(Object a, Object b) {
        if (a == null || b == null) {
            return a == null ? (b == null ? 0 : 1) : -1;
        }
        Kind kindA = kindOf(a);
        Kind kindB = kindOf(b);
        if (kindA != kindB) {
            return kindA.compareTo(kindB);
        }
        return switch (kindA) {
            case INSTANT -> ((Instant) a).compareTo((Instant) b);
            case NUMBER -> compareNumbers((Number) a, (Number) b);
            case STRING -> ((String) a).compareTo((String) b);
            case BOOLEAN -> ((Boolean) a).compareTo((Boolean) b);
            case OTHER -> a.toString().compareTo(b.toString());
        };
    }

    /**
     * Compares a record's value with a {@code q} literal, or returns null when the record's
     * value is null (SQL semantics: a null never satisfies a comparison).
     */
    static Integer compareWithLiteral(Object comparable, Object raw, Literal literal) {
        if (comparable == null) {
            return null;
        }
        if (comparable instanceof Instant instant && literal.instant() != null) {
            return instant.compareTo(literal.instant());
        }
        if (literal.number() != null) {
            if (comparable instanceof Number number) {
                return compareNumbers(number, literal.number());
            }
            BigDecimal parsed = comparable instanceof String text ? Literal.parseNumber(text) : null;
            if (parsed != null) {
                return parsed.compareTo(literal.number());
            }
        }
        return text(raw).compareTo(literal.text());
    }

    static String text(Object raw) {
        return raw instanceof BigDecimal decimal ? decimal.toPlainString() : String.valueOf(raw);
    }

    static int compareNumbers(Number a, Number b) {
        if (isWhole(a) && isWhole(b)) {
            return Long.compare(a.longValue(), b.longValue());
        }
        return toBigDecimal(a).compareTo(toBigDecimal(b));
    }

    private static boolean isWhole(Number n) {
        return n instanceof Long || n instanceof Integer || n instanceof Short || n instanceof Byte;
    }

    private static BigDecimal toBigDecimal(Number n) {
        if (n instanceof BigDecimal decimal) {
            return decimal;
        }
        if (n instanceof BigInteger integer) {
            return new BigDecimal(integer);
        }
        return isWhole(n) ? BigDecimal.valueOf(n.longValue()) : new BigDecimal(n.toString());
    }
}

package com.oraclesync.simulator;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Oracle's original {@code q} syntax (REST framework version 1): {@code Field<op>value}
 * conditions separated by {@code ;}, all of which must hold. Values may be single-quoted.
 */
final class LegacyQueryParser {

    private static final List<String> OPERATORS = List.of(">=", "<=", "!=", "=", ">", "<");

    private final Set<String> knownFields;

    LegacyQueryParser(Set<String> knownFields) {
        this.knownFields = knownFields;
    }

    Filter parse(String q) {
        List<Filter> conditions = new ArrayList<>();
        for (String condition : splitOutsideQuotes(q)) {
            if (!condition.isBlank()) {
                conditions.add(condition(condition.strip()));
            }
        }
        if (conditions.isEmpty()) {
            throw new QueryException("Malformed q: no condition in '" + q + "'");
        }
        return conditions.size() == 1 ? conditions.get(0) : new Filter.And(conditions);
    }

    private Filter condition(String condition) {
        int end = 0;
        while (end < condition.length() && isFieldChar(condition.charAt(end))) {
            end++;
        }
        String field = condition.substring(0, end);
        if (field.isEmpty()) {
            throw new QueryException("Malformed q: expected a field name at the start of '" + condition + "'");
        }
        if (!knownFields.contains(field)) {
            throw QueryException.unknownField("q", field);
        }
        String rest = condition.substring(end).stripLeading();
        String operator = OPERATORS.stream().filter(rest::startsWith).findFirst()
                .orElseThrow(() -> new QueryException("Malformed q: expected an operator after '" + field
                        + "' in '" + condition + "'"));
        String value = rest.substring(operator.length()).strip();
        return new Filter.Comparison(field, operator(operator), Literal.of(unquote(value, condition)));
    }

    private static String unquote(String value, String condition) {
        if (value.isEmpty()) {
            throw new QueryException("Malformed q: missing value in '" + condition + "'");
        }
        if (!value.startsWith("'")) {
            return value;
        }
        if (value.length() < 2 || !value.endsWith("'")) {
            throw new QueryException("Malformed q: unterminated quote in '" + condition + "'");
        }
        return value.substring(1, value.length() - 1).replace("''", "'");
    }

    private static Filter.Operator operator(String symbol) {
        return switch (symbol) {
            case ">=" -> Filter.Operator.GE;
            case "<=" -> Filter.Operator.LE;
            case "!=" -> Filter.Operator.NE;
            case ">" -> Filter.Operator.GT;
            case "<" -> Filter.Operator.LT;
            default -> Filter.Operator.EQ;
        };
    }

    private static boolean isFieldChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }

    /** Splits on ';' except inside single quotes, so a quoted value may contain a semicolon. */
    private static List<String> splitOutsideQuotes(String q) {
        List<String> parts = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        for (char c : q.toCharArray()) {
            if (c == '\'') {
                quoted = !quoted;
            }
            if (c == ';' && !quoted) {
                parts.add(current.toString());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        parts.add(current.toString());
        return parts;
    }
}

package com.oraclesync.simulator;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The query parameters of a GET on the opportunities collection, validated as Oracle does. */
record CollectionRequest(int limit, int offset, boolean onlyData, boolean totalResults,
                         List<String> fields, OrderBy orderBy, Filter filter) {

    static final int DEFAULT_LIMIT = 25;
    static final int MAX_LIMIT = 500;

    /**
     * @param frameworkVersion the REST-Framework-Version header, or null; it selects the q syntax
     */
    static CollectionRequest from(Map<String, String> query, String frameworkVersion, Set<String> knownFields) {
        int limit = Math.min(nonNegative(query, "limit", DEFAULT_LIMIT), MAX_LIMIT);
        if (limit == 0) {
            throw new QueryException("Invalid limit '0'; expected a whole number from 1");
        }
        return new CollectionRequest(
                limit,
                nonNegative(query, "offset", 0),
                "true".equalsIgnoreCase(query.get("onlyData")),
                "true".equalsIgnoreCase(query.get("totalResults")),
                fields(query.get("fields"), knownFields),
                OrderBy.parse(query.get("orderBy"), knownFields),
                filter(query.get("q"), frameworkVersion, knownFields));
    }

    private static int nonNegative(Map<String, String> query, String name, int defaultValue) {
        String text = query.get(name);
        if (text == null || text.isBlank()) {
            return defaultValue;
        }
        try {
            int value = Integer.parseInt(text.strip());
            if (value >= 0) {
                return value;
            }
        } catch (NumberFormatException notAWholeNumber) {
            // reported below
        }
        throw new QueryException("Invalid " + name + " '" + text + "'; expected a whole number from 0");
    }

    private static List<String> fields(String spec, Set<String> knownFields) {
        if (spec == null || spec.isBlank()) {
            return null;
        }
        List<String> fields = new ArrayList<>();
        for (String field : spec.split(",")) {
            String name = field.strip();
            if (!knownFields.contains(name)) {
                throw QueryException.unknownField("fields", name);
            }
            fields.add(name);
        }
        return List.copyOf(fields);
    }

    private static Filter filter(String q, String frameworkVersion, Set<String> knownFields) {
        if (q == null || q.isBlank()) {
            return null;
        }
        return usesExpressionSyntax(frameworkVersion)
                ? new ExpressionQueryParser(knownFields).parse(q)
                : new LegacyQueryParser(knownFields).parse(q);
    }

    private static boolean usesExpressionSyntax(String frameworkVersion) {
        if (frameworkVersion == null || frameworkVersion.isBlank()) {
            return false;
        }
        try {
            return Double.parseDouble(frameworkVersion.strip()) >= 2;
        } catch (NumberFormatException e) {
            throw new QueryException("Unsupported REST-Framework-Version '" + frameworkVersion + "'");
        }
    }
}

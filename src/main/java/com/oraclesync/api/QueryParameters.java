package com.oraclesync.api;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;

/**
 * The parameters of a request's query string, decoded, in the order given. Read from the raw query
 * ({@code CamelHttpQuery}) rather than from Camel's headers, which mix query parameters, path parameters and HTTP
 * headers: a filter named like a header ({@code name}, {@code host}) must neither replace the path's resource name nor
 * go unnoticed. Bounded: at most {@value #MAX_PARAMETERS} parameters of at most {@value #MAX_VALUE_LENGTH}
 * characters each, every name at most once.
 */
public final class QueryParameters {

    static final int MAX_PARAMETERS = 40;
    static final int MAX_VALUE_LENGTH = 1000;

    private final Map<String, String> values;

    private QueryParameters(Map<String, String> values) {
        this.values = values;
    }

    public static QueryParameters parse(String query) {
        Map<String, String> values = new LinkedHashMap<>();
        if (query == null || query.isEmpty()) {
            return new QueryParameters(values);
        }
        for (String pair : query.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = decode(equals < 0 ? pair : pair.substring(0, equals), pair);
            String value = equals < 0 ? "" : decode(pair.substring(equals + 1), name);
            if (values.size() == MAX_PARAMETERS) {
                throw new InvalidParameterException(name, abbreviated(query), "is one parameter too many: a request "
                        + "takes at most " + MAX_PARAMETERS);
            }
            if (value.length() > MAX_VALUE_LENGTH) {
                throw new InvalidParameterException(name, abbreviated(value), "must be at most " + MAX_VALUE_LENGTH
                        + " characters long");
            }
            if (values.put(name, value) != null) {
                throw new InvalidParameterException(name, value, "may be given only once");
            }
        }
        return new QueryParameters(values);
    }

    public String get(String name) {
        return values.get(name);
    }

    public Map<String, String> all() {
        return values;
    }

    /** The query string of these parameters without the named ones, re-encoded; empty when nothing is left. */
    public String without(String... names) {
        StringJoiner query = new StringJoiner("&");
        values.forEach((name, value) -> {
            for (String left : names) {
                if (left.equals(name)) {
                    return;
                }
            }
            query.add(encode(name) + "=" + encode(value));
        });
        return query.toString();
    }

    static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String decode(String text, String parameter) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new InvalidParameterException(parameter, text, "is not URL-encoded correctly");
        }
    }

    private static String abbreviated(String text) {
        return text.length() <= 60 ? text : text.substring(0, 60) + "...";
    }
}

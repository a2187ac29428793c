package com.oraclesync.oracle;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The envelope of Oracle's collection response, token by token: {@code items} handed to an {@link ItemReader} one
 * object at a time, the paging fields read, everything else (links) skipped. Types are checked as strictly as a
 * data-binding read would: a page of another shape is an error, never an empty page.
 */
final class PageParser<T> {

    private final JsonParser parser;
    private final RecordedBody body;
    private final ItemReader<T> reader;

    PageParser(JsonParser parser, RecordedBody body, ItemReader<T> reader) {
        this.parser = parser;
        this.body = body;
        this.reader = reader;
    }

    /** The page, or null for a JSON {@code null}. */
    OraclePage<T> page() throws IOException {
        JsonToken first = parser.nextToken();
        if (first == JsonToken.VALUE_NULL) {
            return null;
        }
        if (first != JsonToken.START_OBJECT) {
            throw invalid("the body is not a JSON object but " + first);
        }
        List<T> items = null;
        Long count = null;
        Boolean hasMore = null;
        Long limit = null;
        Long offset = null;
        Long totalResults = null;
        for (JsonToken token = parser.nextToken(); token == JsonToken.FIELD_NAME; token = parser.nextToken()) {
            String field = parser.currentName();
            JsonToken value = parser.nextToken();
            switch (field) {
                case "items" -> items = items(value);
                case "count" -> count = number(field, value);
                case "hasMore" -> hasMore = bool(field, value);
                case "limit" -> limit = number(field, value);
                case "offset" -> offset = number(field, value);
                case "totalResults" -> totalResults = number(field, value);
                default -> parser.skipChildren();
            }
        }
        return new OraclePage<>(items, toInt("count", count), hasMore, toInt("limit", limit), toInt("offset", offset),
                totalResults);
    }

    private List<T> items(JsonToken value) throws IOException {
        if (value == JsonToken.VALUE_NULL) {
            return null;
        }
        if (value != JsonToken.START_ARRAY) {
            throw invalid("'items' is not an array but " + value);
        }
        List<T> items = new ArrayList<>();
        for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
            if (token != JsonToken.START_OBJECT) {
                throw invalid("item " + (items.size() + 1) + " of 'items' is not a JSON object but " + token);
            }
            long start = parser.currentTokenLocation().getByteOffset();
            if (start < 0) {
                throw invalid("the body is not UTF-8");
            }
            body.forgetBefore(start);
            items.add(reader.read(parser, body::text));
        }
        return items;
    }

    private Long number(String field, JsonToken value) throws IOException {
        try {
            return switch (value) {
                case VALUE_NULL -> null;
                case VALUE_NUMBER_INT -> parser.getLongValue();
                case VALUE_STRING -> Long.valueOf(parser.getText().trim());
                default -> throw invalid("'" + field + "' is not a whole number but " + value);
            };
        } catch (NumberFormatException e) {
            throw invalid("'" + field + "' is not a whole number: '" + parser.getText() + "'");
        }
    }

    private Boolean bool(String field, JsonToken value) throws IOException {
        return switch (value) {
            case VALUE_NULL -> null;
            case VALUE_TRUE -> true;
            case VALUE_FALSE -> false;
            case VALUE_STRING -> switch (parser.getText().trim().toLowerCase(Locale.ROOT)) {
                case "true" -> true;
                case "false" -> false;
                default -> throw invalid("'" + field + "' is not true or false: '" + parser.getText() + "'");
            };
            default -> throw invalid("'" + field + "' is not true or false but " + value);
        };
    }

    private Integer toInt(String field, Long value) throws JsonParseException {
        if (value == null) {
            return null;
        }
        if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
            throw invalid("'" + field + "' is out of range: " + value);
        }
        return value.intValue();
    }

    private JsonParseException invalid(String problem) {
        return new JsonParseException(parser, problem);
    }
}

package com.oraclesync.mapping;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.oraclesync.resource.SyncResource;
import java.io.IOException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Applies one resource's field mapping to an Oracle item while the page is parsed: the item's fields go straight
 * into the row's column values (the text PostgreSQL reads), and its raw text becomes the payload, with no map of the
 * item and no writing it back out. The resource's {@code <name>Responses} bean calls it for each item of a sync's
 * page. No I/O beyond the parser.
 */
public class ItemMapper {

    private final List<ColumnMapping> columns;
    /** Oracle field name to the indexes of the columns it fills (a field may fill more than one). */
    private final Map<String, int[]> columnsBySource;
    private final String keyField;
    private final int keyColumn;
    private final String cursorField;
    private final int cursorColumn;

    public ItemMapper(SyncResource resource) {
        this.columns = resource.columns();
        this.columnsBySource = columnsBySource(columns);
        this.keyField = resource.keyField();
        this.keyColumn = indexOf(resource.keyColumn());
        this.cursorField = resource.cursorField();
        this.cursorColumn = indexOf(resource.cursorColumn());
    }

    /**
     * Maps the item whose {@code START_OBJECT} is the parser's current token, leaving the parser on its
     * {@code END_OBJECT}.
     */
    public MappedItem map(JsonParser parser, JsonSource source) throws IOException {
        long start = parser.currentTokenLocation().getByteOffset();
        Object[] values = new Object[columns.size()];
        Object[] refused = null;
        String[] problems = null;
        Object rawKey = null;
        Object rawCursor = null;
        for (JsonToken token = parser.nextToken(); token == JsonToken.FIELD_NAME; token = parser.nextToken()) {
            String field = parser.currentName();
            JsonToken valueToken = parser.nextToken();
            int[] targets = columnsBySource.get(field);
            if (targets == null) {
                parser.skipChildren();
                continue;
            }
            Object raw = jsonValue(parser, valueToken, source);
            if (field.equals(keyField)) {
                rawKey = raw;
            }
            if (field.equals(cursorField)) {
                rawCursor = raw;
            }
            for (int column : targets) {
                try {
                    values[column] = columns.get(column).type().convert(raw);
                    if (problems != null) {
                        problems[column] = null; // a repeated field: the last one counts, as in a JSON object
                    }
                } catch (IllegalArgumentException e) {
                    if (problems == null) {
                        problems = new String[values.length];
                        refused = new Object[values.length];
                    }
                    values[column] = null;
                    problems[column] = e.getMessage();
                    refused[column] = raw;
                }
            }
        }
        String payload = source.text(start, parser.currentTokenLocation().getByteOffset() + 1);
        KeysetPosition position = values[keyColumn] == null || values[cursorColumn] == null ? null
                : new KeysetPosition((OffsetDateTime) values[cursorColumn], (Long) values[keyColumn]);
        String reason = problem(problems, refused, values, rawKey, rawCursor);
        if (reason != null) {
            return new MappedItem.Rejected(position, rawKey == null ? null : rawKey.toString(), reason, payload);
        }
        String[] texts = new String[values.length];
        for (int i = 0; i < values.length; i++) {
            texts[i] = ColumnType.asText(values[i]);
        }
        return new MappedItem.Row(position, texts, payload);
    }

    /** The first column, in mapping order, whose value could not be converted; then a missing key or cursor. */
    private String problem(String[] problems, Object[] refused, Object[] values, Object rawKey, Object rawCursor) {
        if (problems != null) {
            for (int i = 0; i < problems.length; i++) {
                if (problems[i] != null) {
                    return new InvalidItemException(columns.get(i).source(), refused[i], problems[i]).getMessage();
                }
            }
        }
        if (values[keyColumn] == null) {
            return new InvalidItemException(keyField, rawKey, "is missing").getMessage();
        }
        if (values[cursorColumn] == null) {
            return new InvalidItemException(cursorField, rawCursor, "is missing").getMessage();
        }
        return null;
    }

    /**
     * The value the parser is on, as a JSON-to-Java mapping would give it (exact numbers, Boolean, String), so that
     * {@link ColumnType#convert} decides; an object or array is kept as its JSON text.
     */
    private static Object jsonValue(JsonParser parser, JsonToken token, JsonSource source) throws IOException {
        return switch (token) {
            case VALUE_STRING -> parser.getText();
            case VALUE_NUMBER_INT -> parser.getNumberValue();
            case VALUE_NUMBER_FLOAT -> parser.getDecimalValue();
            case VALUE_TRUE -> Boolean.TRUE;
            case VALUE_FALSE -> Boolean.FALSE;
            case START_OBJECT, START_ARRAY -> {
                long start = parser.currentTokenLocation().getByteOffset();
                parser.skipChildren();
                yield source.text(start, parser.currentTokenLocation().getByteOffset() + 1);
            }
            default -> null;
        };
    }

    private int indexOf(String column) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).column().equals(column)) {
                return i;
            }
        }
        throw new IllegalStateException("The field mapping has no column " + column);
    }

    private static Map<String, int[]> columnsBySource(List<ColumnMapping> columns) {
        Map<String, List<Integer>> indexes = new HashMap<>();
        for (int i = 0; i < columns.size(); i++) {
            indexes.computeIfAbsent(columns.get(i).source(), source -> new ArrayList<>()).add(i);
        }
        Map<String, int[]> bySource = new HashMap<>();
        indexes.forEach((source, list) -> bySource.put(source, list.stream().mapToInt(Integer::intValue).toArray()));
        return bySource;
    }
}

package com.oraclesync.api;

import com.oraclesync.mapping.ColumnType;
import com.oraclesync.resource.SyncResource;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * One list request of the data API, read and checked from its query string: every parameter that is not one of
 * {@link #PARAMETERS} must be a filterable column of the resource, and every value has the type its column holds.
 *
 * @param offset         rows skipped before the page (the slow way; 0 with after)
 * @param after          the key the page continues after (from a next link), or null
 * @param filters        column to typed value, each an equality, in name order
 * @param fields         the columns of each row, in table order (the key always among them)
 * @param includeDeleted whether rows with deleted_at are answered
 * @param count          how total is counted
 * @param fingerprint    what a cursor of this request is bound to
 * @param linkQuery      the request's parameters without offset and after, for the next link
 */
public record DataRequest(SyncResource resource, DataColumns.Whitelist columns, int limit, int offset, Long after,
                          OffsetDateTime updatedSince, OffsetDateTime syncedSince, Map<String, Object> filters,
                          List<String> fields, boolean includeDeleted, Count count, String fingerprint,
                          String linkQuery) {

    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 1000;
    static final Set<String> PARAMETERS = Set.of("limit", "offset", "after", "updated_since", "synced_since",
            "include_deleted", "count", "fields");

    /** How total is counted: exact (count(*)), estimate (the planner's), or auto (exact below a threshold). */
    public enum Count { EXACT, ESTIMATE, AUTO }

    /**
     * @param includeDeletedByDefault include_deleted when the request does not say (true on /api/opportunities, as
     *                                before; on /api/data, true only with updated_since or synced_since)
     */
    static DataRequest parse(ApiParameters parameters, SyncResource resource, DataColumns.Whitelist columns,
                             QueryParameters query, boolean includeDeletedByDefault) {
        Map<String, Object> filters = new TreeMap<>();
        query.all().forEach((name, value) -> {
            if (PARAMETERS.contains(name)) {
                return;
            }
            ColumnType type = columns.filterable().get(name);
            if (type == null) {
                throw new InvalidParameterException(name, value, "is not a parameter nor a column that "
                        + resource.name() + " can be filtered on; parameters are " + new TreeSet<>(PARAMETERS)
                        + ", columns are " + new TreeSet<>(columns.filterable().keySet()));
            }
            filters.put(name, filterValue(name, value, type));
        });
        int limit = parameters.limit(query.get("limit"), DEFAULT_LIMIT, MAX_LIMIT);
        int offset = parameters.offset(query.get("offset"));
        OffsetDateTime updatedSince = timestamp("updated_since", query.get("updated_since"));
        OffsetDateTime syncedSince = timestamp("synced_since", query.get("synced_since"));
        boolean includeDeleted = bool("include_deleted", query.get("include_deleted"),
                includeDeletedByDefault || updatedSince != null || syncedSince != null);
        String fingerprint = fingerprint(resource, filters, updatedSince, syncedSince, includeDeleted);
        Long after = null;
        String cursor = query.get("after");
        if (cursor != null) {
            if (query.get("offset") != null) {
                throw new InvalidParameterException("offset", query.get("offset"), "cannot be combined with after: "
                        + "a next link continues after its last row");
            }
            after = DataCursor.decode(cursor, fingerprint);
        }
        return new DataRequest(resource, columns, limit, offset, after, updatedSince, syncedSince, Map.copyOf(filters),
                fields(query.get("fields"), columns), includeDeleted, count(query.get("count")), fingerprint,
                query.without("offset", "after"));
    }

    private static Object filterValue(String name, String value, ColumnType type) {
        if (value.isEmpty()) {
            throw new InvalidParameterException(name, value, "needs a value to compare " + name + " with");
        }
        if (type == ColumnType.TIMESTAMPTZ) {
            return timestamp(name, value);
        }
        Object typed;
        try {
            typed = type.convert(value);
        } catch (IllegalArgumentException e) {
            throw new InvalidParameterException(name, value, "must be " + article(type) + " " + type.sqlName()
                    + ", as the column holds");
        }
        if (typed instanceof BigDecimal number && Math.abs(number.scale()) > 1000) {
            throw new InvalidParameterException(name, value, "is out of range");
        }
        if (typed instanceof LocalDate date && (date.getYear() < 1 || date.getYear() > 9999)) {
            throw new InvalidParameterException(name, value, "must be a date between the years 1 and 9999");
        }
        return typed;
    }

    /** ISO-8601 with an offset; a '+' that the query string turned into a space is taken back. */
    static OffsetDateTime timestamp(String name, String value) {
        if (value == null) {
            return null;
        }
        OffsetDateTime timestamp;
        try {
            timestamp = OffsetDateTime.parse(value.trim().replace(' ', '+'));
        } catch (DateTimeParseException e) {
            throw new InvalidParameterException(name, value, "must be an ISO-8601 timestamp with an offset, e.g. "
                    + "2024-01-16T13:08:00Z or 2024-01-16T13:08:00.123+01:00");
        }
        if (timestamp.getYear() < 1 || timestamp.getYear() > 9999) {
            throw new InvalidParameterException(name, value, "must be a timestamp between the years 1 and 9999");
        }
        return timestamp;
    }

    private static boolean bool(String name, String value, boolean defaultValue) {
        if (value == null) {
            return defaultValue;
        }
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new InvalidParameterException(name, value, "must be true or false");
        };
    }

    private static Count count(String value) {
        if (value == null) {
            return Count.AUTO;
        }
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "exact" -> Count.EXACT;
            case "estimate" -> Count.ESTIMATE;
            default -> throw new InvalidParameterException("count", value, "must be exact or estimate");
        };
    }

    private static List<String> fields(String value, DataColumns.Whitelist columns) {
        if (value == null) {
            return columns.listed();
        }
        Set<String> asked = new HashSet<>();
        for (String field : value.split(",", -1)) {
            String name = field.trim();
            if (!columns.columns().contains(name)) {
                throw new InvalidParameterException("fields", value, "names '" + name + "', which is not a column; "
                        + "columns are " + columns.columns());
            }
            asked.add(name);
        }
        asked.add(columns.key());
        List<String> fields = new ArrayList<>();
        columns.columns().stream().filter(asked::contains).forEach(fields::add);
        return List.copyOf(fields);
    }

    private static String fingerprint(SyncResource resource, Map<String, Object> filters, OffsetDateTime updatedSince,
                                      OffsetDateTime syncedSince, boolean includeDeleted) {
        Map<String, Object> canonical = new LinkedHashMap<>();
        canonical.put("resource", resource.name());
        canonical.put("updated_since", updatedSince == null ? null : updatedSince.toInstant());
        canonical.put("synced_since", syncedSince == null ? null : syncedSince.toInstant());
        canonical.put("include_deleted", includeDeleted);
        filters.forEach((column, value) -> canonical.put("=" + column, value instanceof OffsetDateTime timestamp
                ? timestamp.toInstant() : value instanceof BigDecimal number ? number.stripTrailingZeros() : value));
        return canonical.toString();
    }

    private static String article(ColumnType type) {
        return type == ColumnType.INTEGER ? "an" : "a";
    }
}

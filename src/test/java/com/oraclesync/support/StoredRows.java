package com.oraclesync.support;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Compares a stored {@code opportunities} row with the Oracle item it was copied from, column by column. */
public final class StoredRows {

    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();

    private StoredRows() {
    }

    /** Every mapped column and the payload that differ, as {@code column: expected X, stored Y}; empty when equal. */
    public static List<String> differences(Map<String, Object> item, Map<String, Object> row) {
        List<String> differences = new ArrayList<>();
        compare(differences, "opportunity_number", item.get("OptyNumber"), row.get("opportunity_number"));
        compare(differences, "name", item.get("Name"), row.get("name"));
        compare(differences, "customer", blankToNull(item.get("TargetPartyName")), row.get("customer"));
        compare(differences, "deal_value", decimal(item.get("Revenue")), row.get("deal_value"));
        compare(differences, "currency", item.get("CurrencyCode"), row.get("currency"));
        compare(differences, "win_probability", decimal(item.get("WinProb")), row.get("win_probability"));
        compare(differences, "stage", item.get("SalesStage"), row.get("stage"));
        compare(differences, "status_code", item.get("StatusCode"), row.get("status_code"));
        compare(differences, "close_date", item.get("EffectiveDate") == null ? null
                : LocalDate.parse((String) item.get("EffectiveDate")),
                row.get("close_date") == null ? null : ((Date) row.get("close_date")).toLocalDate());
        compare(differences, "sales_owner", text(item.get("OwnerResourcePartyId")), row.get("sales_owner"));
        compare(differences, "practice", item.get("Practice_c"), row.get("practice"));
        compare(differences, "geo", item.get("Geo_c"), row.get("geo"));
        compare(differences, "region", item.get("Region_c"), row.get("region"));
        compare(differences, "sector", item.get("Sector_c"), row.get("sector"));
        compare(differences, "oracle_created_at", instantOf(item.get("CreationDate")),
                instant(row.get("oracle_created_at")));
        compare(differences, "oracle_updated_at", instantOf(item.get("LastUpdateDate")),
                instant(row.get("oracle_updated_at")));
        compare(differences, "source_payload", parse(write(item)), row.get("source_payload") == null ? null
                : parse(row.get("source_payload").toString()));
        return differences;
    }

    private static void compare(List<String> differences, String column, Object expected, Object stored) {
        if (!Objects.equals(expected, stored)) {
            differences.add(column + ": expected " + expected + ", stored " + stored);
        }
    }

    private static String write(Map<String, Object> item) {
        try {
            return JSON.writeValueAsString(item);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Could not write item " + item, e);
        }
    }

    /** Parsed from text on both sides, so that numbers compare as the BigDecimals the database holds. */
    private static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Not JSON: " + json, e);
        }
    }

    private static Object blankToNull(Object value) {
        return value instanceof String text && text.isBlank() ? null : value;
    }

    private static BigDecimal decimal(Object value) {
        return value == null ? null : new BigDecimal(value.toString());
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }

    private static Instant instant(Object timestamp) {
        return timestamp == null ? null : ((Timestamp) timestamp).toInstant();
    }

    private static Instant instantOf(Object isoText) {
        return isoText == null ? null : OffsetDateTime.parse((String) isoText).toInstant();
    }
}

package com.oraclesync.support;

import com.oraclesync.simulator.OracleTimestamps;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** Builds Oracle opportunity items for tests: {@code opportunity(42).name("Acme").lastUpdate(t).build()}. */
public final class Opportunities {

    private final Map<String, Object> item = new LinkedHashMap<>();

    private Opportunities(long optyId) {
        item.put("OptyId", optyId);
        item.put("OptyNumber", "CDRM_" + optyId);
        item.put("Name", "Opportunity " + optyId);
        item.put("TargetPartyName", "Customer " + optyId);
        item.put("Revenue", new BigDecimal("1000.00"));
        item.put("CurrencyCode", "USD");
        item.put("WinProb", 50L);
        item.put("SalesStage", "Qualify");
        item.put("StatusCode", "OPEN");
        item.put("EffectiveDate", "2025-06-30");
        item.put("OwnerResourcePartyId", 100000001L);
        item.put("CreationDate", "2024-01-01T08:00:00.000+00:00");
        item.put("LastUpdateDate", "2024-01-16T13:08:00.123+00:00");
    }

    public static Opportunities opportunity(long optyId) {
        return new Opportunities(optyId);
    }

    public Opportunities with(String field, Object value) {
        item.put(field, value);
        return this;
    }

    public Opportunities name(String name) {
        return with("Name", name);
    }

    public Opportunities statusCode(String statusCode) {
        return with("StatusCode", statusCode);
    }

    public Opportunities revenue(String revenue) {
        return with("Revenue", revenue == null ? null : new BigDecimal(revenue));
    }

    public Opportunities lastUpdate(Instant lastUpdate) {
        return with("LastUpdateDate", OracleTimestamps.format(lastUpdate));
    }

    public Opportunities lastUpdate(String lastUpdate) {
        return with("LastUpdateDate", lastUpdate);
    }

    public Map<String, Object> build() {
        return new LinkedHashMap<>(item);
    }
}

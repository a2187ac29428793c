package com.oraclesync.simulator;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

/** A named opportunity for tests, with plain defaults that a test overrides where it matters. */
final class OpportunityFixture {

    static final String DEFAULT_LAST_UPDATE = "2024-01-16T13:08:00.123+00:00";

    private final Map<String, Object> fields = new LinkedHashMap<>();

    private OpportunityFixture(long optyId) {
        fields.put("OptyId", optyId);
        fields.put("OptyNumber", "CDRM_" + optyId);
        fields.put("Name", "Deal " + optyId);
        fields.put("TargetPartyName", "Acme Corporation");
        fields.put("Revenue", new BigDecimal("1000.00"));
        fields.put("CurrencyCode", "USD");
        fields.put("WinProb", 50);
        fields.put("SalesStage", "02 - Discover");
        fields.put("StatusCode", "OPEN");
        fields.put("EffectiveDate", "2024-03-01");
        fields.put("OwnerResourcePartyId", 300000001500000L);
        fields.put("CreationDate", "2024-01-01T09:00:00.000+00:00");
        fields.put("LastUpdateDate", DEFAULT_LAST_UPDATE);
        fields.put("Practice_c", "Cloud");
        fields.put("Geo_c", "EMEA");
        fields.put("Region_c", "DACH");
        fields.put("Sector_c", "Retail");
    }

    static OpportunityFixture opportunity(long optyId) {
        return new OpportunityFixture(optyId);
    }

    OpportunityFixture with(String field, Object value) {
        fields.put(field, value);
        return this;
    }

    OpportunityFixture name(String name) {
        return with("Name", name);
    }

    OpportunityFixture revenue(String revenue) {
        return with("Revenue", revenue == null ? null : new BigDecimal(revenue));
    }

    OpportunityFixture status(String statusCode) {
        return with("StatusCode", statusCode);
    }

    OpportunityFixture lastUpdate(String lastUpdateDate) {
        return with("LastUpdateDate", lastUpdateDate);
    }

    Map<String, Object> build() {
        return new LinkedHashMap<>(fields);
    }
}

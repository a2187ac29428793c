package com.oraclesync.support;

import java.util.LinkedHashMap;
import java.util.Map;

/** Builds Oracle account and contact items for tests: {@code account(7).with("Type", "ZCA_PARTNER").build()}. */
public final class Parties {

    private final Map<String, Object> item = new LinkedHashMap<>();

    private Parties(long partyId) {
        item.put("PartyId", partyId);
        item.put("PartyNumber", "CDRM_" + partyId);
    }

    public static Parties account(long partyId) {
        return new Parties(partyId).with("OrganizationName", "Account " + partyId).with("OwnerPartyId", 100000001L)
                .with("Type", "ZCA_CUSTOMER").audit();
    }

    public static Parties contact(long partyId, long accountPartyId) {
        return new Parties(partyId).with("FirstName", "First" + partyId).with("LastName", "Last" + partyId)
                .with("EmailAddress", "contact" + partyId + "@example.com").with("AccountPartyId", accountPartyId)
                .audit();
    }

    public Parties with(String field, Object value) {
        item.put(field, value);
        return this;
    }

    public Map<String, Object> build() {
        return new LinkedHashMap<>(item);
    }

    private Parties audit() {
        return with("CreationDate", "2024-01-01T08:00:00.000+00:00").with("LastUpdateDate",
                "2024-02-0" + (1 + item.get("PartyId").hashCode() % 9) + "T10:00:00.000+00:00");
    }
}

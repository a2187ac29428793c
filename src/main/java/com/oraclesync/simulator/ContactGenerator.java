package com.oraclesync.simulator;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** Realistic Oracle contacts (persons), each of one of the generated accounts' PartyIds. */
public final class ContactGenerator extends ItemGenerator {

    private static final String[] FIRST_NAMES = {"Anna", "Björn", "Chloé", "David", "Emeka", "François", "Grace",
        "Hiroshi", "Ingrid", "José", "Kateřina", "Liam"};
    private static final String[] LAST_NAMES = {"Müller", "O'Neil", "Smith", "García", "Nakamura", "Okafor", "Dubois",
        "Nowak", "Rossi", "Johansson"};

    private final long firstAccountId;
    private final int accounts;

    /** @param firstAccountId the first of {@code accounts} consecutive account PartyIds the contacts belong to */
    public ContactGenerator(long seed, long firstAccountId, int accounts) {
        super(seed);
        this.firstAccountId = firstAccountId;
        this.accounts = Math.max(1, accounts);
    }

    @Override
    protected Map<String, Object> item(long partyId, Instant creation, Instant lastUpdate) {
        String first = pick(FIRST_NAMES);
        String last = pick(LAST_NAMES);
        Map<String, Object> item = new LinkedHashMap<>(16);
        item.put(PartyFields.PARTY_ID, partyId);
        item.put(PartyFields.PARTY_NUMBER, "CDRM_" + partyId % 10_000_000);
        item.put("FirstName", first);
        item.put("LastName", last);
        item.put("EmailAddress", (first + "." + last).toLowerCase(Locale.ROOT).replace("'", "") + "@example.com");
        item.put("AccountPartyId", firstAccountId + random.nextInt(accounts));
        item.put(OracleItems.CREATION_DATE, OracleTimestamps.format(creation));
        item.put(OracleItems.LAST_UPDATE_DATE, OracleTimestamps.format(lastUpdate));
        return item;
    }
}

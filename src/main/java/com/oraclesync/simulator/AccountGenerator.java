package com.oraclesync.simulator;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** Realistic Oracle accounts (organizations); about 1 in 20 names carry quotes or non-ASCII text. */
public final class AccountGenerator extends ItemGenerator {

    private static final String[] NAMES = {
        "Acme Corporation", "Globex Industries", "Initech", "Umbrella Health", "Stark Logistics", "Wayne Financial",
        "Tyrell Systems", "Nordwind Energie AG", "Banco Atlántico", "Contoso Retail", "Northwind Traders"};
    private static final String[] TRICKY_NAMES = {"O'Brien & Söhne \"Holding\"", "東京 Trading 株式会社", "Ñandú S.A."};
    private static final String[] TYPES = {"ZCA_CUSTOMER", "ZCA_PROSPECT", "ZCA_PARTNER"};

    public AccountGenerator(long seed) {
        super(seed);
    }

    @Override
    protected Map<String, Object> item(long partyId, Instant creation, Instant lastUpdate) {
        Map<String, Object> item = new LinkedHashMap<>(16);
        item.put(PartyFields.PARTY_ID, partyId);
        item.put(PartyFields.PARTY_NUMBER, "CDRM_" + partyId % 10_000_000);
        item.put("OrganizationName", random.nextInt(20) == 0 ? pick(TRICKY_NAMES) : pick(NAMES) + " " + partyId % 1000);
        item.put("OwnerPartyId", 300_000_001_500_000L + random.nextInt(40) * 137L);
        item.put("Type", pick(TYPES));
        item.put(OracleItems.CREATION_DATE, OracleTimestamps.format(creation));
        item.put(OracleItems.LAST_UPDATE_DATE, OracleTimestamps.format(lastUpdate));
        return item;
    }
}

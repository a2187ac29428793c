package com.oraclesync.simulator;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Realistic opportunities, the same for the same seed. About 1 in 20 names carry non-ASCII
 * text, quotes or separators, because those are what break naive clients and SQL.
 */
public final class OpportunityGenerator extends ItemGenerator {

    private static final String[] CUSTOMERS = {
        "Acme Corporation", "Globex Industries", "Initech", "Umbrella Health", "Stark Logistics",
        "Wayne Financial", "Tyrell Systems", "Cyberdyne Analytics", "Soylent Foods", "Hooli",
        "Vandelay Imports", "Massive Dynamic", "Nordwind Energie AG", "Banco Atlántico", "Contoso Retail",
        "Fabrikam Manufacturing", "Northwind Traders", "Tailspin Airlines", "Wingtip Toys", "Litware Insurance"};
    private static final String[] PRODUCTS = {
        "Cloud Migration", "Data Platform", "ERP Rollout", "Security Assessment", "CX Transformation",
        "Managed Services", "License Renewal", "AI Pilot", "Network Refresh", "Support Extension"};
    private static final String[] TRICKY_NAMES = {
        "Café Müller – 日本 Expansion", "O'Brien \"Big\" Deal", "Zürich Rückversicherung – Phase 2",
        "Smörgåsbord AB; renewal, 2025", "東京 Data Center 移行", "L'Oréal \"Beauty\" Cloud",
        "Straße & Söhne GmbH", "Back\\slash 50% off_deal", "Ñandú S.A. – Licencias", "Launch 🚀 Q3"};
    private static final String[] CURRENCIES = {"USD", "USD", "USD", "USD", "EUR", "EUR", "EUR", "GBP", "GBP"};
    private static final String[] STAGES = {
        "01 - Qualify", "02 - Discover", "03 - Develop Solution", "04 - Propose", "05 - Negotiate", "06 - Close"};
    private static final int[] STAGE_WIN_PROBABILITY = {10, 25, 40, 60, 80, 90};
    private static final BigDecimal[] STAGE_WIN_PROBABILITY_AND_A_HALF = {
        new BigDecimal("10.5"), new BigDecimal("25.5"), new BigDecimal("40.5"),
        new BigDecimal("60.5"), new BigDecimal("80.5"), new BigDecimal("90.5")};
    private static final String[] PRACTICES = {"Cloud", "Data & AI", "Security", "ERP", "CX", null};
    private static final String[] GEOS = {"EMEA", "NA", "APAC", "LATAM", null};
    private static final String[] REGIONS = {"UK&I", "DACH", "Nordics", "US East", "US West", "ANZ", "Japan", "Brazil", null};
    private static final String[] SECTORS = {
        "Financial Services", "Public Sector", "Healthcare", "Retail", "Manufacturing", "Energy", null};
    private static final Long[] OWNERS = owners();

    public OpportunityGenerator(long seed) {
        super(seed);
    }

    /** One opportunity last updated at {@code lastUpdate} and created up to 90 days before. */
    public Map<String, Object> opportunity(long optyId, Instant lastUpdate) {
        Instant creation = lastUpdate.minus(Duration.ofMillis(random.nextLong(Duration.ofDays(90).toMillis() + 1)));
        return item(optyId, creation, lastUpdate);
    }

    @Override
    protected Map<String, Object> item(long optyId, Instant creation, Instant lastUpdate) {
        String customer = pick(CUSTOMERS);
        int stage = random.nextInt(STAGES.length);
        Map<String, Object> item = new LinkedHashMap<>(32);
        item.put("OptyId", optyId);
        item.put("OptyNumber", "CDRM_" + optyId % 10_000_000);
        item.put("Name", random.nextInt(20) == 0 ? pick(TRICKY_NAMES) : customer + " - " + pick(PRODUCTS));
        item.put("TargetPartyName", customer);
        item.put("Revenue", random.nextInt(20) == 0 ? null : BigDecimal.valueOf(random.nextLong(100_000, 200_000_001), 2));
        item.put("CurrencyCode", pick(CURRENCIES));
        item.put("WinProb", winProbability(stage));
        item.put("SalesStage", STAGES[stage]);
        item.put("StatusCode", status(stage));
        item.put("EffectiveDate", LocalDate.ofInstant(creation, ZoneOffset.UTC).plusDays(30 + random.nextInt(335)).toString());
        item.put("OwnerResourcePartyId", pick(OWNERS));
        item.put("CreationDate", OracleTimestamps.format(creation));
        item.put("LastUpdateDate", OracleTimestamps.format(lastUpdate));
        item.put("Practice_c", pick(PRACTICES));
        item.put("Geo_c", pick(GEOS));
        item.put("Region_c", pick(REGIONS));
        item.put("Sector_c", pick(SECTORS));
        return item;
    }

    /** Oracle returns whole percentages as integers and others as decimals; clients must take both. */
    private Object winProbability(int stage) {
        return random.nextInt(3) == 0 ? STAGE_WIN_PROBABILITY_AND_A_HALF[stage] : Integer.valueOf(STAGE_WIN_PROBABILITY[stage]);
    }

    private String status(int stage) {
        if (stage < STAGES.length - 1) {
            return "OPEN";
        }
        return random.nextInt(5) < 3 ? "WON" : "LOST";
    }

    private static Long[] owners() {
        Long[] owners = new Long[40];
        for (int i = 0; i < owners.length; i++) {
            owners[i] = 300_000_001_500_000L + i * 137L;
        }
        return owners;
    }
}

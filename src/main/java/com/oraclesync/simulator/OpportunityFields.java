package com.oraclesync.simulator;

import java.util.List;

/** Oracle's attribute names for the fields the generator produces, in Oracle's order. */
final class OpportunityFields {

    static final String OPTY_ID = "OptyId";
    static final String OPTY_NUMBER = "OptyNumber";
    static final String CREATION_DATE = OracleItems.CREATION_DATE;
    static final String LAST_UPDATE_DATE = OracleItems.LAST_UPDATE_DATE;

    static final List<String> STANDARD = List.of(
            OPTY_ID, OPTY_NUMBER, "Name", "TargetPartyName", "Revenue", "CurrencyCode", "WinProb",
            "SalesStage", "StatusCode", "EffectiveDate", "OwnerResourcePartyId", CREATION_DATE,
            LAST_UPDATE_DATE, "Practice_c", "Geo_c", "Region_c", "Sector_c");

    private OpportunityFields() {
    }
}

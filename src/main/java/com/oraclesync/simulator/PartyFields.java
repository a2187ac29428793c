package com.oraclesync.simulator;

import java.util.List;

/** Oracle's attribute names of the accounts and contacts the generators produce, in Oracle's order. */
final class PartyFields {

    static final String PARTY_ID = "PartyId";
    static final String PARTY_NUMBER = "PartyNumber";

    static final List<String> ACCOUNT = List.of(PARTY_ID, PARTY_NUMBER, "OrganizationName", "OwnerPartyId", "Type",
            OracleItems.CREATION_DATE, OracleItems.LAST_UPDATE_DATE);

    static final List<String> CONTACT = List.of(PARTY_ID, PARTY_NUMBER, "FirstName", "LastName", "EmailAddress",
            "AccountPartyId", OracleItems.CREATION_DATE, OracleItems.LAST_UPDATE_DATE);

    private PartyFields() {
    }
}

package com.oraclesync.simulator;

import java.util.List;

/**
 * What the simulator knows of one Oracle resource: its path, the field that keys its items (a whole number), the
 * field an item is also found by, what an item is called in messages, and the fields it serves from the start.
 */
public record ResourceShape(String resource, String keyField, String numberField, String itemName,
                            List<String> standardFields) {

    public static final ResourceShape OPPORTUNITIES = new ResourceShape("opportunities", OpportunityFields.OPTY_ID,
            OpportunityFields.OPTY_NUMBER, "opportunity", OpportunityFields.STANDARD);

    public static final ResourceShape ACCOUNTS = new ResourceShape("accounts", PartyFields.PARTY_ID,
            PartyFields.PARTY_NUMBER, "account", PartyFields.ACCOUNT);

    public static final ResourceShape CONTACTS = new ResourceShape("contacts", PartyFields.PARTY_ID,
            PartyFields.PARTY_NUMBER, "contact", PartyFields.CONTACT);

    /** A resource such as a custom object ({@code Projects_c}), known by its key field and whatever items it gets. */
    public static ResourceShape custom(String resource, String keyField) {
        return new ResourceShape(resource, keyField, null, "item", List.of(keyField, OracleItems.CREATION_DATE,
                OracleItems.LAST_UPDATE_DATE));
    }

    public ResourceShape {
        standardFields = List.copyOf(standardFields);
    }
}

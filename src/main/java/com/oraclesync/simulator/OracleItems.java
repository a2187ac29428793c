package com.oraclesync.simulator;

/** The audit fields that every Oracle item carries. */
final class OracleItems {

    static final String CREATION_DATE = "CreationDate";
    static final String LAST_UPDATE_DATE = "LastUpdateDate";

    private OracleItems() {
    }
}

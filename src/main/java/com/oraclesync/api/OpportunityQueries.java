package com.oraclesync.api;

import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads the synced opportunities for the API, in remote_id order; never writes. */
@Repository
public class OpportunityQueries {

    private static final String COLUMNS = """
            id, remote_id, opportunity_number, name, customer, deal_value, currency, win_probability, stage,
            status_code, close_date, sales_owner, practice, geo, region, sector, workflow_status,
            oracle_created_at, oracle_updated_at, last_synced_at, deleted_at
            """;

    private static final String PAGE = "SELECT " + COLUMNS + """
            FROM opportunities ORDER BY remote_id LIMIT :limit OFFSET :offset
            """;

    private static final String COUNT = "SELECT count(*) FROM opportunities";

    private static final String BY_REMOTE_ID = "SELECT " + COLUMNS + """
            , CAST(source_payload AS text) AS source_payload
            FROM opportunities WHERE remote_id = :remoteId
            """;

    private final JdbcClient jdbc;

    public OpportunityQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<OpportunityView> page(int limit, int offset) {
        return jdbc.sql(PAGE).param("limit", limit).param("offset", offset).query(OpportunityView::summary).list();
    }

    public long count() {
        return jdbc.sql(COUNT).query(Long.class).single();
    }

    public Optional<OpportunityView> byRemoteId(long remoteId) {
        return jdbc.sql(BY_REMOTE_ID).param("remoteId", remoteId).query(OpportunityView::detail).optional();
    }
}

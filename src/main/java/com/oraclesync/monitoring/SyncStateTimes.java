package com.oraclesync.monitoring;

import java.time.OffsetDateTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** When the last successful run ended and where the committed watermark stands, from sync_state. */
@Repository
public class SyncStateTimes {

    private static final String SELECT = """
            SELECT last_success_at, watermark_ts FROM sync_state WHERE sync_name = :syncName
            """;

    private final JdbcClient jdbc;

    public SyncStateTimes(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Times read(String syncName) {
        return jdbc.sql(SELECT).param("syncName", syncName)
                .query((rs, row) -> new Times(rs.getObject("last_success_at", OffsetDateTime.class),
                        rs.getObject("watermark_ts", OffsetDateTime.class)))
                .optional()
                .orElse(new Times(null, null));
    }

    public record Times(OffsetDateTime lastSuccessAt, OffsetDateTime watermark) {
    }
}

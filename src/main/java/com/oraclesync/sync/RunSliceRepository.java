package com.oraclesync.sync;

import com.oraclesync.mapping.KeysetPosition;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The slices of a sync's unfinished parallel run (sync_state_slices): written once when the run plans them, moved by
 * each slice's page transactions (sql/advance-slice-checkpoint.sql), read back when a run resumes.
 */
@Repository
public class RunSliceRepository {

    private static final String INSERT = """
            INSERT INTO sync_state_slices (sync_name, slice_no, from_ts, to_ts, log_id)
            VALUES (:syncName, :number, :from, :to, :logId)
            """;

    private static final String SELECT = """
            SELECT slice_no, from_ts, to_ts, checkpoint_ts, checkpoint_id, done
            FROM sync_state_slices WHERE sync_name = :syncName ORDER BY slice_no
            """;

    private final JdbcClient jdbc;

    public RunSliceRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(SyncRun run, List<RunSlice> slices) {
        for (RunSlice slice : slices) {
            jdbc.sql(INSERT)
                    .param("syncName", run.stateName())
                    .param("number", slice.number())
                    .param("from", slice.from())
                    .param("to", slice.to())
                    .param("logId", run.logId())
                    .update();
        }
    }

    /** The slices of the unfinished run, each after its own checkpoint; empty when that run was sequential. */
    List<SyncRun> load(SyncRun run) {
        List<SyncRun> slices = new ArrayList<>();
        jdbc.sql(SELECT).param("syncName", run.stateName()).query((ResultSet rs) -> {
            slices.add(run.slice(new RunSlice(rs.getInt("slice_no"), rs.getObject("from_ts", OffsetDateTime.class),
                    rs.getObject("to_ts", OffsetDateTime.class)), checkpoint(rs), rs.getBoolean("done")));
        });
        return slices;
    }

    private static KeysetPosition checkpoint(ResultSet rs) throws SQLException {
        OffsetDateTime ts = rs.getObject("checkpoint_ts", OffsetDateTime.class);
        long id = rs.getLong("checkpoint_id");
        return ts == null || rs.wasNull() ? null : new KeysetPosition(ts, id);
    }
}

package com.oraclesync.sync;

import com.oraclesync.resource.ResourceTables;
import com.oraclesync.resource.SyncResource;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The rows of a resource not marked deleted, as sync_state.total_records holds them after a run: the route's
 * {@code activeRecords} bean, called in the transaction that closes the run. A FULL or RECONCILE run counts the table
 * with the resource's count-active.sql. An INCREMENTAL run goes on from the last count instead of reading every row
 * again (a few hundred milliseconds at 300,000 rows, on every run): rows are never removed, only marked deleted, so
 * the rows counted then are all still there and any row added since has a higher id; the count adds those (the
 * primary key finds them) and takes off every row marked deleted (a partial index holds them). No other run of the
 * sync writes meanwhile: the run holds the sync's lock, and the fence check before this step waits for any fenced-off
 * run's transaction. A table emptied by hand (TRUNCATE, which gives it new storage) is counted in full again.
 */
@Component("activeRecords")
public class ActiveRecords {

    private static final Logger log = LoggerFactory.getLogger(ActiveRecords.class);

    private static final String LAST_COUNT = """
            SELECT counted_rows, counted_max_id, counted_table_file FROM sync_state WHERE sync_name = :syncName
            """;

    // The table names come from configuration, checked against the schema at start-up (SyncResources). Both counts
    // are ranges, which the planner reads from an index even without statistics (a table just loaded by a FULL run,
    // autovacuum off or not there yet): it guesses 0.5% of the rows for a range on one column, but a third for
    // "id > x" and nearly all for "deleted_at IS NOT NULL", which would read the whole table. For a timestamptz, "from
    // -infinity to infinity" is the same as "not null", and it is what the partial index on deleted_at holds.
    private static final String SINCE_LAST_COUNT = """
            SELECT pg_relation_filenode(CAST(:table AS regclass)) AS table_file,
                   EXISTS (SELECT 1 FROM %1$s WHERE id = :countedMaxId) AS counted_row_kept,
                   newest.max_id,
                   (SELECT count(*) FROM %1$s WHERE id > :countedMaxId AND id <= newest.max_id) AS added,
                   (SELECT count(*) FROM %1$s WHERE deleted_at >= '-infinity' AND deleted_at <= 'infinity') AS deleted
            FROM (SELECT COALESCE(max(id), :countedMaxId) AS max_id FROM %1$s) AS newest
            """;

    private static final String BESIDE_FULL_COUNT = """
            SELECT pg_relation_filenode(CAST(:table AS regclass)) AS table_file,
                   (SELECT COALESCE(max(id), 0) FROM %1$s) AS max_id,
                   (SELECT count(*) FROM %1$s WHERE deleted_at >= '-infinity' AND deleted_at <= 'infinity') AS deleted
            """;

    private final JdbcClient jdbc;
    private final SyncStateRepository state;
    private final Map<String, Boolean> countableOnward = new ConcurrentHashMap<>();

    public ActiveRecords(JdbcClient jdbc, SyncStateRepository state) {
        this.jdbc = jdbc;
        this.state = state;
    }

    /** The count after the run, and what the next one goes on from: for advance-watermark.sql. */
    public ActiveCount afterRun(SyncRun run) {
        SyncResource resource = run.resource();
        if (run.type() != SyncType.INCREMENTAL) {
            return fullCount(run, "a " + run.type() + " run");
        }
        if (!countableOnward(resource)) {
            return fullCount(run, "table " + resource.table() + " has no id or no deleted_at column");
        }
        LastCount last = jdbc.sql(LAST_COUNT).param("syncName", resource.stateName())
                .query((rs, row) -> new LastCount(rs.getObject(1, Long.class), rs.getObject(2, Long.class),
                        rs.getObject(3, Long.class)))
                .single();
        if (last.rows() == null || last.maxId() == null || last.tableFile() == null) {
            return fullCount(run, "no earlier count to go on from");
        }
        Since since = jdbc.sql(SINCE_LAST_COUNT.formatted(resource.table()))
                .param("table", resource.table())
                .param("countedMaxId", last.maxId())
                .query((rs, row) -> new Since(rs.getLong("table_file"),
                        rs.getBoolean("counted_row_kept"), rs.getLong("added"), rs.getLong("max_id"),
                        rs.getLong("deleted")))
                .single();
        if (since.tableFile() != last.tableFile() || (last.maxId() > 0 && !since.countedRowKept())) {
            return fullCount(run, "the table has been emptied or rows removed since the last count");
        }
        long rows = last.rows() + since.added();
        ActiveCount count = new ActiveCount(rows - since.deleted(), rows, since.maxId(), since.tableFile());
        log.debug("Sync {}: {} rows not marked deleted, counted on from the last count ({} rows added since, {} marked "
                + "deleted)", run.logId(), count.active(), since.added(), since.deleted());
        return count;
    }

    private ActiveCount fullCount(SyncRun run, String why) {
        SyncResource resource = run.resource();
        long active = state.activeRecords(resource);
        if (!countableOnward(resource)) {
            return new ActiveCount(active, null, null, null);
        }
        ActiveCount count = jdbc.sql(BESIDE_FULL_COUNT.formatted(resource.table()))
                .param("table", resource.table())
                .query((rs, row) -> new ActiveCount(active, active + rs.getLong("deleted"), rs.getLong("max_id"),
                        rs.getLong("table_file")))
                .single();
        log.debug("Sync {}: {} rows not marked deleted, counted in full ({})", run.logId(), active, why);
        return count;
    }

    /** Counting on needs the table's serial id and its deleted mark, which every shipped resource table has. */
    private boolean countableOnward(SyncResource resource) {
        return countableOnward.computeIfAbsent(resource.table(), table -> {
            Map<String, ?> columns = new ResourceTables(jdbc).columns(table);
            return columns.containsKey("id") && columns.containsKey("deleted_at");
        });
    }

    /**
     * A count of the rows not marked deleted, and where the next one can go on from: {@code rows} rows, marked deleted
     * or not, with an id up to {@code maxId}, in the table's storage {@code tableFile}; the three are null when the
     * table cannot be counted on from.
     */
    public record ActiveCount(long active, Long rows, Long maxId, Long tableFile) {
    }

    private record LastCount(Long rows, Long maxId, Long tableFile) {
    }

    private record Since(long tableFile, boolean countedRowKept, long added, long maxId, long deleted) {
    }
}

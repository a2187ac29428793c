package com.oraclesync.sync;

import com.oraclesync.resource.SyncResource;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Binds a sync's state to the source it was built from ({@link SyncResource#source()}, kept in sync_state.source).
 * A watermark means "everything before it is stored" only for the source it came from: going on from the demo's
 * watermark against a real Oracle would skip every record older than the demo's clock and mix the two sources' rows.
 * So a run configured for another source does not go on from the state, unless the table is empty and the run is a
 * FULL one (it starts over), or {@code sync.adopt-state} says to adopt the state on purpose. State from before the
 * source was recorded (null) is adopted silently.
 */
@Component
class SyncSources {

    private static final Logger log = LoggerFactory.getLogger(SyncSources.class);

    private final SyncStateRepository state;
    private final boolean adoptState;

    SyncSources(SyncStateRepository state, SyncProperties properties) {
        this.state = state;
        this.adoptState = properties.adoptState();
    }

    /**
     * In the transaction that opens a run, under the sync's lock: the state the run plans from.
     *
     * @throws SyncSourceMismatchException when the state is another source's and the run may not go on from it
     */
    SyncState bind(SyncResource resource, SyncMode requested, SyncState current) {
        String configured = resource.source();
        String recorded = current.source();
        if (configured.equals(recorded)) {
            return current;
        }
        if (recorded == null) {
            state.recordSource(resource.stateName(), configured);
            log.info("The state of sync {} is bound to its source from now on: {}", resource.name(), configured);
            return current;
        }
        if (adoptState) {
            state.recordSource(resource.stateName(), configured);
            log.warn("The state of sync {} was built from {}; adopted for {} as SYNC_ADOPT_STATE=true "
                    + "(sync.adopt-state) asks: runs go on from its watermark {}", resource.name(), recorded,
                    configured, resource.describe(current.watermark()));
            return current;
        }
        if (requested == SyncMode.FULL && !state.hasRows(resource)) {
            state.startOver(resource.stateName(), configured);
            log.warn("The state of sync {} was built from {}; table {} is empty, so this FULL run starts over "
                    + "from {}", resource.name(), recorded, resource.table(), configured);
            return new SyncState(null, null, null, null, null, configured);
        }
        throw new SyncSourceMismatchException(refusal(resource, recorded, current),
                SyncPlan.of(requested, current, Duration.ZERO).type());
    }

    private static String refusal(SyncResource resource, String recorded, SyncState current) {
        String configured = resource.source();
        String table = resource.table();
        String risk = current.watermark() == null && !current.hasUnfinishedRun()
                ? "going on from it would mix the two sources' rows in table " + table
                : "going on from it would read only what " + configured + " changed after the other source's "
                        + (current.hasUnfinishedRun() ? "checkpoint " + resource.describe(current.checkpoint())
                        : "watermark " + resource.describe(current.watermark()))
                        + ", and mix the two sources' rows in table " + table;
        return "Sync " + resource.name() + " refused: its state (sync_state " + resource.stateName() + ") was built "
                + "from " + recorded + ", but this service is configured for " + configured + "; " + risk
                + ". Nothing was started. To sync " + configured + " from the start, empty " + table + " (TRUNCATE "
                + table + ", or point DATABASE_URL at an empty database) and start a FULL run (POST /api/sync?sync="
                + resource.name() + "&mode=full, or the JMX operation startFullSync); if both are the same data (the same tenant under a new host "
                + "name), set SYNC_ADOPT_STATE=true (sync.adopt-state) to go on from the state as it is.";
    }
}

package com.oraclesync.sync;

import java.util.concurrent.Semaphore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * At most sync.max-concurrent-runs (SYNC_MAX_CONCURRENT_RUNS) runs of different syncs carry out at once on this
 * instance; a run beyond that waits, RUNNING, for a free slot rather than be refused.
 */
@Component
class RunSlots {

    private static final Logger log = LoggerFactory.getLogger(RunSlots.class);

    private final int slots;
    private final Semaphore free;

    RunSlots(SyncProperties properties) {
        this.slots = properties.maxConcurrentRuns();
        this.free = new Semaphore(slots, true);
    }

    void take(SyncRun run) throws InterruptedException {
        if (!free.tryAcquire()) {
            log.info("Sync {} ({}) waits for one of the {} runs in progress to end (SYNC_MAX_CONCURRENT_RUNS)",
                    run.logId(), run.syncName(), slots);
            free.acquire();
        }
        run.slotTaken();
    }

    void giveBack() {
        free.release();
    }
}

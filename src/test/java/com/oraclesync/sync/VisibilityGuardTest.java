package com.oraclesync.sync;

import static com.oraclesync.support.Opportunities.opportunity;
import static org.assertj.core.api.Assertions.assertThat;

import com.oraclesync.support.SyncTestSupport;
import java.util.Map;
import java.util.stream.LongStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class VisibilityGuardTest extends SyncTestSupport {

    @BeforeEach
    void givenAHundredRecordsSynced() {
        LongStream.rangeClosed(1, 100).forEach(id -> oracle.store().put(opportunity(id).build()));
        runSync();
    }

    @Test
    void fullRunThatSeesFarFewerRecordsThanStoredEndsPartialNamingTheLikelyCause() {
        // given: the integration user now sees 30 of the 100 opportunities
        LongStream.rangeClosed(31, 100).forEach(oracle.store()::remove);

        // when
        Map<String, Object> log = runSync("FULL");

        // then
        assertThat(log).containsEntry("sync_type", "FULL").containsEntry("status", "PARTIAL")
                .containsEntry("total_fetched", 30).containsEntry("failed_records", 0)
                .containsEntry("error_message", "FULL run returned only 30 records while the table holds 100 "
                        + "(less than sync.visibility-guard-share 50%): the integration user probably no longer sees "
                        + "every opportunity; check its roles and territories in Oracle and ORACLE_FINDER. "
                        + "Nothing was deleted");
        assertThat(count("SELECT count(*) FROM opportunities WHERE deleted_at IS NULL")).isEqualTo(100);
    }

    @Test
    void fullRunThatSeesMostRecordsSucceeds() {
        // given
        LongStream.rangeClosed(61, 100).forEach(oracle.store()::remove);

        // when
        Map<String, Object> log = runSync("FULL");

        // then
        assertThat(log).containsEntry("status", "SUCCESS").containsEntry("total_fetched", 60)
                .containsEntry("error_message", null);
    }
}

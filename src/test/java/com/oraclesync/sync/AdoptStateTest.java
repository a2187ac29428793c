package com.oraclesync.sync;

import static com.oraclesync.support.Opportunities.opportunity;
import static org.assertj.core.api.Assertions.assertThat;

import com.oraclesync.support.SyncTestSupport;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

@TestPropertySource(properties = "sync.adopt-state=true")
class AdoptStateTest extends SyncTestSupport {

    @Test
    void withAdoptStateARunGoesOnFromTheStateOfAnotherSourceAndBindsItToThisOne() {
        // given: a state built from another Oracle, say the same tenant under its old host name
        oracle.store().put(opportunity(1L).lastUpdate("2024-06-01T10:00:00.000+00:00").build());
        runSync();
        jdbc.sql("UPDATE sync_state SET source = 'https://old-name.example.com/opportunities'").update();
        oracle.store().put(opportunity(2L).lastUpdate("2024-06-02T10:00:00.000+00:00").build());
        oracle.clearRequests();

        // when
        Map<String, Object> log = runSync();

        // then
        assertThat(log).containsEntry("sync_type", "INCREMENTAL").containsEntry("status", "SUCCESS")
                .containsEntry("new_records", 1).containsEntry("unchanged_records", 1);
        assertThat(requests().get(0).q()).contains("2024-06-01T09:55:00.000");
        assertThat(syncState()).containsEntry("source", "demo:opportunities");
    }
}

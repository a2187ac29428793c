package com.oraclesync.sync;

import static com.oraclesync.support.Opportunities.opportunity;
import static org.assertj.core.api.Assertions.assertThat;

import com.oraclesync.support.SyncTestSupport;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StaleWriteTest extends SyncTestSupport {

    @Test
    void olderLastUpdateDateNeverOverwritesNewerRow() {
        // given
        oracle.store().put(opportunity(1L).name("Newer").lastUpdate("2024-06-02T10:00:00.000+00:00").build());
        runSync();
        oracle.store().put(opportunity(1L).name("Older").lastUpdate("2024-06-01T10:00:00.000+00:00").build());

        // when
        Map<String, Object> log = runSync("FULL");

        // then
        assertThat(row(1L).orElseThrow()).containsEntry("name", "Newer");
        assertThat(log).containsEntry("status", "SUCCESS").containsEntry("total_fetched", 1)
                .containsEntry("new_records", 0).containsEntry("updated_records", 0)
                .containsEntry("unchanged_records", 0).containsEntry("skipped_stale_records", 1);
    }

    @Test
    void duplicateOfOneRecordWithinAPageKeepsTheNewestVersion() {
        // given: Oracle repeats OptyId 1 in one page (offset drift); the newer version must win
        oracle.store().put(opportunity(1L).name("First").lastUpdate("2024-06-01T10:00:00.000+00:00").build());
        oracle.store().put(opportunity(2L).name("Second").lastUpdate("2024-06-01T11:00:00.000+00:00").build());
        oracle.onRequest((request, store) -> com.oraclesync.simulator.SimulatedResponse.body(200,
                "application/json", """
                        {"items":[
                          {"OptyId":1,"Name":"Old copy","LastUpdateDate":"2024-06-01T09:00:00.000+00:00"},
                          {"OptyId":1,"Name":"New copy","LastUpdateDate":"2024-06-01T10:00:00.000+00:00"},
                          {"OptyId":2,"Name":"Second","LastUpdateDate":"2024-06-01T11:00:00.000+00:00"}],
                         "count":3,"hasMore":false,"limit":500,"offset":0}
                        """));

        // when
        Map<String, Object> log = runSync();

        // then
        assertThat(row(1L).orElseThrow()).containsEntry("name", "New copy");
        assertThat(count("SELECT count(*) FROM opportunities")).isEqualTo(2);
        assertThat(log).containsEntry("status", "SUCCESS").containsEntry("total_fetched", 3)
                .containsEntry("new_records", 2).containsEntry("skipped_stale_records", 1);
    }
}

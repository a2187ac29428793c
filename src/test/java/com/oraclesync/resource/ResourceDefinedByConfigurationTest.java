package com.oraclesync.resource;

import static org.assertj.core.api.Assertions.assertThat;

import com.oraclesync.simulator.OracleTimestamps;
import com.oraclesync.simulator.RecordedRequest;
import com.oraclesync.simulator.ResourceShape;
import com.oraclesync.simulator.ResourceStore;
import com.oraclesync.support.SyncTestSupport;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * A custom Oracle object synced end to end by configuration alone: projects-resource.properties, a migration and
 * three SQL files in the test resources, and no Java of its own. The proof that adding a resource needs no code.
 */
@TestPropertySource(locations = "classpath:projects-resource.properties", properties = "sync.page-size=4")
class ResourceDefinedByConfigurationTest extends SyncTestSupport {

    private ResourceStore projects;

    @BeforeEach
    void givenOracleServesTenProjects() {
        projects = oracle.addResource(ResourceShape.custom("Projects_c", "Id"));
        projects.clear();
        jdbc.sql("TRUNCATE projects RESTART IDENTITY").update();
        Instant start = Instant.parse("2024-05-01T09:00:00Z");
        LongStream.rangeClosed(1, 10).forEach(id -> projects.put(project(id, "Project " + id, start.plus(id, ChronoUnit.HOURS))));
    }

    @Test
    void aFullRunThenAnIncrementalRunThenAReconcileKeepTheTableInStep() {
        // when: the first run
        Map<String, Object> full = run("AUTO");

        // then
        assertThat(full).containsEntry("sync_name", "projects").containsEntry("sync_type", "FULL")
                .containsEntry("status", "SUCCESS").containsEntry("total_fetched", 10).containsEntry("pages", 3);
        assertThat(project(3)).containsEntry("title", "Project 3");
        assertThat((BigDecimal) project(3).get("budget")).isEqualByComparingTo("3000.50");
        assertThat(projectRequests()).allSatisfy(request -> assertThat(request.param("orderBy"))
                .isEqualTo("LastUpdateDate:asc,Id:asc"));

        // when: one project changes, one is new, and the next run is incremental
        oracle.clearRequests();
        projects.update(3, Map.of("ProjectName_c", "Project 3, renamed"));
        projects.insert(project(11, "Project 11", Instant.now()));
        Map<String, Object> incremental = run("AUTO");

        // then
        assertThat(incremental).containsEntry("sync_type", "INCREMENTAL").containsEntry("status", "SUCCESS")
                .containsEntry("total_fetched", 3).containsEntry("new_records", 1).containsEntry("updated_records", 1);
        assertThat(projectRequests().get(0).q()).startsWith("LastUpdateDate >= ");
        assertThat(project(3)).containsEntry("title", "Project 3, renamed");
        assertThat(count("SELECT count(*) FROM projects")).isEqualTo(11);

        // when: a project is deleted in Oracle, and a reconcile runs
        projects.remove(7);
        oracle.clearRequests();
        Map<String, Object> reconcile = run("RECONCILE");

        // then
        assertThat(reconcile).containsEntry("sync_type", "RECONCILE").containsEntry("status", "SUCCESS")
                .containsEntry("deleted_records", 1);
        assertThat(projectRequests()).allSatisfy(request -> assertThat(request.param("fields")).isEqualTo("Id"));
        assertThat(jdbc.sql("SELECT remote_id FROM projects WHERE deleted_at IS NOT NULL").query(Long.class).list())
                .containsExactly(7L);
        assertThat(jdbc.sql("SELECT total_records FROM sync_state WHERE sync_name = 'oracle_projects'")
                .query(Long.class).single()).isEqualTo(10);
        assertThat(count("SELECT count(*) FROM opportunities")).isZero();
    }

    private Map<String, Object> run(String mode) {
        producer.sendBodyAndHeaders("direct:sync-projects", null, Map.of("syncMode", mode, "syncTrigger", "SCHEDULE"));
        return jdbc.sql("SELECT * FROM sync_logs WHERE sync_name = 'projects' ORDER BY id DESC LIMIT 1").query()
                .singleRow();
    }

    private Map<String, Object> project(long id) {
        return jdbc.sql("SELECT * FROM projects WHERE remote_id = :id").param("id", id).query().singleRow();
    }

    private List<RecordedRequest> projectRequests() {
        return oracle.requests().stream().filter(request -> request.path().endsWith("/Projects_c")).toList();
    }

    private static Map<String, Object> project(long id, String name, Instant lastUpdate) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("Id", id);
        item.put("ProjectName_c", name);
        item.put("Budget_c", new BigDecimal(id * 1000 + ".50"));
        item.put("CreationDate", "2024-01-01T00:00:00.000+00:00");
        item.put("LastUpdateDate", OracleTimestamps.format(lastUpdate.truncatedTo(ChronoUnit.MILLIS)));
        return item;
    }
}

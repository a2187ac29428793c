package com.oraclesync.persistence;

import static com.oraclesync.support.Opportunities.opportunity;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.oraclesync.support.SyncTestSupport;
import com.oraclesync.resource.SyncResources;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The COPY path of the store step: each batch is copied into pg_temp.opportunities_staging (the opportunitiesStaging
 * bean), which sql/opportunities/upsert.sql reads. Values with every character COPY's text format treats specially
 * arrive exactly as they were sent, in the staging table and in the synced table.
 */
@TestPropertySource(properties = {
        "sync.page-size=100",
        "sync.batch-size=30"
})
class StagingTableTest extends SyncTestSupport {

    /** Each character that COPY's text format escapes, its escape sequences as literal text, and beyond ASCII. */
    private static final List<String> AWKWARD = List.of(
            "tab\there", "new\nline", "carriage\rreturn", "back\\slash", "\\N", "\\t literally", "ends with \\",
            "\\\\ two", "Zürich ünd Ærø", "東京支店", "emoji \uD83D\uDE80 rocket", "", " ", "quote \" and ' ",
            "mixed\t\\\n\r\u00e9\uD83D\uDE00", "\\.");

    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    private CamelContext camel;

    @Autowired
    private PlatformTransactionManager transactions;

    @Autowired
    private DataSource dataSource;

    @Autowired
    private SyncResources resources;

    private StagingTable staging;
    private TransactionTemplate transaction;

    @BeforeEach
    void theServicesStagingTable() {
        staging = camel.getRegistry().lookupByNameAndType("opportunitiesStaging", StagingTable.class);
        transaction = new TransactionTemplate(transactions);
    }

    @Test
    void everyValueArrivesInTheStagingTableExactlyAsSentAndNullStaysNull() {
        // given: one row per awkward value, in name; a NULL in customer of every other row; a payload larger than
        // the writer's buffer
        List<String> names = new ArrayList<>(AWKWARD);
        names.add(null);
        String large = "x\t".repeat(100_000);
        names.add(large);
        Map<String, Object> batch = batch(names);

        // when
        List<Map<String, Object>> staged = transaction.execute(status -> {
            staging.copy(batch);
            return stagedRows();
        });

        // then
        assertThat(staged).hasSize(names.size());
        for (int i = 0; i < names.size(); i++) {
            assertThat(staged.get(i).get("name")).as("row %d", i).isEqualTo(names.get(i));
            assertThat(staged.get(i).get("customer")).isEqualTo(i % 2 == 0 ? null : "Customer " + i);
            assertThat(staged.get(i).get("source_payload")).isEqualTo(((String[]) batch.get("source_payload"))[i]);
        }
        assertThat(staging.name()).isEqualTo("opportunities_staging");
    }

    @Test
    void eachBatchIsAloneInTheStagingTableAndNoRowOutlivesItsTransaction() throws Exception {
        onOneConnection((oneConnection, table, itsJdbc) -> {
            // when: two batches in one transaction
            List<Map<String, Object>> staged = oneConnection.execute(status -> {
                table.copy(batch(List.of("first", "second", "third")));
                table.copy(batch(List.of("fourth")));
                return stagedRows(itsJdbc);
            });

            // then
            assertThat(staged).extracting(row -> row.get("name")).containsExactly("fourth");
            List<Map<String, Object>> afterCommit = oneConnection.execute(status -> stagedRows(itsJdbc));
            assertThat(afterCommit).isEmpty();
        });
    }

    @Test
    void theStagingTableIsThereAgainAfterARollbackUndidItsCreation() throws Exception {
        onOneConnection((oneConnection, table, itsJdbc) -> {
            // given: a connection without the table, whose next transaction creates it, then rolls back
            oneConnection.executeWithoutResult(status -> itsJdbc.sql("DROP TABLE IF EXISTS pg_temp.opportunities_staging")
                    .update());
            oneConnection.executeWithoutResult(status -> {
                table.copy(batch(List.of("rolled back")));
                status.setRollbackOnly();
            });
            Boolean undone = oneConnection.execute(status -> itsJdbc.sql(
                    "SELECT to_regclass('pg_temp.opportunities_staging') IS NULL").query(Boolean.class).single());
            assertThat(undone).isTrue();

            // when
            List<Map<String, Object>> staged = oneConnection.execute(status -> {
                table.copy(batch(List.of("kept")));
                return stagedRows(itsJdbc);
            });

            // then
            assertThat(staged).extracting(row -> row.get("name")).containsExactly("kept");
        });
    }

    @Test
    void aSyncWhosePagesHoldSeveralBatchesStoresEveryAwkwardValueExactly() throws Exception {
        // given: 250 records, pages of 100 in batches of 30; the awkward names spread over the batches and pages
        LongStream.rangeClosed(1, 250).forEach(id -> oracle.store().put(opportunity(id)
                .name(id % 9 == 0 ? null : AWKWARD.get((int) (id % AWKWARD.size())) + " #" + id).build()));

        // when
        Map<String, Object> log = runSync();

        // then
        assertThat(log).containsEntry("status", "SUCCESS").containsEntry("total_fetched", 250)
                .containsEntry("new_records", 250).containsEntry("pages", 3);
        Map<Long, Map<String, Object>> stored = new HashMap<>();
        jdbc.sql("SELECT remote_id, name, source_payload::text AS payload FROM opportunities").query().listOfRows()
                .forEach(row -> stored.put((Long) row.get("remote_id"), row));
        assertThat(stored).hasSize(250);
        for (Map<String, Object> item : oracle.store().all()) {
            Map<String, Object> row = stored.get(((Number) item.get("OptyId")).longValue());
            String name = (String) item.get("Name");
            // the mapper keeps an empty or blank text as NULL, any other exactly
            assertThat(row.get("name")).as("OptyId %s", item.get("OptyId"))
                    .isEqualTo(name == null || name.isBlank() ? null : name);
            JsonNode payload = JSON.readTree((String) row.get("payload"));
            assertThat(payload.get("Name").isNull() ? null : payload.get("Name").asText()).isEqualTo(name);
            assertThat(payload.get("OptyId").asLong()).isEqualTo(((Number) item.get("OptyId")).longValue());
        }
    }

    @Test
    void theStagingTableIsNamedAfterTheResourceAndOnlyASafeLengthIsAccepted() {
        assertThat(StagingTable.name("Projects_c")).isEqualTo("projects_c_staging");
        assertThatThrownBy(() -> StagingTable.name("a".repeat(56)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at most 63 characters");
        assertThatThrownBy(() -> StagingTable.name("bad\"; DROP TABLE opportunities; --"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("letters, digits and _");
        assertThat(StagingTable.name("a".repeat(55))).hasSize(63);
    }

    /** A batch as UpsertBatches makes it: one text array per mapped column and source_payload. */
    private static Map<String, Object> batch(List<String> names) {
        List<String> columns = List.of("remote_id", "opportunity_number", "name", "customer", "deal_value", "currency",
                "win_probability", "stage", "status_code", "close_date", "sales_owner", "practice", "geo", "region",
                "sector", "oracle_created_at", "oracle_updated_at", "source_payload");
        Map<String, Object> batch = new HashMap<>();
        for (String column : columns) {
            batch.put(column, new String[names.size()]);
        }
        for (int i = 0; i < names.size(); i++) {
            ((String[]) batch.get("remote_id"))[i] = Long.toString(i + 1);
            ((String[]) batch.get("name"))[i] = names.get(i);
            ((String[]) batch.get("customer"))[i] = i % 2 == 0 ? null : "Customer " + i;
            ((String[]) batch.get("oracle_updated_at"))[i] = "2024-01-16T13:08:00.123+00:00";
            ((String[]) batch.get("source_payload"))[i] = "{\"OptyId\":" + (i + 1) + ",\"Name\":"
                    + (names.get(i) == null ? "null" : quoted(names.get(i))) + "}";
        }
        batch.put("row_count", names.size());
        batch.put("closed_statuses", "WON,LOST");
        return batch;
    }

    private static String quoted(String text) {
        try {
            return JSON.writeValueAsString(text);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private List<Map<String, Object>> stagedRows() {
        return stagedRows(jdbc);
    }

    private static List<Map<String, Object>> stagedRows(JdbcClient client) {
        return client.sql("SELECT name, customer, source_payload FROM pg_temp.opportunities_staging "
                + "ORDER BY CAST(remote_id AS bigint)").query().listOfRows();
    }

    /** A temporary table is a connection's: these tests hold one connection of the pool for their transactions. */
    private void onOneConnection(OneConnectionTest test) throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            SingleConnectionDataSource single = new SingleConnectionDataSource(connection, true);
            test.run(new TransactionTemplate(new DataSourceTransactionManager(single)),
                    new StagingTable(single, "opportunities", StagingTable.columns(resources.get("opportunities"))),
                    JdbcClient.create(single));
        }
    }

    private interface OneConnectionTest {
        void run(TransactionTemplate oneConnection, StagingTable table, JdbcClient itsJdbc) throws Exception;
    }
}

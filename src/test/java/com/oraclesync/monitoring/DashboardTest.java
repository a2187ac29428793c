package com.oraclesync.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** monitoring/grafana: the dashboard imports into any Grafana with a Prometheus data source, and its queries parse. */
class DashboardTest {

    private final JsonNode dashboard = MonitoringAsCode.dashboard();

    @Test
    void theDataSourceIsAVariableThatEveryPanelAndQueryUses() {
        // when
        JsonNode datasource = variable("datasource");

        // then
        assertThat(datasource.path("type").asText()).isEqualTo("datasource");
        assertThat(datasource.path("query").asText()).isEqualTo("prometheus");
        assertThat(variable("sync").path("datasource").path("uid").asText()).isEqualTo("${datasource}");
        assertThat(panels()).isNotEmpty().allSatisfy(panel -> {
            assertThat(panel.path("datasource").path("uid").asText()).as(title(panel)).isEqualTo("${datasource}");
            assertThat(panel.path("targets")).as(title(panel)).isNotEmpty().allSatisfy(target ->
                    assertThat(target.path("datasource").path("uid").asText()).isEqualTo("${datasource}"));
        });
        assertThat(dashboard.toString()).doesNotContain("DS_PROMETHEUS").doesNotContain("__inputs");
    }

    @Test
    void theSyncVariableMatchesMetricsWithAndWithoutASyncLabel() {
        // when
        JsonNode sync = variable("sync");

        // then: "All" is the regex .*, which also matches a label that is missing (empty)
        assertThat(sync.path("includeAll").asBoolean()).isTrue();
        assertThat(sync.path("allValue").asText()).isEqualTo(".*");
        assertThat(sync.path("definition").asText()).isEqualTo("label_values(oracle_sync_records_fetched_total, sync)");
        assertThat(MonitoringAsCode.dashboardQueries()).filteredOn(query -> query.contains("oracle_sync_"))
                .isNotEmpty()
                .allSatisfy(query -> assertThat(query).contains("sync=~\"$sync\""));
        assertThat(MonitoringAsCode.dashboardQueries()).filteredOn(query -> query.contains("camel_"))
                .isNotEmpty()
                .allSatisfy(query -> assertThat(query).containsPattern("routeId=~\"sync-\\(\\$sync\\)-[a-z-]+\""));
    }

    @Test
    void panelsHaveUniqueIdsAndFitTheGrid() {
        // when
        List<JsonNode> panels = panels();

        // then
        assertThat(dashboard.path("uid").asText()).isEqualTo("oracle-sync");
        assertThat(dashboard.path("schemaVersion").asInt()).isGreaterThanOrEqualTo(36);
        assertThat(panels.stream().map(panel -> panel.path("id").asInt()).collect(Collectors.toSet())).hasSize(panels.size());
        assertThat(panels).allSatisfy(panel -> {
            JsonNode grid = panel.path("gridPos");
            assertThat(grid.path("x").asInt() + grid.path("w").asInt()).as(title(panel)).isBetween(1, 24);
            assertThat(grid.path("h").asInt()).as(title(panel)).isPositive();
            assertThat(panel.path("type").asText()).as(title(panel)).isIn("stat", "timeseries");
        });
        assertThat(panels).extracting(DashboardTest::title).contains("Runs by status", "Records per second",
                "Page latency: Oracle (fetch route) and PostgreSQL (store route)", "Watermark lag",
                "Time since last success");
    }

    @Test
    void everyQueryIsPromqlThatPrometheusParses(@TempDir Path directory) throws Exception {
        // given: each query as a recording rule, with Grafana's variables as Grafana fills them in
        List<String> queries = MonitoringAsCode.dashboardQueries();
        String rules = "groups:\n  - name: dashboard\n    rules:\n" + IntStream.range(0, queries.size())
                .mapToObj(i -> "      - record: dashboard:query" + i + "\n        expr: '" + queries.get(i)
                        .replace("$__rate_interval", "2m").replace("$__range", "24h").replace("$sync", ".*")
                        .replace("'", "''") + "'\n")
                .collect(Collectors.joining());
        Path file = Files.writeString(directory.resolve("dashboard-queries.yml"), rules);

        // when
        Promtool.Result result = Promtool.run("check", "rules", file.toString());

        // then
        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.output()).contains("SUCCESS: " + queries.size() + " rules found");
    }

    private JsonNode variable(String name) {
        Set<String> names = new HashSet<>();
        for (JsonNode variable : dashboard.path("templating").path("list")) {
            names.add(variable.path("name").asText());
            if (variable.path("name").asText().equals(name)) {
                return variable;
            }
        }
        throw new AssertionError("no variable " + name + " in the dashboard; it has " + names);
    }

    private List<JsonNode> panels() {
        return StreamSupport.stream(dashboard.path("panels").spliterator(), false).toList();
    }

    private static String title(JsonNode panel) {
        return panel.path("title").asText();
    }
}

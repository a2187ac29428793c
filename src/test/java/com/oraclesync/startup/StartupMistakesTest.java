package com.oraclesync.startup;

import static org.assertj.core.api.Assertions.assertThat;

import com.oraclesync.support.ServiceProcess;
import com.oraclesync.support.ServiceProcess.Exit;
import com.oraclesync.support.TestPostgres;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The common start-up mistakes, each in a child JVM configured as a user would (environment variables): the process
 * exits non-zero with one short block that names the setting and says what to do, with no stack trace and no WARN
 * before it.
 */
class StartupMistakesTest {

    private static final String BANNER = "APPLICATION FAILED TO START";

    private static int postgresPort;
    private static String databaseUrl;

    @BeforeAll
    static void givenAPostgresServerWithTheServicesDatabase() {
        TestPostgres.databaseUrl(StartupMistakesTest.class.getSimpleName());
        postgresPort = TestPostgres.server().getPort();
        databaseUrl = "postgresql://postgres@localhost:" + postgresPort + "/startupmistakestest";
    }

    @Test
    void unreachableDatabaseNamesDatabaseUrlAndItsAddress() throws Exception {
        int closedPort = closedPort();

        Exit exit = run("unreachable-database",
                Map.of("DATABASE_URL", "postgresql://sync:secret@127.0.0.1:" + closedPort + "/crm"));

        assertThat(oneBlock(exit)).contains(
                "The PostgreSQL server of DATABASE_URL (127.0.0.1:" + closedPort + ") cannot be reached",
                "connection refused", "Start PostgreSQL there").doesNotContain("secret");
    }

    @Test
    void missingDatabaseIsNamedWithTheCommandThatCreatesIt() throws Exception {
        Exit exit = run("missing-database",
                Map.of("DATABASE_URL", "postgresql://postgres@localhost:" + postgresPort + "/nope_db"));

        assertThat(oneBlock(exit)).contains("The database \"nope_db\" named in DATABASE_URL does not exist",
                "createdb -h localhost -p " + postgresPort + " -U postgres nope_db");
    }

    @Test
    void refusedLoginNamesTheUserAndWhereToCorrectIt() throws Exception {
        Exit exit = run("refused-login",
                Map.of("DATABASE_URL", "postgresql://nobody_here:wrong-pass@localhost:" + postgresPort + "/postgres"));

        assertThat(oneBlock(exit)).contains("refused the login of user 'nobody_here' from DATABASE_URL",
                "Correct the user and password in DATABASE_URL").doesNotContain("wrong-pass");
    }

    @Test
    void invalidCronsNameTheirVariablesAndShowAValidExpression() throws Exception {
        Exit exit = run("invalid-cron", Map.of("SYNC_CRON", "every day", "SYNC_RECONCILE_CRON", "0 0 25 * * ?"));

        assertThat(oneBlock(exit)).contains("SYNC_CRON (sync.cron) is 'every day', not a Quartz cron expression",
                "SYNC_RECONCILE_CRON (sync.reconcile.cron) is '0 0 25 * * ?', not a Quartz cron expression: Hour",
                "SYNC_CRON='0 0 2 * * ?'");
    }

    @Test
    void parallelismBeyondEightNamesSyncParallelismAndItsLimit() throws Exception {
        Exit exit = run("parallelism", Map.of("SYNC_PARALLELISM", "9"));

        assertThat(oneBlock(exit)).contains("sync.parallelism", "SYNC_PARALLELISM", "must be at most 8");
    }

    @Test
    void invalidMappingEntryNamesMappingColumnsAndTheEntry() throws Exception {
        Exit exit = run("invalid-mapping", Map.of(), "--sync.resources.opportunities.columns[0].column=nope",
                "--sync.resources.opportunities.columns[0].source=Nope",
                "--sync.resources.opportunities.columns[0].type=text");

        assertThat(oneBlock(exit)).contains(
                "sync.resources.opportunities.columns in application.yml has an invalid entry", "unknown column 'nope'", "type: text|numeric|integer|date|timestamptz");
    }

    @Test
    void upsertThatDoesNotReadItsStagingTableNamesTheFileAndTheTable(@TempDir Path sqlDirectory) throws Exception {
        // given: a resource's SQL from before batches were staged, reading one array parameter per column
        for (String file : List.of("mark-deleted.sql", "count-active.sql")) {
            Files.copy(Path.of("sql", "opportunities", file), sqlDirectory.resolve(file));
        }
        Files.writeString(sqlDirectory.resolve("upsert.sql"), "SELECT count(*) AS new_records, 0 AS updated_records, "
                + "0 AS unchanged_records FROM unnest(CAST(:#remote_id AS bigint[]))");

        // when
        Exit exit = run("upsert-without-staging", Map.of(),
                "--sync.resources.opportunities.sql-directory=" + sqlDirectory);

        // then
        assertThat(exit.code()).isNotZero();
        assertThat(exit.output()).contains("sync.resources.opportunities: " + sqlDirectory.resolve("upsert.sql")
                + " does not read pg_temp.opportunities_staging, the table each batch is copied into");
    }

    @Test
    void missingOraclePasswordIsNamedWithoutAnUnrelatedWarning() throws Exception {
        Map<String, String> environment = new HashMap<>(Map.of("DATABASE_URL", databaseUrl));
        environment.put("ORACLE_PASS", "");

        Exit exit = run("missing-oracle-password", environment);

        assertThat(oneBlock(exit)).contains("ORACLE_BASE_URL is set, but ORACLE_PASS is not",
                "Set ORACLE_USER and ORACLE_PASS");
        assertThat(exit.output()).doesNotContainIgnoringCase("circular reference");
    }

    @Test
    void missingOraclePasswordFailsBeforeCamelBuildsItsContext() throws Exception {
        Map<String, String> environment = new HashMap<>(Map.of("DATABASE_URL", databaseUrl));
        environment.put("ORACLE_PASS", "");

        // the context's own WARN, which application.yml turns off, lists the chain of beans that led to the failure
        Exit exit = run("missing-oracle-password-bean-chain", environment,
                "--logging.level.org.springframework.boot.web.servlet.context."
                        + "AnnotationConfigServletWebServerApplicationContext=WARN");

        assertThat(exit.code()).isNotZero();
        assertThat(exit.output()).contains("Exception encountered during context initialization",
                "ORACLE_BASE_URL is set, but ORACLE_PASS is not").doesNotContainIgnoringCase("circular reference")
                .doesNotContain("camelContext");
    }

    @Test
    void portInUseNamesServerPort() throws Exception {
        try (ServerSocket taken = new ServerSocket(0)) {
            Exit exit = run("port-in-use", Map.of("DATABASE_URL", databaseUrl,
                    "SERVER_PORT", String.valueOf(taken.getLocalPort())));

            assertThat(oneBlock(exit)).contains("Port " + taken.getLocalPort() + " (SERVER_PORT) is already in use",
                    "SERVER_PORT=" + (taken.getLocalPort() + 1));
        }
    }

    @Test
    void embeddedDatabasePortInUseNamesDatabaseEmbeddedPort() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Exit exit = run("embedded-port-in-use", Map.of("DATABASE_URL", "",
                    "DATABASE_EMBEDDED_PORT", String.valueOf(taken.getLocalPort()),
                    "DATABASE_EMBEDDED_DATA_DIRECTORY", "target/startup-mistakes-embedded/postgres"));

            assertThat(oneBlock(exit)).contains("Port " + taken.getLocalPort() + " (DATABASE_EMBEDDED_PORT) of the "
                    + "embedded PostgreSQL is already in use",
                    "set DATABASE_EMBEDDED_PORT to a free port, e.g. DATABASE_EMBEDDED_PORT=0");
        }
    }

    /** A valid Oracle and database unless the test says otherwise, so that only the test's mistake is made. */
    private static Exit run(String name, Map<String, String> mistake, String... args) throws InterruptedException {
        Map<String, String> environment = new HashMap<>(Map.of(
                "ORACLE_BASE_URL", "http://127.0.0.1:1",
                "ORACLE_USER", "integration",
                "ORACLE_PASS", "oracle-secret",
                "DATABASE_URL", databaseUrl));
        environment.putAll(mistake);
        return ServiceProcess.runUntilExit("startup-mistakes-" + name, environment, args);
    }

    /** The Description and Action of the failure block, once the shape of the output is checked. */
    private static String oneBlock(Exit exit) {
        assertThat(exit.code()).as("exit code").isNotZero();
        String output = exit.output();
        assertThat(output).contains(BANNER).doesNotContain("oracle-secret");
        List<String> lines = output.lines().toList();
        assertThat(lines).as("no stack trace")
                .noneMatch(line -> line.startsWith("\tat ") || line.startsWith("Caused by:"));
        assertThat(lines.subList(0, lines.indexOf(BANNER))).as("no WARN before the block")
                .noneMatch(line -> line.contains(" WARN "));
        String block = output.substring(output.indexOf("Description:")).strip();
        assertThat(block.lines().filter(line -> !line.isBlank()).count()).as("a short block").isLessThanOrEqualTo(8);
        return block;
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}

package com.oraclesync.security;

import static com.oraclesync.support.Opportunities.opportunity;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.oraclesync.simulator.OracleSimulator;
import com.oraclesync.support.ApiClient;
import com.oraclesync.support.ApiClient.Response;
import com.oraclesync.support.SyncIntegrationTest;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.management.MBeanAttributeInfo;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.apache.camel.CamelContext;
import org.apache.camel.test.spring.junit5.DisableJmx;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * Passwords made of the characters that break URIs and placeholders, for Oracle and for the database: the sync works,
 * and no fragment of either shows in logs, answers, metrics, MBean attributes or route dumps.
 */
@SyncIntegrationTest
@ExtendWith(OutputCaptureExtension.class)
@AutoConfigureObservability
@DisableJmx(false)
@TestPropertySource(properties = "logging.level.org.apache.camel=DEBUG")
class PasswordCharactersTest {

    private static final String ORACLE_FRAGMENT = "Or4cle-9e1b";
    private static final String ORACLE_PASSWORD = ORACLE_FRAGMENT + ")&%{{x}}${x}+ =?#";
    private static final String DATABASE_FRAGMENT = "D4tab-53c7";
    private static final String DATABASE_PASSWORD = DATABASE_FRAGMENT + ")&%{{x}}${x}";
    private static final OracleSimulator ORACLE = OracleSimulator.start(0, "integration.user", ORACLE_PASSWORD);

    @LocalServerPort
    private int port;

    @Autowired
    private JdbcClient jdbc;

    @Autowired
    private CamelContext camel;

    @DynamicPropertySource
    static void passwords(DynamicPropertyRegistry registry) {
        registry.add("oracle.demo-mode", () -> "false");
        registry.add("oracle.base-url", () -> ORACLE.baseUrl().toString());
        registry.add("oracle.user", () -> "integration.user");
        registry.add("oracle.password", () -> ORACLE_PASSWORD);
        registry.add("spring.datasource.password", () -> DATABASE_PASSWORD);
    }

    @AfterAll
    static void stopOracle() {
        ORACLE.close();
    }

    @Test
    void theSyncWorksAndNoFragmentOfEitherPasswordShowsAnywhere(CapturedOutput output) throws Exception {
        // given
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        for (long id = 1; id <= 12; id++) {
            ORACLE.store().put(opportunity(id).lastUpdate(now.minus(id, ChronoUnit.MINUTES)).build());
        }
        ApiClient api = new ApiClient(port);

        // when
        Response started = api.post("/api/sync");
        await().atMost(Duration.ofSeconds(60)).until(() -> !api.get("/api/sync/status").json().get("running").asBoolean());
        List<String> seen = new ArrayList<>();
        for (String path : List.of("/api/sync/status", "/api/sync/history", "/api/opportunities?limit=100",
                "/actuator/prometheus", "/actuator/health", "/actuator/jolokia/read/org.apache.camel:context=*,"
                        + "type=endpoints,name=*")) {
            seen.add(api.get(path).body());
        }
        seen.addAll(mbeanAttributes());
        seen.add(invoke(contextMBean(), "dumpRoutesAsXml", new Object[] {true}, new String[] {"boolean"}));
        seen.add(output.getAll());

        // then
        assertThat(started.status()).isEqualTo(202);
        assertThat(jdbc.sql("SELECT status FROM sync_logs").query(String.class).single()).isEqualTo("SUCCESS");
        assertThat(jdbc.sql("SELECT count(*) FROM opportunities").query(Long.class).single()).isEqualTo(12);
        assertThat(String.join("\n", seen)).contains("oracle-opportunities").contains("{{oracle.base-url}}")
                .doesNotContain(ORACLE_FRAGMENT).doesNotContain(DATABASE_FRAGMENT);
    }

    private static List<String> mbeanAttributes() throws Exception {
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        List<String> values = new ArrayList<>();
        Set<ObjectName> names = server.queryNames(null, null);
        for (ObjectName name : names) {
            for (MBeanAttributeInfo attribute : server.getMBeanInfo(name).getAttributes()) {
                try {
                    values.add(name + " " + attribute.getName() + "=" + server.getAttribute(name, attribute.getName()));
                } catch (Exception | LinkageError unreadable) {
                    // write-only or failing attributes show nothing
                }
            }
        }
        return values;
    }

    private ObjectName contextMBean() throws Exception {
        return new ObjectName("org.apache.camel:context=" + camel.getManagementName() + ",type=context,name=\""
                + camel.getName() + "\"");
    }

    private static String invoke(ObjectName name, String operation, Object[] arguments, String[] signature)
            throws Exception {
        return String.valueOf(ManagementFactory.getPlatformMBeanServer().invoke(name, operation, arguments, signature));
    }
}

package com.oraclesync.oracle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.oraclesync.support.ServiceProcess;
import com.oraclesync.support.TestPostgres;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** Demo mode is never a fallback onto a real database: it takes DEMO_MODE=true when a database is configured. */
class DemoModeRefusalTest {

    @Test
    void aDatabaseUrlWithoutOracleStopsTheServiceWithAMessageAndNothingWritten() throws Exception {
        // given
        String database = "demo_mode_refusal";
        String jdbcUrl = TestPostgres.databaseUrl(database);
        String databaseUrl = "postgresql://postgres@localhost:" + TestPostgres.server().getPort() + "/" + database;

        // when
        ServiceProcess.Exit exit = ServiceProcess.runUntilExit("demo-mode-refusal", Map.of("DATABASE_URL", databaseUrl));

        // then
        assertThat(exit.code()).as(exit.output()).isNotZero();
        assertThat(exit.output()).contains("APPLICATION FAILED TO START")
                .contains("ORACLE_BASE_URL is not set, but a database is (DATABASE_URL)")
                .contains("set DEMO_MODE=true").doesNotContain("DEMO MODE:");
        JdbcClient jdbc = JdbcClient.create(new DriverManagerDataSource(jdbcUrl));
        assertThat(jdbc.sql("SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'")
                .query(Long.class).single()).isZero();
    }

    @Test
    void aSpringDatasourceUrlWithoutOracleIsRefusedAndDemoModeTrueAsksForTheSimulatorOnPurpose() {
        // given
        StandardEnvironment refused = environment(Map.of("spring.datasource.url", "jdbc:postgresql://db/crm"));
        StandardEnvironment onPurpose = environment(Map.of("spring.datasource.url", "jdbc:postgresql://db/crm",
                "demo.mode", "true"));
        StandardEnvironment nothingConfigured = environment(Map.of());

        // when
        new DemoOracleEnvironment().postProcessEnvironment(onPurpose, new SpringApplication());
        new DemoOracleEnvironment().postProcessEnvironment(nothingConfigured, new SpringApplication());

        // then
        assertThatThrownBy(() -> new DemoOracleEnvironment().postProcessEnvironment(refused, new SpringApplication()))
                .hasMessageContaining("(SPRING_DATASOURCE_URL)").hasMessageContaining("ORACLE_BASE_URL")
                .hasMessageContaining("DEMO_MODE=true");
        assertThat(onPurpose.getProperty("oracle.demo-mode")).isEqualTo("true");
        assertThat(nothingConfigured.getProperty("oracle.base-url")).startsWith("http://127.0.0.1:");
    }

    @Test
    void demoModeTrueBesideAnOracleBaseUrlIsAContradiction() {
        // given
        StandardEnvironment both = environment(Map.of("oracle.base-url", "https://x.fa.em2.oraclecloud.com",
                "demo.mode", "true"));

        // when / then
        assertThatThrownBy(() -> new DemoOracleEnvironment().postProcessEnvironment(both, new SpringApplication()))
                .hasMessageContaining("DEMO_MODE=true and ORACLE_BASE_URL are both set");
    }

    private static StandardEnvironment environment(Map<String, Object> properties) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
        environment.getPropertySources().addFirst(new MapPropertySource("test", properties));
        return environment;
    }
}

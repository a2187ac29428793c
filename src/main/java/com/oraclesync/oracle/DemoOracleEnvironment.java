package com.oraclesync.oracle;

import com.oraclesync.database.DatabaseSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Map;
import java.util.UUID;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Demo mode: with no {@code ORACLE_BASE_URL}, points {@code oracle.*} at the built-in simulator (started by
 * {@link DemoOracleConfiguration}) on a free loopback port, with credentials made up for this process.
 * Done before the context starts, so that the routes and every bean see one ordinary configuration.
 * Demo mode is never a fallback onto a real database: with a database configured, it takes {@code DEMO_MODE=true};
 * without, the start-up stops here, before anything connects to that database.
 */
public class DemoOracleEnvironment implements EnvironmentPostProcessor, Ordered {

    static final String DEMO_USER = "demo";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        boolean demoAsked = Boolean.parseBoolean(environment.getProperty("demo.mode"));
        if (hasText(environment.getProperty("oracle.base-url"))) {
            if (demoAsked) {
                throw new DemoModeRefusedException("DEMO_MODE=true and ORACLE_BASE_URL are both set: the service "
                        + "cannot sync both the built-in simulator and that Oracle.",
                        "Unset DEMO_MODE to sync that Oracle, or unset ORACLE_BASE_URL to sync the built-in simulator.");
            }
            return;
        }
        String database = DatabaseSettings.configuredBy(environment);
        if (database != null && !demoAsked) {
            throw new DemoModeRefusedException("ORACLE_BASE_URL is not set, but a database is (" + database + "): not "
                    + "starting, so that demo data never lands in a real database. Nothing was written to it.",
                    "Set ORACLE_BASE_URL (with ORACLE_USER and ORACLE_PASS) to sync Oracle, or set DEMO_MODE=true to "
                            + "fill this database with the built-in simulator's demo data on purpose.");
        }
        int port = environment.getProperty("demo.oracle-port", Integer.class, 0);
        environment.getPropertySources().addFirst(new MapPropertySource("demoOracle", Map.of(
                "oracle.base-url", "http://127.0.0.1:" + (port > 0 ? port : freePort()),
                "oracle.user", DEMO_USER,
                "oracle.password", UUID.randomUUID().toString(),
                "oracle.demo-mode", "true")));
    }

    private static boolean hasText(String value) {
        return value != null && !value.isBlank();
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("No free loopback port for the demo Oracle simulator", e);
        }
    }
}

package com.oraclesync.oracle;

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
 */
public class DemoOracleEnvironment implements EnvironmentPostProcessor, Ordered {

    static final String DEMO_USER = "demo";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String baseUrl = environment.getProperty("oracle.base-url");
        if (baseUrl != null && !baseUrl.isBlank()) {
            return;
        }
        int port = environment.getProperty("demo.oracle-port", Integer.class, 0);
        environment.getPropertySources().addFirst(new MapPropertySource("demoOracle", Map.of(
                "oracle.base-url", "http://127.0.0.1:" + (port > 0 ? port : freePort()),
                "oracle.user", DEMO_USER,
                "oracle.password", UUID.randomUUID().toString(),
                "oracle.demo-mode", "true")));
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

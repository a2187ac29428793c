package com.oraclesync.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The whole service with its real YAML routes, against the built-in Oracle simulator over HTTP and a PostgreSQL
 * database of the test class's own. Nothing runs by itself: no start-up run, no schedule, no demo data or changes.
 * Retries back off in milliseconds rather than seconds. Runs are sequential ({@code sync.parallelism=1}), as the
 * tests that follow a run request by request expect; the tests of parallel slices set their own parallelism.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Inherited
@CamelSpringBootTest
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "sync.run-on-startup=false",
        "sync.cron=0 0 0 1 1 ? 2099",
        "sync.reconcile.cron=0 0 0 1 1 ? 2099",
        "oracle.retry.initial-delay=20ms",
        "oracle.retry.max-delay=200ms",
        "sync.parallelism=1",
        "demo.mode=true",
        "demo.records=0",
        "demo.change-interval=0s",
        "api.password=" + ApiClient.PASSWORD,
        // Quartz registers a job store's connections JVM-wide by scheduler name: contexts cached side by side in one
        // test JVM would otherwise share one database's schedule
        "spring.quartz.scheduler-name=oracle-sync-test-${random.uuid}"
})
public @interface SyncIntegrationTest {
}

package com.oraclesync.oracle;

import com.oraclesync.simulator.AccountGenerator;
import com.oraclesync.simulator.ContactGenerator;
import com.oraclesync.simulator.OpportunityActivity;
import com.oraclesync.simulator.OpportunityGenerator;
import com.oraclesync.simulator.OracleSimulator;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Demo mode: the built-in Oracle simulator, seeded with generated opportunities that keep changing, and accounts and
 * contacts for the resources SYNC_RESOURCES turns on.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "oracle.demo-mode", havingValue = "true")
class DemoOracleConfiguration {

    private static final Logger log = LoggerFactory.getLogger(DemoOracleConfiguration.class);
    private static final Instant DEMO_DATA_END = Instant.parse("2025-10-31T18:00:00Z");
    private static final long FIRST_ACCOUNT_ID = 300_000_010_000_001L;

    @Bean(destroyMethod = "close")
    OracleSimulator demoOracleSimulator(OracleProperties oracle, @Value("${demo.records}") int records) {
        OracleSimulator simulator = OracleSimulator.start(URI.create(oracle.baseUrl()).getPort(), oracle.user(),
                oracle.password());
        // the same data at every start, so that a restart continues incrementally from the stored watermark
        Instant from = DEMO_DATA_END.minus(Duration.ofDays(365));
        simulator.store().putAll(new OpportunityGenerator(42).generate(records, 300_000_000_001L, from, DEMO_DATA_END));
        int accounts = Math.max(1, records / 10);
        simulator.store("accounts").putAll(new AccountGenerator(43).generate(accounts, FIRST_ACCOUNT_ID, from,
                DEMO_DATA_END));
        simulator.store("contacts").putAll(new ContactGenerator(44, FIRST_ACCOUNT_ID, accounts)
                .generate(records / 3, 300_000_020_000_001L, from, DEMO_DATA_END));
        log.warn("DEMO MODE: ORACLE_BASE_URL is not set, so this service syncs its built-in Oracle simulator at {} "
                + "({} generated opportunities, {} accounts and {} contacts). Set ORACLE_BASE_URL, ORACLE_USER and "
                + "ORACLE_PASS to sync a real Oracle.", simulator.baseUrl(), records, accounts, records / 3);
        return simulator;
    }

    @Bean(destroyMethod = "stop")
    DemoChanges demoOracleChanges(OracleSimulator simulator, @Value("${demo.change-interval}") Duration interval,
                                  @Value("${demo.changes-per-interval}") int changes) {
        DemoChanges demoChanges = new DemoChanges(new OpportunityActivity(simulator.store(), 7), changes);
        demoChanges.start(interval);
        return demoChanges;
    }
}

package com.oraclesync.monitoring;

import com.oraclesync.sync.SyncProperties;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * {@code syncFreshness} in /actuator/health: DOWN when the last successful run is older than sync.health.max-age
 * (default: twice the schedule's interval). Before the first success it is UNKNOWN for as long as that bound since
 * start-up, so that a fresh deployment is not reported stale while its first full run is still going.
 */
@Component("syncFreshness")
public class SyncFreshnessHealthIndicator implements HealthIndicator {

    private final SyncStateTimes stateTimes;
    private final String syncName;
    private final Duration maxAge;
    private final Instant startedAt = Instant.now();

    public SyncFreshnessHealthIndicator(SyncStateTimes stateTimes, SyncProperties sync, SyncHealthProperties health) {
        this.stateTimes = stateTimes;
        this.syncName = sync.name();
        this.maxAge = health.maxAge() != null ? health.maxAge() : FreshnessBound.of(sync.cron());
    }

    @Override
    public Health health() {
        OffsetDateTime lastSuccess = stateTimes.read(syncName).lastSuccessAt();
        Instant now = Instant.now();
        if (lastSuccess == null) {
            Duration up = Duration.between(startedAt, now);
            Health.Builder builder = up.compareTo(maxAge) > 0 ? Health.down() : Health.unknown();
            return builder.withDetail("last_success_at", "never")
                    .withDetail("max_age", maxAge.toString())
                    .withDetail("reason", "no successful run yet, " + up.toMinutes() + " min after start-up")
                    .build();
        }
        Duration age = Duration.between(lastSuccess.toInstant(), now);
        Health.Builder builder = age.compareTo(maxAge) > 0 ? Health.down() : Health.up();
        if (age.compareTo(maxAge) > 0) {
            builder.withDetail("reason", "the last successful run is older than max_age; see GET /api/sync/history");
        }
        return builder.withDetail("last_success_at", lastSuccess.toString())
                .withDetail("age", age.withNanos(0).toString())
                .withDetail("max_age", maxAge.toString())
                .build();
    }
}

package com.oraclesync.monitoring;

import com.oraclesync.resource.SyncResource;
import com.oraclesync.resource.SyncResources;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;
import org.springframework.stereotype.Component;

/**
 * {@code syncFreshness} in /actuator/health, per sync: DOWN when its last successful run is older than
 * sync.health.max-age (default: twice its schedule's interval). Before the first success a sync is UNKNOWN for as
 * long as that bound since start-up, so that a fresh deployment is not reported stale while its first full run is
 * still going. The indicator's status is the worst of the syncs'; its details are those of the sync that decided it,
 * and {@code syncs} holds every sync's status and details.
 */
@Component("syncFreshness")
public class SyncFreshnessHealthIndicator implements HealthIndicator {

    private static final List<Status> WORST_FIRST = List.of(Status.DOWN, Status.UNKNOWN, Status.UP);

    private final SyncStateTimes stateTimes;
    private final Map<SyncResource, Duration> maxAges = new LinkedHashMap<>();
    private final Instant startedAt = Instant.now();

    public SyncFreshnessHealthIndicator(SyncStateTimes stateTimes, SyncResources resources,
                                        SyncHealthProperties health) {
        this.stateTimes = stateTimes;
        for (SyncResource resource : resources.all()) {
            maxAges.put(resource, health.maxAge() != null ? health.maxAge() : FreshnessBound.of(resource.cron()));
        }
    }

    @Override
    public Health health() {
        Map<String, Health> perSync = new LinkedHashMap<>();
        maxAges.forEach((resource, maxAge) -> perSync.put(resource.name(), health(resource, maxAge)));
        Health decisive = perSync.values().stream()
                .min((a, b) -> WORST_FIRST.indexOf(a.getStatus()) - WORST_FIRST.indexOf(b.getStatus()))
                .orElse(Health.unknown().build());
        return Health.status(decisive.getStatus()).withDetails(decisive.getDetails()).withDetail("syncs", perSync)
                .build();
    }

    private Health health(SyncResource resource, Duration maxAge) {
        OffsetDateTime lastSuccess = stateTimes.read(resource.stateName()).lastSuccessAt();
        Instant now = Instant.now();
        if (lastSuccess == null) {
            Duration up = Duration.between(startedAt, now);
            Health.Builder builder = up.compareTo(maxAge) > 0 ? Health.down() : Health.unknown();
            return builder.withDetail("sync", resource.name())
                    .withDetail("last_success_at", "never")
                    .withDetail("max_age", maxAge.toString())
                    .withDetail("reason", "no successful run yet, " + up.toMinutes() + " min after start-up")
                    .build();
        }
        Duration age = Duration.between(lastSuccess.toInstant(), now);
        Health.Builder builder = age.compareTo(maxAge) > 0 ? Health.down() : Health.up();
        builder.withDetail("sync", resource.name());
        if (age.compareTo(maxAge) > 0) {
            builder.withDetail("reason", "the last successful run is older than max_age; see GET /api/sync/history?sync="
                    + resource.name());
        }
        return builder.withDetail("last_success_at", lastSuccess.toString())
                .withDetail("age", age.withNanos(0).toString())
                .withDetail("max_age", maxAge.toString())
                .build();
    }
}

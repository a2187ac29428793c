package com.oraclesync.monitoring;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code sync.health.max-age}: how old the last successful run may be; null = derived from sync.cron. */
@ConfigurationProperties("sync.health")
public record SyncHealthProperties(Duration maxAge) {
}

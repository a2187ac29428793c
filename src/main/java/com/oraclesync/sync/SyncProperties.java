package com.oraclesync.sync;

import com.oraclesync.resource.ResourceProperties;
import com.oraclesync.schedule.QuartzCron;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The {@code sync.*} settings of application.yml. {@code resources} defines every resource that can be synced;
 * {@code enabled} (SYNC_RESOURCES) picks the ones this service syncs. {@code cron}, {@code page-size},
 * {@code batch-size} and {@code reconcile.cron} are the defaults of every resource that sets none of its own.
 * {@code adopt-state} lets a sync go on from state built from another source (see {@link SyncSources}).
 */
@Validated
@ConfigurationProperties("sync")
public record SyncProperties(
        @NotEmpty List<String> enabled,
        @NotBlank String defaultResource,
        @Min(1) @Max(64) int maxConcurrentRuns,
        @NotBlank @QuartzCron String cron,
        @Min(1) @Max(500) int pageSize,
        @Min(1) @Max(5000) int batchSize,
        @NotNull Duration overlap,
        boolean runOnStartup,
        @Min(1) int progressLogEveryPages,
        @DecimalMin("0.0") @DecimalMax("1.0") double visibilityGuardShare,
        boolean adoptState,
        @Valid @NotNull Reconcile reconcile,
        @Valid @NotEmpty Map<String, ResourceProperties> resources) {

    public SyncProperties {
        enabled = enabled == null ? List.of() : enabled.stream().map(String::trim).filter(name -> !name.isEmpty())
                .distinct().toList();
    }

    /** The RECONCILE run: its default schedule, and the largest share of rows it may mark as deleted at once. */
    public record Reconcile(
            @NotBlank @QuartzCron String cron,
            @DecimalMin("0.0") @DecimalMax("1.0") double maxDeleteShare) {
    }
}

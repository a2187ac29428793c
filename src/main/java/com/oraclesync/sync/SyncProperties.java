package com.oraclesync.sync;

import com.oraclesync.schedule.QuartzCron;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/** The {@code sync.*} settings of application.yml; the routes read the same keys as {@code {{sync.*}}}. */
@Validated
@ConfigurationProperties("sync")
public record SyncProperties(
        @NotBlank String name,
        @NotBlank @QuartzCron String cron,
        @Min(1) @Max(500) int pageSize,
        @Min(1) @Max(5000) int batchSize,
        @NotNull Duration overlap,
        boolean runOnStartup,
        @Min(1) int progressLogEveryPages,
        @DecimalMin("0.0") @DecimalMax("1.0") double visibilityGuardShare,
        @Valid @NotNull Reconcile reconcile) {

    /** The RECONCILE run: its schedule, and the largest share of rows it may mark as deleted at once. */
    public record Reconcile(
            @NotBlank @QuartzCron String cron,
            @DecimalMin("0.0") @DecimalMax("1.0") double maxDeleteShare) {
    }
}

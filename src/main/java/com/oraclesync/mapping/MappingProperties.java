package com.oraclesync.mapping;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import java.util.List;
import java.util.Locale;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The Oracle-field-to-column mapping and the workflow rule's closed statuses, from {@code application.yml}.
 */
@Validated
@ConfigurationProperties("mapping")
public record MappingProperties(@NotEmpty @Valid List<ColumnMapping> columns, List<String> closedStatuses) {

    public MappingProperties {
        closedStatuses = closedStatuses == null ? List.of() : closedStatuses.stream()
                .map(status -> status.trim().toUpperCase(Locale.ROOT))
                .toList();
        OpportunityColumns.validate(columns);
    }
}

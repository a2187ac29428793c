package com.oraclesync.resource;

import com.oraclesync.mapping.ColumnMapping;
import com.oraclesync.schedule.QuartzCron;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import java.util.List;
import java.util.Map;

/**
 * One {@code sync.resources.<name>} block of application.yml: which Oracle resource, which table, and how an item
 * becomes a row. Unset values take the defaults of {@link SyncResources}.
 *
 * @param path        the Oracle resource path after {@code /crmRestApi/resources/{version}/}; default: the name
 * @param keyField    the Oracle field that identifies an item (a whole number), e.g. OptyId or PartyId
 * @param cursorField the Oracle field the delta and the keyset paging order by; default LastUpdateDate
 * @param table       the PostgreSQL table the rows go to; default: the name
 * @param keyColumn   the table's unique column that holds keyField; default remote_id
 * @param columns     the field mapping: which Oracle field fills which column, as which type
 * @param fields      Oracle fields to request; empty = all (source_payload then holds the whole item)
 * @param finder      an optional Oracle finder
 * @param parameters  values the resource's own SQL reads by name (its rules), e.g. closed_statuses
 * @param sqlDirectory where its upsert.sql, mark-deleted.sql and count-active.sql are; default sql/&lt;name&gt;
 */
public record ResourceProperties(
        String path,
        @NotBlank String keyField,
        String cursorField,
        String table,
        String keyColumn,
        @NotEmpty @Valid List<ColumnMapping> columns,
        List<String> fields,
        String finder,
        @QuartzCron String cron,
        @QuartzCron String reconcileCron,
        @Min(1) @Max(500) Integer pageSize,
        @Min(1) @Max(5000) Integer batchSize,
        Map<String, String> parameters,
        String sqlDirectory) {
}

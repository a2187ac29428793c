package com.oraclesync.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonRawValue;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/** A stored opportunity; {@code source_payload} (Oracle's item as sent) only when one opportunity is asked for. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record OpportunityView(
        long id,
        long remoteId,
        String opportunityNumber,
        String name,
        String customer,
        BigDecimal dealValue,
        String currency,
        BigDecimal winProbability,
        String stage,
        String statusCode,
        LocalDate closeDate,
        String salesOwner,
        String practice,
        String geo,
        String region,
        String sector,
        String workflowStatus,
        OffsetDateTime oracleCreatedAt,
        OffsetDateTime oracleUpdatedAt,
        OffsetDateTime lastSyncedAt,
        OffsetDateTime deletedAt,
        @JsonInclude(JsonInclude.Include.NON_NULL) @JsonRawValue String sourcePayload) {

    static OpportunityView summary(ResultSet rs, int row) throws SQLException {
        return of(rs, null);
    }

    static OpportunityView detail(ResultSet rs, int row) throws SQLException {
        return of(rs, rs.getString("source_payload"));
    }

    private static OpportunityView of(ResultSet rs, String sourcePayload) throws SQLException {
        return new OpportunityView(
                rs.getLong("id"),
                rs.getLong("remote_id"),
                rs.getString("opportunity_number"),
                rs.getString("name"),
                rs.getString("customer"),
                rs.getBigDecimal("deal_value"),
                rs.getString("currency"),
                rs.getBigDecimal("win_probability"),
                rs.getString("stage"),
                rs.getString("status_code"),
                rs.getObject("close_date", LocalDate.class),
                rs.getString("sales_owner"),
                rs.getString("practice"),
                rs.getString("geo"),
                rs.getString("region"),
                rs.getString("sector"),
                rs.getString("workflow_status"),
                rs.getObject("oracle_created_at", OffsetDateTime.class),
                rs.getObject("oracle_updated_at", OffsetDateTime.class),
                rs.getObject("last_synced_at", OffsetDateTime.class),
                rs.getObject("deleted_at", OffsetDateTime.class),
                sourcePayload);
    }
}

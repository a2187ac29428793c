package com.oraclesync.oracle;

import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * The {@code oracle.limits.*} settings: how large, how deep and how slow one response from Oracle may be. They bound
 * what a broken proxy or a misbehaving tenant can cost the service: heap, and the time it holds the run lock.
 */
@Validated
@ConfigurationProperties("oracle.limits")
public record OracleLimits(
        @NotNull DataSize maxPageBytes,
        @NotNull Duration requestDeadline,
        @Min(1) int maxStringLength,
        @Min(1) int maxNestingDepth) {

    /** Jackson's read limits for Oracle's JSON: beyond them, the parser stops before it buffers more. */
    StreamReadConstraints jsonConstraints() {
        return StreamReadConstraints.builder()
                .maxStringLength(maxStringLength)
                .maxNestingDepth(maxNestingDepth)
                .build();
    }

    /** Names the limit that Jackson's exception reports and the setting that raises it. */
    OracleLimitExceededException exceeded(StreamConstraintsException e, String resource) {
        String message = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
        String limit;
        if (message.contains("getMaxStringLength")) {
            limit = "a string longer than oracle.limits.max-string-length (" + maxStringLength
                    + " characters); raise ORACLE_MAX_STRING_LENGTH";
        } else if (message.contains("getMaxNestingDepth")) {
            limit = "JSON nested deeper than oracle.limits.max-nesting-depth (" + maxNestingDepth
                    + " levels); raise ORACLE_MAX_NESTING_DEPTH";
        } else {
            limit = "JSON beyond the parser's limits (" + message + ")";
        }
        // Jackson's exception is not kept as the cause: it is an IOException, and the retry decision would see it
        return new OracleLimitExceededException("Oracle's response at " + resource + " holds " + limit
                + " only if Oracle's data really needs it; the next run resumes from the checkpoint");
    }
}

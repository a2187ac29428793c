package com.oraclesync.startup;

import com.oraclesync.mapping.ColumnType;
import com.oraclesync.mapping.InvalidMappingException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/** A field-mapping entry ({@code mapping.columns} in application.yml) that cannot work. */
@Order(Ordered.HIGHEST_PRECEDENCE)
class InvalidMappingFailureAnalyzer extends AbstractFailureAnalyzer<InvalidMappingException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, InvalidMappingException cause) {
        String types = Arrays.stream(ColumnType.values()).map(type -> type.name().toLowerCase(Locale.ROOT))
                .collect(Collectors.joining("|"));
        return new FailureAnalysis(cause.setting() + " in application.yml has an invalid entry: " + cause.problem()
                + ".",
                "Correct that entry of " + cause.setting() + ". Each entry is { column: <a column of the table>, "
                        + "source: <an Oracle field>, type: " + types + " }; remote_id and oracle_updated_at must be "
                        + "mapped (README, \"Changing the field mapping\").", cause);
    }
}

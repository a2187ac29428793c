package com.oraclesync.startup;

import com.oraclesync.schedule.QuartzCron;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.springframework.boot.context.properties.bind.validation.BindValidationException;
import org.springframework.boot.context.properties.bind.validation.ValidationErrors;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.validation.FieldError;

/** A schedule setting ({@code SYNC_CRON}, {@code SYNC_RECONCILE_CRON}) that is not a Quartz cron expression. */
@Order(Ordered.HIGHEST_PRECEDENCE)
class InvalidCronFailureAnalyzer extends AbstractFailureAnalyzer<BindValidationException> {

    static final String EXAMPLE = "0 0 2 * * ?";

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, BindValidationException cause) {
        ValidationErrors errors = cause.getValidationErrors();
        List<InvalidCron> invalid = errors.getAllErrors().stream()
                .filter(FieldError.class::isInstance)
                .map(FieldError.class::cast)
                .filter(error -> Arrays.asList(error.getCodes()).contains(QuartzCron.class.getSimpleName()))
                .map(error -> new InvalidCron(errors.getName() + "." + error.getField(), error))
                .sorted(Comparator.comparing(InvalidCron::property))
                .toList();
        if (invalid.isEmpty()) {
            return null;
        }
        return new FailureAnalysis(String.join("\n", invalid.stream().map(InvalidCron::describe).toList()),
                "Set " + (invalid.size() == 1 ? "it" : "each") + " to a Quartz cron expression: six or seven fields, "
                        + "seconds first, e.g. " + invalid.get(0).variable() + "='" + EXAMPLE + "' for 02:00 every day "
                        + "(README, \"Changing the schedule\").", cause);
    }

    private record InvalidCron(String property, FieldError error) {

        /** The variable that overrides the key in application.yml: sync.reconcile.cron is SYNC_RECONCILE_CRON. */
        String variable() {
            return property.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
        }

        /** E.g. {@code SYNC_CRON (sync.cron) is 'every day', not a Quartz cron expression: Illegal characters ...}. */
        String describe() {
            return variable() + " (" + property + ") is '" + error.getRejectedValue() + "', "
                    + error.getDefaultMessage() + ".";
        }
    }
}

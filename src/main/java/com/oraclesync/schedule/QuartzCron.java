package com.oraclesync.schedule;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A Quartz cron expression (seconds first, six or seven fields), checked when the setting is bound, so that a
 * mistake stops the start-up naming the setting instead of failing later where the cron is first used. Null is valid.
 */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = QuartzCronValidator.class)
public @interface QuartzCron {

    String message() default "not a Quartz cron expression";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}

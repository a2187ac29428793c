package com.oraclesync.schedule;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import java.text.ParseException;
import org.quartz.CronExpression;

/** Checks a {@link QuartzCron} value with Quartz's own parser; the violation carries the parser's reason. */
public class QuartzCronValidator implements ConstraintValidator<QuartzCron, String> {

    @Override
    public boolean isValid(String cron, ConstraintValidatorContext context) {
        if (cron == null) {
            return true;
        }
        try {
            CronExpression.validateExpression(cron);
            return true;
        } catch (ParseException e) {
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate("not a Quartz cron expression: "
                    + escaped(String.valueOf(e.getMessage()))).addConstraintViolation();
            return false;
        }
    }

    /** The parser's message may quote the user's text: keep the message interpolation from reading it. */
    private static String escaped(String text) {
        return text.replace("\\", "\\\\").replace("{", "\\{").replace("}", "\\}").replace("$", "\\$");
    }
}

package com.oraclesync.monitoring;

import java.text.ParseException;
import java.time.Duration;
import java.util.Date;
import org.quartz.CronExpression;

/** The default freshness bound: twice the longest gap between the schedule's next fires. */
final class FreshnessBound {

    static final Duration FALLBACK = Duration.ofHours(26);
    private static final int FIRES_LOOKED_AT = 30;

    private FreshnessBound() {
    }

    /** E.g. 48 h for a daily cron, 6 days for a weekday cron (the weekend gap); 26 h when the cron fires once or never. */
    static Duration of(String cron) {
        CronExpression expression;
        try {
            expression = new CronExpression(cron);
        } catch (ParseException e) {
            throw new IllegalArgumentException("sync.cron is not a Quartz cron expression: '" + cron + "'", e);
        }
        Date previous = expression.getNextValidTimeAfter(new Date());
        Duration longest = Duration.ZERO;
        for (int i = 0; i < FIRES_LOOKED_AT && previous != null; i++) {
            Date next = expression.getNextValidTimeAfter(previous);
            if (next != null) {
                Duration gap = Duration.ofMillis(next.getTime() - previous.getTime());
                longest = gap.compareTo(longest) > 0 ? gap : longest;
            }
            previous = next;
        }
        return longest.isZero() ? FALLBACK : longest.multipliedBy(2);
    }
}

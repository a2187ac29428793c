package com.oraclesync.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class FreshnessBoundTest {

    @Test
    void theDailyDefaultScheduleAllowsTwoDays() {
        assertThat(FreshnessBound.of("0 0 0 * * ?")).isEqualTo(Duration.ofHours(48));
    }

    @Test
    void anHourlyScheduleAllowsTwoHours() {
        assertThat(FreshnessBound.of("0 15 * * * ?")).isEqualTo(Duration.ofHours(2));
    }

    @Test
    void aWeekdayScheduleAllowsTwiceTheWeekendGap() {
        assertThat(FreshnessBound.of("0 0 6 ? * MON-FRI")).isEqualTo(Duration.ofDays(6));
    }

    @Test
    void aScheduleThatFiresOnceOrNeverFallsBackTo26Hours() {
        assertThat(FreshnessBound.of("0 0 0 1 1 ? 2099")).isEqualTo(Duration.ofHours(26));
        assertThat(FreshnessBound.of("0 0 0 1 1 ? 2001")).isEqualTo(Duration.ofHours(26));
    }

    @Test
    void aCronThatQuartzCannotReadFailsNamingTheSetting() {
        assertThatThrownBy(() -> FreshnessBound.of("every day"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("sync.cron is not a Quartz cron expression: 'every day'");
    }
}

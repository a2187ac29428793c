package com.oraclesync.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.junit.jupiter.api.Test;

class OracleTimestampsTest {

    @Test
    void formatsAsUtcWithMillisecondsAndANumericOffset() {
        assertThat(OracleTimestamps.format(Instant.parse("2024-01-16T13:08:00.123456Z")))
                .isEqualTo("2024-01-16T13:08:00.123+00:00");
        assertThat(OracleTimestamps.format(Instant.parse("2024-01-16T13:08:00Z")))
                .isEqualTo("2024-01-16T13:08:00.000+00:00");
    }

    @Test
    void parsesOffsetDateTimesWithAnyOffsetAndPrecision() {
        Instant expected = Instant.parse("2024-01-16T13:08:00.123Z");

        assertThat(OracleTimestamps.parse("2024-01-16T13:08:00.123+00:00")).isEqualTo(expected);
        assertThat(OracleTimestamps.parse("2024-01-16T14:08:00.123+01:00")).isEqualTo(expected);
        assertThat(OracleTimestamps.parse("2024-01-16T08:08:00.123-05:00")).isEqualTo(expected);
        assertThat(OracleTimestamps.parse("2024-01-16T13:08:00.123Z")).isEqualTo(expected);
        assertThat(OracleTimestamps.parse("2024-01-16T13:08:00.123000000Z")).isEqualTo(expected);
        assertThat(OracleTimestamps.parse("2024-01-16T13:08Z")).isEqualTo(Instant.parse("2024-01-16T13:08:00Z"));
    }

    @Test
    void parsesPlainDatesAsUtcMidnightAndLocalDateTimesAsUtc() {
        assertThat(OracleTimestamps.parse("2024-01-16")).isEqualTo(Instant.parse("2024-01-16T00:00:00Z"));
        assertThat(OracleTimestamps.parse("2024-01-16T13:08:00")).isEqualTo(Instant.parse("2024-01-16T13:08:00Z"));
    }

    @Test
    void roundTripsWhatItFormats() {
        Instant instant = Instant.parse("1999-12-31T23:59:59.999Z");

        assertThat(OracleTimestamps.parse(OracleTimestamps.format(instant))).isEqualTo(instant);
    }

    @Test
    void rejectsTextThatIsNotADate() {
        assertThatThrownBy(() -> OracleTimestamps.parse("2024-13-45")).isInstanceOf(DateTimeParseException.class);
        assertThatThrownBy(() -> OracleTimestamps.parse("yesterday")).isInstanceOf(DateTimeParseException.class);
        assertThat(OracleTimestamps.parseOrNull("CDRM_123456")).isNull();
    }
}

package com.oraclesync.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** The fast reader must accept, refuse and read every text exactly as java.time's ISO formatter does. */
class IsoDateTimesTest {

    private static final List<String> TIMESTAMPS = List.of(
            "2024-01-16T13:08:00.123+00:00", "2024-01-16T13:08:00Z", "2024-01-16T13:08Z", "2024-01-16T13:08:00.1Z",
            "2024-01-16T13:08:00.123456789-05:30", "2024-01-16T13:08:00.1234567890Z", "2024-02-29T00:00:00Z",
            "2023-02-29T00:00:00Z", "2024-13-01T00:00:00Z", "2024-01-16T24:00:00Z", "2024-01-16T13:60:00Z",
            "2024-01-16T13:08:60Z", "2024-01-16t13:08:00z", "2024-01-16T13:08:00+0200", "2024-01-16T13:08:00+02",
            "2024-01-16T13:08:00+18:00", "2024-01-16T13:08:00+18:01", "2024-01-16T13:08:00-00:00",
            "2024-01-16T13:08:00+02:00:30", "2024-01-16T13:08:00.Z", "2024-01-16 13:08:00Z", "2024-01-16T13:08:00",
            "+12024-01-16T13:08:00Z", "0000-01-01T00:00:00Z", "2024-1-16T13:08:00Z", "2024-01-16T13:08:0xZ",
            "2024-01-16T13:08:00Z ", "2024-01-16T13:08:00.123+05:60", "２０２４-01-16T13:08:00Z");

    private static final List<String> DATES = List.of("2024-01-16", "2024-02-30", "2024-00-10", "2024-1-16",
            "20240116", "+12024-01-16", "2024-01-1x", "0000-12-31", "２０２４-01-16");

    @Test
    void timestampsAreReadAsTheIsoFormatterReadsThem() {
        for (String text : TIMESTAMPS) {
            assertSameAs(text, IsoDateTimes::parseOffsetDateTime, OffsetDateTime::parse);
        }
    }

    @Test
    void mutatedTimestampsAreReadAsTheIsoFormatterReadsThem() {
        Random random = new Random(11);
        String alphabet = "0123456789-:T.Z+ ";
        for (int i = 0; i < 20_000; i++) {
            char[] text = TIMESTAMPS.get(random.nextInt(3)).toCharArray();
            text[random.nextInt(text.length)] = alphabet.charAt(random.nextInt(alphabet.length()));
            assertSameAs(new String(text), IsoDateTimes::parseOffsetDateTime, OffsetDateTime::parse);
        }
    }

    @Test
    void datesAreReadAsTheIsoFormatterReadsThem() {
        for (String text : DATES) {
            assertSameAs(text, IsoDateTimes::parseLocalDate, LocalDate::parse);
        }
    }

    private static <T> void assertSameAs(String text, Function<String, T> fast, Function<String, T> formatter) {
        Object expected;
        try {
            expected = formatter.apply(text);
        } catch (RuntimeException e) {
            expected = e.getClass();
        }
        Object actual;
        try {
            actual = fast.apply(text);
        } catch (RuntimeException e) {
            actual = e.getClass();
        }
        assertThat(actual).as(text).isEqualTo(expected);
    }
}

package com.oraclesync.mapping;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * ISO-8601 dates and timestamps read without a {@link java.time.format.DateTimeFormatter} for the shapes Oracle
 * sends ({@code 2024-01-16}, {@code 2024-01-16T13:08:00.123+00:00}, {@code ...Z}): the formatter's parse is the
 * largest single cost of mapping an item. Any other text goes to the formatter, so what is accepted, and how, stays
 * exactly {@link OffsetDateTime#parse} and {@link LocalDate#parse}.
 */
final class IsoDateTimes {

    private IsoDateTimes() {
    }

    static OffsetDateTime parseOffsetDateTime(String text) {
        OffsetDateTime fast = fastOffsetDateTime(text);
        return fast != null ? fast : OffsetDateTime.parse(text);
    }

    static LocalDate parseLocalDate(String text) {
        if (text.length() == 10 && text.charAt(4) == '-' && text.charAt(7) == '-') {
            int year = digits(text, 0, 4);
            int month = digits(text, 5, 7);
            int day = digits(text, 8, 10);
            if (year >= 0 && month >= 0 && day >= 0) {
                try {
                    return LocalDate.of(year, month, day);
                } catch (DateTimeException e) {
                    // out of range: the formatter says so in its own words
                }
            }
        }
        return LocalDate.parse(text);
    }

    /** {@code yyyy-MM-ddTHH:mm[:ss[.fffffffff]]} then {@code Z} or {@code +HH:MM}; null for anything else. */
    private static OffsetDateTime fastOffsetDateTime(String text) {
        int length = text.length();
        if (length < 17 || text.charAt(4) != '-' || text.charAt(7) != '-' || text.charAt(10) != 'T'
                || text.charAt(13) != ':') {
            return null;
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 7);
        int day = digits(text, 8, 10);
        int hour = digits(text, 11, 13);
        int minute = digits(text, 14, 16);
        int second = 0;
        int nanos = 0;
        int at = 16;
        if (at < length && text.charAt(at) == ':') {
            second = digits(text, at + 1, at + 3);
            at += 3;
            if (at < length && text.charAt(at) == '.') {
                int start = ++at;
                while (at < length && at - start < 9 && isDigit(text.charAt(at))) {
                    nanos = nanos * 10 + (text.charAt(at++) - '0');
                }
                if (at == start) {
                    return null;
                }
                for (int scale = at - start; scale < 9; scale++) {
                    nanos *= 10;
                }
            }
        }
        ZoneOffset offset = offset(text, at);
        if ((year | month | day | hour | minute | second) < 0 || offset == null) {
            return null;
        }
        try {
            return OffsetDateTime.of(year, month, day, hour, minute, second, nanos, offset);
        } catch (DateTimeException e) {
            return null; // out of range: the formatter says so in its own words
        }
    }

    private static ZoneOffset offset(String text, int at) {
        int remaining = text.length() - at;
        if (remaining == 1 && text.charAt(at) == 'Z') {
            return ZoneOffset.UTC;
        }
        char sign = remaining == 6 ? text.charAt(at) : 0;
        if ((sign != '+' && sign != '-') || text.charAt(at + 3) != ':') {
            return null;
        }
        int hours = digits(text, at + 1, at + 3);
        int minutes = digits(text, at + 4, at + 6);
        if (hours < 0 || minutes < 0 || hours > 18 || minutes > 59) {
            return null;
        }
        try {
            return sign == '+' ? ZoneOffset.ofHoursMinutes(hours, minutes) : ZoneOffset.ofHoursMinutes(-hours, -minutes);
        } catch (DateTimeException e) {
            return null;
        }
    }

    /** The decimal number in {@code text[from, to)}, or -1 when it is not all ASCII digits or out of the text. */
    private static int digits(String text, int from, int to) {
        if (to > text.length()) {
            return -1;
        }
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (!isDigit(c)) {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}

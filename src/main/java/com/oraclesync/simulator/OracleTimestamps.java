package com.oraclesync.simulator;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * Oracle's timestamp notation, {@code 2024-01-16T13:08:00.123+00:00}. Parsing and formatting
 * are hand-rolled for the common shapes because the simulator handles about a million of them
 * when it loads a benchmark-sized store; anything unusual falls back to {@code java.time}.
 */
public final class OracleTimestamps {

    private OracleTimestamps() {
    }

    /** Formats as UTC with milliseconds and a numeric offset, e.g. {@code 2024-01-16T13:08:00.123+00:00}. */
    public static String format(Instant instant) {
        LocalDateTime t = LocalDateTime.ofEpochSecond(instant.getEpochSecond(), instant.getNano(), ZoneOffset.UTC);
        if (t.getYear() < 0 || t.getYear() > 9999) {
            return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC).toString();
        }
        char[] out = "0000-00-00T00:00:00.000+00:00".toCharArray();
        digits(out, 0, t.getYear(), 4);
        digits(out, 5, t.getMonthValue(), 2);
        digits(out, 8, t.getDayOfMonth(), 2);
        digits(out, 11, t.getHour(), 2);
        digits(out, 14, t.getMinute(), 2);
        digits(out, 17, t.getSecond(), 2);
        digits(out, 20, t.getNano() / 1_000_000, 3);
        return new String(out);
    }

    /** Parses any ISO-8601 offset date-time, a local date-time (taken as UTC) or a plain date (UTC midnight). */
    public static Instant parse(String text) {
        Instant fast = parseCommonShapes(text);
        if (fast != null) {
            return fast;
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException notOffset) {
            try {
                return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException notLocal) {
                return LocalDate.parse(text).atStartOfDay().toInstant(ZoneOffset.UTC);
            }
        }
    }

    /** Like {@link #parse} but returns null for anything that is not a date, cheaply for ordinary strings. */
    static Instant parseOrNull(String text) {
        if (!startsLikeDate(text)) {
            return null;
        }
        try {
            return parse(text);
        } catch (DateTimeException notADate) {
            return null;
        }
    }

    private static boolean startsLikeDate(String s) {
        return s.length() >= 10 && number(s, 0, 4) >= 0 && s.charAt(4) == '-'
                && number(s, 5, 2) >= 0 && s.charAt(7) == '-' && number(s, 8, 2) >= 0
                && (s.length() == 10 || s.charAt(10) == 'T');
    }

    /** yyyy-MM-dd and yyyy-MM-ddTHH:mm:ss[.fraction](Z|+HH:MM); null for any other shape. */
    private static Instant parseCommonShapes(String s) {
        if (!startsLikeDate(s)) {
            return null;
        }
        try {
            long epochDay = LocalDate.of(number(s, 0, 4), number(s, 5, 2), number(s, 8, 2)).toEpochDay();
            if (s.length() == 10) {
                return Instant.ofEpochSecond(epochDay * 86_400);
            }
            if (s.length() < 20 || s.charAt(13) != ':' || s.charAt(16) != ':') {
                return null;
            }
            int hour = number(s, 11, 2);
            int minute = number(s, 14, 2);
            int second = number(s, 17, 2);
            if (hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) {
                return null;
            }
            int pos = 19;
            int nanos = 0;
            if (s.charAt(pos) == '.') {
                int start = ++pos;
                while (pos < s.length() && Character.isDigit(s.charAt(pos)) && pos - start < 9) {
                    nanos = nanos * 10 + (s.charAt(pos++) - '0');
                }
                if (pos == start) {
                    return null;
                }
                for (int i = pos - start; i < 9; i++) {
                    nanos *= 10;
                }
            }
            Integer offsetSeconds = offsetSeconds(s, pos);
            if (offsetSeconds == null) {
                return null;
            }
            long seconds = epochDay * 86_400 + hour * 3_600L + minute * 60L + second - offsetSeconds;
            return Instant.ofEpochSecond(seconds, nanos);
        } catch (DateTimeException invalidDate) {
            return null;
        }
    }

    private static Integer offsetSeconds(String s, int pos) {
        if (pos == s.length() - 1 && s.charAt(pos) == 'Z') {
            return 0;
        }
        if (pos != s.length() - 6 || s.charAt(pos + 3) != ':') {
            return null;
        }
        char sign = s.charAt(pos);
        int hours = number(s, pos + 1, 2);
        int minutes = number(s, pos + 4, 2);
        if ((sign != '+' && sign != '-') || hours < 0 || hours > 18 || minutes < 0 || minutes > 59) {
            return null;
        }
        int seconds = hours * 3_600 + minutes * 60;
        return sign == '-' ? -seconds : seconds;
    }

    /** The non-negative number in s[from, from+length), or -1 if any of those characters is not a digit. */
    private static int number(String s, int from, int length) {
        int value = 0;
        for (int i = from; i < from + length; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private static void digits(char[] out, int at, int value, int width) {
        for (int i = at + width - 1; i >= at; i--) {
            out[i] = (char) ('0' + value % 10);
            value /= 10;
        }
    }
}

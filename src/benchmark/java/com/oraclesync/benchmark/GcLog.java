package com.oraclesync.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The pauses of a {@code -Xlog:gc:file=...} log, e.g.
 * {@code [12.345s][info][gc] GC(7) Pause Young (Normal) (G1 Evacuation Pause) 130M->21M(256M) 4.123ms}:
 * heap used before a collection is where the heap peaks, and used after it bounds what the program held.
 */
final class GcLog {

    private static final Pattern PAUSE = Pattern.compile(
            "^\\[(\\d+[.,]\\d+)s].*GC\\(\\d+\\) (Pause [^)]*\\)?).*? (\\d+)([KMG])->(\\d+)([KMG])\\((\\d+)([KMG])\\) (\\d+[.,]\\d+)ms");

    record Pause(double uptimeSeconds, String kind, double beforeMb, double afterMb, double pauseMs) {
    }

    /** What the pauses between two uptimes show. */
    record Window(int pauses, double maxBeforeMb, double maxAfterMb, double lastAfterMb, double pauseMs) {
    }

    private GcLog() {
    }

    static List<Pause> read(Path file) {
        List<Pause> pauses = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(file)) {
                Matcher m = PAUSE.matcher(line);
                if (m.find()) {
                    pauses.add(new Pause(number(m.group(1)), m.group(2), mb(m.group(3), m.group(4)),
                            mb(m.group(5), m.group(6)), number(m.group(9))));
                }
            }
        } catch (IOException e) {
            return List.of();
        }
        return pauses;
    }

    static Window window(List<Pause> pauses, double fromUptime, double toUptime) {
        int count = 0;
        double maxBefore = 0;
        double maxAfter = 0;
        double lastAfter = 0;
        double pauseMs = 0;
        for (Pause pause : pauses) {
            if (pause.uptimeSeconds() < fromUptime || pause.uptimeSeconds() > toUptime) {
                continue;
            }
            count++;
            maxBefore = Math.max(maxBefore, pause.beforeMb());
            maxAfter = Math.max(maxAfter, pause.afterMb());
            lastAfter = pause.afterMb();
            pauseMs += pause.pauseMs();
        }
        return new Window(count, maxBefore, maxAfter, lastAfter, pauseMs);
    }

    private static double number(String text) {
        return Double.parseDouble(text.replace(',', '.'));
    }

    private static double mb(String value, String unit) {
        double amount = Double.parseDouble(value);
        return switch (unit) {
            case "K" -> amount / 1024;
            case "G" -> amount * 1024;
            default -> amount;
        };
    }
}

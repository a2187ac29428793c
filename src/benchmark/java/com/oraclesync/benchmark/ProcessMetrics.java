package com.oraclesync.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** CPU time and resident memory of processes, read from Linux's /proc. */
final class ProcessMetrics {

    /** USER_HZ: the unit of utime and stime in /proc/PID/stat; 100 on every Linux this runs on. */
    private static final double TICKS_PER_SECOND = 100.0;

    private ProcessMetrics() {
    }

    /** User plus system CPU seconds of the process so far, or NaN if it is gone. */
    static double cpuSeconds(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            // the command name in parentheses may contain spaces: count fields after its closing parenthesis
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long utime = Long.parseLong(fields[11]);
            long stime = Long.parseLong(fields[12]);
            return (utime + stime) / TICKS_PER_SECOND;
        } catch (IOException | RuntimeException gone) {
            return Double.NaN;
        }
    }

    /** CPU seconds of every PostgreSQL server process on this machine (the postmaster, its backends and workers). */
    static double postgresCpuSeconds() {
        double total = 0;
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            for (Path process : (Iterable<Path>) processes::iterator) {
                String pid = process.getFileName().toString();
                if (!pid.chars().allMatch(Character::isDigit)) {
                    continue;
                }
                try {
                    if (Files.readString(process.resolve("comm")).trim().equals("postgres")) {
                        double seconds = cpuSeconds(Long.parseLong(pid));
                        total += Double.isNaN(seconds) ? 0 : seconds;
                    }
                } catch (IOException gone) {
                    // the process ended while the list was read
                }
            }
        } catch (IOException e) {
            return Double.NaN;
        }
        return total;
    }

    /** VmHWM: the peak resident set in MB since start or since {@link #resetPeakRss}; NaN if unknown. */
    static double peakRssMb(long pid) {
        return statusKb(pid, "VmHWM:") / 1024.0;
    }

    static double rssMb(long pid) {
        return statusKb(pid, "VmRSS:") / 1024.0;
    }

    /** Resets VmHWM to the current RSS (Linux 4.0 and later, own processes or root); false if refused. */
    static boolean resetPeakRss(long pid) {
        try {
            Files.writeString(Path.of("/proc", Long.toString(pid), "clear_refs"), "5");
            return true;
        } catch (IOException | RuntimeException refused) {
            return false;
        }
    }

    private static double statusKb(long pid, String key) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith(key)) {
                    return Long.parseLong(line.substring(key.length()).replace("kB", "").trim());
                }
            }
        } catch (IOException | RuntimeException gone) {
            // fall through
        }
        return Double.NaN;
    }
}

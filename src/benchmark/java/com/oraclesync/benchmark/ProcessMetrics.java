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
        return (statField(pid, 11) + statField(pid, 12)) / TICKS_PER_SECOND;
    }

    /**
     * CPU seconds of the process's JIT compiler threads and of its garbage collector's threads (G1's workers,
     * concurrent and refinement threads, the VM thread that runs the pauses), from /proc/PID/task; the rest of
     * {@link #cpuSeconds} is the application's threads. A compiler thread that the JVM ended takes its time along,
     * so over a window this can only understate the JIT's share.
     */
    static JvmThreadsCpu jvmThreadsCpu(long pid) {
        double jit = 0;
        double gc = 0;
        try (Stream<Path> tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
            for (Path task : (Iterable<Path>) tasks::iterator) {
                String stat = Files.readString(task.resolve("stat"));
                String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                double seconds = (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / TICKS_PER_SECOND;
                if (name.contains("CompilerThre")) {
                    jit += seconds;
                } else if (name.startsWith("GC Thread") || name.startsWith("G1 ") || name.equals("VM Thread")) {
                    gc += seconds;
                }
            }
        } catch (IOException | RuntimeException gone) {
            return new JvmThreadsCpu(Double.NaN, Double.NaN);
        }
        return new JvmThreadsCpu(jit, gc);
    }

    record JvmThreadsCpu(double jitSeconds, double gcSeconds) {

        JvmThreadsCpu minus(JvmThreadsCpu before) {
            return new JvmThreadsCpu(jitSeconds - before.jitSeconds, gcSeconds - before.gcSeconds);
        }
    }

    /** The postmaster of the benchmark's PostgreSQL server, when it runs on this machine; see {@link #followPostgres}. */
    private static volatile long postmasterPid = -1;

    /** From now on, {@link #postgresCpuSeconds} counts this server; -1 for none. */
    static void followPostgres(long postmaster) {
        postmasterPid = postmaster;
    }

    /** The parent's process id, or -1 if the process is not on this machine or is gone. */
    static long parentPid(long pid) {
        double parent = statField(pid, 1);
        return Double.isNaN(parent) ? -1 : (long) parent;
    }

    /**
     * CPU seconds of the benchmark's PostgreSQL server: the postmaster, its live children and (through the
     * postmaster's cutime and cstime) the children that have ended. Other PostgreSQL servers on the machine, such as
     * the embedded ones of test suites, are not counted. NaN when the server is not on this machine.
     */
    static double postgresCpuSeconds() {
        long postmaster = postmasterPid;
        if (postmaster <= 0) {
            return Double.NaN;
        }
        double ticks = statField(postmaster, 11) + statField(postmaster, 12) + statField(postmaster, 13)
                + statField(postmaster, 14);
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            for (Path process : (Iterable<Path>) processes::iterator) {
                String pid = process.getFileName().toString();
                if (pid.chars().allMatch(Character::isDigit) && statField(Long.parseLong(pid), 1) == postmaster) {
                    double own = statField(Long.parseLong(pid), 11) + statField(Long.parseLong(pid), 12);
                    ticks += Double.isNaN(own) ? 0 : own;
                }
            }
        } catch (IOException e) {
            return Double.NaN;
        }
        return ticks / TICKS_PER_SECOND;
    }

    /** A numeric field of /proc/PID/stat, counted from the state field (0) after the command name; NaN if gone. */
    private static double statField(long pid, int index) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            // the command name in parentheses may contain spaces: count fields after its closing parenthesis
            return Long.parseLong(stat.substring(stat.lastIndexOf(')') + 2).split(" ")[index]);
        } catch (IOException | RuntimeException gone) {
            return Double.NaN;
        }
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

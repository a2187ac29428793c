package com.oraclesync.benchmark;

/** Wall time plus the CPU that this JVM, an optional other process and PostgreSQL spent between start and stop. */
final class Clock {

    /** What a stopped clock measured; NaN where a process was not followed. */
    record Lap(double wallSeconds, double selfCpuSeconds, double otherCpuSeconds, double postgresCpuSeconds) {
    }

    private final long self = ProcessHandle.current().pid();
    private final long otherPid;
    private final double selfCpu;
    private final double otherCpu;
    private final double postgresCpu;
    private final long start;

    private Clock(long otherPid) {
        this.otherPid = otherPid;
        this.selfCpu = ProcessMetrics.cpuSeconds(self);
        this.otherCpu = otherPid > 0 ? ProcessMetrics.cpuSeconds(otherPid) : Double.NaN;
        this.postgresCpu = ProcessMetrics.postgresCpuSeconds();
        this.start = System.nanoTime();
    }

    /** @param otherPid a process to follow besides this JVM and PostgreSQL, or -1 */
    static Clock start(long otherPid) {
        return new Clock(otherPid);
    }

    Lap stop() {
        double wall = (System.nanoTime() - start) / 1e9;
        return new Lap(wall, ProcessMetrics.cpuSeconds(self) - selfCpu,
                otherPid > 0 ? ProcessMetrics.cpuSeconds(otherPid) - otherCpu : Double.NaN,
                ProcessMetrics.postgresCpuSeconds() - postgresCpu);
    }
}

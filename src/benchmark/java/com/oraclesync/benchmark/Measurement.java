package com.oraclesync.benchmark;

/**
 * One row of the result table. CPU is split by process: the process under test (the benchmark's own client, or the
 * service), the simulator and PostgreSQL, since all three share the machine's cores. NaN prints as "-".
 */
record Measurement(
        String scenario,
        long records,
        double wallSeconds,
        double peakHeapMb,
        double liveHeapMb,
        double peakRssMb,
        double cpuSeconds,
        double simulatorCpuSeconds,
        double postgresCpuSeconds,
        String notes) {

    double recordsPerSecond() {
        return records / wallSeconds;
    }

    Measurement withNotes(String moreNotes) {
        return new Measurement(scenario, records, wallSeconds, peakHeapMb, liveHeapMb, peakRssMb, cpuSeconds, simulatorCpuSeconds,
                postgresCpuSeconds, notes + "; " + moreNotes);
    }
}

package com.oraclesync.benchmark;

import java.util.Map;

/** The ratios and the targets of issue 5, from the measured rows; a target whose rows are missing says so. */
final class Targets {

    /** The replaced scripts: 2-3 hours for a full sync of 314,200 records. */
    private static final double SCRIPT_RECORDS = 314_200;
    private static final double SCRIPT_SLOWEST_HOURS = 3;
    private static final double SCRIPT_FASTEST_HOURS = 2;

    private final Map<String, Measurement> rows;
    private final BenchmarkOptions options;

    Targets(Map<String, Measurement> rows, BenchmarkOptions options) {
        this.rows = rows;
        this.options = options;
    }

    void appendTo(StringBuilder out) {
        Measurement a = rows.get("a");
        Measurement keyset = rows.get("a'");
        Measurement b = rows.get("b");
        Measurement c = rows.get("c");
        Measurement d = rows.get("d");
        Measurement small = rows.get("d-small");
        Measurement e = rows.get("e");
        out.append("\nratios:\n");
        if (a != null && b != null && d != null) {
            double limit = Math.min(rate(a), rate(b));
            out.append(String.format("  (d)/min(a,b) = %,.0f / min(%,.0f, %,.0f) = %.2f (%s bounds)%n", rate(d), rate(a),
                    rate(b), rate(d) / limit, rate(a) <= rate(b) ? "the source (a)" : "the database (b)"));
            if (keyset != null) {
                out.append(String.format("  (d)/min(a',b) = %.2f, against keyset paging as the sync must page%n",
                        rate(d) / Math.min(rate(keyset), rate(b))));
            }
        }
        if (c != null && d != null) {
            out.append(String.format("  (d)/(c) = %,.0f / %,.0f = %.1fx%n", rate(d), rate(c), rate(d) / rate(c)));
        }
        if (c != null && b != null) {
            out.append(String.format("  (b)/(c) = %.1fx: even COPY is only that much faster than (c) on this machine%n",
                    rate(b) / rate(c)));
        }
        if (d != null) {
            out.append(String.format("  (d) against the replaced scripts' documented 2-3 h for 314,200 records "
                            + "(%.0f-%.0f records/s): %.0fx-%.0fx faster%n", scriptRate(SCRIPT_SLOWEST_HOURS),
                    scriptRate(SCRIPT_FASTEST_HOURS), rate(d) / scriptRate(SCRIPT_SLOWEST_HOURS),
                    rate(d) / scriptRate(SCRIPT_FASTEST_HOURS)));
        }
        if (d != null && small != null) {
            out.append(String.format("  growth %,d -> %,d records (x%.1f): wall x%.2f, records/s x%.2f, peak heap x%.2f, "
                            + "live heap x%.2f, peak RSS x%.2f, service CPU x%.2f%n", small.records(), d.records(),
                    (double) d.records() / small.records(), d.wallSeconds() / small.wallSeconds(),
                    rate(d) / rate(small), d.peakHeapMb() / small.peakHeapMb(), d.liveHeapMb() / small.liveHeapMb(),
                    d.peakRssMb() / small.peakRssMb(), d.cpuSeconds() / small.cpuSeconds()));
        }
        out.append(String.format("%ntargets (issue 5, on this %d-core machine):%n", Runtime.getRuntime().availableProcessors()));
        if (a != null && b != null && d != null) {
            double share = rate(d) / Math.min(rate(a), rate(b));
            check(out, share >= 0.5, String.format("FULL sync at >= 50%% of min(a,b): %.0f%% (%,.0f of %,.0f records/s)",
                    100 * share, rate(d), Math.min(rate(a), rate(b))));
        } else {
            missing(out, "FULL sync at >= 50% of min(a,b)", "a, b, d");
        }
        if (c != null && d != null) {
            double speedup = rate(d) / rate(c);
            check(out, speedup >= 100, String.format(">= 100x faster than (c): %.1fx (100x would need %,.0f records/s)",
                    speedup, 100 * rate(c)));
        } else {
            missing(out, ">= 100x faster than (c)", "c, d");
        }
        if (d != null && small != null) {
            double live = d.liveHeapMb() / small.liveHeapMb();
            check(out, live <= 1.5 && d.records() == options.records(), String.format("runs with %s; heap at %,d "
                            + "within 1.5x of that at %,d: live heap %.0f MB / %.0f MB = %.2fx; peak heap used %.0f MB / "
                            + "%.0f MB = %.2fx", ServiceUnderTest.HEAP, d.records(), small.records(), d.liveHeapMb(),
                    small.liveHeapMb(), live, d.peakHeapMb(), small.peakHeapMb(), d.peakHeapMb() / small.peakHeapMb()));
            out.append("         (judged on the live heap: the peak before a GC follows the young generation that G1 sizes "
                    + "for itself, up to 60% of the heap, and grows with the length of a run, not with what it holds)\n");
        } else {
            missing(out, "heap within 1.5x", "both d runs");
        }
        if (e != null) {
            check(out, e.wallSeconds() <= 1.5, String.format("INCREMENTAL of %d changes <= 1.5 s from trigger to "
                    + "SUCCESS: %.2f s", options.changes(), e.wallSeconds()));
        } else {
            missing(out, "INCREMENTAL <= 1.5 s", "e");
        }
        appendIssue11Targets(out, b, d, e);
    }

    /**
     * Issue 11: under the latency model, parallel slices against the sequential run and against the ideal; without
     * it, the CPU path against COPY; the small INCREMENTAL.
     */
    private void appendIssue11Targets(StringBuilder out, Measurement b, Measurement d, Measurement e) {
        Measurement sequential = rows.get("g1");
        double perPage = options.latencyPerRequest().toNanos() / 1e9
                + options.latencyPerItem().toNanos() / 1e9 * options.pageSize();
        long pages = (options.records() + options.pageSize() - 1) / options.pageSize();
        out.append(String.format("%nlatency model (g): %s per request + %s per item = %.3f s per page of %d; "
                        + "%,d pages%n", options.latencyPerRequest(), options.latencyPerItem(), perPage,
                options.pageSize(), pages));
        for (int parallelism : options.parallelisms()) {
            Measurement row = rows.get("g" + parallelism);
            if (row == null) {
                continue;
            }
            double ideal = pages * perPage / parallelism;
            out.append(String.format("  parallelism %d: %.1f s, ideal (pages x latency / parallelism) %.1f s = %.0f%% of "
                            + "ideal%s%n", parallelism, row.wallSeconds(), ideal, 100 * ideal / row.wallSeconds(),
                    sequential == null ? "" : String.format(", %.2fx the sequential run",
                            sequential.wallSeconds() / row.wallSeconds())));
        }
        out.append("\ntargets (issue 11):\n");
        for (int[] target : new int[][] {{4, 35}, {8, 60}}) {
            Measurement row = rows.get("g" + target[0]);
            double wanted = target[1] / 10.0;
            if (row == null || sequential == null) {
                missing(out, "parallelism " + target[0] + " at >= " + wanted + "x the sequential run",
                        "g1 and g" + target[0]);
            } else {
                double speedup = sequential.wallSeconds() / row.wallSeconds();
                check(out, speedup >= wanted, String.format("latency model: parallelism %d at >= %.1fx the sequential "
                        + "run: %.2fx (%.1f s against %.1f s)", target[0], wanted, speedup, row.wallSeconds(),
                        sequential.wallSeconds()));
            }
        }
        if (d != null) {
            double perRecord = 1e6 * d.cpuSeconds() / d.records();
            check(out, perRecord <= 25, String.format("FULL without latency: service CPU <= 25 us per record: %.0f us "
                    + "(JIT and GC included: the notes of (d) split it)", perRecord));
        } else {
            missing(out, "service CPU <= 25 us per record", "d");
        }
        if (b != null && d != null) {
            check(out, rate(d) >= 0.5 * rate(b), String.format("FULL without latency >= 50%% of the COPY row (b): %.0f%%",
                    100 * rate(d) / rate(b)));
        } else {
            missing(out, "FULL >= 50% of COPY (b)", "b and d");
        }
        if (e != null) {
            check(out, e.wallSeconds() <= 0.5, String.format("INCREMENTAL of %d changes over %,d rows <= 0.5 s: %.2f s",
                    options.changes(), options.records(), e.wallSeconds()));
        } else {
            missing(out, "INCREMENTAL <= 0.5 s", "e");
        }
    }

    private static double rate(Measurement row) {
        return row.recordsPerSecond();
    }

    private static double scriptRate(double hours) {
        return SCRIPT_RECORDS / (hours * 3600);
    }

    private static void check(StringBuilder out, boolean met, String text) {
        out.append(met ? "  [PASS] " : "  [MISS] ").append(text).append('\n');
    }

    private static void missing(StringBuilder out, String target, String rows) {
        out.append("  [----] ").append(target).append(": not measured in this run (needs ").append(rows).append(")\n");
    }
}

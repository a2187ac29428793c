package com.oraclesync.benchmark;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * Summarises a JFR recording of a sync run: where the JVM spent CPU (execution samples), where threads waited in
 * native code (socket reads: waiting for PostgreSQL or the source), what allocated most, and GC time.
 * Usable alone: {@code java -cp ... com.oraclesync.benchmark.JfrSummary recording.jfr [top] [method]}; with a
 * method (e.g. {@code java.util.AbstractMap.hashCode}) it also lists the call paths that reach it.
 */
public final class JfrSummary {

    private static final Map<String, String> COMPONENTS = new LinkedHashMap<>();

    static {
        COMPONENTS.put("com.fasterxml.jackson", "Jackson");
        COMPONENTS.put("org.postgresql", "pgjdbc");
        COMPONENTS.put("com.zaxxer.hikari", "Hikari");
        COMPONENTS.put("org.apache.camel", "Camel");
        COMPONENTS.put("org.apache.hc", "Apache HttpClient");
        COMPONENTS.put("com.oraclesync", "oracle-sync");
        COMPONENTS.put("org.springframework", "Spring");
        COMPONENTS.put("ch.qos.logback", "Logback");
        COMPONENTS.put("io.micrometer", "Micrometer");
    }

    private final Map<String, Integer> selfFrames = new HashMap<>();
    private final Map<String, Integer> inclusive = new HashMap<>();
    private final Map<String, Integer> components = new HashMap<>();
    private final Map<String, Integer> threads = new HashMap<>();
    private final Map<String, Integer> waits = new HashMap<>();
    private final Map<String, Long> allocations = new HashMap<>();
    private final Map<String, Integer> callers = new HashMap<>();
    private final String traced;
    private int samples;
    private int nativeSamples;
    private int collections;
    private double collectionMs;
    private long allocated;

    private JfrSummary(String traced) {
        this.traced = traced;
    }

    public static void main(String[] args) throws IOException {
        System.out.print(summarize(Path.of(args[0]), args.length > 1 ? Integer.parseInt(args[1]) : 25,
                args.length > 2 ? args[2] : null));
    }

    static String summarize(Path recording, int top, String tracedMethod) throws IOException {
        JfrSummary summary = new JfrSummary(tracedMethod);
        try (RecordingFile file = new RecordingFile(recording)) {
            while (file.hasMoreEvents()) {
                summary.add(file.readEvent());
            }
        }
        return summary.render(top);
    }

    private void add(RecordedEvent event) {
        switch (event.getEventType().getName()) {
            case "jdk.ExecutionSample" -> {
                samples++;
                threads.merge(threadName(event), 1, Integer::sum);
                RecordedStackTrace stack = event.getStackTrace();
                if (stack == null || stack.getFrames().isEmpty()) {
                    return;
                }
                List<RecordedFrame> frames = stack.getFrames();
                selfFrames.merge(method(frames.get(0)), 1, Integer::sum);
                components.merge(component(frames), 1, Integer::sum);
                trace(frames);
                Set<String> seen = new HashSet<>();
                for (RecordedFrame frame : frames) {
                    String method = method(frame);
                    if (!isJdk(method) && seen.add(method)) {
                        inclusive.merge(method, 1, Integer::sum);
                    }
                }
            }
            case "jdk.NativeMethodSample" -> {
                nativeSamples++;
                RecordedStackTrace stack = event.getStackTrace();
                if (stack != null) {
                    waits.merge(threadName(event) + " in " + nearestNonJdk(stack.getFrames()), 1, Integer::sum);
                }
            }
            case "jdk.ObjectAllocationSample" -> {
                long weight = event.getLong("weight");
                allocated += weight;
                allocations.merge(event.getClass("objectClass").getName(), weight, Long::sum);
            }
            case "jdk.GarbageCollection" -> {
                collections++;
                collectionMs += event.getDuration().toNanos() / 1e6;
            }
            default -> {
                // other events are not summarised
            }
        }
    }

    /** Counts the call paths (the 8 frames below it) through which samples reach the traced method. */
    private void trace(List<RecordedFrame> frames) {
        if (traced == null) {
            return;
        }
        for (int i = 0; i < frames.size(); i++) {
            if (method(frames.get(i)).equals(traced)) {
                StringBuilder path = new StringBuilder();
                for (int j = i + 1; j < Math.min(frames.size(), i + 9); j++) {
                    path.append("\n              <- ").append(method(frames.get(j))).append(':')
                            .append(frames.get(j).getLineNumber());
                }
                callers.merge(path.toString(), 1, Integer::sum);
                return;
            }
        }
    }

    private String render(int top) {
        StringBuilder out = new StringBuilder();
        out.append(String.format("CPU: %,d execution samples (about 10 ms each per running thread)%n", samples));
        section(out, "by thread", threads, samples, top);
        section(out, "by component (the nearest non-JDK frame of the running code)", components, samples, top);
        section(out, "hottest methods, self", selfFrames, samples, top);
        section(out, "hottest non-JDK methods, inclusive", inclusive, samples, top);
        out.append(String.format("%nWaiting in native code: %,d samples (about 20 ms each per waiting thread)%n",
                nativeSamples));
        section(out, "by thread and nearest non-JDK frame", waits, nativeSamples, top);
        out.append(String.format("%nAllocation: %,.0f MB sampled in total%n", allocated / 1e6));
        Map<String, Integer> allocationMb = new HashMap<>();
        allocations.forEach((type, bytes) -> allocationMb.put(type, (int) Math.round(bytes / 1e6)));
        section(out, "by type, MB", allocationMb, (int) Math.max(1, Math.round(allocated / 1e6)), top);
        out.append(String.format("%nGC: %d collections, %.0f ms in total%n", collections, collectionMs));
        if (traced != null) {
            out.append(String.format("%nCall paths to %s:%n", traced));
            section(out, "samples", callers, samples, 10);
        }
        return out.toString();
    }

    private static void section(StringBuilder out, String title, Map<String, Integer> counts, int total, int top) {
        out.append("  ").append(title).append(":\n");
        counts.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .limit(top)
                .forEach(entry -> out.append(String.format("    %6d %5.1f%%  %s%n", entry.getValue(),
                        100.0 * entry.getValue() / Math.max(1, total), entry.getKey())));
    }

    private static String threadName(RecordedEvent event) {
        var thread = event.getThread("sampledThread");
        String name = thread == null ? "?" : thread.getJavaName();
        return name == null ? "?" : name.replaceAll("\\d+", "N");
    }

    private static String component(List<RecordedFrame> frames) {
        String method = nearestNonJdk(frames);
        for (Map.Entry<String, String> component : COMPONENTS.entrySet()) {
            if (method.startsWith(component.getKey())) {
                return component.getValue();
            }
        }
        return method.equals("(JDK only)") ? "JDK only" : "other: " + method.substring(0, Math.min(40, method.length()));
    }

    private static String nearestNonJdk(List<RecordedFrame> frames) {
        for (RecordedFrame frame : frames) {
            String method = method(frame);
            if (!isJdk(method)) {
                return method;
            }
        }
        return "(JDK only)";
    }

    private static boolean isJdk(String method) {
        return method.startsWith("java.") || method.startsWith("jdk.") || method.startsWith("sun.")
                || method.startsWith("com.sun.");
    }

    private static String method(RecordedFrame frame) {
        return frame.getMethod().getType().getName() + "." + frame.getMethod().getName();
    }
}

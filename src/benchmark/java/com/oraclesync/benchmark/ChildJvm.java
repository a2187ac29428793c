package com.oraclesync.benchmark;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A JVM the benchmark starts as a child process, so that its CPU, heap and RSS are its own. Its output goes to a log
 * file and is kept in memory with the time each line arrived, so a step can wait for a line.
 */
final class ChildJvm implements AutoCloseable {

    /** A line of the child's output and when it arrived ({@link System#nanoTime()}). */
    record Line(String text, long nanoTime) {
    }

    private final String name;
    private final Process process;
    private final PrintWriter stdin;
    private final List<Line> lines = new ArrayList<>();

    private ChildJvm(String name, Process process, Writer log) {
        this.name = name;
        this.process = process;
        this.stdin = new PrintWriter(process.outputWriter(StandardCharsets.UTF_8), true);
        Thread pump = new Thread(() -> pump(log), name + "-output");
        pump.setDaemon(true);
        pump.start();
    }

    static ChildJvm start(String name, List<String> jvmArguments, List<String> mainAndArguments, Map<String, String> env,
                          Path workDirectory, Path logFile) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmArguments);
        command.addAll(mainAndArguments);
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDirectory.toFile()).redirectErrorStream(true);
        builder.environment().putAll(env);
        try {
            Files.createDirectories(logFile.getParent());
            Writer log = Files.newBufferedWriter(logFile, StandardCharsets.UTF_8);
            return new ChildJvm(name, builder.start(), log);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start " + name + ": " + command, e);
        }
    }

    long pid() {
        return process.pid();
    }

    /** The number of lines so far: pass it to {@link #awaitLine} to wait only for later lines. */
    int mark() {
        synchronized (lines) {
            return lines.size();
        }
    }

    /** Waits for a line at or after {@code from} that matches; fails when the child exits or the time is up. */
    Matcher awaitLine(Pattern pattern, int from, Duration timeout) {
        Line line = awaitLineAt(pattern, from, timeout);
        Matcher matcher = pattern.matcher(line.text());
        matcher.find();
        return matcher;
    }

    Line awaitLineAt(Pattern pattern, int from, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (lines) {
            int next = from;
            while (true) {
                for (; next < lines.size(); next++) {
                    if (pattern.matcher(lines.get(next).text()).find()) {
                        return lines.get(next);
                    }
                }
                long left = deadline - System.nanoTime();
                if (left <= 0 || !process.isAlive() && next >= lines.size()) {
                    throw new IllegalStateException(name + (process.isAlive() ? " printed no line matching '"
                            + pattern + "' within " + timeout.toSeconds() + " s" : " exited (code " + exitCode()
                            + ") before printing a line matching '" + pattern + "'") + "; see its log");
                }
                try {
                    lines.wait(Math.max(1, Math.min(200, TimeUnit.NANOSECONDS.toMillis(left))));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("Interrupted while waiting for " + name, e);
                }
            }
        }
    }

    /** The first line at or after {@code from} that matches, if it has arrived. */
    Line findLine(Pattern pattern, int from) {
        synchronized (lines) {
            for (int i = from; i < lines.size(); i++) {
                if (pattern.matcher(lines.get(i).text()).find()) {
                    return lines.get(i);
                }
            }
            return null;
        }
    }

    /** The lines from {@code from} on, as they stand now. */
    List<Line> linesFrom(int from) {
        synchronized (lines) {
            return List.copyOf(lines.subList(Math.min(from, lines.size()), lines.size()));
        }
    }

    void send(String line) {
        stdin.println(line);
    }

    boolean isAlive() {
        return process.isAlive();
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(20, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }

    private String exitCode() {
        try {
            return Integer.toString(process.exitValue());
        } catch (IllegalThreadStateException running) {
            return "?";
        }
    }

    private void pump(Writer log) {
        try (log; BufferedReader reader = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String text;
            while ((text = reader.readLine()) != null) {
                long now = System.nanoTime();
                log.write(text);
                log.write('\n');
                log.flush();
                synchronized (lines) {
                    lines.add(new Line(text, now));
                    lines.notifyAll();
                }
            }
        } catch (IOException e) {
            // the child is gone; waiters see that it is no longer alive
        } finally {
            synchronized (lines) {
                lines.notifyAll();
            }
        }
    }
}

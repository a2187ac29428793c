package com.oraclesync.monitoring;

import static org.assertj.core.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Prometheus's own rule checker, from Debian's {@code prometheus} package. {@code .ci/run} installs it; on a machine
 * without it the checks are skipped, except on CI ({@code CI} set), where a missing promtool fails them.
 */
final class Promtool {

    private Promtool() {
    }

    record Result(int exitCode, String output) {
    }

    static Result run(String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(executable().toString()));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        if (!process.waitFor(2, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            fail("promtool " + String.join(" ", arguments) + " did not end within 2 minutes");
        }
        return new Result(process.exitValue(), new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
    }

    private static Path executable() {
        return Arrays.stream(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .map(directory -> Path.of(directory, "promtool"))
                .filter(Files::isExecutable)
                .findFirst()
                .orElseGet(() -> {
                    String missing = "promtool is not installed: apt-get install -y prometheus (Debian), as .ci/run does";
                    if (System.getenv("CI") != null) {
                        fail(missing);
                    }
                    Assumptions.abort(missing);
                    return null;
                });
    }
}

package com.oraclesync.benchmark;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The command line of benchmark/run.sh: {@code --name=value} options, all optional. */
record BenchmarkOptions(
        int records,
        int smallRecords,
        int oldApproachSample,
        int changes,
        long seed,
        int pageSize,
        int repeat,
        Set<String> scenarios,
        boolean profile,
        List<String> serviceJvmOptions) {

    static final String USAGE = """
            benchmark/run.sh [--records=314200] [--small=31420] [--sample=3000] [--changes=100] [--seed=42]
                             [--page-size=500] [--repeat=3] [--scenarios=a,b,c,d,e,f] [--profile]
              --small      the second FULL run's size, to show growth (0 skips it)
              --sample     records written the old way (c), extrapolated to --records
              --repeat     how often a-c are measured (the best counts: they are limits); d and e run once
              --scenarios  which rows to measure (d is both FULL runs; e and f need d; f needs wrk)
              --profile    record the big FULL run with JFR and summarise its hot spots
            environment: PGHOST PGPORT PGUSER PGPASSWORD (default 127.0.0.1 5432 postgres, none);
                         BENCHMARK_SERVICE_JAVA_OPTS (added to the service's JVM options);
                         SYNC_* and DATABASE_POOL_SIZE pass through to the service, to measure a lever
            """;

    static BenchmarkOptions parse(String[] args) {
        Map<String, String> given = new HashMap<>();
        for (String arg : args) {
            if (!arg.startsWith("--")) {
                throw new IllegalArgumentException("Unexpected argument '" + arg + "'\n" + USAGE);
            }
            int equals = arg.indexOf('=');
            given.put(equals < 0 ? arg.substring(2) : arg.substring(2, equals), equals < 0 ? "true" : arg.substring(equals + 1));
        }
        Set<String> known = Set.of("records", "small", "sample", "changes", "seed", "page-size", "repeat", "scenarios",
                "profile",
                "help");
        for (String name : given.keySet()) {
            if (!known.contains(name)) {
                throw new IllegalArgumentException("Unknown option --" + name + "\n" + USAGE);
            }
        }
        if (given.containsKey("help")) {
            System.out.print(USAGE);
            System.exit(0);
        }
        int records = Integer.parseInt(given.getOrDefault("records", "314200"));
        String javaOptions = System.getenv().getOrDefault("BENCHMARK_SERVICE_JAVA_OPTS", "").trim();
        return new BenchmarkOptions(
                records,
                Integer.parseInt(given.getOrDefault("small", Integer.toString(records / 10))),
                Integer.parseInt(given.getOrDefault("sample", "3000")),
                Integer.parseInt(given.getOrDefault("changes", "100")),
                Long.parseLong(given.getOrDefault("seed", "42")),
                Integer.parseInt(given.getOrDefault("page-size", "500")),
                Integer.parseInt(given.getOrDefault("repeat", "3")),
                Set.of(given.getOrDefault("scenarios", "a,b,c,d,e,f").split(",")),
                Boolean.parseBoolean(given.getOrDefault("profile", "false")),
                javaOptions.isEmpty() ? List.of() : Arrays.asList(javaOptions.split("\\s+")));
    }

    boolean runs(String scenario) {
        return scenarios.contains(scenario);
    }
}

#!/usr/bin/env bash
# The benchmark of README "Benchmark": builds the service jar and the benchmark driver, then measures every scenario
# once and prints the table (also written to benchmark/results/latest.txt). Options: benchmark/run.sh --help
set -euo pipefail
cd "$(dirname "$0")/.."
if [[ "${BENCHMARK_SKIP_BUILD:-}" != "true" ]]; then
    ${MVN:-./mvnw} -q -B -Pbenchmark -DskipTests package
fi
mkdir -p benchmark/results
classpath="target/test-classes:target/classes:$(cat target/benchmark-classpath.txt)"
exec java -Xmx3g -cp "$classpath" com.oraclesync.benchmark.Benchmark "$@"

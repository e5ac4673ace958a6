#!/usr/bin/env bash
# Webhook delivery benchmark: deliveries per second through the webhook route to a local receiver
# (the reference Fachverfahren, HMAC check and dedupe included), and how long a backlog of 10,000
# queued Anträge takes to drain after a receiver outage. Starts the whole app on a throw-away
# embedded PostgreSQL. Not a test; numbers go to docs/benchmarks.md.
# Usage: bench/delivery.sh   (BENCH_BACKLOG=2000 BENCH_THROUGHPUT=500 bench/delivery.sh for a short run)
set -euo pipefail
cd "$(dirname "$0")/.."
. "$(dirname "$0")/java-home.sh"
mvn -B -q -DskipTests test-compile
mvn -B -q exec:java -Dexec.classpathScope=test -Dexec.mainClass=de.amtsweg.delivery.DeliveryBenchmark \
  -Dbench.backlog="${BENCH_BACKLOG:-10000}" -Dbench.throughput="${BENCH_THROUGHPUT:-2000}" \
  -Dbench.concurrency="${BENCH_CONCURRENCY:-16}"

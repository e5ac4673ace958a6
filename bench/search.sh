#!/usr/bin/env bash
# Search benchmark: 32 clients for 30 s per phase against GET /api/v1/services and, in the same run,
# the SQL behind it. Not a test; numbers go to docs/benchmarks.md.
# Usage: bench/search.sh            (BENCH_SECONDS=10 bench/search.sh for a shorter run)
set -euo pipefail
cd "$(dirname "$0")/.."
. "$(dirname "$0")/java-home.sh"
mvn -B -q -DskipTests test-compile
mvn -B -q exec:java -Dexec.classpathScope=test -Dexec.mainClass=de.amtsweg.catalog.SearchBenchmark \
  -Dbench.seconds="${BENCH_SECONDS:-30}" -Dbench.clients="${BENCH_CLIENTS:-32}"

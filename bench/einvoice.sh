#!/usr/bin/env bash
# E-Rechnung benchmark: invoices/s and agreement with the KoSIT reference verdicts on the shared
# XRechnung files (src/test/resources/xrechnung, a copy of ../shared/data/xrechnung), in one run: the bare phive library, Amtsweg's validator
# and the API (one thread and all cores), then Mustang 2.16.0 in its own JVM (its libraries clash
# with phive's). The phase "interleaved" (all layers on one thread, taking turns on every file) is
# the comparison to trust on a busy machine. Not a test; numbers go to docs/benchmarks.md.
# Usage: bench/einvoice.sh            (BENCH_PASSES=1 bench/einvoice.sh for a shorter run)
set -euo pipefail
cd "$(dirname "$0")/.."
. "$(dirname "$0")/java-home.sh"
DATA="$(cd src/test/resources/xrechnung && pwd)"
mvn -B -q -DskipTests test-compile
mvn -B -q exec:java -Dexec.classpathScope=test -Dexec.mainClass=de.amtsweg.einvoice.EinvoiceBenchmark \
  -Dbench.passes="${BENCH_PASSES:-2}" -Damtsweg.einvoice.testdata="$DATA"
(cd bench/einvoice-mustang && mvn -B -q compile exec:java -Dexec.mainClass=bench.MustangBenchmark \
  -Dexec.args="$DATA ${BENCH_PASSES:-2}" 2>&1 | grep -v -E "^(SLF4J|[0-9:. ]+\[)" || true)

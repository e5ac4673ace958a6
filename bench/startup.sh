#!/usr/bin/env bash
# Time from `java -jar target/amtsweg.jar` to a healthy /actuator/health, N runs.
# First run initialises the embedded PostgreSQL (initdb + migrations + import) unless the data dir exists.
# Usage: bench/startup.sh [runs] [data-dir]    (build first: mvn -DskipTests package)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-5}
data_dir=${2:-target/bench-data}
. "$(dirname "$0")/java-home.sh"
java_bin=java
port=18080

for i in $(seq 1 "$runs"); do
  start=$(date +%s%N)
  "$java_bin" -jar target/amtsweg.jar --server.port=$port --amtsweg.data-dir="$data_dir" > "target/bench-startup-$i.log" 2>&1 &
  pid=$!
  until curl -sf "http://127.0.0.1:$port/actuator/health" | grep -q '"status":"UP"'; do
    sleep 0.05
    kill -0 $pid 2>/dev/null || { echo "run $i: app exited, see target/bench-startup-$i.log"; exit 1; }
  done
  end=$(date +%s%N)
  echo "run $i: $(( (end - start) / 1000000 )) ms to healthy"
  kill $pid; wait $pid 2>/dev/null || true
done

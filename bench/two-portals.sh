#!/usr/bin/env bash
# Two Amtsweg portals on one machine, the second importing the first's Portalverbund export.
# Portal A: http://localhost:8080 (data in target/portal-a), portal B: http://localhost:8081
# (data in target/portal-b, its own embedded PostgreSQL), both in the demo profile. B has the source
# "portal-a" (A's /api/v1/portalverbund/verwaltungsobjekte) besides the demo source, and imports at start.
# Usage: bench/two-portals.sh    (build first: mvn -DskipTests package; Ctrl-C stops both)
set -euo pipefail
cd "$(dirname "$0")/.."
. "$(dirname "$0")/java-home.sh"
[ -f target/amtsweg.jar ] || { echo "target/amtsweg.jar is missing: mvn -DskipTests package"; exit 1; }

pids=()
stop() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; wait 2>/dev/null || true; }
trap stop EXIT INT TERM

healthy() {
  local port=$1 pid=$2 log=$3
  until curl -sf "http://127.0.0.1:$port/actuator/health" | grep -q '"status":"UP"'; do
    sleep 1
    kill -0 "$pid" 2>/dev/null || { echo "portal on $port exited, see $log"; exit 1; }
  done
}

java -jar target/amtsweg.jar --server.port=8080 --amtsweg.data-dir=target/portal-a \
  --amtsweg.public-url=http://localhost:8080 > target/portal-a.log 2>&1 &
pids+=($!)
echo "Portal A starting on http://localhost:8080 (log: target/portal-a.log) …"
healthy 8080 "${pids[0]}" target/portal-a.log

# B starts after A is up, so that its import at start-up finds A's export. A list given on the command
# line replaces the whole list of application-demo.properties: the demo source is named again.
java -jar target/amtsweg.jar --server.port=8081 --amtsweg.data-dir=target/portal-b \
  --amtsweg.public-url=http://localhost:8081 \
  --amtsweg.federation.sources[0].name=bund-demo \
  --amtsweg.federation.sources[0].url=classpath:federation/demo/bund-thueringen.xml \
  --amtsweg.federation.sources[1].name=portal-a \
  '--amtsweg.federation.sources[1].url=http://localhost:8080/api/v1/portalverbund/verwaltungsobjekte?index=0' \
  --amtsweg.federation.sources[1].provider=Amtsweg-Portal-A > target/portal-b.log 2>&1 &
pids+=($!)
echo "Portal B starting on http://localhost:8081 (log: target/portal-b.log) …"
healthy 8081 "${pids[1]}" target/portal-b.log

cat <<'TEXT'
Both portals run.
- A's export:          http://localhost:8080/api/v1/portalverbund/verwaltungsobjekte?index=0
- A's routes:          http://localhost:8080/api/v1/routes?leikaKey=99102013000000&ars=160510000000
- B's import reports:  http://localhost:8081/admin/portalverbund  (login "betrieb", the demo password)
  Source "portal-a" lists A's tenants as Organisationseinheiten and A's Antrags-Apps as Onlinedienste;
  "Jetzt importieren" fetches A's export again (switch an app off in A first to see it go).
Ctrl-C stops both.
TEXT
wait

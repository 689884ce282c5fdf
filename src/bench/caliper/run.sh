#!/usr/bin/env bash
# Caliper ingestion benchmark (issue 5): wrk on POST /analytics/grade2 (one event per request) and on
# POST /analytics/caliper (envelopes of 100 events), against pgbench single-row and 100-row inserts on
# the same PostgreSQL in the same run. Prints rates, ratios, p50/p99 and checks stored = acknowledged.
#
#   src/bench/caliper/run.sh                      # builds the WAR and starts its own Pulse (embedded PostgreSQL)
#   BASE_URL=http://localhost:8080 PGURL=postgresql://pulse:pulse@localhost:5432/pulse src/bench/caliper/run.sh
#
# Settings (environment): DURATION (30 s), CONNECTIONS (32), THREADS (2), ENVELOPE_SIZE (100), WARMUP (10 s),
# PULSE_ADMIN_EMAIL / PULSE_ADMIN_PASSWORD (admin@pulse.test / admin-password-1).
# Needs wrk, pgbench, psql, curl, python3.
set -euo pipefail

HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../../.." && pwd)
DURATION=${DURATION:-30}
CONNECTIONS=${CONNECTIONS:-32}
THREADS=${THREADS:-2}
ENVELOPE_SIZE=${ENVELOPE_SIZE:-100}
WARMUP=${WARMUP:-10}
ADMIN_EMAIL=${PULSE_ADMIN_EMAIL:-admin@pulse.test}
ADMIN_PASSWORD=${PULSE_ADMIN_PASSWORD:-admin-password-1}
BASE_URL=${BASE_URL:-}
PGURL=${PGURL:-}

for tool in wrk pgbench psql curl python3; do
  command -v "$tool" >/dev/null || { echo "missing tool: $tool" >&2; exit 2; }
done

WORK=$(mktemp -d)
PULSE_PID=
cleanup() {
  if [ -n "$PULSE_PID" ]; then
    kill -TERM "$PULSE_PID" 2>/dev/null || true
    wait "$PULSE_PID" 2>/dev/null || true
  fi
}
trap cleanup EXIT

if [ -z "$BASE_URL" ]; then
  PORT=${PULSE_PORT:-18080}
  DBPORT=${PULSE_DB_PORT:-15432}
  echo "[bench] building the WAR and starting Pulse on :$PORT with an embedded PostgreSQL on :$DBPORT"
  cd "$ROOT"
  mvn -B -q package -DskipTests
  PULSE_PORT=$PORT PULSE_DB_PORT=$DBPORT PULSE_DATA_DIR="$WORK/data" \
    PULSE_ADMIN_EMAIL="$ADMIN_EMAIL" PULSE_ADMIN_PASSWORD="$ADMIN_PASSWORD" \
    mvn -B -q exec:java >"$WORK/pulse.log" 2>&1 &
  PULSE_PID=$!
  BASE_URL=http://localhost:$PORT
  PGURL=postgresql://postgres:postgres@localhost:$DBPORT/postgres
  for _ in $(seq 1 300); do
    if curl -fs "$BASE_URL/health/ready" >/dev/null 2>&1; then break; fi
    if ! kill -0 "$PULSE_PID" 2>/dev/null; then cat "$WORK/pulse.log" >&2; exit 1; fi
    sleep 1
  done
  curl -fs "$BASE_URL/health/ready" >/dev/null || { echo "Pulse did not become ready; log: $WORK/pulse.log" >&2; exit 1; }
fi
[ -n "$PGURL" ] || { echo "set PGURL to the database Pulse uses (libpq URL)" >&2; exit 2; }

json() { python3 -c "import sys, json; print(json.load(sys.stdin)$1)"; }

ADMIN_TOKEN=$(curl -fs -X POST "$BASE_URL/v1/auth/login" -H 'Content-Type: application/json' \
  -d "{\"email\":\"$ADMIN_EMAIL\",\"password\":\"$ADMIN_PASSWORD\"}" | json '["token"]')

# prints "client_id token edApp" for a fresh integrator
new_client() {
  local edapp="urn:uuid:$(python3 -c 'import uuid; print(uuid.uuid4())')"
  local created
  created=$(curl -fs -X POST "$BASE_URL/v1/admin/clients" -H "Authorization: Token $ADMIN_TOKEN" \
    -H 'Content-Type: application/json' -d "{\"name\":\"bench-$RANDOM\",\"edapp\":\"$edapp\"}")
  local id secret token
  id=$(echo "$created" | json '["client_id"]')
  secret=$(echo "$created" | json '["client_secret"]')
  token=$(curl -fs -X POST "$BASE_URL/analytics/token" -d grant_type=client_credentials \
    --data-urlencode "client_id=$id" --data-urlencode "client_secret=$secret" | json '["access_token"]')
  echo "$id $token $edapp"
}

hex8() { python3 -c 'import secrets; print(secrets.token_hex(4))'; }
stored_for() { psql "$PGURL" -tA -c "select count(*) from caliper_event where client_id = '$1'"; }

# ---------------------------------------------------------------- pgbench reference on the same database
EVENT='{"@context":"http://purl.imsglobal.org/ctx/caliper/v1p2","id":"urn:uuid:00000000-0000-4000-8000-000000000000","type":"GradeEvent","profile":"GradingProfile","actor":{"type":"SoftwareApplication","host":"https://www.aprimora.com.br"},"action":"Graded","object":{"type":"Attempt","assignee":{"id":"urn:uuid:11111111-1111-4111-8111-111111111111","type":"Person"},"assignable":{"id":3899,"type":"Activity","skillCode":"EF15LP01"},"dateCreated":"2024-03-01T10:00:00Z","startedAtTime":"2024-03-01T09:00:00Z","totalTime":300},"edApp":"urn:uuid:22222222-2222-4222-8222-222222222222","generated":{"type":"Score","maxScore":10,"scoreGiven":8}}'
psql "$PGURL" -q -c "drop table if exists bench_caliper_pg" \
  -c "create table bench_caliper_pg (seq bigserial primary key, event_id text not null unique, payload jsonb not null, received_at timestamptz not null)"
printf "insert into bench_caliper_pg (event_id, payload, received_at) values (gen_random_uuid()::text, '%s'::jsonb, now());\n" "$EVENT" >"$WORK/single.sql"
printf "insert into bench_caliper_pg (event_id, payload, received_at) select gen_random_uuid()::text, '%s'::jsonb, now() from generate_series(1, %d);\n" "$EVENT" "$ENVELOPE_SIZE" >"$WORK/batch.sql"

pg_tps() { grep -E '^tps = ' | head -1 | sed -E 's/^tps = ([0-9.]+).*/\1/'; }
echo "[bench] pgbench single-row inserts: $CONNECTIONS clients, ${DURATION}s"
PG_SINGLE=$(pgbench -n -c "$CONNECTIONS" -j "$THREADS" -T "$DURATION" -f "$WORK/single.sql" "$PGURL" 2>/dev/null | tee "$WORK/pg-single.txt" | pg_tps)
echo "[bench] pgbench ${ENVELOPE_SIZE}-row inserts: $CONNECTIONS clients, ${DURATION}s"
PG_BATCH=$(pgbench -n -c "$CONNECTIONS" -j "$THREADS" -T "$DURATION" -f "$WORK/batch.sql" "$PGURL" 2>/dev/null | tee "$WORK/pg-batch.txt" | pg_tps)
psql "$PGURL" -q -c "drop table bench_caliper_pg"

# ---------------------------------------------------------------- Pulse under wrk
run_wrk() { # script seconds client-line -> RESULT line
  local script=$1 seconds=$2 id token edapp
  read -r id token edapp <<<"$3"
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"${seconds}s" --timeout 10s -s "$HERE/$script" "$BASE_URL" \
    -- "$token" "$edapp" "$(hex8)" "urn:uuid:$(python3 -c 'import uuid; print(uuid.uuid4())')" "$ENVELOPE_SIZE" \
    | tee -a "$WORK/wrk.txt" | grep '^RESULT'
}
field() { echo "$1" | tr ' ' '\n' | grep "^$2=" | cut -d= -f2; }

echo "[bench] warming up Pulse for ${WARMUP}s per endpoint"
run_wrk grade2.lua "$WARMUP" "$(new_client)" >/dev/null
run_wrk envelope.lua "$WARMUP" "$(new_client)" >/dev/null

echo "[bench] wrk grade2: $CONNECTIONS connections, ${DURATION}s"
SINGLE_CLIENT=$(new_client)
SINGLE=$(run_wrk grade2.lua "$DURATION" "$SINGLE_CLIENT")
SINGLE_STORED=$(stored_for "$(echo "$SINGLE_CLIENT" | cut -d' ' -f1)")

echo "[bench] wrk caliper envelopes of $ENVELOPE_SIZE: $CONNECTIONS connections, ${DURATION}s"
ENV_CLIENT=$(new_client)
ENV=$(run_wrk envelope.lua "$DURATION" "$ENV_CLIENT")
ENV_STORED=$(stored_for "$(echo "$ENV_CLIENT" | cut -d' ' -f1)")

python3 - "$PG_SINGLE" "$PG_BATCH" "$ENVELOPE_SIZE" "$CONNECTIONS" "$SINGLE_STORED" "$ENV_STORED" "$SINGLE" "$ENV" <<'PY'
import sys
pg_single, pg_batch, size, conns = float(sys.argv[1]), float(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
single_stored, env_stored = int(sys.argv[5]), int(sys.argv[6])
def parse(line):
    return {k: float(v) for k, v in (kv.split("=") for kv in line.split()[1:])}
s, e = parse(sys.argv[7]), parse(sys.argv[8])
s_rate = s["acked"] / s["seconds"]
e_rows = e["acked"] * size / e["seconds"]
pg_rows = pg_batch * size
print()
print("== Caliper ingestion benchmark (%d connections) ==" % conns)
print("pgbench single-row insert      : %10.0f tps" % pg_single)
print("pgbench %d-row insert          : %10.0f tps = %.0f rows/s" % (size, pg_batch, pg_rows))
print("grade2 (1 event/request)       : %10.0f events/s  p50 %.1f ms  p99 %.1f ms  non-200 %d" % (s_rate, s["p50_ms"], s["p99_ms"], s["non200"]))
print("caliper (%d events/envelope)  : %10.0f events/s (%.0f envelopes/s)  p50 %.1f ms  p99 %.1f ms  non-200 %d"
      % (size, e_rows, e["acked"] / e["seconds"], e["p50_ms"], e["p99_ms"], e["non200"]))
print("ratio grade2 / pgbench single  : %.3f  (target >= 0.25) %s" % (s_rate / pg_single, "PASS" if s_rate / pg_single >= 0.25 else "MISS"))
print("ratio envelope / pgbench batch : %.3f  (target >= 0.30) %s" % (e_rows / pg_rows, "PASS" if e_rows / pg_rows >= 0.30 else "MISS"))
print("grade2 p99                     : %.1f ms (target <= 50 ms) %s" % (s["p99_ms"], "PASS" if s["p99_ms"] <= 50 else "MISS"))
# wrk stops with at most one request in flight per connection: those may be stored but never acknowledged
def check(name, acked, stored, slack):
    ok = acked <= stored <= acked + slack
    print("%-30s : acknowledged %d, stored %d -> %s" % (name, acked, stored,
          "OK (every acknowledged event is stored)" if ok else "MISMATCH"))
    return ok
good = check("grade2 durability", int(s["acked"]), single_stored, conns)
good &= check("envelope durability", int(e["acked"]) * size, env_stored, conns * size)
sys.exit(0 if good else 1)
PY

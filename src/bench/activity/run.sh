#!/usr/bin/env bash
# Activity ingest benchmark (issue 4). Not a test: it prints measured figures.
#
#   src/bench/activity/run.sh            # from the repository root; builds the WAR if missing
#
# 1. starts Pulse with the launcher on a fresh embedded PostgreSQL (target/bench-activity),
# 2. drives POST /v1/activity/user/{id} with wrk, CONNECTIONS connections for DURATION seconds,
# 3. runs pgbench with the equivalent single-row insert, CONNECTIONS clients, same database,
# 4. prints both rates, their ratio, p50/p99 of the HTTP run, and compares the number of stored
#    activities with the number of 2xx answers (wrk stops with up to one request per connection in
#    flight: those are stored but never answered, so stored - 2xx lies in [0, CONNECTIONS]).
# Needs: java 17, mvn, wrk and pgbench (Debian: apt-get install wrk postgresql-client), curl, jq.
set -euo pipefail

cd "$(dirname "$0")/../../.."
ROOT=$(pwd)
DURATION=${DURATION:-30}
WARMUP=${WARMUP:-20}  # seconds of load first, so the JIT has compiled the hot path
CONNECTIONS=${CONNECTIONS:-32}
THREADS=${THREADS:-2}
PORT=${BENCH_PORT:-18080}
DB_PORT=${BENCH_DB_PORT:-15432}
DATA=$ROOT/target/bench-activity
ADMIN_EMAIL=bench-admin@pulse.bench
ADMIN_PASSWORD=bench-password-1
BASE=http://127.0.0.1:$PORT

for tool in java mvn wrk pgbench psql curl jq; do
  command -v "$tool" >/dev/null || { echo "missing tool: $tool (Debian: apt-get install wrk postgresql-client jq curl)"; exit 2; }
done

if [[ ! -f target/pulse.war || "${BUILD:-}" == "1" ]]; then
  echo "[bench] building the WAR"
  mvn -B -q -DskipTests package
fi

rm -rf "$DATA"
mkdir -p "$DATA"
echo "[bench] starting Pulse on :$PORT, embedded PostgreSQL on :$DB_PORT"
PULSE_PORT=$PORT PULSE_DB_PORT=$DB_PORT PULSE_DATA_DIR=$DATA/data \
PULSE_ADMIN_EMAIL=$ADMIN_EMAIL PULSE_ADMIN_PASSWORD=$ADMIN_PASSWORD \
  setsid mvn -B -q exec:java > "$DATA/server.log" 2>&1 &
SERVER=$!
stop() {
  # the launcher's shutdown hook stops Payara, then PostgreSQL
  kill -TERM "$SERVER" 2>/dev/null || true
  wait "$SERVER" 2>/dev/null || true
}
trap stop EXIT

for _ in $(seq 1 300); do
  if curl -fsS "$BASE/health/ready" >/dev/null 2>&1; then break; fi
  if ! kill -0 "$SERVER" 2>/dev/null; then echo "[bench] server died; see $DATA/server.log"; exit 1; fi
  sleep 1
done
curl -fsS "$BASE/health/ready" >/dev/null || { echo "[bench] server not ready; see $DATA/server.log"; exit 1; }

json() { curl -fsS -H 'Content-Type: application/json' "$@"; }
ADMIN_TOKEN=$(json -d "{\"email\":\"$ADMIN_EMAIL\",\"password\":\"$ADMIN_PASSWORD\"}" "$BASE/v1/auth/login" | jq -r .token)
USER_ID=$(json -H "Authorization: Token $ADMIN_TOKEN" \
  -d '{"email":"learner@pulse.bench","password":"password-123","first_name":"Bench","last_name":"Learner"}' \
  "$BASE/v1/admin/users" | jq -r .id)
USER_TOKEN=$(json -d '{"email":"learner@pulse.bench","password":"password-123"}' "$BASE/v1/auth/login" | jq -r .token)

echo "[bench] warm-up (5 s)"
PULSE_TOKEN=$USER_TOKEN PULSE_USER=$USER_ID wrk -t"$THREADS" -c"$CONNECTIONS" -d"${WARMUP}s" \
  -s src/bench/activity/post-activity.lua "$BASE" > "$DATA/warmup.txt"
sleep 1
export PGPASSWORD=postgres
PSQL=(psql -X -q -t -A -h 127.0.0.1 -p "$DB_PORT" -U postgres postgres)
BEFORE=$("${PSQL[@]}" -c "select count(*) from activity where account_id = $USER_ID")

echo "[bench] wrk: $CONNECTIONS connections, $DURATION s, POST /v1/activity/user/$USER_ID"
PULSE_TOKEN=$USER_TOKEN PULSE_USER=$USER_ID wrk -t"$THREADS" -c"$CONNECTIONS" -d"${DURATION}s" --latency \
  -s src/bench/activity/post-activity.lua "$BASE" | tee "$DATA/wrk.txt"
sleep 2 # answers still in flight when wrk stopped
AFTER=$("${PSQL[@]}" -c "select count(*) from activity where account_id = $USER_ID")
eval "$(grep -E '^WRK_[A-Z0-9_]+=' "$DATA/wrk.txt")"

echo "[bench] pgbench: $CONNECTIONS clients, $DURATION s, single-row insert into activity"
pgbench -n -h 127.0.0.1 -p "$DB_PORT" -U postgres -c "$CONNECTIONS" -j "$THREADS" -T "$DURATION" \
  -f src/bench/activity/pgbench-insert.sql postgres | tee "$DATA/pgbench.txt"
PG_TPS=$(grep -E '^tps' "$DATA/pgbench.txt" | head -1 | sed -E 's/tps = ([0-9.]+).*/\1/')

STORED=$((AFTER - BEFORE))
awk -v ok="$WRK_2XX" -v bad="$WRK_NON2XX" -v secs="$WRK_SECONDS" -v pg="$PG_TPS" -v p50="$WRK_P50_MS" \
    -v p99="$WRK_P99_MS" -v stored="$STORED" -v errors="$WRK_ERRORS" -v conns="$CONNECTIONS" 'BEGIN {
  rate = ok / secs
  printf "\n== activity ingest benchmark ==\n"
  printf "HTTP ingest (2xx/s)          %10.1f   (%d answers 2xx, %d not, %d socket errors, %.1f s)\n", rate, ok, bad, errors, secs
  printf "pgbench single-row insert/s  %10.1f\n", pg
  printf "ratio HTTP / pgbench         %10.3f   (target >= 0.25)\n", rate / pg
  printf "latency p50 / p99 (ms)       %6.2f / %.2f   (target p99 <= 50)\n", p50, p99
  inflight = stored - ok
  printf "stored activities            %10d   2xx answers %d, difference %d\n", stored, ok, inflight
  if (inflight == 0) printf "stored == 2xx: every answered write is stored, nothing else is\n"
  else if (inflight > 0 && inflight <= conns) printf "stored - 2xx = %d <= %d connections: requests in flight when wrk closed its sockets (stored, never answered); no write lost\n", inflight, conns
  else printf "MISMATCH: stored - 2xx = %d is outside [0, %d]\n", inflight, conns
}'

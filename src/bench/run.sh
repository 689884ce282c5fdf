#!/usr/bin/env bash
# The one benchmark of Pulse (see src/bench/README.md). Not a test: it prints one table of measured figures.
#
#   src/bench/run.sh                       # from a fresh clone; ~12 min with the defaults
#   DURATION=5 WARMUP=3 src/bench/run.sh   # a quick run
#   PROFILE=auth/me src/bench/run.sh       # also a JFR recording of the rows whose name contains it
#   ONLY='grade2|auth/me' src/bench/run.sh  # only the Pulse rows whose name matches (the references always run)
#   CLUSTER=3 src/bench/run.sh             # cluster mode: the write and read mix against 1, 2 then 3 instances
#
# Cluster mode (CLUSTER=N): instance 1 is the launcher with its embedded PostgreSQL, joined to a data grid;
# instances 2..N are launchers on that PostgreSQL (PULSE_DB_URL) with instance 1's JWT key pair
# (PULSE_JWT_*), HTTP ports PORT+1.., data-grid ports GRID_PORT... With 1, then 2, ... N instances
# running, the mix (two writes, two reads) is measured with wrk sending round-robin: thread i to instance
# i mod n (request.lua's BENCH_TARGETS), 2 threads per instance, CONNECTIONS (48) in all; then pgbench, the
# database's own limit. Everything shares this machine's cores: the figures say how Pulse shares a host,
# not what n hosts reach.
#
# In one run on this machine, one after the other:
#   1. Pulse through its launcher on a fresh embedded PostgreSQL (durable: fsync and synchronous commit on);
#      the time from starting the launcher to "ready" is measured;
#   2. wrk at CONNECTIONS connections, WARMUP s of warm-up then DURATION s, on every hot endpoint; writes
#      are counted in SQL before and after, so stored can be compared with acknowledged (2xx);
#   3. the Payara JVM's resident set size (VmRSS) once the load is over;
#   4. pgbench on the same PostgreSQL (Pulse idle): single-row inserts at CONNECTIONS clients and 100-row
#      inserts at PG_BATCH_CLIENTS clients, into scratch copies of Pulse's own tables (indexes included);
#   5. Pulse stopped, the trivial JAX-RS WAR (src/bench/ceiling) on the same Payara Micro jar with the same
#      command line as Pulse's Payara (read from /proc): its boot time, then GET and a small JSON POST.
set -euo pipefail

cd "$(dirname "$0")/../.."
ROOT=$(pwd)
DURATION=${DURATION:-20}
WARMUP=${WARMUP:-10}
if [[ -n "${CLUSTER:-}" ]]; then CONNECTIONS=${CONNECTIONS:-48}; else CONNECTIONS=${CONNECTIONS:-32}; fi
THREADS=${THREADS:-2}
ENVELOPE_SIZE=${ENVELOPE_SIZE:-100}
GROUP_SIZE=${GROUP_SIZE:-50}
PG_BATCH_CLIENTS=${PG_BATCH_CLIENTS:-8}
PORT=${BENCH_PORT:-18080}
CLUSTER=${CLUSTER:-}
GRID_PORT=${BENCH_GRID_PORT:-5900}
DB_PORT=${BENCH_DB_PORT:-15432}
CEILING_PORT=${BENCH_CEILING_PORT:-18081}
MVN=${MVN:-./mvnw -B -q}
WORK=$ROOT/target/bench
BASE=http://127.0.0.1:$PORT
ADMIN_EMAIL=bench-admin@pulse.bench
ADMIN_PASSWORD=bench-password-1

missing=()
for tool in java wrk pgbench psql curl jq python3; do
  command -v "$tool" >/dev/null || missing+=("$tool")
done
if ((${#missing[@]})); then
  echo "missing: ${missing[*]}" >&2
  echo "Debian/Ubuntu: sudo apt-get install -y wrk postgresql-client curl jq python3 openjdk-17-jdk-headless" >&2
  exit 2
fi

log() { echo "[bench $(date -u +%H:%M:%S)] $*" >&2; }
now_ms() { date +%s%3N; }

LAUNCHER=
CEILING=
stop_pid() { # pid: SIGTERM, then wait for it to end (not our child when started through setsid)
  local pid=$1
  kill -TERM "$pid" 2>/dev/null || return 0
  for _ in $(seq 1 150); do kill -0 "$pid" 2>/dev/null || return 0; sleep 0.2; done
  kill -KILL "$pid" 2>/dev/null || true
}
INSTANCES=() # cluster mode: the launchers of instances 2..N
cleanup() {
  for pid in "${INSTANCES[@]}"; do stop_pid "$pid"; done
  [[ -n "$CEILING" ]] && stop_pid "$CEILING"
  [[ -n "$LAUNCHER" ]] && stop_pid "$LAUNCHER"
  return 0
}
trap cleanup EXIT

# ------------------------------------------------------------------------------------------- build
mkdir -p "$WORK"
if [[ ! -f target/pulse.war || ! -f target/payara-micro.jar || "${BUILD:-}" == "1" ]]; then
  log "building the WAR (mvn package)"
  $MVN -DskipTests package
fi
if [[ ! -s "$WORK/classpath.txt" || pom.xml -nt "$WORK/classpath.txt" ]]; then
  log "resolving the launcher's class path"
  $MVN dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$WORK/classpath.txt"
fi
CLASSPATH_LAUNCHER=$ROOT/target/classes:$(cat "$WORK/classpath.txt")
API_JAR=$(tr ':' '\n' <"$WORK/classpath.txt" | grep -m1 'jakarta.jakartaee-api-.*\.jar$' || true)
[[ -f "$API_JAR" ]] || { echo "jakarta.jakartaee-api jar not on the class path" >&2; exit 2; }
log "building the trivial WAR (src/bench/ceiling)"
rm -rf "$WORK/ceiling" && mkdir -p "$WORK/ceiling/WEB-INF/classes"
javac -nowarn --release 17 -cp "$API_JAR" -d "$WORK/ceiling/WEB-INF/classes" src/bench/ceiling/bench/*.java
cp src/bench/ceiling/WEB-INF/payara-web.xml "$WORK/ceiling/WEB-INF/"
(cd "$WORK/ceiling" && jar cf "$WORK/ceiling.war" WEB-INF)

# ------------------------------------------------------------------------------------------- wrk
RUN=$(python3 -c 'import secrets; print(secrets.token_hex(4))')
# wrk_row name seconds: runs request.lua with the BENCH_* variables of the caller, prints its RESULT line
wrk_row() {
  local file=$WORK/wrk-${1//[^A-Za-z0-9]/_}.txt
  # a fresh run id per wrk invocation: keys and event ids of the warm-up never come back in the measured run
  BENCH_RUN=$(printf '%04x%04x' $((RANDOM)) $((RANDOM))) wrk -t"$THREADS" -c"$CONNECTIONS" -d"${2}s" --timeout 10s -s src/bench/request.lua "$3" \
    >"$file" 2>&1 || true
  grep '^RESULT' "$file" || echo "RESULT requests=0 ok=0 non2xx=0 errors=0 seconds=1 p50_ms=0 p99_ms=0"
}
ROWS=$WORK/rows.txt
: >"$ROWS"
# settled count-sql: the count once the requests still in flight when wrk stopped have ended (unchanged for 1 s)
settled() {
  local last now
  last=$(sql "$1")
  for _ in $(seq 1 30); do
    sleep 1
    now=$(sql "$1")
    [[ "$now" == "$last" ]] && break
    last=$now
  done
  echo "$last"
}
# measure name kind base count-sql items-per-request: warm-up, then the measured run; "kind" names the
# reference (write or read) and the count query (empty for reads) proves stored == acknowledged
measure() {
  local name=$1 kind=$2 base=$3 count_sql=$4 per=${5:-1} before=0 after=0 result
  if [[ -n "${ONLY:-}" && "$kind" != ceiling-* ]] && ! grep -qE -- "$ONLY" <<<"$name"; then return 0; fi
  log "$name: ${WARMUP}s warm-up, ${DURATION}s at $CONNECTIONS connections"
  wrk_row "$name-warmup" "$WARMUP" "$base" >/dev/null
  if [[ -n "$count_sql" ]]; then before=$(settled "$count_sql"); else sleep 2; fi
  if [[ -n "${PROFILE:-}" && "$name" == *"$PROFILE"* && "$kind" != ceiling-* ]]; then
    # a JFR recording of the measured run, for the closing note of a missed target
    jcmd "$PAYARA" JFR.start duration="${DURATION}s" filename="$WORK/profile.jfr" settings=profile >/dev/null
  fi
  result=$(wrk_row "$name" "$DURATION" "$base")
  if [[ -n "$count_sql" ]]; then after=$(settled "$count_sql"); else sleep 2; fi
  printf '%s\t%s\t%s\t%s\n' "$name" "$kind" "$per" "stored=$((after - before)) ${result#RESULT }" >>"$ROWS"
}

# ------------------------------------------------------------------------------------------- 1. Pulse
rm -rf "$WORK/data"
log "starting Pulse (launcher) on :$PORT, embedded PostgreSQL on :$DB_PORT"
START=$(now_ms)
# the set-up signs in some sixty accounts from one address within seconds: a budget of password checks to match
if [[ -n "$CLUSTER" ]]; then
  # every instance joins one data grid by TCP/IP under one name and password (README, Running several instances)
  members=()
  for i in $(seq 1 "$CLUSTER"); do members+=("127.0.0.1:$((GRID_PORT + i - 1))"); done
  export PULSE_CLUSTER=true PULSE_CLUSTER_NAME=pulse-bench PULSE_CLUSTER_MEMBERS
  PULSE_CLUSTER_MEMBERS=$(IFS=,; echo "${members[*]}")
  export PULSE_CLUSTER_PASSWORD
  PULSE_CLUSTER_PASSWORD=$(python3 -c 'import secrets; print(secrets.token_urlsafe(24))')
  export PULSE_INSTANCE_NAME=pulse-1 PULSE_CLUSTER_PORT=$GRID_PORT
fi
PULSE_PORT=$PORT PULSE_DB_PORT=$DB_PORT PULSE_DATA_DIR=$WORK/data \
PULSE_ADMIN_EMAIL=$ADMIN_EMAIL PULSE_ADMIN_PASSWORD=$ADMIN_PASSWORD PULSE_PASSWORD_CHECKS_BURST=1000 \
  setsid java -cp "$CLASSPATH_LAUNCHER" dev.pulse.platform.launcher.PulseLauncher >"$WORK/pulse.log" 2>&1 &
LAUNCHER=$!
until grep -q 'Pulse is ready' "$WORK/pulse.log"; do
  kill -0 "$LAUNCHER" 2>/dev/null || { echo "Pulse did not start; see $WORK/pulse.log" >&2; exit 1; }
  sleep 0.1
done
PULSE_READY_MS=$(($(now_ms) - START))
PAYARA=$(ps -o pid=,args= --ppid "$LAUNCHER" | awk '/payara-micro/ {print $1; exit}')
[[ -n "$PAYARA" ]] || { echo "no Payara Micro process under the launcher" >&2; exit 1; }
mapfile -d '' PAYARA_CMD <"/proc/$PAYARA/cmdline"
log "ready in ${PULSE_READY_MS} ms; Payara Micro is pid $PAYARA"

export PGPASSWORD
PGPASSWORD=$(cat "$WORK/data/postgres.password")
PGURL="postgresql://postgres@127.0.0.1:$DB_PORT/postgres"
sql() { psql -X -q -t -A "$PGURL" -c "$1"; }

json() { curl -fsS -H 'Content-Type: application/json' "$@"; }
ADMIN=$(json -d "{\"email\":\"$ADMIN_EMAIL\",\"password\":\"$ADMIN_PASSWORD\"}" "$BASE/v1/auth/login" | jq -r .token)
admin() { json -H "Authorization: Token $ADMIN" "$@"; }
# new_user email -> "id uuid token"
new_user() {
  local created
  created=$(admin -d "{\"email\":\"$1\",\"password\":\"password-123\",\"first_name\":\"Bench\",\"last_name\":\"Learner\"}" \
    "$BASE/v1/admin/users")
  echo "$(jq -r .id <<<"$created") $(jq -r .uuid <<<"$created") $(json -d "{\"email\":\"$1\",\"password\":\"password-123\"}" \
    "$BASE/v1/auth/login" | jq -r .token)"
}
log "making the data: a learner, an academy, $GROUP_SIZE group members, an integrator, a Live queue"
read -r LEARNER LEARNER_UUID LEARNER_TOKEN <<<"$(new_user "learner-$RUN@pulse.bench")"
read -r COORD _ COORD_TOKEN <<<"$(new_user "coordinator-$RUN@pulse.bench")"
ACADEMY=$(admin -d "{\"slug\":\"bench-$RUN\",\"name\":\"Bench academy\"}" "$BASE/v1/admin/academies" | jq -r .id)
admin -d "{\"user_id\":\"$COORD\",\"role\":\"academy_coordinator\"}" "$BASE/v1/admin/academies/$ACADEMY/members" >/dev/null
admin -d "{\"user_id\":\"$LEARNER\",\"role\":\"student\"}" "$BASE/v1/admin/academies/$ACADEMY/members" >/dev/null
CREATED=$(admin -d "{\"name\":\"bench-$RUN\"}" "$BASE/v1/admin/clients")
CLIENT_ID=$(jq -r .client_id <<<"$CREATED")
EDAPP=$(jq -r .edapp <<<"$CREATED")
CLIENT_TOKEN=$(curl -fsS "$BASE/analytics/token" -d grant_type=client_credentials --data-urlencode "client_id=$CLIENT_ID" \
  --data-urlencode "client_secret=$(jq -r .client_secret <<<"$CREATED")" | jq -r .access_token)
ACTIVITY_ID=bench-course-$RUN
MEMBERS=()
MEMBER_TOKEN=
for i in $(seq 1 "$GROUP_SIZE"); do
  read -r id uuid token <<<"$(new_user "member-$i-$RUN@pulse.bench")"
  MEMBERS+=("{\"userId\":\"$uuid\",\"role\":\"member\"}")
  [[ -z "$MEMBER_TOKEN" ]] && MEMBER_TOKEN=$token
  admin -d "{\"user_id\":\"$id\",\"role\":\"student\"}" "$BASE/v1/admin/academies/$ACADEMY/members" >/dev/null
  if ((i % 2)); then # half the group has progress on the activity
    json -H "Authorization: Token $COORD_TOKEN" -H "Academy: $ACADEMY" -d "{\"completion_rate\":$((i * 2))}" \
      "$BASE/v1/assignment/academy/asset/$ACTIVITY_ID/user/$id/telemetry" >/dev/null
  fi
done
# the first member creates the group (and is its admin); the others join as members
GROUP=$(json -H "Authorization: Bearer $CLIENT_TOKEN" -H "x-authenticated-user-token: $MEMBER_TOKEN" \
  -d "{\"request\":{\"name\":\"Bench group\",\"members\":[$(IFS=,; echo "${MEMBERS[*]:1}")],\"activities\":[{\"id\":\"$ACTIVITY_ID\",\"type\":\"Course\"}]}}" \
  "$BASE/api/group/v1/create" | jq -r .result.groupId)
LIVE_TOKEN=$(json -d "{\"name\":\"Bench Mentor\",\"username\":\"live-$RUN\",\"password\":\"pw-12345\"}" \
  "$BASE/live/user/create" | jq -r .data.token)
# ten open tickets in the queue, five per Live account (PULSE_LIVE_MAX_OPEN_TICKETS)
for i in $(seq 1 10); do
  if ((i == 6)); then
    LIVE_TOKEN=$(json -d "{\"name\":\"Bench Mentee\",\"username\":\"live2-$RUN\",\"password\":\"pw-12345\"}" \
      "$BASE/live/user/create" | jq -r .data.token)
  fi
  json -H "X-MenloHacks-Authorization: $LIVE_TOKEN" -d "{\"description\":\"help $i\",\"location\":\"Main gym\",\"contact\":\"555-0100\"}" \
    "$BASE/live/mentorship/create" >/dev/null
done

EVENT='{"@context":"http://purl.imsglobal.org/ctx/caliper/v1p2","id":"{uuid}","type":"GradeEvent","profile":"GradingProfile","actor":{"type":"SoftwareApplication","host":"https://www.aprimora.com.br"},"action":"Graded","object":{"type":"Attempt","assignee":{"id":"urn:uuid:'$LEARNER_UUID'","type":"Person"},"assignable":{"id":3899,"type":"Activity","skillCode":"EF15LP01"},"dateCreated":"2024-03-01T10:00:00Z","startedAtTime":"2024-03-01T09:00:00Z","totalTime":300},"edApp":"'$EDAPP'","generated":{"type":"Score","maxScore":10,"scoreGiven":8}}'

# ------------------------------------------------------------------------------------------- 2. pgbench
# pgbench on Pulse's PostgreSQL with Pulse idle, into scratch copies of its tables: the database's own limit
# (the body is not indented: it holds here-documents)
run_pgbench() {
log "pgbench: single-row inserts at $CONNECTIONS clients, $ENVELOPE_SIZE-row inserts at $PG_BATCH_CLIENTS clients"
sql "drop table if exists bench_pg_activity, bench_pg_caliper;
     create table bench_pg_activity (like activity including all);
     create table bench_pg_caliper (like caliper_event including all);
     alter table bench_pg_caliper alter column seq drop default;
     alter table bench_pg_caliper alter column seq add generated by default as identity;" >/dev/null
cat >"$WORK/pg-single.sql" <<'SQL'
insert into bench_pg_activity (slug, account_id, email, data, user_agent, created_at)
values ('lesson_opened', 1, 'pgbench@pulse.bench', '{"lesson":"intro-to-html","seconds":42}', 'pgbench', now());
SQL
PG_EVENT=${EVENT//\{uuid\}/urn:uuid:00000000-0000-4000-8000-000000000000}
cat >"$WORK/pg-batch.sql" <<SQL
insert into bench_pg_caliper (client_id, event_id, type, action, profile, assignee, assignable, ed_app, event_time,
    created_time, score_given, max_score, fingerprint, payload, received_at)
select 'pgbench', gen_random_uuid()::text, 'GradeEvent', 'Graded', 'GradingProfile', 'urn:uuid:$LEARNER_UUID', '3899',
    '$EDAPP', now(), now(), 8, 10, md5(random()::text), '$PG_EVENT'::jsonb, now()
from generate_series(1, $ENVELOPE_SIZE);
SQL
pg_tps() { grep -E '^tps = ' "$1" | head -1 | sed -E 's/^tps = ([0-9.]+).*/\1/'; }
pg_lat() { grep -E '^latency average' "$1" | sed -E 's/.*= ([0-9.]+) ms/\1/'; }
pgbench -n -c "$CONNECTIONS" -j "$THREADS" -T "$DURATION" -f "$WORK/pg-single.sql" "$PGURL" >"$WORK/pg-single.txt" 2>&1
pgbench -n -c "$PG_BATCH_CLIENTS" -j "$THREADS" -T "$DURATION" -f "$WORK/pg-batch.sql" "$PGURL" >"$WORK/pg-batch.txt" 2>&1
PG_SINGLE=$(pg_tps "$WORK/pg-single.txt")
PG_BATCH=$(pg_tps "$WORK/pg-batch.txt")
PG_FSYNC=$(sql "show fsync")/$(sql "show synchronous_commit")
sql "drop table bench_pg_activity, bench_pg_caliper" >/dev/null
echo "pgbench-single $PG_SINGLE $(pg_lat "$WORK/pg-single.txt")" >"$WORK/pgbench.txt"
echo "pgbench-batch $PG_BATCH $(pg_lat "$WORK/pg-batch.txt")" >>"$WORK/pgbench.txt"
}

# ------------------------------------------------------------------------------------------- cluster mode
start_instance() { # i: launcher i of the cluster, on instance 1's PostgreSQL and key pair
  local i=$1 pid
  PULSE_INSTANCE_NAME=pulse-$i PULSE_CLUSTER_PORT=$((GRID_PORT + i - 1)) PULSE_PORT=$((PORT + i - 1)) \
  PULSE_DATA_DIR=$WORK/data-$i PULSE_DB_URL=jdbc:postgresql://127.0.0.1:$DB_PORT/postgres PULSE_DB_USER=postgres \
  PULSE_DB_PASSWORD=$PGPASSWORD PULSE_JWT_PRIVATE_KEY=$WORK/data/keys/jwt-private.pem \
  PULSE_JWT_PUBLIC_KEY=$WORK/data/keys/jwt-public.pem PULSE_PASSWORD_CHECKS_BURST=1000 \
    setsid java -cp "$CLASSPATH_LAUNCHER" dev.pulse.platform.launcher.PulseLauncher >"$WORK/pulse-$i.log" 2>&1 &
  pid=$!
  INSTANCES+=("$pid")
  until grep -q 'Pulse is ready' "$WORK/pulse-$i.log"; do
    kill -0 "$pid" 2>/dev/null || { echo "instance $i did not start; see $WORK/pulse-$i.log" >&2; exit 1; }
    sleep 0.5
  done
  log "instance $i ready on :$((PORT + i - 1)) (data grid :$((GRID_PORT + i - 1)))"
}
cluster_mode() {
  local n targets
  for n in $(seq 1 "$CLUSTER"); do
    ((n > 1)) && start_instance "$n"
    targets=$(for i in $(seq 1 "$n"); do printf '127.0.0.1:%s,' $((PORT + i - 1)); done)
    export BENCH_TARGETS=${targets%,}
    THREADS=$((2 * n))
    BENCH_METHOD=POST BENCH_PATH=/v1/activity/user/$LEARNER BENCH_HEADERS="Authorization: Token $LEARNER_TOKEN|User-Agent: bc/bench" \
    BENCH_BODY='{"slug":"lesson_opened","data":"{\"lesson\":\"intro-to-html\",\"seconds\":42}"}' \
      measure "$n|POST /v1/activity/user/{id}" write "$BASE" "select count(*) from activity where account_id = $LEARNER"
    BENCH_METHOD=POST BENCH_PATH=/analytics/grade2 BENCH_HEADERS="Authorization: Bearer $CLIENT_TOKEN" BENCH_BODY="$EVENT" \
      measure "$n|POST /analytics/grade2" write "$BASE" "select count(*) from caliper_event where client_id = '$CLIENT_ID'"
    BENCH_PATH=/v1/auth/me BENCH_HEADERS="Authorization: Token $LEARNER_TOKEN" \
      measure "$n|GET /v1/auth/me" read "$BASE" ""
    BENCH_PATH="/v1/activity/user/$LEARNER?limit=50" BENCH_HEADERS="Authorization: Token $LEARNER_TOKEN" \
      measure "$n|GET /v1/activity/user/{id}?limit=50" read "$BASE" ""
  done
  unset BENCH_TARGETS
  THREADS=2
  run_pgbench
  python3 - "$ROWS" "$WORK/pgbench.txt" "$CONNECTIONS" "$CLUSTER" "$DURATION" "$WARMUP" "$(cut -d' ' -f1-3 /proc/loadavg)" "$(nproc)" <<'PY'
import sys
rows_file, pg_file, conns, most, duration, warmup, load, cores = sys.argv[1:9]
conns, most = int(conns), int(most)
rates, cells, names = {}, {}, []
for line in open(rows_file):
    name, kind, per, fields = line.rstrip("\n").split("\t")
    n, what = name.split("|", 1)
    r = {k: float(v) for k, v in (f.split("=") for f in fields.split())}
    rate = r["ok"] / r["seconds"]
    if what not in names:
        names.append(what)
    rates[(what, int(n))] = rate
    stored = ""
    if kind == "write":
        # in flight when wrk stopped (one per connection) or timed out by wrk: stored, never read by wrk
        diff = int(r["stored"]) - int(r["ok"])
        stored = (", stored == acked" if 0 <= diff <= conns + r["errors"]
                  else ", STORED %d != ACKED %d" % (r["stored"], r["ok"]))
    bad = "" if r["non2xx"] == 0 and r["errors"] == 0 else ", %d non-2xx, %d errors" % (r["non2xx"], r["errors"])
    cells[(what, int(n))] = "%.0f/s (p99 %.0f ms%s%s)" % (rate, r["p99_ms"], stored, bad)
pg = {}
for line in open(pg_file):
    name, tps, lat = (line.split() + ["", "", ""])[:3]
    pg[name] = float(tps or 0)
print()
print("Pulse cluster benchmark: %s cores SHARED by every instance, wrk and PostgreSQL; load average %s at the end; "
      "%d connections round-robin over the instances by wrk thread; %s s after %s s warm-up per row"
      % (cores, load, conns, duration, warmup))
print()
print("| what | " + " | ".join("%d instance%s" % (n, "" if n == 1 else "s") for n in range(1, most + 1)) + " | %d vs 1 |" % most)
print("|---|" + "---|" * (most + 1))
for what in names:
    one = rates.get((what, 1), 0)
    print("| %s | %s | %.2f x |" % (what, " | ".join(cells.get((what, n), "-") for n in range(1, most + 1)),
                                   rates.get((what, most), 0) / one if one else 0))
print("| reference: pgbench single-row insert, %d clients | %.0f tx/s | | |" % (conns, pg.get("pgbench-single", 0)))
PY
  exit 0
}
[[ -n "$CLUSTER" ]] && cluster_mode

# single-event writes
BENCH_METHOD=POST BENCH_PATH=/v1/activity/user/$LEARNER BENCH_HEADERS="Authorization: Token $LEARNER_TOKEN|User-Agent: bc/bench" \
BENCH_BODY='{"slug":"lesson_opened","data":"{\"lesson\":\"intro-to-html\",\"seconds\":42}"}' \
  measure "POST /v1/activity/user/{id}" write "$BASE" "select count(*) from activity where account_id = $LEARNER"
BENCH_METHOD=POST BENCH_PATH=/v1/activity/coding_error BENCH_HEADERS="Authorization: Token $LEARNER_TOKEN" \
BENCH_BODY='{"user_id":'$LEARNER',"slug":"webpack_error","message":"file not found","name":"module-not-found","severity":900,"details":"stack trace"}' \
  measure "POST /v1/activity/coding_error" write "$BASE" "select count(*) from coding_error where account_id = $LEARNER"
BENCH_METHOD=POST BENCH_PATH=/analytics/grade2 BENCH_HEADERS="Authorization: Bearer $CLIENT_TOKEN" BENCH_BODY="$EVENT" \
  measure "POST /analytics/grade2" write "$BASE" "select count(*) from caliper_event where client_id = '$CLIENT_ID'"
# every request creates its (academy, asset, student) record: the upsert's insert, countable in SQL
BENCH_METHOD=POST BENCH_PATH="/v1/assignment/academy/asset/t{n}/user/$LEARNER/telemetry" \
BENCH_HEADERS="Authorization: Token $COORD_TOKEN|Academy: $ACADEMY" \
BENCH_BODY='{"telemetry":{"events":["start","code_edit"]},"engagement_score":85.5,"completion_rate":40}' \
  measure "POST .../telemetry (upsert)" write "$BASE" "select count(*) from assignment_telemetry where academy_id = $ACADEMY"
# envelopes
BENCH_METHOD=POST BENCH_PATH=/analytics/caliper BENCH_HEADERS="Authorization: Bearer $CLIENT_TOKEN" \
BENCH_BODY='{"sensor":"https://bench.example/sensor","sendTime":"2024-03-01T10:00:01Z","dataVersion":"http://purl.imsglobal.org/ctx/caliper/v1p2","data":[{items}]}' \
BENCH_ITEM="$EVENT" BENCH_ITEMS=$ENVELOPE_SIZE \
  measure "POST /analytics/caliper ($ENVELOPE_SIZE events)" envelope "$BASE" \
  "select count(*) from caliper_event where client_id = '$CLIENT_ID'" "$ENVELOPE_SIZE"
# reads (the learner has thousands of activities by now)
BENCH_PATH="/v1/activity/user/$LEARNER?limit=50" BENCH_HEADERS="Authorization: Token $LEARNER_TOKEN" \
  measure "GET /v1/activity/user/{id}?limit=50" read "$BASE" ""
BENCH_PATH=/v1/auth/me BENCH_HEADERS="Authorization: Token $LEARNER_TOKEN" \
  measure "GET /v1/auth/me" read "$BASE" ""
BENCH_PATH=/live/mentorship/queue measure "GET /live/mentorship/queue" read "$BASE" ""
BENCH_METHOD=POST BENCH_PATH=/api/data/v1/group/activity/agg \
BENCH_HEADERS="Authorization: Bearer $CLIENT_TOKEN|x-authenticated-user-token: $MEMBER_TOKEN" \
BENCH_BODY='{"request":{"groupId":"'$GROUP'","activityId":"'$ACTIVITY_ID'","activityType":"Course"}}' \
  measure "POST group activity agg ($GROUP_SIZE members)" read "$BASE" ""

PULSE_RSS_KB=$(awk '/^VmRSS/ {print $2}' "/proc/$PAYARA/status")
PULSE_HWM_KB=$(awk '/^VmHWM/ {print $2}' "/proc/$PAYARA/status")
log "Payara RSS ${PULSE_RSS_KB} kB (peak ${PULSE_HWM_KB} kB)"

run_pgbench

log "stopping Pulse"
stop_pid "$LAUNCHER"
LAUNCHER=

# ------------------------------------------------------------------------------------------- 3. ceiling
# Pulse's own Payara command line, with the trivial WAR and another port in place of Pulse's
CMD=()
for ((i = 0; i < ${#PAYARA_CMD[@]}; i++)); do
  case "${PAYARA_CMD[$i]}" in
    --deploy) CMD+=(--deploy "$WORK/ceiling.war"); i=$((i + 1)) ;;
    --port) CMD+=(--port "$CEILING_PORT"); i=$((i + 1)) ;;
    *) CMD+=("${PAYARA_CMD[$i]}") ;;
  esac
done
log "booting Payara Micro with the trivial WAR: ${CMD[*]}"
START=$(now_ms)
# and Pulse's environment for it (PayaraMicro.process): glibc's malloc arenas held to two
MALLOC_ARENA_MAX=2 setsid "${CMD[@]}" >"$WORK/ceiling.log" 2>&1 &
CEILING=$!
until curl -fs "http://127.0.0.1:$CEILING_PORT/trivial" >/dev/null 2>&1; do
  kill -0 "$CEILING" 2>/dev/null || { echo "the trivial WAR did not start; see $WORK/ceiling.log" >&2; exit 1; }
  sleep 0.1
done
CEILING_READY_MS=$(($(now_ms) - START))
CEILING_BASE=http://127.0.0.1:$CEILING_PORT
BENCH_PATH=/trivial measure "GET /trivial" ceiling-read "$CEILING_BASE" ""
BENCH_METHOD=POST BENCH_PATH=/trivial BENCH_BODY='{"slug":"lesson_opened","data":"{\"lesson\":\"intro-to-html\"}"}' \
  measure "POST /trivial" ceiling-write "$CEILING_BASE" ""
CEILING_RSS_KB=$(awk '/^VmRSS/ {print $2}' "/proc/$CEILING/status")
stop_pid "$CEILING"
CEILING=

# ------------------------------------------------------------------------------------------- the table
LOAD=$(cut -d' ' -f1-3 /proc/loadavg)
python3 - "$ROWS" "$WORK/pgbench.txt" "$CONNECTIONS" "$PG_BATCH_CLIENTS" "$ENVELOPE_SIZE" "$DURATION" "$WARMUP" \
  "$PULSE_RSS_KB" "$CEILING_RSS_KB" "$PULSE_READY_MS" "$CEILING_READY_MS" "$PG_FSYNC" "$LOAD" "$(nproc)" <<'PY'
import sys
rows_file, pg_file, conns, batch_clients, size, duration, warmup = sys.argv[1:8]
pulse_rss, ceiling_rss, pulse_ready, ceiling_ready = (int(x) for x in sys.argv[8:12])
pg_sync, load, cores = sys.argv[12:15]
conns, size = int(conns), int(size)
rows = []
for line in open(rows_file):
    name, kind, per, fields = line.rstrip("\n").split("\t")
    r = {k: float(v) for k, v in (f.split("=") for f in fields.split())}
    r.update(name=name, kind=kind, per=int(per))
    rows.append(r)
pg = {}
for line in open(pg_file):
    name, tps, lat = (line.split() + ["", "", ""])[:3]
    pg[name] = (float(tps or 0), lat)
ceiling = {r["kind"]: r for r in rows if r["kind"].startswith("ceiling")}
def rate(r):
    return r["ok"] * r["per"] / r["seconds"]
ref_get = rate(ceiling["ceiling-read"]) if "ceiling-read" in ceiling else 0
ref_post = rate(ceiling["ceiling-write"]) if "ceiling-write" in ceiling else 0
pg_rows = pg.get("pgbench-batch", (0, ""))[0] * size

out = []
def row(name, rate_s, p50, p99, ratio, target, met, stored):
    out.append("| %s | %s | %s | %s | %s | %s | %s | %s |" % (name, rate_s, p50, p99, ratio, target, met, stored))
print()
print("Pulse benchmark: %s cores, load average %s at the end, %d connections, %s s after %s s warm-up; "
      "PostgreSQL fsync/synchronous_commit = %s" % (cores, load, conns, duration, warmup, pg_sync))
print()
print("| what | rate | p50 ms | p99 ms | ratio to reference | target | met | stored == acknowledged |")
print("|---|---|---|---|---|---|---|---|")
for r in rows:
    if r["kind"].startswith("ceiling"):
        continue
    rt = rate(r)
    failures = "" if r["non2xx"] == 0 and r["errors"] == 0 else " (%d non-2xx, %d socket errors)" % (r["non2xx"], r["errors"])
    if r["kind"] == "envelope":
        ratio = rt / pg_rows if pg_rows else 0
        target, met = ">= 0.5 x pgbench rows/s", ratio >= 0.5
        rate_s = "%.0f events/s (%.0f req/s)%s" % (rt, r["ok"] / r["seconds"], failures)
        ref = "%.2f x pgbench %d-row" % (ratio, size)
    else:
        reference = ref_post if r["kind"] == "write" else ref_get
        ratio = rt / reference if reference else 0
        target = ">= 0.6 x, p99 <= 50"
        met = ratio >= 0.6 and r["p99_ms"] <= 50
        rate_s = "%.0f/s%s" % (rt, failures)
        ref = "%.2f x trivial %s" % (ratio, "POST" if r["kind"] == "write" else "GET")
    stored = "-"
    if r["kind"] in ("write", "envelope"):
        acked = int(r["ok"]) * r["per"]
        diff = int(r["stored"]) - acked
        # wrk stops with up to one request per connection in flight: stored by Pulse, never read by wrk
        if 0 <= diff <= conns * r["per"]:
            stored = "yes: %d acked, %d stored (+%d in flight at stop)" % (acked, r["stored"], diff) if diff else \
                "yes: %d acked, %d stored" % (acked, r["stored"])
        else:
            stored = "NO: %d acked, %d stored" % (acked, r["stored"])
    row(r["name"], rate_s, "%.1f" % r["p50_ms"], "%.1f" % r["p99_ms"], ref, target, "yes" if met else "NO", stored)
for r in ceiling.values():
    row("reference: " + r["name"] + " (trivial WAR)", "%.0f/s" % rate(r), "%.1f" % r["p50_ms"], "%.1f" % r["p99_ms"],
        "1.00", "-", "-", "-")
single = pg.get("pgbench-single", (0, ""))
batch = pg.get("pgbench-batch", (0, ""))
row("reference: pgbench single-row insert, %d clients" % conns, "%.0f tx/s" % single[0], "avg %s" % single[1], "-",
    "-", "-", "-", "-")
row("reference: pgbench %d-row insert, %s clients" % (size, batch_clients), "%.0f rows/s (%.0f tx/s)" % (pg_rows, batch[0]),
    "avg %s" % batch[1], "-", "-", "-", "-", "-")
for line in out:
    print(line)
print()
print("| resource | Pulse | reference | target | met |")
print("|---|---|---|---|---|")
print("| Payara JVM RSS after the load | %.0f MB | trivial WAR: %.0f MB | <= 768 MB | %s |"
      % (pulse_rss / 1024, ceiling_rss / 1024, "yes" if pulse_rss <= 768 * 1024 else "NO"))
print("| start to ready | launcher: %.1f s | Payara Micro + trivial WAR: %.1f s (%.1f x) | <= 3 x | %s |"
      % (pulse_ready / 1000, ceiling_ready / 1000, pulse_ready / ceiling_ready if ceiling_ready else 0,
         "yes" if ceiling_ready and pulse_ready <= 3 * ceiling_ready else "NO"))
PY

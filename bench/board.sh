#!/usr/bin/env bash
# Board benchmark (issue 17): the deal board with its totals, a deal's page and the forecast, with
# 20 concurrent signed-in users against the real application on PostgreSQL, and the same users
# fetching a static file in the same mix as the baseline. One command rebuilds everything: a fresh
# database, the app started on it (Flyway makes the schema), the bench users created through the
# API, bench/board-data.sql generating persons and deals in bulk SQL, then the load.
# Usage: bench/board.sh [--deals N] [--persons N] [--users N] [--seconds S] [--port P]
# Defaults: 100,000 deals, 1,000,000 persons, 20 users, 60 s. Needs PostgreSQL at 127.0.0.1:5432
# (user postgres, trust auth), curl and psql. Writes bench/results/board-p99.md.
set -euo pipefail
cd "$(dirname "$0")/.."
deals=100000; persons=1000000; users=20; seconds=60; port=18477
while [[ $# -gt 0 ]]; do
  case "$1" in
    --deals) deals="$2"; shift 2 ;;
    --persons) persons="$2"; shift 2 ;;
    --users) users="$2"; shift 2 ;;
    --seconds) seconds="$2"; shift 2 ;;
    --port) port="$2"; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
db=rapport_board_bench
base="http://127.0.0.1:$port"
pw="bench-admin-password-$$"
work=$(mktemp -d)
PSQL=(psql -h 127.0.0.1 -U postgres -q -v ON_ERROR_STOP=1)
jar=$(ls app/target/rapport-app-*-exec.jar 2>/dev/null | head -1 || true)
if [[ -z "$jar" ]]; then
  ./mvnw -B -ntp -q -pl app -am package -DskipTests -Dspotless.check.skip=true >/dev/null
  jar=$(ls app/target/rapport-app-*-exec.jar | head -1)
fi
"${PSQL[@]}" -d postgres -c "drop database if exists $db" -c "create database $db"
RAPPORT_DB_URL="jdbc:postgresql://127.0.0.1:5432/$db" RAPPORT_DB_USER=postgres \
  RAPPORT_ADMIN_PASSWORD="$pw" timeout 60m java -Xmx1g -jar "$jar" --server.port="$port" \
  --rapport.forecast.snapshot-check-minutes=0 >"$work/app.log" 2>&1 &
app=$!
trap 'kill $app 2>/dev/null || true; wait $app 2>/dev/null || true; rm -rf "$work"' EXIT
for _ in $(seq 1 180); do
  curl -sf "$base/actuator/health" >/dev/null 2>&1 && break
  sleep 2
done
curl -sf "$base/actuator/health" >/dev/null || { tail -50 "$work/app.log"; exit 1; }

for i in $(seq 1 "$users"); do
  curl -sf -u "admin:$pw" -H 'Content-Type: application/json' -X POST "$base/api/v1/users" \
    -d "{\"username\":\"bench-$i\",\"displayName\":\"Bench Seller $i\",\"password\":\"bench-password-$i\",\"roles\":[\"sales\"]}" >/dev/null
done
t0=$(date +%s)
"${PSQL[@]}" -d "$db" -v deals="$deals" -v persons="$persons" -f bench/board-data.sql
gen_s=$(( $(date +%s) - t0 ))
first=$("${PSQL[@]}" -d "$db" -tA -c "select min(id) from deal_opportunity where name like 'Bench deal %'")

# one signed-in session per user (form sign-in with its CSRF token)
signin() {
  local jar="$work/cookies-$1"
  local token
  token=$(curl -s -c "$jar" "$base/login" | grep -o 'name="_csrf" value="[^"]*"' | sed 's/.*value="//;s/"$//')
  curl -s -b "$jar" -c "$jar" -o /dev/null -d "username=bench-$1&password=bench-password-$1&_csrf=$token" "$base/login"
}
worker() {
  local i=$1 end=$2 out="$work/times-$1" n=0
  local jar="$work/cookies-$i"
  while [[ $(date +%s) -lt $end ]]; do
    local deal=$(( first + (RANDOM * 32768 + RANDOM + i) % deals ))
    for path in "/deals/board" "/deals/$deal" "/forecast" "/css/rapport.css"; do
      curl -s -b "$jar" -o /dev/null -w "$path %{http_code} %{time_total}\n" "$base$path" >>"$out"
    done
    n=$((n + 1))
  done
}
for i in $(seq 1 "$users"); do signin "$i"; done
# warm-up: each route a few times, not counted
pids=()
for i in $(seq 1 "$users"); do worker "$i" $(( $(date +%s) + 5 )) & pids+=($!); done
wait "${pids[@]}"
rm -f "$work"/times-*
end=$(( $(date +%s) + seconds ))
pids=()
for i in $(seq 1 "$users"); do worker "$i" "$end" & pids+=($!); done
wait "${pids[@]}"
cat "$work"/times-* >"$work/all"

summary() { # route label
  awk -v r="$1" '($1 == r || (r == "/deals/{id}" && $1 ~ /^\/deals\/[0-9]+$/)) {print $3 * 1000}' "$work/all" | sort -n >"$work/s"
  local n p50 p99 bad
  n=$(wc -l <"$work/s")
  p50=$(awk -v n="$n" 'NR == int(n * 0.50 + 0.999) {printf "%.1f", $1}' "$work/s")
  p99=$(awk -v n="$n" 'NR == int(n * 0.99 + 0.999) {printf "%.1f", $1}' "$work/s")
  bad=$(awk -v r="$1" '($1 == r || (r == "/deals/{id}" && $1 ~ /^\/deals\/[0-9]+$/)) && $2 !~ /^[23]/' "$work/all" | wc -l)
  echo "| $2 | \`$1\` | $n | $p50 | $p99 | $bad |"
}
out=bench/results/board-p99.md
{
  echo "# Board benchmark: p99 of the board, a deal page and the forecast"
  echo
  echo "Run $(date -u +%Y-%m-%dT%H:%MZ) by \`bench/board.sh --deals $deals --persons $persons --users $users --seconds $seconds\`"
  echo "on PostgreSQL $("${PSQL[@]}" -d "$db" -tA -c 'show server_version'), $(nproc) cores, the app in one JVM (-Xmx1g)"
  echo "beside the database and the load generator on the same machine. Data: $persons persons and $deals"
  echo "opportunities (generated in ${gen_s}s by bench/board-data.sql), $users sales users signed in at once,"
  echo "each looping board → deal page → forecast → static CSS for ${seconds}s (visibility 'everyone': each"
  echo "user's board and forecast sum all $deals deals). Times are curl's time_total in ms."
  echo
  echo "| what | route | requests | p50 ms | p99 ms | failed |"
  echo "| --- | --- | ---: | ---: | ---: | ---: |"
  summary "/deals/board" "board with totals"
  summary "/deals/{id}" "a deal's page"
  summary "/forecast" "forecast"
  summary "/css/rapport.css" "baseline: static file"
} >"$out"
cat "$out"

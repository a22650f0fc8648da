#!/usr/bin/env bash
# Runs every test of ImagingWorklist: domain, data (SQLite and PostgreSQL), components, the web host and a real browser.
# On a fresh Debian machine it installs what is missing (PostgreSQL, Redis, Chromium, docker-compose, Prometheus), starts a
# throwaway PostgreSQL cluster and Redis on free loopback ports in a temporary directory, and stops them again however
# the run ends.
set -euo pipefail
cd "$(dirname "$0")"

log() { printf '\n== %s\n' "$*"; }

need_packages=()
pg_initdb=$(ls -1 /usr/lib/postgresql/*/bin/initdb 2>/dev/null | sort -V | tail -n 1 || true)
[ -n "$pg_initdb" ] || need_packages+=(postgresql)
[ -x /usr/bin/chromium ] || need_packages+=(chromium)
command -v redis-server >/dev/null 2>&1 || need_packages+=(redis-server)
command -v docker-compose >/dev/null 2>&1 || need_packages+=(docker-compose)
[ -x /usr/bin/prometheus ] || need_packages+=(prometheus)
if [ ${#need_packages[@]} -gt 0 ]; then
  log "Installing ${need_packages[*]}"
  sudo_cmd=""
  [ "$(id -u)" -eq 0 ] || sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq --no-install-recommends "${need_packages[@]}" >/dev/null
  pg_initdb=$(ls -1 /usr/lib/postgresql/*/bin/initdb | sort -V | tail -n 1)
fi
pg_bin=$(dirname "$pg_initdb")

work=$(mktemp -d -t imagingworklist-test.XXXXXX)
pg_data="$work/pg"
as_pg=()
if [ "$(id -u)" -eq 0 ]; then
  # PostgreSQL refuses to run as root; the Debian package created the postgres user.
  chown postgres "$work"
  as_pg=(runuser -u postgres --)
fi

cleanup() {
  status=$?
  if [ -f "$work/redis.pid" ]; then
    kill "$(cat "$work/redis.pid")" 2>/dev/null || true
  fi
  if [ -f "$pg_data/postmaster.pid" ]; then
    "${as_pg[@]}" "$pg_bin/pg_ctl" -D "$pg_data" -m immediate stop >/dev/null 2>&1 || true
  fi
  rm -rf "$work"
  exit $status
}
trap cleanup EXIT INT TERM

free_port() {
  local port
  for _ in $(seq 1 50); do
    port=$(( 20000 + RANDOM % 40000 ))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      echo "$port"
      return
    fi
  done
  echo "no free loopback port found" >&2
  return 1
}

log "Starting a throwaway PostgreSQL in $work"
pg_port=$(free_port)
"${as_pg[@]}" "$pg_initdb" -D "$pg_data" -A trust -U postgres --no-sync >/dev/null
"${as_pg[@]}" "$pg_bin/pg_ctl" -D "$pg_data" -l "$work/pg.log" -w -t 60 \
  -o "-p $pg_port -k $work -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
  start >/dev/null
export WORKLIST_TEST_PG_BIN="$pg_bin"
export WORKLIST_TEST_POSTGRES="Host=127.0.0.1;Port=$pg_port;Username=postgres;Pooling=true;Maximum Pool Size=50"

log "Starting a throwaway Redis"
redis_port=$(free_port)
redis-server --port "$redis_port" --bind 127.0.0.1 --save '' --appendonly no --daemonize yes \
  --dir "$work" --pidfile "$work/redis.pid" --logfile "$work/redis.log"
for _ in $(seq 1 50); do
  (exec 3<>"/dev/tcp/127.0.0.1/$redis_port") 2>/dev/null && break
  sleep 0.1
done
export WORKLIST_TEST_REDIS="127.0.0.1:$redis_port"

log "Validating docker-compose.yml"
POSTGRES_PASSWORD=validation-only CERT_PASSWORD=validation-only MLLP_ALLOWED_PEERS=10.0.0.0/8 PUBLIC_BASE_URL=https://worklist.example.nhs.uk/ docker-compose -f docker-compose.yml config -q

log "Checking the Prometheus alert rules"
promtool check rules deploy/prometheus/alerts.yml
python3 -c 'import json, sys; json.load(open(sys.argv[1]))' deploy/grafana/imagingworklist-dashboard.json

log "Building (warnings are errors)"
dotnet build ImagingWorklist.sln -c Release -nologo -v q

passed=0
failed=0
skipped=0
broken=()
for project in tests/*/*.csproj; do
  name=$(basename "$project" .csproj)
  [ "$name" = "ImagingWorklist.TestSupport" ] && continue
  log "Testing $name"
  output="$work/$name.log"
  # A hung test fails the run after five quiet minutes instead of eating the CI budget.
  if dotnet test "$project" -c Release --no-build -nologo --blame-hang-timeout 5m 2>&1 | tee "$output"; then :; fi
  summary=$(grep -E '^(Passed|Failed)!' "$output" | tail -n 1 || true)
  if [ -z "$summary" ]; then
    broken+=("$name (no test summary: the run crashed)")
    failed=$((failed + 1))
    continue
  fi
  # A host killed for hanging, or crashed, still prints a summary of the tests that finished: that is a failure.
  if grep -qE '^Test Run Aborted|The active test run was aborted' "$output"; then
    broken+=("$name (the test run was aborted: $(grep -A1 'The test running when the crash occurred' "$output" | tail -n 1 | xargs))")
    failed=$((failed + 1))
  fi
  p=$(sed -E 's/.*Passed: *([0-9]+).*/\1/' <<<"$summary")
  f=$(sed -E 's/.*Failed: *([0-9]+).*/\1/' <<<"$summary")
  s=$(sed -E 's/.*Skipped: *([0-9]+).*/\1/' <<<"$summary")
  passed=$((passed + p)); failed=$((failed + f)); skipped=$((skipped + s))
  [ "$f" -eq 0 ] || broken+=("$name")
done

echo
[ ${#broken[@]} -eq 0 ] || printf 'Failing: %s\n' "${broken[@]}"
echo "$passed passed, $failed failed, $skipped skipped"
# The safety case's hazard log (held to the tests by HazardLogTests): how many hazards remain in each residual risk class.
awk -F'|' '/^\| H[0-9][0-9] \|/ { gsub(/ /, "", $5); n[$5]++; total++ }
  END { line = ""; for (c = 1; c <= 5; c++) if (n[c]) line = line (line ? ", " : "") n[c] " in class " c;
        printf "Hazard log: %d hazards by residual risk: %s\n", total, line }' docs/safety/hazard-log.md
[ "$failed" -eq 0 ] && [ "$passed" -gt 0 ]

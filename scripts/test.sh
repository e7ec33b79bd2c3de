#!/usr/bin/env bash
# Runs every test of CompraNet on a fresh machine: installs what the tests need (Debian's chromium for the
# browser test), starts a throw-away PostgreSQL 15 on a free loopback port, builds, checks formatting, runs
# all test projects and prints one closing line: "tests: N passed, N failed, N skipped".
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)

log() { printf '\n== %s\n' "$*"; }

free_port() {
    local port
    for _ in $(seq 1 200); do
        port=$(( (RANDOM % 20000) + 40000 ))
        if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
            echo "$port"
            return 0
        fi
    done
    echo "no free port found" >&2
    return 1
}

apt_updated=0
apt_install() {
    if [ "$apt_updated" = 0 ]; then
        apt-get update -qq
        apt_updated=1
    fi
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}

# --- what the tests need -----------------------------------------------------------------
if [ ! -x /usr/bin/chromium ]; then
    log "installing Debian's chromium (browser test)"
    apt_install chromium
fi

PG_BIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
if [ -z "$PG_BIN" ]; then
    log "installing PostgreSQL"
    apt_install postgresql
    PG_BIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
fi

PG_DIR=$(mktemp -d /tmp/compranet-pg.XXXXXX)
PG_PORT=$(free_port)
as_postgres() {
    if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}
stop_postgres() {
    as_postgres "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -m immediate stop >/dev/null 2>&1 || true
    rm -rf "$PG_DIR"
}
trap stop_postgres EXIT
[ "$(id -u)" = 0 ] && chown postgres "$PG_DIR"
log "starting PostgreSQL ($PG_BIN) on 127.0.0.1:$PG_PORT"
as_postgres "$PG_BIN/initdb" -D "$PG_DIR/data" -U postgres --auth=trust >/dev/null
as_postgres "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/log" -w \
    -o "-p $PG_PORT -k $PG_DIR -c listen_addresses=127.0.0.1 -c max_connections=300 -c fsync=on" start >/dev/null
export COMPRANET_TEST_POSTGRES="Host=127.0.0.1;Port=$PG_PORT;Username=postgres"
export CI="${CI:-false}"

# --- Redis for the cluster tests (tests/AuctionHost.Tests/Cluster) -------------------------
# Debian's redis-server on a free loopback port below the ephemeral range, no persistence; stopped on exit.
if ! command -v redis-server >/dev/null; then
    log "installing Debian's redis-server (cluster tests)"
    apt_install redis-server
fi
REDIS_DIR=$(mktemp -d /tmp/compranet-redis.XXXXXX)
stop_redis() {
    if [ -s "$REDIS_DIR/redis.pid" ]; then kill "$(cat "$REDIS_DIR/redis.pid")" 2>/dev/null || true; fi
    rm -rf "$REDIS_DIR"
}
trap 'stop_redis; stop_postgres' EXIT
REDIS_PORT=
for _ in $(seq 1 20); do
    port=$(( (RANDOM % 12000) + 20000 ))
    if command -v ss >/dev/null && ss -Htan "( sport = :$port )" | grep -q .; then continue; fi
    redis-server --port "$port" --bind 127.0.0.1 --save '' --appendonly no --daemonize yes \
        --dir "$REDIS_DIR" --pidfile "$REDIS_DIR/redis.pid" --logfile "$REDIS_DIR/log"
    for _ in $(seq 1 50); do
        if [ "$(redis-cli -p "$port" ping 2>/dev/null)" = PONG ]; then REDIS_PORT=$port; break 2; fi
        sleep 0.1
    done
done
[ -n "$REDIS_PORT" ] || { echo "could not start redis-server" >&2; exit 1; }
log "started Redis on 127.0.0.1:$REDIS_PORT"
export COMPRANET_TEST_REDIS="127.0.0.1:$REDIS_PORT"
# --- end of Redis ---------------------------------------------------------------------------

# --- build and style -------------------------------------------------------------------------
log "building"
dotnet build CompraNet.sln -c Release -nologo -clp:ErrorsOnly

log "checking formatting (dotnet format --verify-no-changes)"
dotnet format CompraNet.sln --verify-no-changes --no-restore

# --- tests -----------------------------------------------------------------------------------------
log "running tests"
RESULTS="$ROOT/TestResults"
rm -rf "$RESULTS"
set +e
dotnet test CompraNet.sln -c Release --no-build -nologo --logger "trx" --results-directory "$RESULTS" 2>&1 | tee "$PG_DIR/test.log"
status=${PIPESTATUS[0]}
set -e

passed=0; failed=0; skipped=0
for trx in "$RESULTS"/*.trx; do
    [ -f "$trx" ] || continue
    counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
    p=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters")
    f=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")
    n=$(sed -n 's/.* notExecuted="\([0-9]*\)".*/\1/p' <<<"$counters")
    passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0})); skipped=$((skipped + ${n:-0}))
done
if [ "$status" != 0 ] && [ "$failed" = 0 ]; then
    failed=1 # the runner failed outside any test (crash, build); count it so the line never reads green
fi
echo
echo "tests: $passed passed, $failed failed, $skipped skipped"
exit "$status"

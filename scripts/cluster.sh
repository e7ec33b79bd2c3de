#!/usr/bin/env bash
# CompraNet in cluster mode on this machine, on loopback: a PostgreSQL (from the machine's PostgreSQL install), a
# Redis (Debian's redis-server, installed if missing) and HOSTS auction hosts (default 2), all in one state folder.
#
#   scripts/cluster.sh start      build once, start PostgreSQL, Redis, migrate, demo accounts, HOSTS hosts
#   scripts/cluster.sh status     one line per host: name, URL, process id, state
#   scripts/cluster.sh add        start one more host in the running cluster
#   scripts/cluster.sh kill N     kill -9 host N (to watch a failover); `add` starts a replacement
#   scripts/cluster.sh stop       stop everything started here (by pid files) and delete the state folder
#
# Settings (environment): HOSTS (2), COMPRANET_CLUSTER_DIR (state folder, default /tmp/compranet-cluster),
# HTTP_BASE (5100: host N listens on HTTP_BASE+N when free), CONFIGURATION (Release).
# Everything listens on 127.0.0.1 only. See docs/operations.md.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
STATE=${COMPRANET_CLUSTER_DIR:-/tmp/compranet-cluster}
HOSTS=${HOSTS:-2}
HTTP_BASE=${HTTP_BASE:-5100}
CONFIGURATION=${CONFIGURATION:-Release}
APP="$ROOT/src/AuctionHost/bin/$CONFIGURATION/net10.0/AuctionHost.dll"

log() { printf '== %s\n' "$*"; }
die() { printf 'cluster.sh: %s\n' "$*" >&2; exit 1; }

# Free: no socket uses it, listening or not (a client connection's local port would stop a server binding it).
port_free() {
    if command -v ss >/dev/null; then
        ! ss -Htan "( sport = :$1 )" | grep -q .
    else
        ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
    fi
}

# The preferred port when free, else a free one from 20000-31999 (below Linux's ephemeral range).
pick_port() {
    local port=$1
    if port_free "$port"; then echo "$port"; return 0; fi
    for _ in $(seq 1 200); do
        port=$(( (RANDOM % 12000) + 20000 ))
        if port_free "$port"; then echo "$port"; return 0; fi
    done
    die "no free port found"
}

# The process of a pid file runs (a killed process not yet reaped is a zombie: not running).
alive() {
    local pid
    [ -f "$1" ] || return 1
    pid=$(cat "$1")
    kill -0 "$pid" 2>/dev/null && [ "$(awk '{print $3}' "/proc/$pid/stat" 2>/dev/null)" != Z ]
}

as_postgres() {
    if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

pg_bin() {
    local bin
    bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
    [ -n "$bin" ] || die "PostgreSQL is not installed (expected /usr/lib/postgresql/<version>/bin)"
    echo "$bin"
}

# The settings every host and admin command of this cluster shares.
load_env() {
    [ -f "$STATE/cluster.env" ] || die "no cluster in $STATE: run scripts/cluster.sh start"
    set -a
    # shellcheck disable=SC1091
    . "$STATE/cluster.env"
    set +a
}

start_postgres() {
    local bin port
    bin=$(pg_bin)
    port=$(pick_port 25432)
    mkdir -p "$STATE/postgres"
    [ "$(id -u)" = 0 ] && chown postgres "$STATE/postgres"
    log "PostgreSQL ($bin) on 127.0.0.1:$port"
    as_postgres "$bin/initdb" -D "$STATE/postgres/data" -U postgres --auth=trust >/dev/null
    as_postgres "$bin/pg_ctl" -D "$STATE/postgres/data" -l "$STATE/postgres/log" -w \
        -o "-p $port -k $STATE/postgres -c listen_addresses=127.0.0.1 -c max_connections=200" start >/dev/null
    psql -h 127.0.0.1 -p "$port" -U postgres -q -c 'CREATE DATABASE compranet' >/dev/null
    echo "$port" > "$STATE/postgres/port"
}

start_redis() {
    local port
    if ! command -v redis-server >/dev/null; then
        log "installing Debian's redis-server"
        apt-get update -qq
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends redis-server >/dev/null
    fi
    port=$(pick_port 26379)
    mkdir -p "$STATE/redis"
    log "Redis on 127.0.0.1:$port"
    # Append-only file: the Orleans membership table must survive a Redis restart (bids live in PostgreSQL).
    redis-server --port "$port" --bind 127.0.0.1 --save '' --appendonly yes --appendfsync everysec --daemonize yes \
        --dir "$STATE/redis" --pidfile "$STATE/redis/redis.pid" --logfile "$STATE/redis/log"
    for _ in $(seq 1 50); do [ -s "$STATE/redis/redis.pid" ] && break; sleep 0.1; done
    echo "$port" > "$STATE/redis/port"
}

# Run from the build folder, as the hosts are: its appsettings.json and pages are found there.
admin() { (cd "$(dirname "$APP")" && dotnet "$APP" "$@"); }

create_demo_accounts() {
    local account username role name
    log "demo accounts (password demo) and the sanctioned supplier5, through the admin command"
    for account in \
        "officer1|officer|Oficial de compras 1" \
        "auditor1|auditor|Auditor 1" \
        "coordinator1|coordinator|Coordinador 1" \
        "supplier1|supplier|Farmacéutica Uno S.A. de C.V." \
        "supplier2|supplier|Distribuidora Dos S.A. de C.V." \
        "supplier3|supplier|Laboratorios Tres S.A. de C.V." \
        "supplier4|supplier|Insumos Cuatro S.A. de C.V." \
        "supplier5|supplier|Comercializadora Cinco S.A. de C.V. (sancionada)"; do
        IFS='|' read -r username role name <<<"$account"
        echo demo | admin accounts add "$username" "$role" --display-name "$name" --password-stdin >/dev/null
    done
    admin sanctions add supplier5 --reason "Demo: debarred for the whole demo period." >/dev/null
}

# Starts host number $1 on its own HTTP, silo and gateway ports and waits for /health.
start_host() {
    local n=$1 http silo gateway pid
    http=$(pick_port $((HTTP_BASE + n)))
    silo=$(pick_port $((11110 + n)))
    gateway=$(pick_port $((30000 + n)))
    mkdir -p "$STATE/hosts"
    (
        cd "$(dirname "$APP")"
        exec setsid dotnet "$APP" --urls "http://127.0.0.1:$http" \
            --CompraNet:SiloPort="$silo" --CompraNet:GatewayPort="$gateway" \
            >"$STATE/hosts/host$n.log" 2>&1 </dev/null
    ) &
    pid=$!
    echo "$pid" > "$STATE/hosts/host$n.pid"
    echo "http://127.0.0.1:$http silo=$silo gateway=$gateway" > "$STATE/hosts/host$n.info"
    for _ in $(seq 1 900); do
        if curl -fs -o /dev/null "http://127.0.0.1:$http/health"; then
            log "host$n http://127.0.0.1:$http (pid $pid, silo $silo, gateway $gateway)"
            return 0
        fi
        kill -0 "$pid" 2>/dev/null || { tail -n 30 "$STATE/hosts/host$n.log" >&2; die "host$n exited; log: $STATE/hosts/host$n.log (scripts/cluster.sh stop cleans up)"; }
        sleep 0.1
    done
    tail -n 30 "$STATE/hosts/host$n.log" >&2
    die "host$n did not become healthy in 90 s; log: $STATE/hosts/host$n.log"
}

next_host_number() {
    local n=1
    while [ -f "$STATE/hosts/host$n.info" ]; do n=$((n + 1)); done
    echo "$n"
}

cmd_start() {
    [ -f "$STATE/cluster.env" ] && die "a cluster is already set up in $STATE (scripts/cluster.sh status; stop it first)"
    [[ "$HOSTS" =~ ^[1-9][0-9]*$ ]] || die "HOSTS must be a positive number"
    mkdir -p "$STATE"
    chmod 711 "$STATE" # PostgreSQL (its own user) works inside; cluster.env itself is owner-only

    log "building src/AuctionHost ($CONFIGURATION)"
    dotnet build "$ROOT/src/AuctionHost/AuctionHost.csproj" -c "$CONFIGURATION" -nologo -v q -clp:ErrorsOnly >/dev/null

    start_postgres
    start_redis
    # One signing key for every host: a token issued by one host is accepted by all. One tender master key too:
    # any host seals and opens the same tenders' offers (it lives here, never in PostgreSQL).
    umask 077
    cat > "$STATE/cluster.env" <<EOF
CompraNet__Mode='cluster'
ConnectionStrings__Postgres='Host=127.0.0.1;Port=$(cat "$STATE/postgres/port");Database=compranet;Username=postgres'
ConnectionStrings__Redis='127.0.0.1:$(cat "$STATE/redis/port")'
CompraNet__Auth__SigningKey='$(head -c 48 /dev/urandom | base64 -w0)'
CompraNet__Tenders__MasterKey='$(head -c 32 /dev/urandom | base64 -w0)'
CompraNet__ServiceId='compranet'
CompraNet__ClusterId='compranet-local'
EOF
    umask 022
    load_env

    log "migrating"
    admin migrate >/dev/null
    create_demo_accounts

    local n
    for n in $(seq 1 "$HOSTS"); do start_host "$n"; done
    echo
    cmd_status
    echo
    echo "Sign in at any host as officer1 / supplier1 … supplier5 (password demo). Admin commands with this cluster's settings:"
    echo "  set -a; . $STATE/cluster.env; set +a; dotnet $APP accounts add USERNAME ROLE --password-stdin"
}

cmd_add() {
    load_env
    start_host "$(next_host_number)"
}

cmd_kill() {
    local n=${1:-}
    [ -n "$n" ] && [ -f "$STATE/hosts/host$n.pid" ] || die "usage: scripts/cluster.sh kill N (a host number from status)"
    alive "$STATE/hosts/host$n.pid" || die "host$n is not running"
    kill -9 "$(cat "$STATE/hosts/host$n.pid")"
    for _ in $(seq 1 50); do alive "$STATE/hosts/host$n.pid" || break; sleep 0.1; done
    log "killed host$n (pid $(cat "$STATE/hosts/host$n.pid"))"
}

cmd_status() {
    local info n url rest state any=0
    for info in "$STATE"/hosts/host*.info; do
        [ -f "$info" ] || continue
        any=1
        n=$(basename "$info" .info)
        read -r url rest < "$info"
        if alive "$STATE/hosts/$n.pid"; then state=running; else state=stopped; fi
        printf '%-7s %-24s pid %-8s %-8s %s\n' "$n" "$url" "$(cat "$STATE/hosts/$n.pid")" "$state" "$rest"
    done
    [ "$any" = 1 ] || { echo "no hosts (state folder $STATE)"; return 0; }
    if [ -f "$STATE/postgres/port" ]; then
        printf '%-7s %-24s\n' postgres "127.0.0.1:$(cat "$STATE/postgres/port")"
    fi
    if [ -f "$STATE/redis/port" ]; then
        printf '%-7s %-24s pid %-8s\n' redis "127.0.0.1:$(cat "$STATE/redis/port")" "$(cat "$STATE/redis/redis.pid" 2>/dev/null || echo '?')"
    fi
}

cmd_stop() {
    local pidfile pid
    [ -d "$STATE" ] || { echo "nothing to stop ($STATE does not exist)"; return 0; }
    for pidfile in "$STATE"/hosts/host*.pid; do
        [ -f "$pidfile" ] || continue
        if alive "$pidfile"; then
            pid=$(cat "$pidfile")
            kill -TERM "$pid" 2>/dev/null || true
            for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
            kill -9 "$pid" 2>/dev/null || true
            log "stopped $(basename "$pidfile" .pid) (pid $pid)"
        fi
    done
    if alive "$STATE/redis/redis.pid"; then
        pid=$(cat "$STATE/redis/redis.pid")
        kill -TERM "$pid" 2>/dev/null || true
        for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
        log "stopped Redis (pid $pid)"
    fi
    if [ -f "$STATE/postgres/data/postmaster.pid" ]; then
        as_postgres "$(pg_bin)/pg_ctl" -D "$STATE/postgres/data" -m fast stop >/dev/null 2>&1 || true
        log "stopped PostgreSQL"
    fi
    rm -rf "$STATE"
}

case "${1:-}" in
    start) cmd_start ;;
    status) cmd_status ;;
    add) cmd_add ;;
    kill) cmd_kill "${2:-}" ;;
    stop) cmd_stop ;;
    *) sed -n '2,13p' "$0" | sed 's/^# \{0,1\}//'; exit 2 ;;
esac

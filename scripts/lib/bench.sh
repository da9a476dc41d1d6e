# shellcheck shell=bash
# What the benchmark scripts share: a release build, a throw-away database
# (SQLite file or a PostgreSQL cluster), an admin, and a server started on a
# free port. Source after common.sh; set OUT (the run's output folder) first.

BENCH_EMAIL=admin@example.com
BENCH_PASSWORD='correct horse battery'
CLIENT=(python3 scripts/crash_client.py)
CLK_TCK=$(getconf CLK_TCK)
SERVER_PID=
PG_DIR=
DATA=

_bench_cleanup() {
    if [[ -n $SERVER_PID ]] && alive "$SERVER_PID"; then
        kill "$SERVER_PID" 2>/dev/null || true
        for _ in 1 2 3 4 5 6 7 8 9 10; do alive "$SERVER_PID" || break; sleep 0.2; done
        kill -9 "$SERVER_PID" 2>/dev/null || true
    fi
    [[ -z $PG_DIR ]] || scripts/pg-cluster stop "$PG_DIR" || true
    [[ -z $DATA ]] || rm -rf -- "$DATA"
}

# bench_build: a release build of the server; sets BIN.
bench_build() {
    section "Build: swift build -c release --product raaya"
    swift build -c release --product raaya
    BIN=$(swift build -c release --show-bin-path)/raaya
    [[ -x $BIN ]] || die "no binary at $BIN after the build"
}

# bench_database sqlite|postgres: a fresh data folder and database, migrated, with an admin; removed on exit.
bench_database() {
    DATA=$(mktemp -d /tmp/raaya-bench.XXXXXX)
    trap _bench_cleanup EXIT
    trap 'exit 130' INT
    trap 'exit 143' TERM
    export RAAYA_DATA_DIR=$DATA
    if [[ $1 == postgres ]]; then
        section "PostgreSQL"
        PG_DIR=$(mktemp -d /tmp/raaya-bench-pg.XXXXXX)
        local pg_port
        pg_port=$(free_port 54339)
        scripts/pg-cluster start "$PG_DIR" "$pg_port"
        export DATABASE_URL="postgres://raaya@127.0.0.1:$pg_port/raaya"
    else
        export DATABASE_URL="sqlite://$DATA/raaya.sqlite"
    fi
    "$BIN" migrate >"$OUT/migrate.log" 2>&1 || { cat "$OUT/migrate.log" >&2; die "migrate failed"; }
    "$BIN" admin create --email "$BENCH_EMAIL" --name "مدير" --password "$BENCH_PASSWORD" >"$OUT/admin.log" 2>&1 ||
        { cat "$OUT/admin.log" >&2; die "admin create failed"; }
}

# bench_serve [VAR=VALUE...]: starts the server (with those settings) on a free port and signs in; sets PORT,
# BASE, SERVER_PID and RAAYA_TOKEN. Per-request logging would be part of what is measured, so the server logs
# at notice unless LOG_LEVEL says otherwise.
bench_serve() {
    section "Server"
    PORT=$(free_port 18090)
    BASE=http://127.0.0.1:$PORT
    env LOG_LEVEL="${LOG_LEVEL:-notice}" "$@" "$BIN" serve --hostname 127.0.0.1 --port "$PORT" >"$OUT/server.log" 2>&1 &
    SERVER_PID=$!
    "${CLIENT[@]}" wait --url "$BASE" --pid "$SERVER_PID" --timeout 60 ||
        { tail -n 30 "$OUT/server.log" >&2; die "server did not come up"; }
    RAAYA_TOKEN=$("${CLIENT[@]}" login --url "$BASE" --email "$BENCH_EMAIL" --password "$BENCH_PASSWORD")
    export RAAYA_TOKEN
    info "server pid $SERVER_PID on $BASE"
}

# vmstat_kb FIELD: a memory field of the server from /proc/PID/status, in kB.
vmstat_kb() { awk -v f="$1:" '$1 == f { print $2 }' "/proc/$SERVER_PID/status"; }

# mib KB: kilobytes as MiB with one decimal.
mib() { awk -v k="$1" 'BEGIN { printf "%.1f", k / 1024 }'; }

# bench_result_fields LINE PREFIX: sets the variables named by the "key=value" words after PREFIX in LINE
# (other words, such as the rest of an error message, are skipped).
bench_result_fields() {
    local kv
    for kv in ${1#"$2" }; do
        [[ $kv =~ ^[a-z_][a-z0-9_]*= ]] && printf -v "${kv%%=*}" '%s' "${kv#*=}"
    done
    return 0
}

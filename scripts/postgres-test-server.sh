#!/usr/bin/env bash
# Starts or stops a throwaway PostgreSQL server for the tests: a new cluster (initdb) in a temporary folder,
# listening only on a Unix socket in that folder, owned by an unprivileged user when run as root (PostgreSQL
# refuses to run as root). Installs the server from Debian's packages (apt-get) when it is missing.
#
#   eval "$(scripts/postgres-test-server.sh start)"   prints `export CORROBORATE_TEST_POSTGRES=… PG_TEST_DIR=…`
#   scripts/postgres-test-server.sh stop DIR           stops it and removes the folder
#
# The tests' server skips fsync (nothing in it outlives the run); PG_TEST_DURABLE=1 keeps it, as benchmarks need.
set -euo pipefail

find_bin() {
    local dir
    for dir in /usr/lib/postgresql/*/bin; do
        [[ -x $dir/initdb ]] && bin=$dir
    done
    [[ -n ${bin:-} ]]
}

case ${1:-} in
start)
    if ! find_bin; then
        echo "==> installing the PostgreSQL server (postgresql) for the tests" >&2
        if [[ $(id -u) -eq 0 ]]; then sudo=(); else sudo=(sudo); fi
        "${sudo[@]}" apt-get update -qq >&2
        DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends postgresql >&2
        find_bin || { echo "error: PostgreSQL installed but no initdb under /usr/lib/postgresql" >&2; exit 1; }
    fi
    dir=$(mktemp -d /tmp/corroborate-pg.XXXXXX)
    chmod 755 "$dir"
    run=()
    if [[ $(id -u) -eq 0 ]]; then
        user=postgres
        id -u "$user" >/dev/null 2>&1 || user=nobody
        chown "$user" "$dir"
        run=(runuser -u "$user" --)
    else
        user=$(id -un)
    fi
    "${run[@]}" "$bin/initdb" -D "$dir/data" -U "$user" --auth=trust -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 \
        || { cat "$dir/initdb.log" >&2; exit 1; }
    fsync=off
    [[ -n ${PG_TEST_DURABLE:-} ]] && fsync=on
    # NB: no TCP at all (listen_addresses empty): nothing else on the machine can reach it, and no port can clash.
    "${run[@]}" "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
        -o "-c listen_addresses='' -c unix_socket_directories=$dir -c fsync=$fsync -c max_connections=200" start >&2 \
        || { cat "$dir/server.log" >&2; exit 1; }
    echo "export CORROBORATE_TEST_POSTGRES='postgres://$user@/postgres?host=$dir' PG_TEST_DIR='$dir'"
    ;;
stop)
    dir=${2:?usage: $0 stop DIR}
    find_bin || exit 0
    run=()
    [[ $(id -u) -eq 0 ]] && run=(runuser -u "$(stat -c %U "$dir")" --)
    "${run[@]}" "$bin/pg_ctl" -D "$dir/data" -m immediate stop >/dev/null 2>&1 || true
    rm -rf "$dir"
    ;;
*)
    echo "usage: $0 start | stop DIR" >&2
    exit 2
    ;;
esac

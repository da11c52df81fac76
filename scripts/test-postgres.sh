#!/usr/bin/env bash
# Starts a throwaway PostgreSQL server on loopback for the storage tests and the benchmark, and prints the
# DATABASE_URL to reach it. Usage: eval "$(bash scripts/test-postgres.sh start)"; later `bash scripts/test-postgres.sh stop`.
# It uses Debian's postgresql binaries (scripts/install-system-packages.sh installs them), never the system cluster.
set -euo pipefail
action="${1:-start}"
dir="${DISCLOSE_TEST_PG_DIR:-${TMPDIR:-/tmp}/disclose-test-postgres}"
port="${DISCLOSE_TEST_PG_PORT:-54329}"
bin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)"
if [ -z "$bin" ] || [ ! -x "$bin/pg_ctl" ]; then
  echo "PostgreSQL is not installed: run 'sudo apt-get install -y postgresql' and try again" >&2
  exit 1
fi

as_owner() {
  if [ "$(id -u)" = "0" ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

case "$action" in
  start)
    if [ ! -f "$dir/PG_VERSION" ]; then
      rm -rf "$dir" && mkdir -p "$dir"
      [ "$(id -u)" = "0" ] && chown postgres:postgres "$dir"
      as_owner "$bin/initdb" -D "$dir" -U disclose --auth=trust --encoding=UTF8 --locale=C.UTF-8 >/dev/null
    fi
    if ! as_owner "$bin/pg_ctl" -D "$dir" status >/dev/null 2>&1; then
      as_owner "$bin/pg_ctl" -D "$dir" -l "$dir/server.log" -w \
        -o "-c listen_addresses=127.0.0.1 -p $port -k $dir -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
        start >/dev/null
    fi
    echo "export DISCLOSE_TEST_DATABASE_URL=postgres://disclose@127.0.0.1:$port/postgres"
    ;;
  stop)
    as_owner "$bin/pg_ctl" -D "$dir" -m fast stop >/dev/null 2>&1 || true
    ;;
  *)
    echo "Usage: scripts/test-postgres.sh start|stop" >&2
    exit 2
    ;;
esac

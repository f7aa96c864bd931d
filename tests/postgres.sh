#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for the tests, owned by the caller.
#   tests/postgres.sh start DIR   installs PostgreSQL if missing (as root), initdb's a cluster into
#                                 DIR, starts it on a free loopback port with its socket in DIR, creates
#                                 database cloudoms_test and prints its Npgsql connection string.
#   tests/postgres.sh stop DIR    stops that cluster and deletes DIR.
#   tests/postgres.sh pause DIR   stops the server (fast shutdown: open connections are cut) and keeps DIR,
#                                 for tests of a database outage.
#   tests/postgres.sh resume DIR  starts the paused server again on the same port with the same data.
#   tests/postgres.sh freeze DIR  suspends every process of the server (SIGSTOP): connections open but nothing
#                                 answers, as with a hung server or a lost network. thaw DIR resumes them.
# Settings favour test speed over crash safety (fsync off): nothing here outlives the test run.
set -euo pipefail

bindir() {
  local dir
  dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)
  if [ -z "$dir" ] && [ "$(id -u)" = 0 ]; then
    echo "Installing postgresql ..." >&2
    apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
    dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)
  fi
  [ -n "$dir" ] || { echo "PostgreSQL is not installed (run as root, or apt-get install postgresql)" >&2; exit 1; }
  echo "$dir"
}

# Runs a PostgreSQL binary as the cluster's owner: postgres when we are root (initdb refuses root).
as_owner() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

start() {
  local dir=$1 bin port
  bin=$(bindir)
  mkdir -p "$dir/data" "$dir/sock"
  [ "$(id -u)" = 0 ] && chown -R postgres "$dir" && chmod 755 "$dir"
  as_owner "$bin/initdb" -D "$dir/data" -U postgres -A trust -E UTF8 --locale=C --no-sync >"$dir/initdb.log" 2>&1 \
    || { cat "$dir/initdb.log" >&2; exit 1; }
  port=$(free_port)
  launch "$bin" "$dir" "$port"
  echo "$port" >"$dir/port"
  "$bin/psql" -h 127.0.0.1 -p "$port" -U postgres -d postgres -qAt -c "CREATE DATABASE cloudoms_test" >/dev/null
  echo "Host=127.0.0.1;Port=$port;Username=postgres;Database=cloudoms_test"
}

# Starts the server of DIR on PORT and waits until it accepts connections.
launch() {
  local bin=$1 dir=$2 port=$3
  as_owner "$bin/pg_ctl" start -D "$dir/data" -l "$dir/server.log" -w -t 60 \
    -o "-p $port -k $dir/sock -c listen_addresses=127.0.0.1 -c max_connections=500 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c shared_buffers=128MB" \
    >/dev/null || { cat "$dir/server.log" >&2; exit 1; }
}

pause() {
  local dir=$1
  [ -f "$dir/port" ] || { echo "no cluster in $dir" >&2; exit 1; }
  as_owner "$(bindir)/pg_ctl" stop -D "$dir/data" -m fast -w -t 60 >/dev/null
}

resume() {
  local dir=$1
  [ -f "$dir/port" ] || { echo "no cluster in $dir" >&2; exit 1; }
  launch "$(bindir)" "$dir" "$(cat "$dir/port")"
}

# Sends SIG to the server of DIR and all its backends.
signal_server() {
  local dir=$1 sig=$2 pid
  pid=$(head -1 "$dir/data/postmaster.pid" 2>/dev/null) || { echo "no running server in $dir" >&2; exit 1; }
  kill -"$sig" "$pid" $(pgrep -P "$pid" || true)
}

stop() {
  local dir=$1 bin
  [ -d "$dir/data" ] || return 0
  bin=$(bindir)
  signal_server "$dir" CONT 2>/dev/null || true
  as_owner "$bin/pg_ctl" stop -D "$dir/data" -m immediate -w >/dev/null 2>&1 || true
  rm -rf "$dir"
}

case "${1:-}" in
  start) start "${2:?directory}" ;;
  stop) stop "${2:?directory}" ;;
  pause) pause "${2:?directory}" ;;
  resume) resume "${2:?directory}" ;;
  freeze) signal_server "${2:?directory}" STOP ;;
  thaw) signal_server "${2:?directory}" CONT ;;
  *) echo "usage: $0 start|stop|pause|resume|freeze|thaw DIR" >&2; exit 2 ;;
esac

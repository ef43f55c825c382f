# Sourced by .ci/run: a throwaway PostgreSQL cluster for the server-mode tests.
# Installs Debian's postgresql when initdb is missing, runs initdb + pg_ctl in its own data directory
# on 127.0.0.1 and a free port (as the postgres user when run as root; no system service), exports
# MARSAD_TEST_PG (a postgres:// URL) and stops the cluster on exit. If no cluster can be started, the
# PostgreSQL tests skip with a clear message (MARSAD_TEST_PG stays unset).

marsad_pg_bin() {
  if command -v initdb >/dev/null 2>&1 && command -v pg_ctl >/dev/null 2>&1; then
    dirname "$(command -v initdb)"
    return
  fi
  local dir
  dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  [ -n "$dir" ] && [ -x "$dir/initdb" ] && echo "$dir"
}

marsad_pg_start() {
  local bin
  bin=$(marsad_pg_bin || true)
  if [ -z "$bin" ]; then
    echo "ci: apt-get install postgresql"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq && apt-get install -y -qq --no-install-recommends postgresql >/dev/null || true
    bin=$(marsad_pg_bin || true)
  fi
  if [ -z "$bin" ]; then
    echo "ci: PostgreSQL is not available; the PostgreSQL tests will skip" >&2
    return 0
  fi

  MARSAD_PG_DIR=$(mktemp -d /tmp/marsad-pg.XXXXXX)
  local port
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
  local run=()
  if [ "$(id -u)" = "0" ]; then
    # initdb refuses to run as root: run the cluster as the postgres user (or nobody).
    local user=postgres
    id "$user" >/dev/null 2>&1 || user=nobody
    chown "$user" "$MARSAD_PG_DIR"
    run=(runuser -u "$user" --)
  fi
  MARSAD_PG_CTL=("${run[@]}" "$bin/pg_ctl" -D "$MARSAD_PG_DIR/data")
  if ! "${run[@]}" "$bin/initdb" -D "$MARSAD_PG_DIR/data" -U marsad --auth=trust -E UTF8 --locale=C.UTF-8 >"$MARSAD_PG_DIR/initdb.log" 2>&1; then
    echo "ci: initdb failed (see $MARSAD_PG_DIR/initdb.log); the PostgreSQL tests will skip" >&2
    return 0
  fi
  # Settings go in the cluster's own config, so that a plain `pg_ctl start` (the restart test) reuses them.
  cat >>"$MARSAD_PG_DIR/data/postgresql.conf" <<CONF
listen_addresses = '127.0.0.1'
port = $port
unix_socket_directories = '$MARSAD_PG_DIR'
fsync = off
max_connections = 200
CONF
  if ! "${MARSAD_PG_CTL[@]}" -l "$MARSAD_PG_DIR/server.log" -w start >/dev/null; then
    echo "ci: pg_ctl start failed (see $MARSAD_PG_DIR/server.log); the PostgreSQL tests will skip" >&2
    return 0
  fi
  export MARSAD_TEST_PG="postgres://marsad@127.0.0.1:$port/postgres"
  # The tests stop and start the server mid-ingest: they need pg_ctl and the data directory.
  export MARSAD_TEST_PG_CTL="${MARSAD_PG_CTL[*]}"
  echo "ci: PostgreSQL on 127.0.0.1:$port ($MARSAD_PG_DIR)"
  trap marsad_pg_stop EXIT
}

marsad_pg_stop() {
  if [ -n "${MARSAD_PG_DIR:-}" ] && [ -d "$MARSAD_PG_DIR/data" ]; then
    "${MARSAD_PG_CTL[@]}" -m immediate stop >/dev/null 2>&1 || true
    rm -rf "$MARSAD_PG_DIR"
  fi
}

marsad_pg_start

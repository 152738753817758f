#!/usr/bin/env bash
# A throwaway PostgreSQL for the tests and the bench, bound to 127.0.0.1 on a free port, its data in a temp dir.
#   scripts/throwaway-postgres.sh start DIR   (a new path whose parent others may enter, e.g. under /tmp) → prints the connection string (user postgres, no password: trust on loopback)
#   scripts/throwaway-postgres.sh stop DIR
# Installs Debian's postgresql when initdb is missing. PostgreSQL refuses to run as root, so as root it runs as the
# postgres user. fsync is off: the data is thrown away.
set -euo pipefail
cmd=${1:?start|stop}; dir=${2:?data dir}

bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)
if [ "$cmd" = stop ]; then
  [ -n "$bin" ] && [ -f "$dir/data/postmaster.pid" ] || exit 0
  as=(); [ "$(id -u)" -eq 0 ] && as=(runuser -u postgres --)
  "${as[@]}" "$bin/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true
  rm -rf "$dir"
  exit 0
fi

if [ -z "$bin" ] || [ ! -x "$bin/initdb" ]; then
  echo "Installing postgresql for the database tests…" >&2
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq postgresql >/dev/null
  bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
fi

as=()
mkdir -p "$dir"
if [ "$(id -u)" -eq 0 ]; then as=(runuser -u postgres --); chown postgres "$dir"; fi
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])' 2>/dev/null \
  || echo $((20000 + RANDOM % 20000)))
"${as[@]}" "$bin/initdb" --no-sync -A trust -U postgres -E UTF8 --locale=C.UTF-8 -D "$dir/data" >"$dir/initdb.log" 2>&1 \
  || { cat "$dir/initdb.log" >&2; exit 1; }
"${as[@]}" "$bin/pg_ctl" -w -D "$dir/data" -l "$dir/log" \
  -o "-c listen_addresses=127.0.0.1 -p $port -k $dir -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300 -c shared_buffers=256MB" \
  start >/dev/null || { cat "$dir/log" >&2; exit 1; }
echo "Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres"

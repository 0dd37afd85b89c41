#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for tests, CI and benches (never for a deployment: it trusts
# every local connection). Loopback only, its own data folder, a free port.
#   deploy/throwaway-postgres.sh start   -> prints "URL FOLDER" (installs Debian's postgresql when missing, as root)
#   deploy/throwaway-postgres.sh stop FOLDER
set -euo pipefail
cmd=${1:-start}
find_bin() { ls /usr/lib/postgresql/*/bin/"$1" 2>/dev/null | sort -V | tail -1; }
as_owner() { if [ "$(id -u)" = "0" ]; then su pgtest -s /bin/sh -c "$*"; else sh -c "$*"; fi; }

if [ "$cmd" = "stop" ]; then
  dir=${2:?folder}
  as_owner "$(find_bin pg_ctl) -D $dir/data -m fast -w stop" >/dev/null 2>&1 || true
  rm -rf "$dir"
  exit 0
fi

if [ -z "$(find_bin initdb)" ]; then
  if [ "$(id -u)" = "0" ]; then
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >&2
    apt-get install -y -qq postgresql >/dev/null
  else
    echo "PostgreSQL is not installed (apt-get install postgresql)" >&2
    exit 1
  fi
fi
BIN=$(dirname "$(find_bin initdb)")
dir=$(mktemp -d /tmp/pt-pg-XXXXXX)
if [ "$(id -u)" = "0" ]; then
  id pgtest >/dev/null 2>&1 || useradd -r -M pgtest
  chown pgtest "$dir"
fi
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
as_owner "$BIN/initdb -D $dir/data -U app --auth=trust -E UTF8 --locale=C.UTF-8" >/dev/null
as_owner "$BIN/pg_ctl -D $dir/data -o '-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off' -l $dir/log -w start" >/dev/null
as_owner "$BIN/createdb -h 127.0.0.1 -p $port -U app tracker_test"
echo "postgresql://app@127.0.0.1:$port/tracker_test $dir"

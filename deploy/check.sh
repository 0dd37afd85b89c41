#!/usr/bin/env bash
# Follows deploy/README.md on this machine, on loopback only, and checks the result:
#   1. PostgreSQL (Debian's package) with scram-sha-256 passwords, a `tracker` role and database;
#      a wrong password is refused
#   2. `python -m analytics store-upgrade` creates the schema (migrations) before the servers start
#   3. two app servers (Streamlit) on 127.0.0.1, both on that database
#   4. nginx (Debian's package) in front of them with the example configuration
#      (deploy/nginx/tracker.conf: websocket upgrade, sticky sessions)
#   5. through nginx: /_stcore/health, the app's HTML, the websocket upgrade (101), and a real
#      page run (deploy/ws_probe.py) on each server showing a value written through the other
#   6. one server stopped: nginx still serves the page from the other
# Everything runs in a temporary folder and is stopped at the end. Exit 0 = all checks passed.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
PY=${PY:-$ROOT/.venv/bin/python}
work=$(mktemp -d /tmp/pt-deploy-XXXXXX)
pids=()
say() { echo "check: $*"; }
free_port() { "$PY" -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

if [ "$(id -u)" = "0" ]; then
  if ! command -v nginx >/dev/null 2>&1 || ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq && apt-get install -y -qq nginx postgresql >/dev/null
  fi
  id pgtest >/dev/null 2>&1 || useradd -r -M pgtest
  chown pgtest "$work"
  as_pg() { su pgtest -s /bin/sh -c "$*"; }
else
  as_pg() { sh -c "$*"; }
fi
NGINX=$(command -v nginx || echo /usr/sbin/nginx)
BIN=$(dirname "$(ls /usr/lib/postgresql/*/bin/initdb | sort -V | tail -1)")

cleanup() {
  set +e
  [ -f "$work/nginx/nginx.pid" ] && "$NGINX" -p "$work/nginx/" -c "$work/nginx/nginx.conf" -s stop 2>/dev/null
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null; done
  for p in "${pids[@]}"; do wait "$p" 2>/dev/null; done
  [ -d "$work/pg/data" ] && as_pg "$BIN/pg_ctl -D $work/pg/data -m fast -w stop" >/dev/null 2>&1
  if [ "${KEEP:-0}" = "1" ]; then echo "kept $work"; else rm -rf "$work"; fi
}
trap cleanup EXIT

# 1. PostgreSQL: passwords (scram-sha-256) for every connection, loopback only
PGPORT=$(free_port)
ADMIN_PW=$("$PY" -c 'import secrets; print(secrets.token_urlsafe(18))')
APP_PW=$("$PY" -c 'import secrets; print(secrets.token_urlsafe(18))')
mkdir -p "$work/pg" && [ "$(id -u)" = "0" ] && chown pgtest "$work/pg"
printf '%s\n' "$ADMIN_PW" > "$work/pg/pw" && [ "$(id -u)" = "0" ] && chown pgtest "$work/pg/pw"
as_pg "$BIN/initdb -D $work/pg/data -U postgres --pwfile=$work/pg/pw --auth=scram-sha-256 -E UTF8 --locale=C.UTF-8" >/dev/null
rm -f "$work/pg/pw"
as_pg "$BIN/pg_ctl -D $work/pg/data -o '-p $PGPORT -k $work/pg -c listen_addresses=127.0.0.1' -l $work/pg/log -w start" >/dev/null
PGPASSWORD=$ADMIN_PW "$BIN/psql" -q -h 127.0.0.1 -p "$PGPORT" -U postgres -v ON_ERROR_STOP=1 \
  -c "CREATE ROLE tracker LOGIN PASSWORD '$APP_PW'" -c "CREATE DATABASE tracker OWNER tracker ENCODING 'UTF8' TEMPLATE template0" >/dev/null
if PGPASSWORD=wrong "$BIN/psql" -h 127.0.0.1 -p "$PGPORT" -U tracker -d tracker -c 'SELECT 1' >/dev/null 2>&1; then
  say "FAIL: a wrong password was accepted"; exit 1
fi
grep -q "scram-sha-256" "$work/pg/data/pg_hba.conf" || { say "FAIL: pg_hba.conf has no scram-sha-256"; exit 1; }
export PT_DATABASE_URL="postgresql://tracker:$APP_PW@127.0.0.1:$PGPORT/tracker"
say "PostgreSQL on 127.0.0.1:$PGPORT (scram-sha-256; a wrong password is refused)"

# 2. schema and first fill before the servers start
PT_DATA_DIR="$work/upgrade" "$PY" -m analytics store-upgrade > "$work/upgrade.json"
grep -q '"backend": "postgresql"' "$work/upgrade.json" || { cat "$work/upgrade.json"; exit 1; }
say "store-upgrade: $(tr -d '\n ' < "$work/upgrade.json")"

# 3. two app servers on the same database
ports=()
for i in 1 2; do
  port=$(free_port); ports+=("$port")
  (cd "$ROOT" && PT_DATA_DIR="$work/app$i" exec "$PY" -m streamlit run app.py --server.port="$port" \
     --server.address=127.0.0.1 --server.headless=true --browser.gatherUsageStats=false) > "$work/app$i.log" 2>&1 &
  pids+=("$!")
done
for port in "${ports[@]}"; do
  for _ in $(seq 1 240); do
    [ "$(curl -fsS "http://127.0.0.1:$port/_stcore/health" 2>/dev/null)" = "ok" ] && break
    sleep 0.5
  done
  [ "$(curl -fsS "http://127.0.0.1:$port/_stcore/health")" = "ok" ] || { say "FAIL: app server on $port"; cat "$work"/app*.log; exit 1; }
done
say "app servers on 127.0.0.1:${ports[0]} and 127.0.0.1:${ports[1]}"

# 4. nginx with the example site configuration (ports and address put in)
NPORT=$(free_port)
mkdir -p "$work/nginx/conf.d" "$work/nginx/logs" "$work/nginx/tmp"
sed -e "s/127.0.0.1:8501/127.0.0.1:${ports[0]}/; s/127.0.0.1:8502/127.0.0.1:${ports[1]}/" \
    -e "s/listen 80;/listen 127.0.0.1:$NPORT;/" "$ROOT/deploy/nginx/tracker.conf" > "$work/nginx/conf.d/tracker.conf"
cat > "$work/nginx/nginx.conf" <<EOF
worker_processes 1;
pid $work/nginx/nginx.pid;
error_log $work/nginx/logs/error.log warn;
$( [ "$(id -u)" = "0" ] && echo "user nobody nogroup;" )
events { worker_connections 256; }
http {
    access_log $work/nginx/logs/access.log;
    client_body_temp_path $work/nginx/tmp/body;
    proxy_temp_path $work/nginx/tmp/proxy;
    fastcgi_temp_path $work/nginx/tmp/fastcgi;
    uwsgi_temp_path $work/nginx/tmp/uwsgi;
    scgi_temp_path $work/nginx/tmp/scgi;
    include $work/nginx/conf.d/*.conf;
}
EOF
[ "$(id -u)" = "0" ] && chmod 755 "$work" && chown -R nobody "$work/nginx/tmp"
"$NGINX" -t -p "$work/nginx/" -c "$work/nginx/nginx.conf" 2> "$work/nginx-t.log" || { cat "$work/nginx-t.log"; exit 1; }
"$NGINX" -p "$work/nginx/" -c "$work/nginx/nginx.conf"
for _ in $(seq 1 40); do curl -fsS "http://127.0.0.1:$NPORT/_stcore/health" >/dev/null 2>&1 && break; sleep 0.25; done
say "nginx $("$NGINX" -v 2>&1 | sed 's/.*nginx\///') on 127.0.0.1:$NPORT"

# 5. through nginx
[ "$(curl -fsS "http://127.0.0.1:$NPORT/_stcore/health")" = "ok" ] || { say "FAIL: health through nginx"; exit 1; }
curl -fsS "http://127.0.0.1:$NPORT/" > "$work/index.html"
grep -q '<div id="root">' "$work/index.html" || { say "FAIL: no app page through nginx"; exit 1; }
code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 3 -H 'Connection: Upgrade' -H 'Upgrade: websocket' \
  -H 'Sec-WebSocket-Version: 13' -H 'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==' "http://127.0.0.1:$NPORT/_stcore/stream" || true)
[ "$code" = "101" ] || { say "FAIL: websocket upgrade through nginx gave $code"; exit 1; }
say "through nginx: health ok, app HTML ($(wc -c < "$work/index.html") bytes), websocket upgrade 101"
"$PY" "$ROOT/deploy/ws_probe.py" --proxy "127.0.0.1:$NPORT" --servers "127.0.0.1:${ports[0]}" "127.0.0.1:${ports[1]}"

# 6. one server down: the other answers through nginx
kill "${pids[0]}"; wait "${pids[0]}" 2>/dev/null || true
for _ in 1 2 3; do
  [ "$(curl -fsS "http://127.0.0.1:$NPORT/_stcore/health")" = "ok" ] || { say "FAIL: nginx did not fail over"; exit 1; }
done
curl -fsS "http://127.0.0.1:$NPORT/" | grep -q '<div id="root">' || { say "FAIL: no page after failover"; exit 1; }
say "server on ${ports[0]} stopped: nginx still serves the page (from ${ports[1]})"
say "all deployment checks passed"

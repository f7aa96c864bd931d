#!/usr/bin/env bash
# A production-shaped CloudOMS on this machine: a throwaway PostgreSQL (loopback, free port, data in a temp
# folder), 2 standalone silos and the portal, which runs no silo (CloudOms:Hosting=Client): it reaches the
# silos as an Orleans client and keeps the shared read model projected. Everything is on PostgreSQL.
#   deploy/local-cluster.sh up       builds, starts everything, waits until healthy, prints the URLs
#   deploy/local-cluster.sh status   what runs and whether the portal is ready
#   deploy/local-cluster.sh flow     a scripted order through the API: receive stock, create, approve, pick, ship
#   deploy/local-cluster.sh down     stops exactly the processes `up` started and deletes their data
# State lives in ${CLOUDOMS_LOCAL_CLUSTER:-/tmp/cloudoms-local-cluster}.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
state=${CLOUDOMS_LOCAL_CLUSTER:-/tmp/cloudoms-local-cluster}

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'; }

up() {
  [ -f "$state/pids" ] && { echo "already up (state in $state); run down first" >&2; exit 1; }
  mkdir -p "$state"
  dotnet build "$root/CloudOMS.sln" -c Release -v q -nologo >"$state/build.log" 2>&1 || { tail -20 "$state/build.log"; exit 1; }
  local conn cluster=local-$(date +%s) portal_port health
  conn=$("$root/tests/postgres.sh" start "$state/pg")
  echo "$conn" >"$state/connection"
  : >"$state/pids"
  export Storage__Provider=Postgres Storage__ConnectionString="$conn" CloudOms__ClusterId="$cluster" CloudOms__ServiceId=cloudoms-local
  for n in 1 2; do
    health=$(free_port)
    echo "http://127.0.0.1:$health" >"$state/silo$n.url"
    CloudOms__DataDirectory="$state/silo$n" CloudOms__SiloPort=$(free_port) CloudOms__GatewayPort=$(free_port) CloudOms__Projection=false CloudOms__HealthPort=$health \
      setsid dotnet "$root/artifacts/bin/CloudOMS.Silo/release/CloudOMS.Silo.dll" >"$state/silo$n.log" 2>&1 &
    echo "$!" >>"$state/pids"
  done
  portal_port=$(free_port)
  openssl rand -hex 16 >"$state/api-secret"
  (cd "$root/web-portal/CloudOMS.WebPortal" && CloudOms__DemoApiSecret=$(cat "$state/api-secret") CloudOms__DataDirectory="$state/portal" CloudOms__Hosting=Client \
    Urls="http://127.0.0.1:$portal_port" exec setsid dotnet "$root/artifacts/bin/CloudOMS.WebPortal/release/CloudOMS.WebPortal.dll" >"$state/portal.log" 2>&1) &
  echo "$!" >>"$state/pids"
  echo "http://127.0.0.1:$portal_port" >"$state/url"
  for _ in $(seq 1 120); do
    curl -fs "http://127.0.0.1:$portal_port/health/ready" >/dev/null 2>&1 && break
    sleep 1
  done
  status
}

status() {
  [ -f "$state/pids" ] || { echo "not running"; return 0; }
  local url; url=$(cat "$state/url")
  while read -r pid; do
    if kill -0 "$pid" 2>/dev/null; then echo "process $pid running"; else echo "process $pid stopped"; fi
  done <"$state/pids"
  echo "PostgreSQL : $(cat "$state/connection")"
  echo "portal     : $url/app   (admin@demo.cloudoms.cn / Demo@2026)"
  echo "ready      : $(curl -s -o /dev/null -w '%{http_code}' "$url/health/ready")  ($url/health/ready)"
  for n in 1 2; do
    [ -f "$state/silo$n.url" ] && echo "silo$n      : $(curl -s -o /dev/null -w '%{http_code}' "$(cat "$state/silo$n.url")/health/ready")  ($(cat "$state/silo$n.url")/health/ready)"
  done
}

flow() {
  [ -f "$state/url" ] || { echo "not running: run up first" >&2; exit 1; }
  local url token id json
  url=$(cat "$state/url")
  token=$(curl -fsS "$url/connect/token" -d grant_type=client_credentials -d client_id=demo-integration \
    -d client_secret="$(cat "$state/api-secret")" -d scope=cloudoms.api | python3 -c 'import json,sys; print(json.load(sys.stdin)["access_token"])')
  api() { curl -fsS -H "Authorization: Bearer $token" -H 'Content-Type: application/json' "$@"; }
  api "$url/api/stock/receive" -d '{"skuCode":"LY-0005","warehouse":"LY-MAIN","quantity":10,"reason":"local cluster"}' >/dev/null
  json=$(api "$url/api/orders" -d '{"channel":"manual","customer":{"name":"张三","phone":"13800000000","province":"山东省","city":"临沂市","address":"兰山区人民路 1 号"},"lines":[{"skuCode":"LY-0005","quantity":2,"unitPrice":10}]}')
  id=$(echo "$json" | python3 -c 'import json,sys; print(json.load(sys.stdin)["orderId"])')
  api -X POST "$url/api/orders/$id/approve" >/dev/null
  api -X POST "$url/api/orders/$id/pick" >/dev/null
  api "$url/api/orders/$id/ship" -d '{"carrier":"SF","trackingNo":"SF1234567890"}' >/dev/null
  api "$url/api/orders/$id" | python3 -c 'import json,sys; o=json.load(sys.stdin); print("order", o["orderId"], o["status"], o["warehouse"], o["shipment"]["trackingNo"])'
}

down() {
  if [ -f "$state/pids" ]; then
    while read -r pid; do kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true; done <"$state/pids"
    while read -r pid; do for _ in $(seq 1 30); do kill -0 "$pid" 2>/dev/null || break; sleep 1; done; done <"$state/pids"
  fi
  [ -d "$state/pg" ] && "$root/tests/postgres.sh" stop "$state/pg"
  rm -rf "$state"
  echo "stopped"
}

case "${1:-}" in
  up) up ;;
  status) status ;;
  flow) flow ;;
  down) down ;;
  *) echo "usage: $0 up|status|flow|down" >&2; exit 2 ;;
esac

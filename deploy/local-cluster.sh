#!/usr/bin/env bash
# A production-shaped CloudOMS on this machine: a throwaway PostgreSQL (loopback, free port, data in a temp
# folder), 2 standalone silos and the portal, which runs no silo (CloudOms:Hosting=Client): it reaches the
# silos as an Orleans client and keeps the shared read model projected. Everything is on PostgreSQL, and the
# production settings apply: cluster traffic is mutual TLS with a cluster certificate made for this cluster,
# silo, gateway and health ports listen on loopback only.
#   deploy/local-cluster.sh up                builds (unless CLOUDOMS_LOCAL_CLUSTER_BUILD=0), starts everything, waits until
#                                             healthy, prints the URLs
#   deploy/local-cluster.sh status            what runs and whether the portal and silos are ready
#   deploy/local-cluster.sh flow              a scripted order through the API: receive stock, create, approve, pick, ship
#   deploy/local-cluster.sh kill silo N       SIGKILL silo N (1 or 2), as a crash would: a failover drill
#   deploy/local-cluster.sh restart silo N    stops silo N if it runs (SIGTERM), starts it again on its ports, waits until ready
#   deploy/local-cluster.sh down              stops the processes `up` started (only those: each pid must still be the
#                                             process it started, same start time and program) and deletes their data
# State lives in ${CLOUDOMS_LOCAL_CLUSTER:-/tmp/cloudoms-local-cluster}.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
state=${CLOUDOMS_LOCAL_CLUSTER:-/tmp/cloudoms-local-cluster}
silo_dll="$root/artifacts/bin/CloudOMS.Silo/release/CloudOMS.Silo.dll"
portal_dll="$root/artifacts/bin/CloudOMS.WebPortal/release/CloudOMS.WebPortal.dll"

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'; }

# The start time of a process in clock ticks since boot (field 22 of /proc/PID/stat, counted after the command name,
# which may hold spaces): with the pid it names one process for good, since pids are reused.
start_time() { sed 's/^.*) //' "/proc/$1/stat" 2>/dev/null | awk '{print $20}'; }

# Whether the recorded process PID START NAME PROGRAM is still that process: same pid, same start time, same program.
ours() {
  local pid=$1 started=$2 program=$4
  [ -r "/proc/$pid/stat" ] && [ "$(start_time "$pid")" = "$started" ] && tr '\0' ' ' <"/proc/$pid/cmdline" | grep -qF -- "$program"
}

# Records a process just started in the background ($!) as a line "PID START NAME PROGRAM" of $state/pids.
record() {
  local name=$1 pid=$2 program=$3 started=""
  for _ in $(seq 1 50); do started=$(start_time "$pid"); [ -n "$started" ] && break; sleep 0.1; done
  line_of "$name" -v >"$state/pids.new" || true
  echo "$pid $started $name $program" >>"$state/pids.new"
  mv "$state/pids.new" "$state/pids"
}

# The recorded line of process NAME (with -v: every other line).
line_of() { awk -v name="$1" -v invert="${2:-}" '(($3 == name) != (invert == "-v"))' "$state/pids" 2>/dev/null; }

# Sends SIGNAL to the recorded process NAME and its process group (setsid made it a group leader), if it is still ours.
signal() {
  local name=$1 sig=$2 line
  line=$(line_of "$name")
  [ -n "$line" ] || return 0
  set -- $line
  if ours "$@"; then
    kill "-$sig" -- "-$1" 2>/dev/null || kill "-$sig" "$1" 2>/dev/null || true
  elif [ -e "/proc/$1" ]; then
    echo "$name: pid $1 now belongs to another process: not signalled" >&2
  fi
}

# Waits until the recorded process NAME has exited (or is no longer ours), at most SECONDS.
wait_gone() {
  local name=$1 seconds=$2 line
  line=$(line_of "$name")
  [ -n "$line" ] || return 0
  set -- $line
  for _ in $(seq 1 "$seconds"); do ours "$@" || return 0; sleep 1; done
  echo "$name (pid $1) still runs after ${seconds}s" >&2
}

# Environment shared by every process: the database, the cluster, the production TLS settings.
cluster_env() {
  export Storage__Provider=Postgres Storage__ConnectionString="$(cat "$state/connection")" \
    CloudOms__ClusterId="$(cat "$state/cluster")" CloudOms__ServiceId=cloudoms-local \
    CloudOms__RequireClusterTls=true CloudOms__ClusterCertificatePath="$state/tls/cluster.crt" CloudOms__ClusterCertificateKeyPath="$state/tls/cluster.key"
}

# Starts silo N on the ports recorded for it (chosen on its first start), on loopback only.
start_silo() {
  local n=$1
  [ -f "$state/silo$n.ports" ] || echo "$(free_port) $(free_port) $(free_port)" >"$state/silo$n.ports"
  read -r silo gateway health <"$state/silo$n.ports"
  echo "http://127.0.0.1:$health" >"$state/silo$n.url"
  cluster_env
  CloudOms__DataDirectory="$state/silo$n" CloudOms__SiloPort=$silo CloudOms__GatewayPort=$gateway CloudOms__AdvertisedAddress=127.0.0.1 \
    CloudOms__Projection=false CloudOms__HealthPort=$health \
    setsid dotnet "$silo_dll" >>"$state/silo$n.log" 2>&1 &
  record "silo$n" "$!" "$silo_dll"
}

wait_ready() {
  local url=$1 seconds=$2
  for _ in $(seq 1 "$seconds"); do
    curl -fs "$url/health/ready" >/dev/null 2>&1 && return 0
    sleep 1
  done
  echo "not ready after ${seconds}s: $url/health/ready" >&2
  return 1
}

up() {
  [ -f "$state/pids" ] && { echo "already up (state in $state); run down first" >&2; exit 1; }
  mkdir -p "$state"
  if [ "${CLOUDOMS_LOCAL_CLUSTER_BUILD:-1}" != 0 ]; then
    dotnet build "$root/CloudOMS.sln" -c Release -v q -nologo >"$state/build.log" 2>&1 || { tail -20 "$state/build.log"; exit 1; }
  fi
  "$root/tests/postgres.sh" start "$state/pg" >"$state/connection"
  echo "local-$(date +%s)" >"$state/cluster"
  dotnet "$silo_dll" cluster-certificate "$state/tls" >/dev/null
  : >"$state/pids"
  for n in 1 2; do start_silo "$n"; done
  local portal_port
  portal_port=$(free_port)
  openssl rand -hex 16 >"$state/api-secret"
  cluster_env
  (cd "$root/web-portal/CloudOMS.WebPortal" && CloudOms__DemoApiSecret=$(cat "$state/api-secret") CloudOms__DataDirectory="$state/portal" CloudOms__Hosting=Client \
    Urls="http://127.0.0.1:$portal_port" exec setsid dotnet "$portal_dll" >"$state/portal.log" 2>&1) &
  record portal "$!" "$portal_dll"
  echo "http://127.0.0.1:$portal_port" >"$state/url"
  wait_ready "http://127.0.0.1:$portal_port" 120 || true
  status
}

status() {
  [ -f "$state/pids" ] || { echo "not running"; return 0; }
  local url; url=$(cat "$state/url" 2>/dev/null || echo "")
  while read -r pid started name program; do
    if ours "$pid" "$started" "$name" "$program"; then echo "$name: process $pid running"; else echo "$name: process $pid stopped"; fi
  done <"$state/pids"
  echo "PostgreSQL : $(cat "$state/connection")"
  echo "cluster TLS: $state/tls/cluster.crt"
  [ -n "$url" ] && echo "portal     : $url/app   (admin@demo.cloudoms.cn / Demo@2026)"
  [ -n "$url" ] && echo "ready      : $(curl -s -o /dev/null -w '%{http_code}' "$url/health/ready")  ($url/health/ready)"
  for n in 1 2; do
    [ -f "$state/silo$n.url" ] && echo "silo$n      : $(curl -s -o /dev/null -w '%{http_code}' "$(cat "$state/silo$n.url")/health/ready")  ($(cat "$state/silo$n.url")/health/ready)"
  done
  return 0
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

silo_number() {
  [ "${1:-}" = silo ] && [[ "${2:-}" =~ ^[12]$ ]] || { echo "usage: $0 $verb silo 1|2" >&2; exit 2; }
  [ -f "$state/pids" ] || { echo "not running: run up first" >&2; exit 1; }
  echo "$2"
}

kill_silo() {
  local n; n=$(silo_number "$@")
  signal "silo$n" KILL
  wait_gone "silo$n" 10
  echo "silo$n killed"
}

restart_silo() {
  local n; n=$(silo_number "$@")
  signal "silo$n" TERM
  wait_gone "silo$n" 40
  start_silo "$n"
  wait_ready "$(cat "$state/silo$n.url")" 120
  echo "silo$n restarted"
  status
}

down() {
  if [ -f "$state/pids" ]; then
    while read -r _ _ name _; do signal "$name" TERM; done <"$state/pids"
    while read -r _ _ name _; do wait_gone "$name" 30; done <"$state/pids"
  fi
  [ -d "$state/pg" ] && "$root/tests/postgres.sh" stop "$state/pg"
  rm -rf "$state"
  echo "stopped"
}

verb=${1:-}
case "$verb" in
  up) up ;;
  status) status ;;
  flow) flow ;;
  kill) shift; kill_silo "$@" ;;
  restart) shift; restart_silo "$@" ;;
  down) down ;;
  *) echo "usage: $0 up|status|flow|kill silo N|restart silo N|down" >&2; exit 2 ;;
esac

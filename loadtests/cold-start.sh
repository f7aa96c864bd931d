#!/usr/bin/env bash
# Embedded cold start: seconds from launching the built portal to its first 200 on /health/ready, on a fresh data
# folder (first start: schema, demo tenant seeded) and again on the same folder (a restart). Median of N runs each.
# Usage: loadtests/cold-start.sh [runs=5]
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-5}"
source loadtests/portal-lib.sh
dotnet build web-portal/CloudOMS.WebPortal -c Release -v q -nologo >/dev/null
dll=../../artifacts/bin/CloudOMS.WebPortal/release/CloudOMS.WebPortal.dll
start_once() {
  local data=$1 port t0 t1
  port="$(free_port)"
  t0=$(date +%s.%N)
  (cd web-portal/CloudOMS.WebPortal && exec dotnet "$dll" --urls "http://127.0.0.1:$port" --CloudOms:DataDirectory="$data" >"$data.log" 2>&1) &
  local pid=$!
  until curl -fs "http://127.0.0.1:$port/health/ready" >/dev/null 2>&1; do sleep 0.05; done
  t1=$(date +%s.%N)
  kill "$pid"; wait "$pid" 2>/dev/null || true
  python3 -c "print(f'{$t1 - $t0:.2f}')"
}
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
first=(); again=()
for _ in $(seq 1 "$runs"); do
  data="$(mktemp -d)"
  first+=("$(start_once "$data")")
  again+=("$(start_once "$data")")
  rm -rf "$data" "$data.log"
done
echo "fresh data folder (schema + demo seed): ${first[*]} s; median $(printf '%s\n' "${first[@]}" | median) s"
echo "restart on the same folder:            ${again[*]} s; median $(printf '%s\n' "${again[@]}" | median) s"

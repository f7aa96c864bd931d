#!/usr/bin/env bash
# Starts the embedded portal on a fresh data folder (demo tenant seeded), fills the demo tenant with generated
# orders through the API and times the order list and the dashboard in Chromium before and after.
# The API-made orders are then copied in the read model (which the pages read) until it holds FILL_TO orders.
# Usage: [FILL_TO=100000] loadtests/portal-pages.sh [api-orders=2000] [extra tool options...]
set -euo pipefail
cd "$(dirname "$0")/.."
orders="${1:-2000}"; shift || true
fill_to="${FILL_TO:-100000}"
data="$(mktemp -d)"
port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')"
secret="load-$(date +%s%N)"
dotnet build web-portal/CloudOMS.WebPortal -c Release -v q -nologo >/dev/null
dotnet build loadtests/CloudOMS.LoadTests -c Release -v q -nologo >/dev/null
(cd web-portal/CloudOMS.WebPortal && exec dotnet ../../artifacts/bin/CloudOMS.WebPortal/release/CloudOMS.WebPortal.dll \
    --urls "http://127.0.0.1:$port" --CloudOms:DataDirectory="$data" --CloudOms:DemoApiSecret="$secret" >"$data/portal.log" 2>&1) &
portal=$!
trap 'kill $portal 2>/dev/null; wait $portal 2>/dev/null; rm -rf "$data"' EXIT
for _ in $(seq 1 120); do curl -fs "http://127.0.0.1:$port/healthz" >/dev/null && break; sleep 0.5; done
dotnet artifacts/bin/CloudOMS.LoadTests/release/CloudOMS.LoadTests.dll portal-pages --url "http://127.0.0.1:$port" \
    --client-secret "$secret" --orders "$orders" --fill-to "$fill_to" --read-model "$data/readmodel.db" "$@"

#!/usr/bin/env bash
# Starts the embedded portal on a fresh data folder (demo tenant seeded), fills the demo tenant with generated
# orders through the API and times the order list and the dashboard in Chromium before and after.
# The API-made orders are then copied in the read model (which the pages read) until it holds FILL_TO orders.
# Usage: [FILL_TO=100000] loadtests/portal-pages.sh [api-orders=2000] [extra tool options...]
set -euo pipefail
cd "$(dirname "$0")/.."
orders="${1:-2000}"; shift || true
fill_to="${FILL_TO:-100000}"
source loadtests/portal-lib.sh
data="$(mktemp -d)"
secret="load-$(date +%s%N)"
dotnet build loadtests/CloudOMS.LoadTests -c Release -v q -nologo >/dev/null
start_portal "$data" "$secret"
dotnet artifacts/bin/CloudOMS.LoadTests/release/CloudOMS.LoadTests.dll portal-pages --url "$url" \
    --client-secret "$secret" --orders "$orders" --fill-to "$fill_to" --read-model "$data/readmodel.db" "$@"

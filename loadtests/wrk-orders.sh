#!/usr/bin/env bash
# Cross-checks the load tool with wrk (Debian's package; Debian's "bombardier" package is a game, not the HTTP tool):
# starts the embedded product on a fresh data folder (SQLite, or PostgreSQL with CLOUDOMS_POSTGRES=<connection string>),
# signs in as the demo API client, creates a SKU with stock and runs wrk against POST /api/orders.
# Usage: loadtests/wrk-orders.sh [seconds=30] [connections=64] [threads=2]
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-30}"; connections="${2:-64}"; threads="${3:-2}"
source loadtests/portal-lib.sh
start_wrk_portal
run="$(date +%s | tail -c 6)"
sku="WRK-$run"
auth=(-H "Authorization: Bearer $token" -H "Content-Type: application/json")
curl -fs "${auth[@]}" "$url/api/skus" -d "{\"code\":\"$sku\",\"name\":\"压测商品\",\"unit\":\"件\",\"price\":59,\"weightKg\":0.3,\"safetyStock\":0}" >/dev/null
curl -fs "${auth[@]}" "$url/api/stock/receive" -d "{\"skuCode\":\"$sku\",\"warehouse\":\"LY-MAIN\",\"quantity\":1000000,\"reason\":\"压测备货\"}" >/dev/null
# A short warm-up, so the figures are not the JIT's.
CLOUDOMS_TOKEN="$token" CLOUDOMS_SKU="$sku" CLOUDOMS_RUN="${run}0" wrk -t"$threads" -c"$connections" -d10s -s loadtests/wrk-orders.lua "$url/api/orders" >/dev/null
echo "wrk -t$threads -c$connections -d${seconds}s POST /api/orders ($storage_name)"
CLOUDOMS_TOKEN="$token" CLOUDOMS_SKU="$sku" CLOUDOMS_RUN="${run}1" wrk -t"$threads" -c"$connections" -d"${seconds}s" --latency -s loadtests/wrk-orders.lua "$url/api/orders"
echo "orders in the read model: $(curl -fs "${auth[@]}" "$url/api/orders?pageSize=1" | python3 -c 'import json,sys; print(json.load(sys.stdin)["total"])')"

#!/usr/bin/env bash
# The cost of a bearer-authenticated API call alone: starts the embedded product on a fresh data folder (SQLite, or
# PostgreSQL with CLOUDOMS_POSTGRES=<connection string>), signs in as the demo API client and runs wrk against
# GET /api/permissions, a route that needs only the token check, the grant and a small constant JSON answer.
# Usage: loadtests/wrk-auth.sh [seconds=20] [connections=64] [threads=2]
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-20}"; connections="${2:-64}"; threads="${3:-2}"
source loadtests/portal-lib.sh
start_wrk_portal
# A short warm-up, so the figures are not the JIT's.
wrk -t"$threads" -c"$connections" -d10s -H "Authorization: Bearer $token" "$url/api/permissions" >/dev/null
echo "wrk -t$threads -c$connections -d${seconds}s GET /api/permissions ($storage_name)"
wrk -t"$threads" -c"$connections" -d"${seconds}s" --latency -H "Authorization: Bearer $token" "$url/api/permissions"

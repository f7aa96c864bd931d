#!/usr/bin/env bash
# The cost of a bearer-authenticated API call alone: starts the embedded product on a fresh data folder (SQLite, or
# PostgreSQL with CLOUDOMS_POSTGRES=<connection string>), signs in as the demo API client and runs wrk against
# GET /api/permissions, a route that needs only the token check, the grant and a small constant JSON answer.
# Usage: loadtests/wrk-auth.sh [seconds=20] [connections=64] [threads=2]
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-20}"; connections="${2:-64}"; threads="${3:-2}"
command -v wrk >/dev/null || { [ "$(id -u)" = 0 ] && apt-get install -y -qq wrk >/dev/null; }
source loadtests/portal-lib.sh
data="$(mktemp -d)"
secret="wrk-$(date +%s%N)"
storage=()
[ -n "${CLOUDOMS_POSTGRES:-}" ] && storage=(--Storage:Provider=Postgres "--Storage:ConnectionString=$CLOUDOMS_POSTGRES")
start_portal "$data" "$secret" --Logging:LogLevel:Default=Warning "${storage[@]}"
token=$(curl -fs "$url/connect/token" -d grant_type=client_credentials -d client_id=demo-integration -d "client_secret=$secret" |
  python3 -c 'import json,sys; print(json.load(sys.stdin)["access_token"])')
# A short warm-up, so the figures are not the JIT's.
wrk -t"$threads" -c"$connections" -d10s -H "Authorization: Bearer $token" "$url/api/permissions" >/dev/null
echo "wrk -t$threads -c$connections -d${seconds}s GET /api/permissions ($([ -n "${CLOUDOMS_POSTGRES:-}" ] && echo PostgreSQL || echo SQLite))"
wrk -t"$threads" -c"$connections" -d"${seconds}s" --latency -H "Authorization: Bearer $token" "$url/api/permissions"

# Sourced by the load scripts: the embedded product from this checkout's Release build on a free loopback port.
#   free_port                      prints a free loopback port
#   start_portal DATA SECRET ARGS  builds the portal, starts it on DATA with the demo API client's SECRET and extra
#                                  ARGS (e.g. --Storage:Provider=Postgres ...), waits for /health/ready; sets
#                                  $portal (pid) and $url, and stops it and deletes DATA when the script exits.
#   start_wrk_portal               for the wrk scripts: wrk installed, start_portal on a fresh folder (PostgreSQL
#                                  when CLOUDOMS_POSTGRES holds a connection string), logging at Warning; sets
#                                  $token to a demo API client's access token and $storage_name (SQLite/PostgreSQL).

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'
}

start_portal() {
  local data=$1 secret=$2 port; shift 2
  port="$(free_port)"
  url="http://127.0.0.1:$port"
  dotnet build web-portal/CloudOMS.WebPortal -c Release -v q -nologo >/dev/null
  (cd web-portal/CloudOMS.WebPortal && exec dotnet ../../artifacts/bin/CloudOMS.WebPortal/release/CloudOMS.WebPortal.dll \
      --urls "$url" --CloudOms:DataDirectory="$data" --CloudOms:DemoApiSecret="$secret" "$@" >"$data/portal.log" 2>&1) &
  portal=$!
  trap "kill $portal 2>/dev/null; wait $portal 2>/dev/null; rm -rf '$data'" EXIT
  for _ in $(seq 1 240); do curl -fs "$url/health/ready" >/dev/null && return 0; sleep 0.5; done
  echo "the portal did not become ready; see $data/portal.log" >&2
  return 1
}

start_wrk_portal() {
  local data secret storage=()
  command -v wrk >/dev/null || { [ "$(id -u)" = 0 ] && apt-get install -y -qq wrk >/dev/null; }
  data="$(mktemp -d)"
  secret="wrk-$(date +%s%N)"
  storage_name=SQLite
  if [ -n "${CLOUDOMS_POSTGRES:-}" ]; then
    storage=(--Storage:Provider=Postgres "--Storage:ConnectionString=$CLOUDOMS_POSTGRES")
    storage_name=PostgreSQL
  fi
  start_portal "$data" "$secret" --Logging:LogLevel:Default=Warning "${storage[@]}"
  token=$(curl -fs "$url/connect/token" -d grant_type=client_credentials -d client_id=demo-integration -d "client_secret=$secret" |
    python3 -c 'import json,sys; print(json.load(sys.stdin)["access_token"])')
}

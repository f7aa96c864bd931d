#!/usr/bin/env bash
# Runs every CloudOMS test project. Installs what the tests need when it is missing (PostgreSQL through
# tests/postgres.sh), builds with warnings as errors, and ends with one summary line: "tests: N passed, N failed[, N skipped]".
# ./test.sh --fast runs the unit lane only: the tests/*.UnitTests projects (plain classes, no host, no database), built
# on their own, with nothing installed and no PostgreSQL started; it ends with the same summary line.
set -uo pipefail
cd "$(dirname "$0")"

fast=false
case "${1:-}" in
  --fast) fast=true ;;
  "") ;;
  *) echo "usage: ./test.sh [--fast]"; exit 2 ;;
esac

log=$(mktemp -d)/test.log
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

# Adds up the "Passed!/Failed!" lines of dotnet test in $log and prints the summary line; $1 is dotnet test's exit status.
summarize() {
  local status=$1 summary passed failed skipped projects line
  summary=$(grep -E '^(Passed|Failed)!' "$log" | awk -F'[:,]' '
    { for (i = 1; i < NF; i++) {
        key = $i; gsub(/.*- /, "", key); gsub(/ /, "", key); val = $(i + 1); gsub(/ /, "", val)
        if (key == "Failed") f += val; else if (key == "Passed") p += val; else if (key == "Skipped") s += val } }
    END { printf "%d %d %d", p, f, s }')
  read -r passed failed skipped <<<"${summary:-0 0 0}"
  projects=$(grep -cE '^(Passed|Failed)!' "$log")
  if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; echo "dotnet test exited $status (a test host crashed or a project did not run)"; fi
  if [ "$projects" -eq 0 ]; then failed=$((failed + 1)); echo "no test results found"; fi

  # The names of the failed tests, so the end of a long log says which ones (dotnet test prints "  Failed Name [time]").
  if grep -qE '^\s+Failed [A-Za-z]' "$log"; then
    echo "failed tests:"
    grep -E '^\s+Failed [A-Za-z]' "$log" | sed -E 's/^\s+Failed /  /' | sort | uniq
    # And the first lines of each one's error message, so the reason survives in a log cut to its last lines.
    awk '/^[[:space:]]+Failed [A-Za-z]/ { name = $2; next }
         /^[[:space:]]+Error Message:/ { taking = 1; lines = 0; print "  why " name ":"; next }
         /^[[:space:]]+Stack Trace:/ { taking = 0 }
         taking && lines < 6 { lines++; print "    " substr($0, 1, 400) }' "$log"
  fi

  line="tests: $passed passed, $failed failed"
  [ "$skipped" -gt 0 ] && line="$line, $skipped skipped"
  echo "$line"
  [ "$failed" -eq 0 ]
}

# The unit lane: plain classes, no host and no database, so nothing is installed and no PostgreSQL is started.
if $fast; then
  status=0
  : >"$log"
  for project in tests/*.UnitTests/*.UnitTests.csproj; do
    if ! dotnet build "$project" -c Release -warnaserror 2>&1 | tee "$log.build" | grep -E 'error|Warn|Elapsed'; then :; fi
    if ! grep -q 'Build succeeded' "$log.build"; then
      echo "build failed: $project"
      echo "tests: 0 passed, 1 failed"
      exit 1
    fi
    dotnet test "$project" -c Release --no-build 2>&1 | tee -a "$log"
    [ "${PIPESTATUS[0]}" -ne 0 ] && status=1
  done
  summarize "$status"
  exit
fi

# Debian packages the tests use: chromium and CJK fonts for the browser tests (driven by Playwright), redis-server
# for the load tool's Redis baseline (its smoke test).
need=()
for pkg in sqlite3 chromium fonts-noto-cjk redis-server; do
  dpkg -s "$pkg" >/dev/null 2>&1 || need+=("$pkg")
done
if [ ${#need[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then
    echo "Installing ${need[*]} ..."
    apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
  else
    echo "Missing Debian packages: ${need[*]} (run as root, or install them, then retry)"
  fi
fi

if ! dotnet build CloudOMS.sln -c Release -warnaserror 2>&1 | tee "$log.build" | grep -E 'error|Warn|Elapsed'; then :; fi
if ! grep -q 'Build succeeded' "$log.build"; then
  echo "build failed"
  echo "tests: 0 passed, 1 failed"
  exit 1
fi

# The grain tests run their storage cases on PostgreSQL too: on the server CLOUDOMS_TEST_POSTGRES names,
# or on a throwaway cluster started here (installed first if missing) and removed when this script ends.
if [ -z "${CLOUDOMS_TEST_POSTGRES:-}" ]; then
  pgdir=$(mktemp -d)
  trap 'tests/postgres.sh stop "$pgdir"' EXIT
  if CLOUDOMS_TEST_POSTGRES=$(tests/postgres.sh start "$pgdir"); then
    export CLOUDOMS_TEST_POSTGRES
    echo "PostgreSQL for the tests: $CLOUDOMS_TEST_POSTGRES"
  else
    unset CLOUDOMS_TEST_POSTGRES
    echo "Could not start PostgreSQL: the PostgreSQL variants of the grain tests will fail"
  fi
else
  echo "PostgreSQL for the tests (from CLOUDOMS_TEST_POSTGRES): $CLOUDOMS_TEST_POSTGRES"
fi

# The test hosts are short-lived and JIT much code that runs a few times: without the instrumented tier (PGO) and
# with methods promoted to optimized code after 100 calls instead of 30, they spend about a fifth less CPU on the
# JIT (Identity tests: 199 against 135-159 CPU-seconds). Not for the timed round below: it runs as deployed.
export DOTNET_TieredPGO=0 DOTNET_TC_CallCountThreshold=100
dotnet test CloudOMS.sln -c Release --no-build --filter 'Machine!=Alone' 2>&1 | tee "$log"
status=${PIPESTATUS[0]}

# Second round: the API, identity and billing host tests again, with every portal on PostgreSQL (a database of its
# own on the same server). The grain tests already ran each storage case on both, and the unit tests use no
# database; tests of one database's own mechanics (trait Storage=Fixed), the browser, component and deploy-file
# tests and the load-tool smoke runs (which cover PostgreSQL themselves) run in the first round only.
echo "PostgreSQL round: API, identity and billing tests with Storage:Provider=Postgres"
CLOUDOMS_TEST_PROVIDER=Postgres dotnet test CloudOMS.sln -c Release --no-build \
  --filter 'Storage!=Fixed&FullyQualifiedName!~CloudOMS.Grains.Tests&FullyQualifiedName!~.UnitTests.&FullyQualifiedName!~CloudOMS.LoadTests.Tests&FullyQualifiedName!~.BrowserUi.&FullyQualifiedName!~.Components.&FullyQualifiedName!~.Deploy.' \
  2>&1 | tee -a "$log"
[ "${PIPESTATUS[0]}" -ne 0 ] && status=1

# Last, alone: the tests that hold the server to a promised time (trait Machine=Alone), so that a 2-core machine busy
# with every other test project does not decide what they measure.
echo "Alone: tests that time the server"
unset DOTNET_TieredPGO DOTNET_TC_CallCountThreshold
dotnet test CloudOMS.sln -c Release --no-build --filter 'Machine=Alone' 2>&1 | tee -a "$log"
[ "${PIPESTATUS[0]}" -ne 0 ] && status=1

summarize "$status"

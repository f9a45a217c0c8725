#!/usr/bin/env bash
# The main job: builds the tool and runs the sample's gate (samples/perfgate.json) against the committed baseline.
# It starts MariaDB and Redis (scripts/services.sh, installing them from Debian's packages when missing) and stops
# again what it started; perfgate builds and starts the sample FIR backend on them, loads its API, runs its
# BenchmarkDotNet suite and its MariaDB and Redis scenarios. Prints the summary (one screen).
#
#   scripts/gate.sh [--no-services] [perfgate run options…]
#
# --no-services keeps it to the micro-benchmarks and the API: the backend runs in memory, the db and cache scenarios
# are reported as skipped, and the API results, measured on another setup than the baseline's, are not compared.
# The exit code is the gate's: 0 passed, 1 failed, 2 bad input, 3 could not run.
set -euo pipefail
cd "$(dirname "$0")/.."

services=1
args=()
for arg in "$@"; do
  if [ "$arg" = --no-services ]; then services=0; else args+=("$arg"); fi
done

dotnet build src/AfirGen.PerfGate.Cli -c Release -v quiet -nologo >/dev/null

# Only what this job starts is stopped at its end: services someone else runs are left running.
before=""
# shellcheck disable=SC2317 # called by the EXIT trap
stop_started() {
  if grep -q '^mariadb: stopped' <<<"$before"; then scripts/services.sh stop mariadb; fi
  if grep -q '^redis: stopped' <<<"$before"; then scripts/services.sh stop redis; fi
}

if [ "$services" = 1 ]; then
  before=$(scripts/services.sh status)
  trap stop_started EXIT
  eval "$(scripts/services.sh start)"
else
  unset PERFGATE_MYSQL PERFGATE_REDIS
fi

# The summary is what this job prints; the line perfgate writes per measured result (86 of them) goes to
# perfgate-run.log with everything else it wrote to standard error, and only its warnings and errors are shown.
echo "measuring the micro-benchmarks, the API, the database and the cache (about 3 minutes)…" >&2
status=0
dotnet src/AfirGen.PerfGate.Cli/bin/Release/net10.0/dotnet-perfgate.dll \
  run --config samples/perfgate.json --baseline baselines/sample.json --out perfgate-results ${args[@]+"${args[@]}"} \
  2>perfgate-run.log || status=$?
grep -v '^  ' perfgate-run.log >&2 || true
echo "every measured result: perfgate-run.log; the reports: perfgate-results/" >&2
exit "$status"

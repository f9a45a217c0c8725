#!/usr/bin/env bash
# Runs every test project of the solution. Installs what the tests need when it is missing
# (Debian's chromium for the HTML report test), so it works on a fresh machine with only the .NET SDK.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/ensure-deps.sh
scripts/lint-actions.sh
eval "$(scripts/services.sh start)"  # MariaDB and Redis for the load tests; exports PERFGATE_MYSQL and PERFGATE_REDIS

log=$(mktemp)
trap 'rm -f "$log"' EXIT
status=0
# Built once, then the test projects run one after another (-m:1): several of them measure real benchmarks
# and load on this 2-core machine, and running them side by side would make them measure each other.
dotnet build AfirGen.PerfGate.sln -c Release -nologo -v q 2>&1 | tee "$log" || status=$?
if [ "$status" -eq 0 ]; then
  dotnet test AfirGen.PerfGate.sln -c Release --no-build -m:1 --logger "console;verbosity=normal" 2>&1 | tee -a "$log" || status=$?
  # Every input the fuzzer ever broke a reader with, and its seeds, replayed through the fuzz harness (no afl-fuzz needed).
  scripts/fuzz.sh --replay all 2>&1 | tee -a "$log" || status=1
fi

# One closing line over every test assembly, in the plain form CI systems read.
# A count that never appears (no test failed) is zero, not grep's exit code 1 ending the script under pipefail.
count() { { grep -E "^ +$1: +[0-9]+$" "$log" || true; } | awk '{s+=$2} END {print s+0}'; }
passed=$(count Passed)
failed=$(count Failed)
skipped=$(count Skipped)
echo "${passed} passed, ${failed} failed, ${skipped} skipped"
exit "$status"

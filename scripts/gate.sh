#!/usr/bin/env bash
# The main job: builds the tool and runs the sample's gate (samples/perfgate.json) against the committed baseline:
# perfgate builds and starts the sample FIR backend (in memory), loads its API, runs its BenchmarkDotNet suite, and,
# when PERFGATE_MYSQL and PERFGATE_REDIS are set (eval "$(scripts/services.sh start)"), its MariaDB and Redis
# scenarios too; without them those are reported as skipped. Prints the summary.
# The exit code is the gate's: 0 passed, 1 failed, 2 bad input, 3 could not run.
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet build src/AfirGen.PerfGate.Cli -c Release -v quiet -nologo >/dev/null
exec dotnet src/AfirGen.PerfGate.Cli/bin/Release/net10.0/dotnet-perfgate.dll \
  run --config samples/perfgate.json --baseline baselines/sample.json --out perfgate-results "$@"

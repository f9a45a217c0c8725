#!/usr/bin/env bash
# The main job: builds the tool and runs the gate on the shipped example results
# (two runs of a small BenchmarkDotNet suite, kept as results@1), printing the summary.
# The exit code is the gate's: 0 passed, 1 failed, 2 bad input, 3 could not run.
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet build src/AfirGen.PerfGate.Cli -c Release -v quiet -nologo >/dev/null
exec dotnet src/AfirGen.PerfGate.Cli/bin/Release/net10.0/dotnet-perfgate.dll \
  compare examples/baseline.json examples/current.json --out perfgate-results "$@"

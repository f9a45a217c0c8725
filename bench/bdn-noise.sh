#!/usr/bin/env bash
# Records BenchmarkDotNet exports of unchanged code and of the same code made 10% slower, on this machine,
# for the recorded-exports check (tests/AfirGen.PerfGate.Simulation.Tests/RecordedExportsTests.cs).
# Two builds of a four-benchmark suite: every benchmark repeats its unit of work 10 times in the base build
# and 11 times in the slowed one, and allocates nothing, so only time can tell them apart. Each run is one
# ordinary BenchmarkDotNet process run (one launch), as a team's job runs it, with the ShortRun job and with
# the default job; base and slowed runs alternate, and which goes first alternates, so slow drift of the
# machine falls on both alike.
# Usage: bench/bdn-noise.sh [RUNS] [OUT]
#   bench/bdn-noise.sh 8                      8 runs of each build and job into the test's data folder
#   bench/bdn-noise.sh 3 /tmp/exports         3 of each somewhere else
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=bench/bdn-project.sh
. bench/bdn-project.sh
runs=${1:-8}
out=${2:-tests/AfirGen.PerfGate.Simulation.Tests/data/bdn-noise}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

suite() { # $1 folder, $2 repetitions of each benchmark's unit of work
  bdn_project "$1" Noise
  cat > "$1/Program.cs" <<CS
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Running;
BenchmarkSwitcher.FromAssembly(typeof(Noise).Assembly).Run(args);
public class Noise
{
    private const int Work = $2;
    private readonly int[] _data = Enumerable.Range(0, 1024).ToArray();
    private readonly Dictionary<int, int> _map = Enumerable.Range(0, 1024).ToDictionary(i => i, i => i * 7);
    private readonly int[] _unsorted = Enumerable.Range(0, 64).Select(i => (i * 7919) % 64).ToArray();
    private readonly int[] _sorted = new int[64];
    private readonly char[] _text = new char[16];
    [Benchmark] public long Sum() { long s = 0; for (var r = 0; r < Work; r++) for (var i = 0; i < 400; i++) s += _data[(i + r) & 1023] * (long)i; return s; }
    [Benchmark] public long Lookup() { long s = 0; for (var r = 0; r < Work; r++) for (var i = 0; i < 32; i++) s += _map[((i * 31) + r) & 1023]; return s; }
    [Benchmark] public int Sort() { var n = 0; for (var r = 0; r < Work; r++) { _unsorted.CopyTo(_sorted, 0); Array.Sort(_sorted); n += _sorted[r]; } return n; }
    [Benchmark] public int Format() { var n = 0; for (var r = 0; r < Work; r++) for (var i = 0; i < 8; i++) { ((i * 7919) + r).TryFormat(_text, out var w); n += w; } return n; }
}
CS
  dotnet build "$1/Noise.csproj" -c Release -v quiet -nologo >/dev/null
}
suite "$work/base" 10
suite "$work/slowed" 11

record() { # $1 build, $2 job (short|default), $3 run number
  local args=(--filter '*' --memory --exporters json --artifacts "$work/artifacts" --disableLogFile)
  [ "$2" = short ] && args+=(--job short)
  rm -rf "$work/artifacts"
  local start=$SECONDS
  # BenchmarkDotNet looks for the project from the working directory up.
  (cd "$work/$1" && dotnet bin/Release/net10.0/Noise.dll "${args[@]}") >"$work/log" 2>&1 || { cat "$work/log"; exit 1; }
  grep -q 'Benchmarks with issues' "$work/log" && { cat "$work/log"; exit 1; }
  mkdir -p "$out/$2"
  cp "$(find "$work/artifacts/results" -name '*-report-full*.json' | head -n 1)" "$out/$2/$1-$(printf %02d "$3").json"
  echo "$2 $1 run $3: $((SECONDS - start)) s (load average $(cut -d' ' -f1 /proc/loadavg))"
}

echo "$runs runs of each build and job on $(nproc) cores, load average at start $(cut -d' ' -f1 /proc/loadavg)"
for r in $(seq "$runs"); do
  if (( r % 2 )); then first=base second=slowed; else first=slowed second=base; fi
  for job in short default; do
    record "$first" "$job" "$r"
    record "$second" "$job" "$r"
  done
done

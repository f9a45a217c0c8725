#!/usr/bin/env bash
# Measures the runner's trade-off between time and detection on this machine: repeated `perfgate ab`
# trials between two builds of a three-benchmark suite in which one benchmark is 10% slower in the head.
# Each trial is one real A/B run (fresh processes, interleaved rounds). The two unchanged benchmarks give
# the A/A false-alarm rate (a trial alarms when either is called regressed); the slowed one gives detection.
# Usage: bench/runner-calibration.sh [TRIALS] [ROUNDS] [JOB] [EXTRA-AB-OPTIONS]
#   bench/runner-calibration.sh 40 6 quick                  the quick job: base and head interleaved in one process
#   bench/runner-calibration.sh 20 6 quick --processes      the quick job in alternating processes, 6 rounds
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=bench/bdn-project.sh
. bench/bdn-project.sh
trials=${1:-20}
rounds=${2:-6}
job=${3:-quick}
extra=${4:-}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

dotnet build src/AfirGen.PerfGate.Cli -c Release -o "$work/tool" -v quiet -nologo >/dev/null

suite() { # $1 folder, $2 inner loop count of Calib.Sum
  bdn_project "$1" Calib
  cat > "$1/Program.cs" <<CS
using System.Text;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Running;
BenchmarkSwitcher.FromAssembly(typeof(Calib).Assembly).Run(args);
public class Calib
{
    private readonly int[] _data = Enumerable.Range(0, 1024).ToArray();
    private readonly Dictionary<int, int> _map = Enumerable.Range(0, 1024).ToDictionary(i => i, i => i * 7);
    [Benchmark] public long Sum() { long s = 0; for (var i = 0; i < $2; i++) s += _data[i & 1023] * (long)i; return s; }
    [Benchmark] public int Text() { var b = new StringBuilder(); for (var i = 0; i < 64; i++) b.Append(i); return b.Length; }
    [Benchmark] public long Lookup() { long s = 0; for (var i = 0; i < 256; i++) s += _map[(i * 31) & 1023]; return s; }
}
CS
}
suite "$work/base" 4000
suite "$work/head" 4400   # 10% more work in Sum

echo "job=$job rounds=$rounds trials=$trials options=${extra:-none}  ($(nproc) cores, load average at start $(cut -d' ' -f1 /proc/loadavg))"
: > "$work/trials"
for t in $(seq "$trials"); do
  start=$(date +%s.%N)
  CI=true dotnet "$work/tool/dotnet-perfgate.dll" ab --base-project "$work/base/Calib.csproj" --project "$work/head/Calib.csproj" \
    --rounds "$rounds" --job "$job" $extra --out "$work/out" >/dev/null 2>"$work/err" || true
  end=$(date +%s.%N)
  python3 - "$work/out/comparison.json" "$start" "$end" "$t" >> "$work/trials" <<'PY'
import json, sys
c = json.load(open(sys.argv[1]))
v = {b["id"].split(".")[-1]: b["verdict"] for b in c["benchmarks"]}
ratio = next((m.get("ratio") for b in c["benchmarks"] if b["id"].endswith(".Sum") for m in b.get("metrics", []) if m.get("metric") == "time"), None)
print(sys.argv[4], round(float(sys.argv[3]) - float(sys.argv[2]), 1), v.get("Sum"), v.get("Text"), v.get("Lookup"), ratio)
PY
  tail -n 1 "$work/trials"
done

python3 - "$work/trials" "$rounds" <<'PY'
import sys, statistics
rows = [l.split() for l in open(sys.argv[1]) if l.strip()]
rounds = int(sys.argv[2])
n = len(rows)
times = [float(r[1]) for r in rows]
alarms = sum(1 for r in rows if "regressed" in (r[3], r[4]))
caught = sum(1 for r in rows if r[2] == "regressed")
inconclusive = sum(1 for r in rows if r[2] == "inconclusive")
print(f"trials: {n}  median wall per trial (3 benchmarks, both sides, builds included): {statistics.median(times):.1f} s  per benchmark: {statistics.median(times) / 3:.1f} s")
ratios = sorted(float(r[5]) for r in rows if r[5] != "None")
print(f"A/A false alarms (2 unchanged benchmarks): {alarms}/{n}   10% slowdown caught: {caught}/{n}   inconclusive: {inconclusive}/{n}")
if ratios:
    print(f"measured change of the slowed benchmark: median {statistics.median(ratios) - 1:+.1%}, range {ratios[0] - 1:+.1%} to {ratios[-1] - 1:+.1%}")
PY

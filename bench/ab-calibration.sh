#!/usr/bin/env bash
# A/A and +10% trials of `perfgate ab` as users run it (quick job: interleaved workers, sequential looks), on a
# suite of four benchmark shapes of which two are 10% slower in the head: a plain method and an [Arguments] one
# unchanged, a [Params] one and an async one slowed. Each trial is one complete real run (fresh processes, both
# builds checked). A trial is a suite false alarm when an unchanged benchmark is called regressed or improved;
# the slowed benchmarks give the share flagged.
# Usage: bench/ab-calibration.sh [TRIALS] [quiet|cotenant] [EXTRA-AB-OPTIONS]
#   cotenant: two busy loops keep both cores busy beside the run, as a shared CI host does.
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=bench/bdn-project.sh
. bench/bdn-project.sh
trials=${1:-20}
mode=${2:-quiet}
extra=${3:-}
work=$(mktemp -d)
busy=()
cleanup() {
  for p in "${busy[@]}"; do kill "$p" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT

dotnet build src/AfirGen.PerfGate.Cli -c Release -o "$work/tool" -v quiet -nologo >/dev/null

suite() { # $1 folder, $2 percent of the base's work in the slowed benchmarks
  bdn_project "$1" Calib
  cat > "$1/Program.cs" <<CS
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Running;
BenchmarkSwitcher.FromAssembly(typeof(Calib).Assembly).Run(args);
public static class Work
{
    private static readonly int[] Data = Enumerable.Range(1, 256).ToArray();
    public static long Passes(int units) { long s = 0; for (var r = 0; r < units; r++) foreach (var d in Data) s += d ^ r; return s; }
}
public class Calib
{
    [Params(8)] public int Units { get; set; }
    [Benchmark] public long Plain() => Work.Passes(8);
    [Benchmark] [Arguments(8)] public long Args(int units) => Work.Passes(units);
    [Benchmark] public long Slowed() => Work.Passes(Units * $2 / 100);
    [Benchmark] public async Task<long> SlowedAsync() { await Task.CompletedTask; return Work.Passes(8 * $2 / 100); }
}
CS
}
suite "$work/base" 1000
suite "$work/head" 1100   # 10% more work in Slowed and SlowedAsync

if [ "$mode" = cotenant ]; then
  for _ in 1 2; do (while :; do :; done) & busy+=("$!"); done
fi

echo "ab-calibration: mode=$mode trials=$trials options=${extra:-none}  ($(nproc) cores, load average at start $(cut -d' ' -f1 /proc/loadavg))"
: > "$work/trials"
for t in $(seq "$trials"); do
  start=$(date +%s.%N)
  CI=true dotnet "$work/tool/dotnet-perfgate.dll" ab --base-project "$work/base/Calib.csproj" --project "$work/head/Calib.csproj" \
    $extra --out "$work/out" >/dev/null 2>"$work/err" || true
  end=$(date +%s.%N)
  looks=$(grep -o 'interleaved in [0-9]* look' "$work/err" | grep -o '[0-9]*' || echo "?")
  # The run's own noise as ab prints it: "noise in this run: a benchmark's rounds moved ±2.1% …".
  noise=$(grep -o 'rounds moved ±[0-9.]*%' "$work/err" | grep -o '[0-9.]*' || echo "?")
  python3 - "$work/out/comparison.json" "$start" "$end" "$t" "$looks" "$noise" >> "$work/trials" <<'PY'
import json, sys
c = json.load(open(sys.argv[1]))
v = {b["id"].split(".")[-1].split("(")[0]: b["verdict"] for b in c["benchmarks"]}
ratio = lambda name: next((m.get("ratio") for b in c["benchmarks"] if b["id"].split(".")[-1].startswith(name + "(") or b["id"].endswith("." + name) for m in b.get("metrics", []) if m.get("metric") == "time"), None)
print(sys.argv[4], round(float(sys.argv[3]) - float(sys.argv[2]), 1), sys.argv[5], v.get("Plain"), v.get("Args"), v.get("Slowed"), v.get("SlowedAsync"), ratio("Slowed"), ratio("SlowedAsync"), sys.argv[6])
PY
  tail -n 1 "$work/trials"
done

python3 - "$work/trials" "$mode" <<'PY'
import sys, statistics
rows = [l.split() for l in open(sys.argv[1]) if l.strip()]
n = len(rows)
times = [float(r[1]) for r in rows]
alarms = sum(1 for r in rows if any(v in ("regressed", "improved") for v in (r[3], r[4])))
undecided = sum(1 for r in rows for v in (r[3], r[4]) if v == "inconclusive")
flagged = sum(1 for r in rows for v in (r[5], r[6]) if v == "regressed")
ratios = sorted(float(x) for r in rows for x in (r[7], r[8]) if x != "None")
print(f"mode: {sys.argv[2]}  trials: {n}  median wall per trial (4 benchmarks, both sides, builds included): {statistics.median(times):.1f} s"
      f"  per benchmark pair: {statistics.median(times) / 4:.1f} s  looks: {'/'.join(r[2] for r in rows)}")
print(f"suite false alarms (2 unchanged benchmarks): {alarms}/{n}   unchanged left inconclusive: {undecided}/{2 * n}   slowed benchmarks flagged: {flagged}/{2 * n}")
if ratios:
    print(f"measured change of the slowed benchmarks: median {statistics.median(ratios) - 1:+.1%}, range {ratios[0] - 1:+.1%} to {ratios[-1] - 1:+.1%}")
noise = sorted(float(r[9]) for r in rows if len(r) > 9 and r[9] != "?")
if noise:
    print(f"the runs' own noise (round-to-round spread ab printed): median ±{statistics.median(noise):.1f}%, range ±{noise[0]:.1f}% to ±{noise[-1]:.1f}%")
PY

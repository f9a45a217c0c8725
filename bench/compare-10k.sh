#!/usr/bin/env bash
# Measures `perfgate compare` on two 10,000-benchmark result files (3 launches x 15 iterations each):
# wall time and peak memory of the whole command as a user runs it — process start, reading both
# files, the comparison, and writing all five output files.
# Usage: bench/compare-10k.sh [COUNT] [RUNS]
set -euo pipefail
cd "$(dirname "$0")/.."
count=${1:-10000}
runs=${2:-7}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

dotnet build src/AfirGen.PerfGate.Cli -c Release -o "$work/tool" -v quiet -nologo >/dev/null
dotnet run --project bench/GenerateResults -c Release -- "$count" "$work/base.json" "$work/cur.json"
echo "input: $(stat -c %s "$work/base.json") + $(stat -c %s "$work/cur.json") bytes"

command -v /usr/bin/time >/dev/null || { echo "needs GNU time (apt-get install time)" >&2; exit 3; }
: > "$work/times"
for _ in $(seq "$runs"); do
  /usr/bin/time -f "%e %U %S %M" -o "$work/t" dotnet "$work/tool/dotnet-perfgate.dll" compare "$work/base.json" "$work/cur.json" --out "$work/out" >/dev/null || true
  tail -n 1 "$work/t" >> "$work/times"  # GNU time puts a "Command exited with …" line first on exit code 1
done
median() { sort -n | awk '{ v[NR]=$1 } END { print v[int((NR+1)/2)] }'; }
wall=$(cut -d' ' -f1 "$work/times" | median)
rss=$(cut -d' ' -f4 "$work/times" | median)
cpu=$(awk '{ print $2 + $3 }' "$work/times" | median)
echo "runs: $runs  median wall: ${wall} s  median CPU (user+sys): ${cpu} s  median peak RSS: $((rss / 1024)) MB  load average: $(cut -d' ' -f1 /proc/loadavg)"

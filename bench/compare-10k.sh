#!/usr/bin/env bash
# Measures `perfgate compare` on two 10,000-benchmark result files (3 launches x 15 iterations each):
# wall time and peak memory of the whole command, reports included, as a user runs it.
# Usage: bench/compare-10k.sh [COUNT] [RUNS]
set -euo pipefail
cd "$(dirname "$0")/.."
count=${1:-10000}
runs=${2:-7}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

dotnet build src/AfirGen.PerfGate.Cli -c Release -o "$work/tool" >/dev/null
dotnet run --project bench/GenerateResults -c Release -- "$count" "$work/base.json" "$work/cur.json"
ls -la "$work"/*.json | awk '{print $5, $9}'

command -v /usr/bin/time >/dev/null || { echo "needs GNU time (apt-get install time)" >&2; exit 3; }
for i in $(seq "$runs"); do
  /usr/bin/time -f "%e %M" -o "$work/t" dotnet "$work/tool/dotnet-perfgate.dll" compare "$work/base.json" "$work/cur.json" --out "$work/out" >/dev/null || true
  cat "$work/t"
done | sort -n | awk '{ t[NR]=$1; m[NR]=$2 } END { mid=int((NR+1)/2); printf "runs: %d  median wall: %.2f s  (min %.2f, max %.2f)  median peak RSS: %.0f MB\n", NR, t[mid], t[1], t[NR], m[mid]/1024 }'
ls -la "$work/out" | awk 'NR>1 {print $5, $9}'

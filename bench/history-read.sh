#!/usr/bin/env bash
# How long `perfgate history detect` takes on a store of ENTRIES runs of BENCHMARKS micro-benchmarks (time and
# allocations each, so 2 x BENCHMARKS series): read every entry, find every series' change points, print. The
# folder store is generated (entries only; their gzipped results are not read by detect). The same command on an
# empty store is timed beside it, so the process start and JIT can be told from the reading.
# Usage: bench/history-read.sh [ENTRIES] [BENCHMARKS] [ROUNDS]
set -euo pipefail
cd "$(dirname "$0")/.."
entries=${1:-1000}
benchmarks=${2:-100}
rounds=${3:-5}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
dotnet build src/AfirGen.PerfGate.Cli -c Release -o "$work/tool" -v quiet -nologo >/dev/null
python3 - "$work/store" "$entries" "$benchmarks" <<'PY'
import datetime, json, math, os, random, sys
store, entries, benchmarks = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
os.makedirs(os.path.join(store, "runs"))
open(os.path.join(store, "perfgate-history.json"), "w").write('{"schema":"perfgate/history@1"}\n')
rng = random.Random(1)
for i in range(entries):
    commit = "%040x" % rng.getrandbits(160)
    points = []
    for b in range(benchmarks):
        slow = 1.1 if (b % 10 == 0 and i >= entries // 2) else 1.0
        points.append({"benchmark": f"Suite.Bench{b}(Size: {b % 7})", "metric": "time", "value": 1000 * (b + 1) * slow * math.exp(rng.gauss(0, 0.1)), "error": 0.01})
        points.append({"benchmark": f"Suite.Bench{b}(Size: {b % 7})", "metric": "allocated", "value": 64 * (b % 5), "error": 0})
    created = (datetime.datetime(2026, 1, 1) + datetime.timedelta(hours=i)).strftime("%Y-%m-%dT%H:%M:%SZ")  # one run an hour, in order
    entry = {"schema": "perfgate/history-entry@1", "id": f"e{i:05d}", "createdAt": created,
             "commit": commit, "branch": "main", "environment": {"os": "Linux", "cpu": "AMD EPYC", "cores": 2}, "points": points}
    json.dump(entry, open(os.path.join(store, "runs", f"e{i:05d}.json"), "w"), separators=(",", ":"))
PY
mkdir -p "$work/empty/runs"
cp "$work/store/perfgate-history.json" "$work/empty/"
echo "store: $entries entries x $benchmarks benchmarks ($(du -sh "$work/store" | cut -f1)), $(nproc) cores, load average $(cut -d' ' -f1 /proc/loadavg)"
time_ms() { local s e; s=$(date +%s%N); dotnet "$work/tool/dotnet-perfgate.dll" history detect "$1" --recent 1 >/dev/null || [ $? -eq 1 ]; e=$(date +%s%N); echo $(( (e - s) / 1000000 )); }
full=() empty=()
for _ in $(seq "$rounds"); do
  empty+=("$(time_ms "$work/empty")")
  full+=("$(time_ms "$work/store")")
done
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
echo "history detect, median of $rounds: full store $(median "${full[@]}") ms, empty store $(median "${empty[@]}") ms (all: ${full[*]} / ${empty[*]})"
# What it found: the generator slows every tenth benchmark by 10% from the middle run on (10 true change points).
dotnet "$work/tool/dotnet-perfgate.dll" history detect "$work/store" --recent 1 > "$work/detect.txt" || true
head -1 "$work/detect.txt"
echo "found at the slowed benchmarks: $(grep -c '^regressed .*Suite.Bench[0-9]*0(Size' "$work/detect.txt" || true) of 10; elsewhere: $(grep -E '^(regressed|improved|machine)' "$work/detect.txt" | grep -vc 'Suite.Bench[0-9]*0(Size' || true)"

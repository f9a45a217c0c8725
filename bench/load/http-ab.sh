#!/usr/bin/env bash
# Two builds of perfgate's HTTP load generator side by side, with wrk as the yardstick, alternating round by round
# against the same loopback nginx (bench/load/nginx.sh, as bench/load/compare.sh uses):
#   wrk -t2 -c10   |   perfgate load -c 10 at BASE   |   perfgate load -c 10 at HEAD
# Usage: bench/load/http-ab.sh BASE-REV [HEAD-REV] [ROUNDS] [SECONDS]     (HEAD-REV defaults to the working tree)
set -euo pipefail
cd "$(dirname "$0")/../.."
base=${1:?usage: bench/load/http-ab.sh BASE-REV [HEAD-REV] [ROUNDS] [SECONDS]}
head=${2:-}
rounds=${3:-7}
secs=${4:-10}
work=$(mktemp -d)
cleanup() {
  if [ -f "$work/nginx.pid" ]; then kill "$(cat "$work/nginx.pid")" 2>/dev/null || true; fi
  for side in base head; do
    if [ -d "$work/$side-src" ]; then git worktree remove --force "$work/$side-src" 2>/dev/null || true; fi
  done
  rm -rf "$work"
}
trap cleanup EXIT

# shellcheck source=bench/load/nginx.sh
source bench/load/nginx.sh
command -v /usr/bin/time >/dev/null || { echo "needs GNU time (apt-get install time)" >&2; exit 3; }

build() { # REV-or-empty OUT
  local src=.
  if [ -n "$1" ]; then
    src="$work/$2-src"
    git worktree add --detach -q "$src" "$1"
  fi
  dotnet build "$src/src/AfirGen.PerfGate.Cli" -c Release -o "$work/$2" -v q -nologo >/dev/null
}
build "$base" base
build "$head" head

start_nginx "$work" 18082

# perfgate's throughput, median latency in µs and generator CPU per request in µs over the measured phase
figures() {
  python3 -c "import json,os; r=json.load(open('$1/results.json'))['benchmarks'][0]; s=r['scenario']
print(round(s['throughput']), round(r['latency']['p50']/1e3), round(s['system']['generatorCpu']*os.cpu_count()*$secs*1e6/s['requests'],1))"
}

declare -a W B H WC BC HC
for round in $(seq 1 "$rounds"); do
  out=$(/usr/bin/time -f "%U %S" -o "$work/time" wrk -t2 -c10 -d"${secs}s" --latency http://127.0.0.1:18082/)
  wrps=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
  wcpu=$(awk -v ops="$(awk '/requests in/ {print $1}' <<<"$out")" '{ printf "%.1f", ($1 + $2) * 1e6 / ops }' "$work/time")
  line="round $round  wrk ${wrps}/s cpu/op ${wcpu}us"
  W+=("$wrps"); WC+=("$wcpu")
  for side in base head; do
    rm -rf "$work/out"
    dotnet "$work/$side/dotnet-perfgate.dll" load http://127.0.0.1:18082/ -c 10 -d "${secs}s" --warmup 1s --out "$work/out" >/dev/null 2>&1 || true
    read -r rps p50 cpu <<<"$(figures "$work/out")"
    line="$line | $side ${rps}/s p50 ${p50}us cpu/op ${cpu}us"
    if [ "$side" = base ]; then B+=("$rps"); BC+=("$cpu"); else H+=("$rps"); HC+=("$cpu"); fi
  done
  echo "$line"
done

median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
echo "medians over $rounds rounds of ${secs}s: wrk $(median "${W[@]}")/s ($(median "${WC[@]}") us/request);" \
  "base $(median "${B[@]}")/s ($(median "${BC[@]}") us); head $(median "${H[@]}")/s ($(median "${HC[@]}") us)"

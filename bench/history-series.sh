#!/usr/bin/env bash
# A real history: RUNS runs of the sample's micro-benchmarks on this machine, each from its own commit of a throwaway
# copy of the sample, with DraftBenchmarks.Normalize made 10% slower from the commit in the middle (its body normalises
# the complaint 10 times per invocation before, 11 times after; OperationsPerInvoke stays 10). Each run is added to a
# folder store with `perfgate history add`; then `history detect` must name the slowing commit, and `history report`
# draws the page.
# Usage: bench/history-series.sh [RUNS] [OUT] [LAUNCHES]
#   bench/history-series.sh 30 /tmp/series 2     30 runs of two launches each; the store, page and log in /tmp/series
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
runs=${1:-30}
out=${2:-$(mktemp -d)}
launches=${3:-2}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$out"
rm -rf "$out/store" "$out/page"
dotnet build src/AfirGen.PerfGate.Cli -c Release -o "$work/tool" -v quiet -nologo >/dev/null
perfgate() { dotnet "$work/tool/dotnet-perfgate.dll" "$@"; }

repo=$work/repo
mkdir -p "$repo/samples"
cp Directory.Build.props Directory.Packages.props global.json .editorconfig "$repo/"
for p in AfirGen.Backend.Core AfirGen.Backend.Benchmarks; do
  rsync -a --exclude bin --exclude obj "samples/$p" "$repo/samples/"
done
repeats() { # $1: how many normalisations one invocation of Normalize does
  python3 - "$repo/samples/AfirGen.Backend.Benchmarks/DraftBenchmarks.cs" "$1" <<'PY'
import re, sys
path, n = sys.argv[1], sys.argv[2]
text = open(path).read()
body = "    [Benchmark(OperationsPerInvoke = 10)]\n    public string Normalize() { var s = \"\"; for (var i = 0; i < %s; i++) { s = ComplaintText.Normalize(_raw); } return s; }" % n
text, count = re.subn(r"    \[Benchmark[^\]]*\]\n    public string Normalize\(\)[^\n]*", body, text)
assert count == 1, "Normalize not found"
open(path, "w").write(text)
PY
}
repeats 10
git -C "$repo" init -q
git -C "$repo" -c user.name=bench -c user.email=bench@localhost add -A
git -C "$repo" -c user.name=bench -c user.email=bench@localhost commit -qm "the sample"
slowed_at=$(( runs / 2 + 1 ))
echo "$runs runs of $launches launches on $(nproc) cores; Normalize 10% slower from run $slowed_at; load average $(cut -d' ' -f1 /proc/loadavg)"
for r in $(seq "$runs"); do
  if (( r == slowed_at )); then
    repeats 11
    git -C "$repo" -c user.name=bench -c user.email=bench@localhost commit -qam "Normalize does 10% more work"
    echo "slowed at commit $(git -C "$repo" rev-parse HEAD)" | tee "$out/slowed-commit"
  else
    git -C "$repo" -c user.name=bench -c user.email=bench@localhost commit -q --allow-empty -m "nightly $r"
  fi
  start=$SECONDS
  (cd "$repo" && perfgate run --project samples/AfirGen.Backend.Benchmarks/AfirGen.Backend.Benchmarks.csproj --launches "$launches" --out "$work/run") >"$work/log" 2>&1 \
    || [ $? -eq 1 ] || { cat "$work/log"; exit 1; }
  perfgate history add "$work/run" --to "$out/store" >/dev/null
  echo "run $r: commit $(git -C "$repo" rev-parse --short=12 HEAD), $((SECONDS - start)) s, load average $(cut -d' ' -f1 /proc/loadavg)"
done
set +e
perfgate history detect "$out/store" --recent "$runs" | tee "$out/detect.txt"
perfgate history report "$out/store" --output "$out/page"
echo "store, page and detect.txt in $out"

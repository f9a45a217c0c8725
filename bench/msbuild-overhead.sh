#!/usr/bin/env bash
# Measures what AfirGen.PerfGate.MSBuild adds to an incremental `dotnet build` of a project that references it
# (a real BenchmarkDotNet export of 7 benchmarks as both results and baseline, so the gate passes):
#   off      PerfGateEnabled=false: the plain incremental build
#   skipped  PerfGateEnabled=true, nothing changed: the PerfGate target is skipped by its stamp
#   gated    PerfGateEnabled=true, results touched before every build: the gate loads, compares and reports
# Prints the median wall time of each (and min/max) and the ratio to `off`.
# Builds run with --disable-build-servers so that no MSBuild node outlives the script (as on a CI runner).
# Usage: bench/msbuild-overhead.sh [RUNS]
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-15}
repo=$(pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
version="0.1.0-bench.$(date +%s)"
export NUGET_PACKAGES="$work/nuget-packages" DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

dotnet pack src/AfirGen.PerfGate.MSBuild -c Release -o "$work/feed" --artifacts-path "$work/build" -p:Version="$version" --disable-build-servers >/dev/null
mkdir -p "$work/proj"
cat >"$work/nuget.config" <<XML
<configuration><packageSources><add key="perfgate-bench" value="$work/feed" /></packageSources></configuration>
XML
cat >"$work/proj/Bench.csproj" <<XML
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup><TargetFramework>net10.0</TargetFramework></PropertyGroup>
  <ItemGroup><PackageReference Include="AfirGen.PerfGate.MSBuild" Version="$version" /></ItemGroup>
</Project>
XML
printf 'namespace Bench;\npublic class StringBench { public int Concat() => 1; }\n' >"$work/proj/StringBench.cs"
cp "$repo/tests/AfirGen.PerfGate.Core.Tests/data/bdn/StringBench-report-full.json" "$work/proj/current.json"
cp "$work/proj/current.json" "$work/proj/baseline.json"

cd "$work/proj"
gate=(-p:PerfGateResults=current.json -p:PerfGateBaseline=baseline.json)
build() { dotnet build --no-restore --disable-build-servers -nologo -v:q "$@" >/dev/null; }
dotnet build --disable-build-servers -nologo -v:q >/dev/null   # restore and first compile
build -p:PerfGateEnabled=true "${gate[@]}"                      # first gate: writes the stamp

# The three cases are interleaved run by run, so that the shared machine's drift falls on all of them alike.
# Prints "median min max" in milliseconds for each, after 2 warm-up rounds.
timed() { local t0=$(date +%s%N); build "$@"; local t1=$(date +%s%N); echo $(( (t1 - t0) / 1000000 )); }
: >off.ms; : >skipped.ms; : >gated.ms
for i in $(seq $((runs + 2))); do
  a=$(timed -p:PerfGateEnabled=false "${gate[@]}")
  b=$(timed -p:PerfGateEnabled=true "${gate[@]}")
  touch current.json
  c=$(timed -p:PerfGateEnabled=true "${gate[@]}")
  if [ "$i" -gt 2 ]; then echo "$a" >>off.ms; echo "$b" >>skipped.ms; echo "$c" >>gated.ms; fi
done
stats() { sort -n "$1" | awk '{ t[NR]=$1 } END { printf "%d %d %d\n", t[int((NR+1)/2)], t[1], t[NR] }'; }
read -r off off_min off_max < <(stats off.ms)
read -r skipped skipped_min skipped_max < <(stats skipped.ms)
read -r gated gated_min gated_max < <(stats gated.ms)
# The last gated build must have run the gate and passed, or the figures measure something else.
touch current.json
dotnet build --no-restore --disable-build-servers -nologo -p:PerfGateEnabled=true "${gate[@]}" | grep -q "gate passed" || { echo "the gate did not run and pass" >&2; exit 1; }

echo "incremental dotnet build, $runs runs each, median (min-max) in ms:"
awk -v o="$off" -v omin="$off_min" -v omax="$off_max" -v s="$skipped" -v smin="$skipped_min" -v smax="$skipped_max" \
    -v g="$gated" -v gmin="$gated_min" -v gmax="$gated_max" 'BEGIN {
  printf "  off      %5d (%d-%d)\n", o, omin, omax
  printf "  skipped  %5d (%d-%d)  ratio %.2f  adds %+d ms\n", s, smin, smax, s / o, s - o
  printf "  gated    %5d (%d-%d)  ratio %.2f  adds %+d ms\n", g, gmin, gmax, g / o, g - o
}'

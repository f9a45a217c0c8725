#!/usr/bin/env bash
# Fuzzes one of PerfGate's readers with afl-fuzz through SharpFuzz, or replays saved inputs without afl-fuzz.
#
#   scripts/fuzz.sh READER SECONDS          fuzz READER for SECONDS on one core, then print a summary
#   scripts/fuzz.sh --replay READER [PATH...]
#                                           run each file under PATH (default: fuzz/findings/READER, or the
#                                           seed corpus when there are no findings) once; exit 1 on any finding
#   scripts/fuzz.sh --replay all            replay every reader's seed corpus and findings (fails until they are fixed)
#   scripts/fuzz.sh --replay seeds          replay every reader's seed corpus only (a quick smoke for CI)
#
# READER is one of: results bdn config threshold loader.
# Environment: FUZZ_CPU (the one core afl-fuzz and the target run on, default: the last one),
#              FUZZ_OUT (afl-fuzz's output folder, default: fuzz/out; ignored by git),
#              FUZZ_TIMEOUT_MS (one execution longer than this is a hang, default: 5000).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
project="fuzz/AfirGen.PerfGate.Fuzz/AfirGen.PerfGate.Fuzz.csproj"
readers=(results bdn config threshold loader)
out_root="${FUZZ_OUT:-fuzz/out}"

usage() {
    # The comment at the top of this file, without its '#'.
    awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "$0" >&2
    exit 2
}

is_reader() {
    local r
    for r in "${readers[@]}"; do
        [[ "$1" == "$r" ]] && return 0
    done
    return 1
}

publish() {
    # $1: folder; the harness and an unmodified Core go there.
    rm -rf "$1"
    dotnet publish "$project" -c Release -o "$1" --nologo -v quiet -p:UseAppHost=false >&2
}

replay() {
    local reader="$1"
    shift
    local bin="$out_root/replay-bin"
    publish "$bin"
    local targets=("$reader")
    [[ "$reader" == all || "$reader" == seeds ]] && targets=("${readers[@]}")
    local status=0 r paths
    for r in "${targets[@]}"; do
        if (($# > 0)); then
            paths=("$@")
        elif [[ "$reader" == seeds ]]; then
            paths=("fuzz/corpus/$r")
        elif [[ "$reader" == all ]]; then
            paths=("fuzz/corpus/$r")
            [[ -d "fuzz/findings/$r" ]] && paths+=("fuzz/findings/$r")
        elif [[ -d "fuzz/findings/$r" ]]; then
            paths=("fuzz/findings/$r")
        else
            paths=("fuzz/corpus/$r")
        fi
        # A finding that kills the process (a stack overflow) still fails the replay, by its exit code.
        local rc=0
        dotnet "$bin/AfirGen.PerfGate.Fuzz.dll" "$r" --replay "${paths[@]}" || rc=$?
        if ((rc > 1)); then
            echo "FINDING $r: the process died (exit code $rc) while replaying ${paths[*]}"
        fi
        ((rc == 0)) || status=1
    done
    return "$status"
}

install_tools() {
    if ! command -v afl-fuzz >/dev/null; then
        apt-get update -qq
        apt-get install -y -qq afl++ >/dev/null
    fi
    export PATH="$PATH:$HOME/.dotnet/tools"
    if ! command -v sharpfuzz >/dev/null; then
        dotnet tool install --global SharpFuzz.CommandLine --version 2.3.0 >/dev/null
    fi
}

stat_of() {
    # $1: fuzzer_stats file, $2: field; empty when afl-fuzz did not write it.
    awk -F' *: *' -v k="$2" '$1 == k { print $2 }' "$1"
}

fuzz() {
    local reader="$1" seconds="$2"
    install_tools
    local out="$out_root/$reader"
    local bin="$out_root/$reader-bin"
    publish "$bin"
    # Only Core is measured: the harness, SharpFuzz and the framework are not instrumented.
    sharpfuzz "$bin/AfirGen.PerfGate.Core.dll" >/dev/null
    rm -rf "$out"
    mkdir -p "$out"

    local cpu="${FUZZ_CPU:-$(($(nproc) - 1))}"
    local commit
    commit="$(git rev-parse --short HEAD)"
    echo "fuzzing $reader for $seconds s on core $cpu at $commit; afl-fuzz log: $out/afl.log" >&2

    # The target is 'dotnet', which afl-fuzz cannot see instrumented (SKIP_BIN_CHECK); SharpFuzz speaks the fork
    # server protocol from inside it. A 1 GB heap limit turns a runaway allocation on a small input into a crash.
    local rc=0
    AFL_SKIP_CPUFREQ=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1 AFL_SKIP_BIN_CHECK=1 AFL_NO_AFFINITY=1 AFL_NO_UI=1 \
        DOTNET_GCHeapHardLimit=0x40000000 DOTNET_gcServer=0 DOTNET_CLI_TELEMETRY_OPTOUT=1 \
        taskset -c "$cpu" afl-fuzz -i "fuzz/corpus/$reader" -o "$out" -x "fuzz/dictionaries/$reader.dict" \
        -t "${FUZZ_TIMEOUT_MS:-5000}" -m none -V "$seconds" \
        -- dotnet "$bin/AfirGen.PerfGate.Fuzz.dll" "$reader" >"$out/afl.log" 2>&1 || rc=$?

    local stats="$out/default/fuzzer_stats"
    if [[ ! -f "$stats" ]]; then
        tail -n 30 "$out/afl.log" >&2
        echo "afl-fuzz did not start (exit code $rc)" >&2
        return 3
    fi

    local run_time execs per_sec corpus crashes hangs
    run_time="$(stat_of "$stats" run_time)"
    execs="$(stat_of "$stats" execs_done)"
    per_sec="$(awk -v e="$execs" -v t="$run_time" 'BEGIN { printf "%.0f", (t > 0 ? e / t : 0) }')"
    corpus="$(stat_of "$stats" corpus_count)"
    crashes="$(stat_of "$stats" saved_crashes)"
    hangs="$(stat_of "$stats" saved_hangs)"

    local kind file copied=0
    for kind in crashes hangs; do
        for file in "$out/default/$kind"/id:*; do
            [[ -e "$file" ]] || continue
            mkdir -p "fuzz/findings/$reader"
            cp "$file" "fuzz/findings/$reader/${kind%es}-$(basename "$file" | cut -d, -f1 | tr ':' '-')"
            copied=$((copied + 1))
        done
    done

    echo "reader:        $reader"
    echo "commit:        $commit"
    echo "date:          $(date -u +%Y-%m-%d)"
    echo "duration:      $run_time s"
    echo "executions:    $execs ($per_sec/s)"
    echo "corpus paths:  $corpus"
    echo "crashes:       $crashes"
    echo "hangs:         $hangs"
    if ((copied > 0)); then
        echo "findings:      $copied inputs copied to fuzz/findings/$reader/ (replay: scripts/fuzz.sh --replay $reader)"
    fi
    echo "| $reader | $run_time s | $execs | $per_sec | $corpus | $crashes | $hangs | $commit | $(date -u +%Y-%m-%d) |"
}

(($# >= 2)) || usage
if [[ "$1" == --replay ]]; then
    [[ "$2" == all || "$2" == seeds ]] || is_reader "$2" || usage
    reader="$2"
    shift 2
    replay "$reader" "$@"
else
    is_reader "$1" || usage
    [[ "$2" =~ ^[0-9]+$ ]] || usage
    fuzz "$1" "$2"
fi

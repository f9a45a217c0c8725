#!/usr/bin/env bash
# Runs the gate in the chosen mode and records its exit code; it never fails the step itself,
# so that the report and the comment are still made. verdict.sh turns the code into the job's result.
set -euo pipefail
# shellcheck source=action/lib.sh
. "$(dirname "$0")/lib.sh"

mode="${PERFGATE_MODE:-run}"
out="${PERFGATE_OUT:-perfgate-results}"
args=()

case "$mode" in
  run)
    args=(run --out "$out")
    [ -n "${PERFGATE_CONFIG:-}" ] && args+=(--config "$PERFGATE_CONFIG")
    [ -n "${PERFGATE_PROJECT:-}" ] && args+=(--project "$PERFGATE_PROJECT")
    [ -n "${PERFGATE_BASELINE:-}" ] && args+=(--baseline "$PERFGATE_BASELINE")
    [ -n "${PERFGATE_SHARD:-}" ] && args+=(--shard "$PERFGATE_SHARD")
    ;;
  ab)
    if [ -z "${PERFGATE_BASE_REF:-}" ]; then
      echo "::error title=PerfGate::mode ab needs the base-ref input"
      exit 2
    fi
    args=(ab --base "$PERFGATE_BASE_REF" --out "$out")
    [ -n "${PERFGATE_CONFIG:-}" ] && args+=(--config "$PERFGATE_CONFIG")
    [ -n "${PERFGATE_PROJECT:-}" ] && args+=(--project "$PERFGATE_PROJECT")
    ;;
  compare)
    if [ -z "${PERFGATE_BASELINE:-}" ] || [ -z "${PERFGATE_RESULTS:-}" ]; then
      echo "::error title=PerfGate::mode compare needs the baseline and results inputs"
      exit 2
    fi
    args=(compare "$PERFGATE_BASELINE" "$PERFGATE_RESULTS" --out "$out")
    [ -n "${PERFGATE_CONFIG:-}" ] && args+=(--config "$PERFGATE_CONFIG")
    ;;
  *)
    echo "::error title=PerfGate::unknown mode; expected run, ab or compare"
    exit 2
    ;;
esac

# Thresholds and the fail policy go to the step that decides: the comment step only states what it decided.
[ -n "${PERFGATE_THRESHOLD:-}" ] && args+=(--threshold "$PERFGATE_THRESHOLD")
[ -n "${PERFGATE_FAIL_ON:-}" ] && args+=(--fail-on "$PERFGATE_FAIL_ON")

# Benchmark names in the tool's output are untrusted: no line of it may act as a workflow command.
token="$(random_token)"
echo "::stop-commands::${token}"
code=0
perfgate "${args[@]}" || code=$?
echo "::${token}::"

case "$code" in
  0) verdict=passed ;;
  1) verdict=failed ;;
  *) verdict=error ;;
esac
echo "perfgate: exit code ${code} (${verdict})"

set_output exit-code "$code"
set_output verdict "$verdict"
set_output results-dir "$out"
set_output report-markdown "$out/report.md"
set_output report-html "$out/report.html"

if [ "$verdict" = error ] && [ -n "${GITHUB_STEP_SUMMARY:-}" ]; then
  printf '## PerfGate could not give a verdict\n\nThe tool exited with code %s (2: bad input, 3: the run could not be done, 130: cancelled). The step log has the reason.\n' "$code" >> "$GITHUB_STEP_SUMMARY"
fi

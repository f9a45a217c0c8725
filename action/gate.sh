#!/usr/bin/env bash
# Runs the gate in the chosen mode and records its exit code; it never fails the step itself,
# so that the report and the comment are still made. verdict.sh turns the code into the job's result.
set -euo pipefail
# shellcheck source=action/lib.sh
. "$(dirname "$0")/lib.sh"

mode="${PERFGATE_MODE:-run}"
out="${PERFGATE_OUT:-perfgate-results}"
args=()

finish() {
  local code="$1" reason="${2:-}" verdict
  case "$code" in
    0) verdict=passed ;;
    1) verdict=failed ;;
    *) verdict=error ;;
  esac
  echo "perfgate: exit code ${code} (${verdict})"
  set_output exit-code "$code"
  set_output verdict "$verdict"
  set_output error-reason "$reason"
  set_output results-dir "$out"
  set_output report-markdown "$out/report.md"
  set_output report-html "$out/report.html"
  if [ "$verdict" = error ] && [ -n "${GITHUB_STEP_SUMMARY:-}" ]; then
    printf '## PerfGate could not give a verdict\n\nThe tool exited with code %s (2: bad input, 3: the run could not be done, 130: cancelled). The step log has the reason.\n' "$code" >> "$GITHUB_STEP_SUMMARY"
  fi
  exit 0
}

# Makes sure the base revision of mode ab is in the checkout: a shallow clone (actions/checkout's default) lacks it.
# A fetched ref that has no local name is used as FETCH_HEAD.
ensure_commit() {
  git rev-parse --verify --quiet "${1}^{commit}" >/dev/null && return 0
  echo "perfgate: ${1} is not in this checkout; fetching it from origin"
  git fetch --no-tags --quiet --depth=1 origin "$1"
}

case "$mode" in
  run)
    args=(run --out "$out")
    [ -n "${PERFGATE_CONFIG:-}" ] && args+=(--config "$PERFGATE_CONFIG")
    [ -n "${PERFGATE_PROJECT:-}" ] && args+=(--project "$PERFGATE_PROJECT")
    if [ -n "${PERFGATE_BASELINE:-}" ]; then
      if [ -f "$PERFGATE_BASELINE" ]; then
        args+=(--baseline "$PERFGATE_BASELINE")
      else
        # The first run of a repository (or the first after the baseline's cache key changed) has nothing to compare with.
        notice "no baseline at ${PERFGATE_BASELINE} yet: this run is measured and checked against its thresholds only; a scheduled or manual run on the default branch saves one"
      fi
    fi
    [ -n "${PERFGATE_SHARD:-}" ] && args+=(--shard "$PERFGATE_SHARD")
    ;;
  ab)
    if [ -z "${PERFGATE_BASE_REF:-}" ]; then
      echo "::error title=PerfGate::mode ab needs the base-ref input"
      finish 2 "mode ab needs the base-ref input"
    fi
    if ! ensure_commit "$PERFGATE_BASE_REF"; then
      echo "::error title=PerfGate::base-ref is not in the checkout and could not be fetched; check out with fetch-depth: 0 (actions/checkout)"
      finish 2 "base-ref is not in the checkout and could not be fetched; check out with fetch-depth: 0"
    fi
    base="$PERFGATE_BASE_REF"
    git rev-parse --verify --quiet "${base}^{commit}" >/dev/null || base=FETCH_HEAD
    args=(ab --base "$base" --out "$out")
    [ -n "${PERFGATE_CONFIG:-}" ] && args+=(--config "$PERFGATE_CONFIG")
    [ -n "${PERFGATE_PROJECT:-}" ] && args+=(--project "$PERFGATE_PROJECT")
    ;;
  compare)
    if [ -z "${PERFGATE_BASELINE:-}" ] || [ -z "${PERFGATE_RESULTS:-}" ]; then
      echo "::error title=PerfGate::mode compare needs the baseline and results inputs"
      finish 2 "mode compare needs the baseline and results inputs"
    fi
    args=(compare "$PERFGATE_BASELINE" "$PERFGATE_RESULTS" --out "$out")
    [ -n "${PERFGATE_CONFIG:-}" ] && args+=(--config "$PERFGATE_CONFIG")
    ;;
  comment)
    # Reports a verdict made elsewhere (the workflow_run half of the fork pattern): nothing is measured or built here.
    if [ -z "${PERFGATE_RESULTS:-}" ]; then
      echo "::error title=PerfGate::mode comment needs the results input (the downloaded report folder)"
      finish 2 "mode comment needs the results input"
    fi
    out="$PERFGATE_RESULTS"
    args=(report "$PERFGATE_RESULTS" --format text)
    ;;
  *)
    echo "::error title=PerfGate::unknown mode; expected run, ab, compare or comment"
    finish 2 "unknown mode; expected run, ab, compare or comment"
    ;;
esac

# Thresholds and the fail policy go to the step that decides: the comment step only states what it decided.
if [ "$mode" != comment ]; then
  [ -n "${PERFGATE_THRESHOLD:-}" ] && args+=(--threshold "$PERFGATE_THRESHOLD")
  [ -n "${PERFGATE_FAIL_ON:-}" ] && args+=(--fail-on "$PERFGATE_FAIL_ON")
fi

# Benchmark names in the tool's output are untrusted: no line of it may act as a workflow command. Both streams go
# through one pipe, so every line is printed (and kept for the error reason) before commands are turned back on.
log="$(mktemp)"
trap 'rm -f "$log"' EXIT
token="$(random_token)"
echo "::stop-commands::${token}"
set +e
perfgate "${args[@]}" 2>&1 | tee "$log"
code="${PIPESTATUS[0]}"
set -e
echo "::${token}::"

reason=""
if [ "$code" -gt 1 ]; then
  reason="$(grep -E '^perfgate: (internal )?error: ' "$log" | tail -n 1 || true)"
  case "$code" in
    130|143|129) [ -n "$reason" ] || reason="the run was cancelled" ;;
  esac
  reason="${reason:0:1000}"
fi
finish "$code" "$reason"

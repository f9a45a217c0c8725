#!/usr/bin/env bash
# Job summary, annotations, outputs and the sticky pull-request comment, through 'perfgate comment'.
# GitHub's failures are warnings there; this step fails only when the tool itself cannot run.
set -euo pipefail
# shellcheck source=action/lib.sh
. "$(dirname "$0")/lib.sh"

out="${PERFGATE_OUT:-perfgate-results}"
if [ ! -f "$out/results.json" ]; then
  echo "perfgate: no results in $out; nothing to report"
  exit 0
fi

# The output folder holds the verdict the gate step decided (comparison.json, with the baseline, thresholds and
# fail policy it used): the comment states that one and never decides again. --key keeps the comment's marker.
args=(comment --results "$out" --key "${PERFGATE_CONFIG:-default}")

pr=""
if [ -n "${GITHUB_EVENT_PATH:-}" ] && [ -f "$GITHUB_EVENT_PATH" ]; then
  pr="$(jq -r '.pull_request.number // empty' "$GITHUB_EVENT_PATH")"
fi

case "${PERFGATE_COMMENT:-auto}" in
  off) pr="" ;;
  auto) ;;
  always)
    [ -z "$pr" ] && echo "perfgate: comment is 'always' but this run is not for a pull request; no comment"
    ;;
  on-regression) args+=(--when on-regression) ;;
  *)
    echo "::warning title=PerfGate::unknown comment input; expected auto, always, on-regression or off; no comment"
    pr=""
    ;;
esac

if [ -n "$pr" ]; then
  if ! [[ "$pr" =~ ^[0-9]+$ ]]; then
    echo "::warning title=PerfGate::the event's pull request number is not a number; no comment"
  else
    args+=(--pr "$pr" --repo "${GITHUB_REPOSITORY:?}")
  fi
fi

code=0
perfgate "${args[@]}" || code=$?
# 0 and 1 are the gate's verdict, which verdict.sh acts on; anything else is this step's own failure.
if [ "$code" -gt 1 ]; then
  exit "$code"
fi

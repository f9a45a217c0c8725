#!/usr/bin/env bash
# Job summary, annotations, outputs, the sticky pull-request comment and the check run, through 'perfgate comment'.
# The tool reads the pull request, its head commit and the run from GITHUB_EVENT_PATH itself.
# GitHub's failures are warnings there; this step fails only when the tool itself cannot run.
set -euo pipefail
# shellcheck source=action/lib.sh
. "$(dirname "$0")/lib.sh"

out="${PERFGATE_OUT:-perfgate-results}"
[ "${PERFGATE_MODE:-run}" = comment ] && out="${PERFGATE_RESULTS:-}"

args=(comment --key "${PERFGATE_COMMENT_KEY:-${PERFGATE_CONFIG:-default}}")
[ -n "${PERFGATE_COMMENT_AUTHOR:-}" ] && args+=(--author "$PERFGATE_COMMENT_AUTHOR")
[ -n "${PERFGATE_CHECK_NAME:-}" ] && args+=(--check-name "$PERFGATE_CHECK_NAME")

case "${PERFGATE_GATE_VERDICT:-}" in
  passed|failed)
    # The output folder holds the verdict the gate step decided (comparison.json, with the baseline, thresholds and
    # fail policy it used): the comment states that one and never decides again.
    if [ ! -f "$out/results.json" ]; then
      echo "perfgate: no results in $out; nothing to report"
      exit 0
    fi
    args+=(--results "$out")
    ;;
  *)
    # No verdict: the comment and the check say so, so that an earlier verdict does not stand for this commit.
    args+=(--no-verdict "${PERFGATE_GATE_EXIT_CODE:-3}")
    [ -n "${PERFGATE_GATE_ERROR:-}" ] && args+=(--reason "$PERFGATE_GATE_ERROR")
    ;;
esac

case "${PERFGATE_COMMENT:-auto}" in
  off) when=off ;;
  auto) when=changes ;;
  always) when=always ;;
  on-regression) when=on-regression ;;
  *)
    echo "::warning title=PerfGate::unknown comment input; expected auto, always, on-regression or off; no comment"
    when=off
    ;;
esac

# Mode comment, in a workflow_run: the pull request number comes from the measuring run's artifact, so the tool
# checks that the pull request is at the head commit that run measured before it comments.
if [ -n "${PERFGATE_PR_NUMBER:-}" ]; then
  if [[ "$PERFGATE_PR_NUMBER" =~ ^[0-9]{1,9}$ ]]; then
    args+=(--pr "$PERFGATE_PR_NUMBER")
  else
    echo "::warning title=PerfGate::the pr-number input is not a pull request number; no comment"
    when=off
  fi
fi
args+=(--when "$when")
if [ -n "${PERFGATE_HISTORY:-}" ]; then
  args+=(--history "$PERFGATE_HISTORY")
  [[ "$PERFGATE_HISTORY" == git:* ]] && args+=(--history-remote origin)
fi

code=0
perfgate "${args[@]}" || code=$?
# 0 and 1 are the gate's verdict (or the no-verdict code given back), which verdict.sh acts on; the tool's own
# failures here are bad input (2) or a run failure (3) of this step only when no verdict was being reported.
if [ "${PERFGATE_GATE_VERDICT:-}" = passed ] || [ "${PERFGATE_GATE_VERDICT:-}" = failed ]; then
  if [ "$code" -gt 1 ]; then
    exit "$code"
  fi
elif [ "$code" != "${PERFGATE_GATE_EXIT_CODE:-3}" ]; then
  exit "$code"
fi

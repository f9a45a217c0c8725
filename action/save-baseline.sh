#!/usr/bin/env bash
# Saves this run's results as the new baseline, when asked and when there are results.
set -euo pipefail
# shellcheck source=action/lib.sh
. "$(dirname "$0")/lib.sh"

if [ "${PERFGATE_SAVE_BASELINE:-false}" != true ]; then
  exit 0
fi
if [ "${PERFGATE_MODE:-run}" = comment ]; then
  echo "::warning title=PerfGate::no baseline saved: mode comment reports another run's results, measured on code this workflow did not check"
  exit 0
fi

out="${PERFGATE_OUT:-perfgate-results}"
case "${PERFGATE_EXIT_CODE:-}" in
  0|1) ;;
  *)
    echo "::warning title=PerfGate::no baseline saved: the gate gave no verdict (exit code ${PERFGATE_EXIT_CODE:-none}), so its results are not whole"
    exit 0
    ;;
esac

args=(baseline save "$out/results.json")
[ -n "${PERFGATE_BASELINE:-}" ] && args+=(--to "$PERFGATE_BASELINE")
[ -n "${PERFGATE_CONFIG:-}" ] && args+=(--config "$PERFGATE_CONFIG")
perfgate "${args[@]}"

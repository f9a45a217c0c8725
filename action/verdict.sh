#!/usr/bin/env bash
# Ends the action with the gate's verdict: a failed gate fails the job unless fail-on-regression is false;
# bad input, a run that could not be done, or a cancelled one always fail it.
set -euo pipefail

code="${PERFGATE_EXIT_CODE:-}"
case "$code" in
  0)
    echo "perfgate: passed"
    ;;
  1)
    if [ "${PERFGATE_FAIL_ON_REGRESSION:-true}" = false ]; then
      echo "::warning title=PerfGate::the gate failed; fail-on-regression is false, so the job goes on"
    else
      echo "perfgate: the gate failed"
      exit 1
    fi
    ;;
  ''|*[!0-9]*)
    echo "::error title=PerfGate::the gate step left no exit code"
    exit 3
    ;;
  *)
    echo "perfgate: the gate could not give a verdict (exit code $code)"
    exit "$code"
    ;;
esac

#!/usr/bin/env bash
# Keeps this run in the history store and draws the trend page, on push to the default branch and on schedule; on
# pull requests the store is only read (the comment step shows the trends). The nightly gate fails the job when an
# unexplained regression began in the store's last runs.
set -euo pipefail
# shellcheck source=action/lib.sh
. "$(dirname "$0")/lib.sh"

store="${PERFGATE_HISTORY:-}"
[ -z "$store" ] && exit 0
set_output history-added false
if [ "${PERFGATE_MODE:-run}" = comment ]; then
  exit 0
fi

event="${GITHUB_EVENT_NAME:-}"
default_branch=""
if [ -n "${GITHUB_EVENT_PATH:-}" ] && [ -f "$GITHUB_EVENT_PATH" ] && command -v jq >/dev/null; then
  default_branch=$(jq -r '.repository.default_branch // empty' "$GITHUB_EVENT_PATH" 2>/dev/null || true)
fi
case "$event" in
  schedule) ;;
  push)
    if [ -z "$default_branch" ] || [ "${GITHUB_REF:-}" != "refs/heads/$default_branch" ]; then
      exit 0
    fi
    ;;
  *) exit 0 ;;
esac

out="${PERFGATE_OUT:-perfgate-results}"
case "${PERFGATE_EXIT_CODE:-}" in
  0|1) ;;
  *)
    echo "::warning title=PerfGate::not added to the history: the gate gave no verdict (exit code ${PERFGATE_EXIT_CODE:-none}), so its results are not whole"
    exit 0
    ;;
esac

remote=()
if [[ "$store" == git:* ]]; then
  remote=(--remote origin)
  # A checkout without persisted credentials still pushes the data branch: the token goes to git in its environment
  # only (as an HTTP header for this server), never into .git/config or a command line.
  if [ -n "${GITHUB_TOKEN:-}" ]; then
    basic=$(printf 'x-access-token:%s' "$GITHUB_TOKEN" | base64 | tr -d '\n')
    echo "::add-mask::$basic"
    export GIT_CONFIG_COUNT=1 GIT_CONFIG_KEY_0="http.${GITHUB_SERVER_URL:-https://github.com}/.extraheader" GIT_CONFIG_VALUE_0="AUTHORIZATION: basic $basic"
  fi
fi
add=(history add "$out/results.json" --to "$store" "${remote[@]}")
[ -n "${PERFGATE_CONFIG:-}" ] && add+=(--config "$PERFGATE_CONFIG")
perfgate "${add[@]}"
set_output history-added true

page="${PERFGATE_HISTORY_PAGE:-perfgate-history}"
perfgate history report "$store" "${remote[@]}" --output "$page"
set_output history-page "$page"

code=0
perfgate history detect "$store" "${remote[@]}" > "$out/history.txt" || code=$?
cat "$out/history.txt"
if [ -n "${GITHUB_STEP_SUMMARY:-}" ]; then
  { printf '\n#### Performance history\n\n```text\n'; cat "$out/history.txt"; printf '```\n'; } >> "$GITHUB_STEP_SUMMARY"
fi
case "$code" in
  0) ;;
  1)
    if [ "${PERFGATE_HISTORY_GATE:-true}" = true ]; then
      echo "::error title=PerfGate history::an unexplained regression began in the history's last runs; see $out/history.txt"
      exit 1
    fi
    ;;
  *) exit "$code" ;;
esac

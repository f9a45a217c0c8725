#!/usr/bin/env bash
# Shared by the action's scripts: how to call the tool, and how to write step outputs.
# Inputs arrive only as environment variables (set in action.yml's env: blocks), never as script text.

# The folder the install step puts the tool in.
perfgate_tool_path() {
  printf '%s/perfgate-tool' "${RUNNER_TEMP:-${TMPDIR:-/tmp}}"
}

# Runs the perfgate tool: the tool-command input when given (split on spaces), else the installed tool.
perfgate() {
  if [ -n "${PERFGATE_TOOL_COMMAND:-}" ]; then
    local -a command
    read -r -a command <<< "$PERFGATE_TOOL_COMMAND"
    "${command[@]}" "$@"
  else
    "$(perfgate_tool_path)/dotnet-perfgate" "$@"
  fi
}

# A random token for ::stop-commands:: and output delimiters, so that tool output (benchmark names) cannot act.
random_token() {
  od -An -N16 -tx1 /dev/urandom | tr -d ' \n'
}

# Appends one step output in the multi-line form with a random delimiter: a value (a path from an input, an error
# line) can hold newlines or '=' and still cannot end the value early or set another output.
set_output() {
  local delimiter
  delimiter="ghadelimiter_$(random_token)"
  while [[ "$2" == *"$delimiter"* ]]; do
    delimiter="ghadelimiter_$(random_token)"
  done
  printf '%s<<%s\n%s\n%s\n' "$1" "$delimiter" "$2" "$delimiter" >> "$GITHUB_OUTPUT"
}

# Prints a notice annotation; the message is escaped so that it stays one line of data.
notice() {
  local text="$1"
  text="${text//'%'/'%25'}"
  text="${text//$'\r'/'%0D'}"
  text="${text//$'\n'/'%0A'}"
  printf '::notice title=PerfGate::%s\n' "$text"
}

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

# Appends one step output; values here are paths and codes made by these scripts, one line each.
set_output() {
  printf '%s=%s\n' "$1" "$2" >> "$GITHUB_OUTPUT"
}

# A random token for ::stop-commands::, so that tool output (benchmark names) cannot issue workflow commands.
random_token() {
  od -An -N16 -tx1 /dev/urandom | tr -d ' \n'
}

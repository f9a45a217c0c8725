#!/usr/bin/env bash
# Installs the AfirGen.PerfGate .NET tool into the runner's temp folder, unless a tool command was given.
set -euo pipefail
# shellcheck source=action/lib.sh
. "$(dirname "$0")/lib.sh"

if [ -n "${PERFGATE_TOOL_COMMAND:-}" ]; then
  echo "perfgate: using the given tool command instead of installing"
  exit 0
fi

args=(tool install AfirGen.PerfGate --tool-path "$(perfgate_tool_path)")
if [ -n "${PERFGATE_TOOL_VERSION:-}" ]; then
  args+=(--version "$PERFGATE_TOOL_VERSION")
fi
if [ -n "${PERFGATE_TOOL_SOURCE:-}" ]; then
  args+=(--add-source "$PERFGATE_TOOL_SOURCE")
fi

if [ -x "$(perfgate_tool_path)/dotnet-perfgate" ]; then
  echo "perfgate: already installed in $(perfgate_tool_path)"
else
  dotnet "${args[@]}"
fi
perfgate --version || true

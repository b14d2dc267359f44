#!/usr/bin/env bash
# Neovim and Emacs, end to end, with the configuration snippets the README gives users:
# each opens a logbook in a small workspace, and scripts/editors/*-test.* check diagnostics,
# ID completion, go to definition across files, a quick fix applied and the new entry inserted.
# Needs: neovim (0.7+), emacs-nox, elpa-eglot, elpa-markdown-mode (Debian packages; .ci/run installs them).
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
jar="$root/server/target/logbook-ls.jar"
[ -f "$jar" ] || (cd "$root" && mvn -B -q package -DskipTests)
for tool in nvim emacs; do
  command -v "$tool" >/dev/null || { echo "editors-e2e: $tool is not installed (apt-get install neovim emacs-nox elpa-eglot elpa-markdown-mode)" >&2; exit 1; }
done

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# The README's snippets, with the jar's real path: what users paste is what is tested.
snippet() {
  awk -v heading="$1" -v fence="$2" '
    index($0, heading) == 1 { inside = 1 }
    inside && $0 == "```" fence { code = 1; next }
    code && $0 == "```" { exit }
    code { print }' "$root/README.md" | sed "s|/path/to/logbook-ls.jar|$jar|"
}
snippet "### Neovim" lua > "$work/init.lua"
snippet "### Emacs" elisp > "$work/init.el"
[ -s "$work/init.lua" ] && [ -s "$work/init.el" ] || { echo "editors-e2e: README snippets not found" >&2; exit 1; }

workspace() {
  rm -rf "$work/ws" && mkdir -p "$work/ws"
  printf '%s\n' "# Experiments" "" "Oldest first." "" "## 2026-11-18 [e0001] Baseline VGG" "" "Results: 89.0 % accuracy." "" \
    "Next Steps: try Adam." > "$work/ws/experiments.md"
  printf '%s\n' "# Lab journal" "" "Oldest first." "" "## 2026-11-19 [e0002] Adam" "" "Compared with [e0001]." "" \
    "Results: 91.2 % accuracy." "" "Next Steps: try cosine decay." "" "## Friday 20nd Nov 2026 [e0003] Cosine decay" "" \
    "Results: 91.5 % accuracy, see [e0001]." "" "Next Steps: rerun on the 23rd." > "$work/ws/journal.md"
  git -C "$work/ws" init -q
  cp "$work/ws/journal.md" "$work/journal.orig"
}

# The editors' buffers changed; the file on disk must not have: the server never writes files.
unchanged() {
  if cmp -s "$work/ws/journal.md" "$work/journal.orig"; then
    echo "ok   journal.md on disk is untouched (edits went to the editor's buffer)"
  else
    echo "FAIL journal.md on disk was changed"; status=1
  fi
}

status=0
echo "== Neovim $(nvim --version | head -1)"
workspace
(cd "$work/ws" && timeout 180 nvim --headless -u "$work/init.lua" -S "$root/scripts/editors/neovim-test.lua" journal.md 2>&1 \
  | grep -v '^Workspace edit') || status=1
unchanged

echo "== Emacs $(emacs --version | head -1), eglot $(ls /usr/share/emacs/site-lisp/elpa 2>/dev/null | grep -o '^eglot-[0-9.]*' | head -1)"
workspace
(cd "$work/ws" && timeout 180 emacs --batch -l "$work/init.el" -l "$root/scripts/editors/emacs-test.el" 2>&1 \
  | grep -E '^(ok|FAIL) ') || status=1
unchanged

if [ "$status" -ne 0 ]; then
  echo "editors-e2e: FAILED" >&2
fi
exit "$status"

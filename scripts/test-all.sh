#!/usr/bin/env bash
# Every test of the project, in the order a failure is cheapest to find:
#   1. the server and CLI (mvn -B verify: unit, fixture, real-logbook and LSP tests);
#   2. the product command from the README on examples/;
#   3. the TextMate grammars (vscode-tmgrammar-test against VS Code's Markdown grammar, and every real logbook);
#   4. the VS Code extension: type check, unit tests (node --test), packaging of both .vsix files;
#   4b. a smoke run of the benchmark (bench/run.mjs --smoke: tiny workloads, the peer, JMH; no thresholds);
#   5. Neovim and Emacs end to end with the README's snippets (scripts/editors-e2e.sh);
#   6. the extension end to end in a real VS Code (code-server + Chromium), screenshots in
#      vscode-extension/e2e/artifacts/. Set LOGBOOK_SKIP_E2E=1 to leave 5 and 6 out on a laptop.
# Needs ../shared beside the project, a JDK 17+, Maven and Node 20+ with npm. The end-to-end steps
# install Neovim, Emacs with eglot and markdown-mode, Chromium and the Kerberos headers with apt, and
# Node 24 and code-server with npm, if missing.
set -euo pipefail
cd "$(dirname "$0")/.."
export npm_config_update_notifier=false npm_config_fund=false npm_config_audit=false

step() { printf '\n=== %s\n' "$*"; }

step "server: mvn -B verify"
mvn -B verify

step "product: check examples/"
set +e
java -jar server/target/logbook-ls.jar check examples/ > target-examples.txt
status=$?
set -e
cat target-examples.txt
if [ "$status" -ne 1 ] || ! grep -q "^examples/lab-notebook.md:[0-9]*:[0-9]*: warning date-order" target-examples.txt; then
  echo "error: 'check examples/' should report the examples' findings and exit 1, got exit $status" >&2
  exit 1
fi
rm -f target-examples.txt

step "grammars"
(cd grammars && npm ci --loglevel=error && npm test 2> >(grep -v 'grammar not found' >&2))

step "VS Code extension: types, unit tests, packages"
(cd vscode-extension && npm ci --loglevel=error && npm run check-types && npm test && npm run package)

step "benchmark smoke run (docs/benchmarks.md; thresholds are checked by the full run only)"
(cd bench && npm ci --loglevel=error)
node bench/run.mjs --smoke --peer --jmh

if [ "${LOGBOOK_SKIP_E2E:-}" = "1" ]; then
  echo "LOGBOOK_SKIP_E2E=1: the end-to-end tests in Neovim, Emacs and VS Code are skipped."
  exit 0
fi

step "Neovim and Emacs end to end (the README's snippets)"
if ! command -v nvim >/dev/null || ! command -v emacs >/dev/null || [ ! -d /usr/share/emacs/site-lisp/elpa-src ] \
    || ! ls /usr/share/emacs/site-lisp/elpa | grep -q '^eglot-' || ! ls /usr/share/emacs/site-lisp/elpa | grep -q '^markdown-mode-'; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq neovim emacs-nox elpa-eglot elpa-markdown-mode >/dev/null
fi
bash scripts/editors-e2e.sh
step "VS Code extension end to end (code-server, Chromium)"
node24="$(bash vscode-extension/e2e/setup.sh | tail -1)"
node vscode-extension/e2e/run.mjs "$node24"

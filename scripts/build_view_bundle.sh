#!/usr/bin/env bash
# Build kg/static/kg-view.js (the `kg view` renderer: sigma.js + graphology + ForceAtlas2)
# and kg/static/THIRD_PARTY_LICENSES.txt from viewer/. Both are committed: CI and users
# never run npm. Needs node and npm; versions are pinned in viewer/package-lock.json.
set -euo pipefail
cd "$(dirname "$0")/../viewer"
npm ci --no-audit --no-fund --silent
esbuild=node_modules/.bin/esbuild
mkdir -p build
# the layout worker first: the page starts it from a Blob of this text
"$esbuild" src/layout-worker.js --bundle --minify --format=iife --target=es2020 \
  --legal-comments=none --log-level=warning --metafile=build/worker-meta.json --outfile=build/layout-worker.txt
"$esbuild" src/main.js --bundle --minify --format=iife --target=es2020 --loader:.txt=text \
  --legal-comments=none --log-level=warning --metafile=build/meta.json \
  --banner:js="/* kg-view.js: built from viewer/ by scripts/build_view_bundle.sh; third-party licences in THIRD_PARTY_LICENSES.txt */" \
  --outfile=../kg/static/kg-view.js
node scripts/licenses.mjs build/worker-meta.json build/meta.json > ../kg/static/THIRD_PARTY_LICENSES.txt
# the bundle is inlined in a <script> element: nothing in it may close or bend that element
if grep -qiE '</script|<!--' ../kg/static/kg-view.js; then
  echo "kg-view.js contains </script or <!--: cannot be inlined" >&2; exit 1
fi
ls -l ../kg/static/kg-view.js ../kg/static/THIRD_PARTY_LICENSES.txt

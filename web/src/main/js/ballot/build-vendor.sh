#!/bin/sh
# Rebuilds web/src/main/resources/org/smolny/web/static/ballot/vendor/noble-p256.mjs from the exact versions pinned in
# package-lock.json (npm ci), with the two libraries' licence files beside it. The output is committed, so that the
# build and the running server need neither npm nor the network; run this only after changing a version, and commit
# the three files it writes together with package.json and package-lock.json.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
out="$here/../../resources/org/smolny/web/static/ballot/vendor"
cd "$here"
npm ci --no-audit --no-fund
mkdir -p "$out"
./node_modules/.bin/esbuild vendor-entry.mjs --bundle --format=esm --target=es2022 --legal-comments=inline \
  --outfile="$out/noble-p256.mjs"
{
  printf '%s\n\n' "@noble/curves $(node -p "require('./node_modules/@noble/curves/package.json').version")"
  cat node_modules/@noble/curves/LICENSE
  printf '\n\n%s\n\n' "@noble/hashes $(node -p "require('./node_modules/@noble/hashes/package.json').version")"
  cat node_modules/@noble/hashes/LICENSE
} > "$out/LICENSE-noble.txt"
rm -rf node_modules
echo "wrote $out/noble-p256.mjs and $out/LICENSE-noble.txt"

#!/usr/bin/env bash
# The suite's second leg: the same tests on Node 24 LTS (the primary runtime), whatever Node the
# machine has. Node 24 comes from the npm registry (node-linux-<arch>@24, the official binary with its
# headers), so nothing is fetched from anywhere npm does not already reach. better-sqlite3 is rebuilt
# against those headers for this leg and the machine Node's build is put back on exit (even on
# failure), so `npm test` keeps working afterwards. Both builds are cached under
# node_modules/.cache/node24 keyed by the Node ABI and the better-sqlite3 version: a re-run compiles nothing.
# FIELDCHAIN_NODE24_DIR: an unpacked node-linux-<arch> package to use instead of fetching one.
set -euo pipefail
cd "$(dirname "$0")/.."
cache="node_modules/.cache/node24"
mkdir -p "$cache"
case "$(uname -m)" in x86_64) arch=x64 ;; aarch64 | arm64) arch=arm64 ;; *) echo "test-node24: no node-linux package for $(uname -m)" >&2; exit 1 ;; esac

node24="${FIELDCHAIN_NODE24_DIR:-}"
if [ -z "$node24" ]; then
	node24="$cache/node-linux-$arch"
	if [ ! -x "$node24/bin/node" ]; then
		tgz=$(npm pack "node-linux-$arch@24" --pack-destination "$cache" --silent | tail -n 1)
		rm -rf "$node24" && mkdir -p "$node24"
		tar -xzf "$cache/$tgz" -C "$node24" --strip-components=1
		rm -f "$cache/$tgz"
	fi
fi
node24=$(cd "$node24" && pwd)
version=$("$node24/bin/node" -p process.version)
abi=$("$node24/bin/node" -p process.versions.modules)
case "$version" in v24.*) ;; *) echo "test-node24: $node24 holds Node $version, not 24" >&2; exit 1 ;; esac

# better-sqlite3: keep the machine Node's build, build (or reuse) the Node 24 one.
addon="node_modules/better-sqlite3/build/Release/better_sqlite3.node"
bs3=$(node -p 'require("better-sqlite3/package.json").version')
machine_build="$cache/better_sqlite3-$bs3-abi$(node -p process.versions.modules).node"
node24_build="$cache/better_sqlite3-$bs3-abi$abi.node"
cp "$addon" "$machine_build"
trap 'cp "$machine_build" "$addon"' EXIT
if [ ! -f "$node24_build" ]; then
	echo "test-node24: building better-sqlite3 $bs3 against Node $version's headers (a few minutes, once)" >&2
	gyp="$(dirname "$(readlink -f "$(command -v npm)")")/../node_modules/node-gyp/bin/node-gyp.js"
	(cd node_modules/better-sqlite3 && PATH="$node24/bin:$PATH" "$node24/bin/node" "$gyp" rebuild --release --nodedir="$node24" --loglevel=warn >/dev/null)
	cp "$addon" "$node24_build"
fi
cp "$node24_build" "$addon"

echo "test-node24: running the suite on Node $version" >&2
export PATH="$node24/bin:$PATH"
node scripts/build.mjs
npx vitest run "$@"

#!/usr/bin/env bash
# The suite's second leg: the same tests on Node 24 LTS (the primary runtime), whatever Node the
# machine has. Node 24 comes from the npm registry (node-linux-<arch>@24, the official binary with its
# headers), so nothing is fetched from anywhere npm does not already reach. better-sqlite3 is compiled
# against those headers in a copy of its sources under node_modules/.cache/node24 (keyed by the Node
# ABI and the better-sqlite3 version: a re-run compiles nothing; scripts/node24-cache.cjs declares
# the layout, which the benchmarks read too), and every process of this leg loads
# that build through scripts/test-node24-addons.cjs. The machine Node's build in node_modules is never
# touched: a failed or interrupted leg leaves nothing to restore, and `npm run test:quick` can run in
# the same tree at the same time.
# Arguments go to vitest (`npm run test:node24 -- gateway/store`).
# FIELDCHAIN_NODE24_DIR: an unpacked node-linux-<arch> package to use instead of fetching one.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
bash scripts/test-deps.sh
layout() { node scripts/node24-cache.cjs "$@"; }
cache=$(layout dir)
mkdir -p "$cache"
case "$(uname -m)" in x86_64) arch=x64 ;; aarch64 | arm64) arch=arm64 ;; *) echo "test-node24: no node-linux package for $(uname -m)" >&2; exit 1 ;; esac

scratch=$(mktemp -d "$cache/tmp.XXXXXX")
trap 'rm -rf "$scratch"' EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

node24="${FIELDCHAIN_NODE24_DIR:-}"
if [ -z "$node24" ]; then
	node24=$(layout node-dir "$arch")
	if [ ! -x "$node24/bin/node" ]; then
		tgz=$(npm pack "node-linux-$arch@24" --pack-destination "$scratch" --silent | tail -n 1)
		mkdir -p "$scratch/node" && tar -xzf "$scratch/$tgz" -C "$scratch/node" --strip-components=1
		rm -rf "$node24" && mv "$scratch/node" "$node24"
	fi
fi
node24=$(cd "$node24" && pwd)
version=$("$node24/bin/node" -p process.version)
abi=$("$node24/bin/node" -p process.versions.modules)
case "$version" in v24.*) ;; *) echo "test-node24: $node24 holds Node $version, not 24" >&2; exit 1 ;; esac

# better-sqlite3 for Node 24, compiled once from a copy of the package's sources.
addon=$(readlink -f node_modules/better-sqlite3/build/Release/better_sqlite3.node)
bs3=$(node -p 'require("better-sqlite3/package.json").version')
node24_build=$(layout addon-build "$bs3" "$abi")
if [ ! -f "$node24_build" ]; then
	echo "test-node24: compiling better-sqlite3 $bs3 against Node $version's headers (a few minutes, once)" >&2
	mkdir -p "$scratch/better-sqlite3"
	cp -r node_modules/better-sqlite3/{package.json,binding.gyp,src,deps} "$scratch/better-sqlite3/"
	gyp="$(dirname "$(readlink -f "$(command -v npm)")")/../node_modules/node-gyp/bin/node-gyp.js"
	# node-gyp lets npm_config_* from the environment override its own flags, and under `npm test` npm
	# exports the machine's nodedir (its Node's headers): drop it so --nodedir names Node 24's.
	(cd "$scratch/better-sqlite3" && env -u npm_config_nodedir -u NPM_CONFIG_NODEDIR PATH="$node24/bin:$PATH" "$node24/bin/node" "$gyp" rebuild --release --nodedir="$node24" --loglevel=warn >"$scratch/build.log" 2>&1) ||
		{ cat "$scratch/build.log" >&2; exit 1; }
	# Cached only once Node 24 loads it: a build against the wrong headers must not be kept.
	"$node24/bin/node" -e 'process.dlopen({ exports: {} }, process.argv[1])' "$scratch/better-sqlite3/build/Release/better_sqlite3.node" ||
		{ echo "test-node24: the better-sqlite3 build does not load on Node $version (build log: see above)" >&2; cat "$scratch/build.log" >&2; exit 1; }
	mv "$scratch/better-sqlite3/build/Release/better_sqlite3.node" "$node24_build"
fi

echo "test-node24: running the suite on Node $version" >&2
export PATH="$node24/bin:$PATH"
FIELDCHAIN_NODE24_ADDONS=$(layout addons-env "$abi" "$addon" "$node24_build")
export FIELDCHAIN_NODE24_ADDONS
export NODE_OPTIONS="${NODE_OPTIONS:+$NODE_OPTIONS }--require \"$root/scripts/test-node24-addons.cjs\""
node -e 'new (require("better-sqlite3"))(":memory:").prepare("select 1").get()'
node scripts/build.mjs
node node_modules/vitest/vitest.mjs run "$@"

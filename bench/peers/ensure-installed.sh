#!/usr/bin/env bash
# Installs the Node-RED nodes the peers bench compares against (node-red-node-serialport,
# node-red-node-sqlite) into bench/peers/node_modules from the lockfile, once, so the main install
# stays lean. sqlite3's prebuilt binary is downloaded from GitHub, which may be unreachable: it
# is built from source with node-gyp instead (slow once). When the headers of the running Node
# are installed locally (/usr/include/node), node-gyp uses them instead of downloading them.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
if [ -f "$here/node_modules/node-red-node-serialport/package.json" ] && (cd "$here" && node -e "require('sqlite3')" 2>/dev/null); then
	exit 0
fi
echo "bench:peers: installing the Node-RED nodes into bench/peers (sqlite3 builds from source, a few minutes once)" >&2
headers_version="$(node -p "process.versions.node")"
if grep -q "define NODE_MAJOR_VERSION ${headers_version%%.*}$" /usr/include/node/node_version.h 2>/dev/null; then
	export npm_config_nodedir=/usr
fi
npm ci --prefix "$here" --build-from-source --no-audit --no-fund

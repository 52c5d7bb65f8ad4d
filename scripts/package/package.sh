#!/usr/bin/env bash
# npm run package -- --arch arm64|x64 [--out DIR] [--no-build]
# Builds fieldchain-<version>-linux-<arch>.tar.gz and fieldchain_<version>_<debarch>.deb in DIR
# (default package-out/): the esbuild bundle and web assets (the npm package's files), the production
# node_modules for that architecture, the Node 24 runtime for it (node-linux-<arch>@24 from the npm
# registry) and native modules built for it: serialport's N-API prebuilds as shipped; better-sqlite3
# compiled against that runtime's headers (cross-compiled with g++-aarch64-linux-gnu for arm64).
# Nothing is downloaded on the device. Runtimes and compiled addons are cached in
# node_modules/.cache/fieldchain-package, so a second run compiles nothing.
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$(pwd)

case "$(uname -m)" in aarch64 | arm64) arch=arm64 ;; *) arch=x64 ;; esac
out="package-out"
build=1
while [ $# -gt 0 ]; do
	case "$1" in
	--arch) arch="${2:-}"; shift 2 ;;
	--arch=*) arch="${1#--arch=}"; shift ;;
	--out) out="${2:-}"; shift 2 ;;
	--no-build) build=0; shift ;;
	*) echo "package: unknown option $1 (use --arch arm64|x64, --out DIR, --no-build)" >&2; exit 2 ;;
	esac
done
case "$arch" in
arm64) debarch=arm64; cross=aarch64-linux-gnu; triple_pkg="g++-aarch64-linux-gnu" ;;
x64) debarch=amd64; cross="" ;;
*) echo "package: --arch must be arm64 or x64, not '$arch'" >&2; exit 2 ;;
esac
command -v dpkg-deb >/dev/null || { echo "package: dpkg-deb missing: apt-get install -y dpkg" >&2; exit 1; }
if [ -n "$cross" ] && ! command -v "$cross-g++" >/dev/null; then
	echo "package: $cross-g++ missing: apt-get install -y $triple_pkg" >&2
	exit 1
fi

version=$(node -p 'require("./package.json").version')
name="fieldchain-$version"
cache="$root/node_modules/.cache/fieldchain-package"
mkdir -p "$cache" "$out"
out=$(cd "$out" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
say() { echo "package[$arch]: $*" >&2; }

# 1. The bundle, web assets and Node-RED nodes, as npm would publish them.
if [ "$build" = 1 ]; then say "building the bundle"; node scripts/build.mjs; fi
tarball=$(npm pack --ignore-scripts --silent --pack-destination "$work" | tail -n 1)
release="$work/$name"
mkdir -p "$release/app"
tar -xzf "$work/$tarball" -C "$release/app" --strip-components=1
cp package-lock.json "$release/app/"

# 2. Production dependencies for linux-<arch>: install scripts off (nothing builds for the wrong
# machine); --cpu/--os pick the right optional platform packages (e.g. @node-rs/bcrypt's).
say "installing production dependencies for linux-$arch"
(cd "$release/app" && npm ci --omit=dev --omit=peer --ignore-scripts --cpu="$arch" --os=linux --no-audit --no-fund --loglevel=error >/dev/null)
rm -f "$release/app/package-lock.json"

# 3. Node 24 for <arch>, from the npm registry.
runtime="$cache/node-linux-$arch"
if [ ! -x "$runtime/bin/node" ]; then
	say "fetching node-linux-$arch@24"
	tgz=$(npm pack "node-linux-$arch@24" --pack-destination "$cache" --silent | tail -n 1)
	rm -rf "$runtime" && mkdir -p "$runtime"
	tar -xzf "$cache/$tgz" -C "$runtime" --strip-components=1
	rm -f "$cache/$tgz"
fi
node_version=$(tr -d '\n' <"$runtime/include/node/node_version.h" | sed -E 's/.*NODE_MAJOR_VERSION ([0-9]+).*NODE_MINOR_VERSION ([0-9]+).*NODE_PATCH_VERSION ([0-9]+).*/\1.\2.\3/')
abi=$(sed -n 's/^#define NODE_MODULE_VERSION \([0-9][0-9]*\).*/\1/p' "$runtime/include/node/node_version.h" | head -n 1)
mkdir -p "$release/node/bin"
cp "$runtime/bin/node" "$release/node/bin/node"
cp "$runtime/LICENSE" "$release/node/LICENSE"

# 4. better-sqlite3 for that runtime and architecture (cached by version, ABI and arch).
bs3_dir="$release/app/node_modules/better-sqlite3"
bs3=$(node -p "require('$bs3_dir/package.json').version")
addon="$cache/better_sqlite3-$bs3-abi$abi-linux-$arch.node"
# A build for this runtime registers itself as node_register_module_v<ABI>: an addon built against
# other headers is neither cached nor shipped (it fails to load on the device; it cannot be loaded
# here when it is for another architecture).
for_this_abi() { grep -aq "node_register_module_v$abi" "$1"; }
if [ -f "$addon" ] && ! for_this_abi "$addon"; then
	say "the cached better-sqlite3 build is not for ABI $abi: compiling it again"
	rm -f "$addon"
fi
if [ ! -f "$addon" ]; then
	say "compiling better-sqlite3 $bs3 for Node $node_version linux-$arch (a few minutes, once)"
	gyp="$(dirname "$(readlink -f "$(command -v npm)")")/../node_modules/node-gyp/bin/node-gyp.js"
	cp -r "$bs3_dir" "$work/bs3"
	# node-gyp lets npm_config_* from the environment override its own flags, and under `npm run` npm
	# exports the machine's nodedir (its Node's headers): drop it so --nodedir names the runtime's.
	if [ -n "$cross" ]; then
		(cd "$work/bs3" && env -u npm_config_nodedir -u NPM_CONFIG_NODEDIR CC="$cross-gcc" CXX="$cross-g++" LINK="$cross-g++" AR="$cross-ar" node "$gyp" rebuild --release --arch=arm64 --nodedir="$runtime" >"$work/gyp.log" 2>&1) || { tail -n 40 "$work/gyp.log" >&2; exit 1; }
	else
		(cd "$work/bs3" && env -u npm_config_nodedir -u NPM_CONFIG_NODEDIR node "$gyp" rebuild --release --nodedir="$runtime" >"$work/gyp.log" 2>&1) || { tail -n 40 "$work/gyp.log" >&2; exit 1; }
	fi
	for_this_abi "$work/bs3/build/Release/better_sqlite3.node" || { echo "package: better-sqlite3 was built for another Node ABI than $abi (build log: $work/gyp.log)" >&2; tail -n 40 "$work/gyp.log" >&2; exit 1; }
	cp "$work/bs3/build/Release/better_sqlite3.node" "$addon"
fi
mkdir -p "$bs3_dir/build/Release"
cp "$addon" "$bs3_dir/build/Release/better_sqlite3.node"
# The sources are not needed at run time (the SQLite amalgamation alone is 9 MB).
rm -rf "$bs3_dir/deps" "$bs3_dir/src"
# serialport: keep only this platform's N-API prebuild.
find "$release/app/node_modules" -type d -name prebuilds -path "*@serialport/bindings-cpp/*" | while read -r dir; do
	find "$dir" -mindepth 1 -maxdepth 1 -type d ! -name "linux-$arch" -exec rm -rf {} +
done

# 5. Launchers, units, the update tool.
mkdir -p "$release/bin" "$release/systemd"
install -m 0755 scripts/package/fieldchain.sh "$release/bin/fieldchain"
install -m 0644 scripts/package/gateway-env.sh "$release/bin/gateway-env.sh"
install -m 0755 scripts/package/fieldchain-update.sh "$release/bin/fieldchain-update"
cp packaging/*.service "$release/systemd/"
cp README.md "$release/README.md"
printf '{ "version": "%s", "arch": "%s", "node": "%s" }\n' "$version" "$arch" "$node_version" >"$release/release.json"

# 6. The archive (owner root, sorted, fixed mtime: the same inputs give the same bytes).
mtime="@$(git log -1 --format=%ct 2>/dev/null || date +%s)"
archive="$out/$name-linux-$arch.tar.gz"
tar --sort=name --owner=0 --group=0 --numeric-owner --mtime="$mtime" -C "$work" -czf "$archive" "$name"

# 7. The .deb: the release in /usr/lib/fieldchain; postinst hard-links it to
# /opt/fieldchain/releases/<version> (no extra space, and outside dpkg's file list, so the next
# upgrade does not delete the release a rollback needs) and switches to it.
deb="$work/deb"
mkdir -p "$deb/usr/lib" "$deb/lib/systemd/system" "$deb/usr/bin" "$deb/DEBIAN"
cp -a "$release" "$deb/usr/lib/fieldchain"
cp packaging/*.service "$deb/lib/systemd/system/"
ln -s /opt/fieldchain/current/bin/fieldchain "$deb/usr/bin/fieldchain"
size=$(du -sk "$deb" | cut -f1)
sed -e "s/@VERSION@/$version/" -e "s/@ARCH@/$debarch/" -e "s/@SIZE@/$size/" packaging/debian/control >"$deb/DEBIAN/control"
for script in postinst prerm postrm; do install -m 0755 "packaging/debian/$script" "$deb/DEBIAN/$script"; done
sed -i "s/@VERSION@/$version/" "$deb/DEBIAN/postinst"
debfile="$out/fieldchain_${version}_$debarch.deb"
dpkg-deb --root-owner-group -Zxz --build "$deb" "$debfile" >/dev/null

say "$(du -h "$archive" | cut -f1) $archive"
say "$(du -h "$debfile" | cut -f1) $debfile"

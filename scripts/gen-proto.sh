#!/usr/bin/env bash
# Regenerates the static protobufjs modules and their TypeScript declarations from
# protocol/device/v1 and protocol/evidence/v1.
# Usage: scripts/gen-proto.sh [OUT_DIR]   (default protocol/generated; the staleness test passes a temp dir)
set -euo pipefail
out="${1:-protocol/generated}"
mkdir -p "$out"
# gen NAME PROTO [ROOT]: each module gets its own protobuf.roots entry, so that one generated module
# never replaces the namespace object of another.
gen() {
  local name="$1" proto="$2" root="${3:-default}"
  npx pbjs -t static-module -w es6 --force-number --no-verify --no-delimited --no-service \
    -r "$root" -o "$out/$name.js" "$proto"
  # ESM needs the file extension on the runtime import.
  sed -i 's#from "protobufjs/minimal"#from "protobufjs/minimal.js"#' "$out/$name.js"
  npx pbts --no-comments -o "$out/$name.d.ts" "$out/$name.js"
}
gen device protocol/device/v1/device.proto
gen evidence protocol/evidence/v1/evidence.proto fieldchain-evidence

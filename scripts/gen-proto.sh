#!/usr/bin/env bash
# Regenerates the static protobufjs module and its TypeScript declarations from protocol/device/v1.
# Usage: scripts/gen-proto.sh [OUT_DIR]   (default protocol/generated; the staleness test passes a temp dir)
set -euo pipefail
out="${1:-protocol/generated}"
mkdir -p "$out"
npx pbjs -t static-module -w es6 --force-number --no-verify --no-delimited --no-service \
  -o "$out/device.js" protocol/device/v1/device.proto
# ESM needs the file extension on the runtime import.
sed -i 's#from "protobufjs/minimal"#from "protobufjs/minimal.js"#' "$out/device.js"
npx pbts --no-comments -o "$out/device.d.ts" "$out/device.js"

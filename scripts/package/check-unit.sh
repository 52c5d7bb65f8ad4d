#!/usr/bin/env bash
# Checks the systemd units in packaging/: `systemd-analyze verify` (syntax, dependencies, and that
# ExecStart= names an executable: /opt/fieldchain/current is pointed at a built release, argument 1,
# or at a stub tree) and `systemd-analyze security --offline=yes` for fieldchain.service, whose
# overall exposure must be <= 3.0 (MAX_EXPOSURE). Prints the score; exits 1 on any failure.
set -euo pipefail
cd "$(dirname "$0")/../.."
max="${MAX_EXPOSURE:-3.0}"
command -v systemd-analyze >/dev/null || { echo "check-unit: systemd-analyze missing: apt-get install -y systemd" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
release="${1:-}"
if [ -z "$release" ]; then
	release="$work/release"
	mkdir -p "$release/bin"
	printf '#!/bin/sh\n' >"$release/bin/fieldchain"
	cp "$release/bin/fieldchain" "$release/bin/fieldchain-update"
	chmod +x "$release/bin/"*
fi
release=$(cd "$release" && pwd)
mkdir -p "$work/units"
for unit in packaging/*.service; do sed "s#/opt/fieldchain/current#$release#g" "$unit" >"$work/units/$(basename "$unit")"; done
out=$(cd "$work/units" && systemd-analyze verify ./*.service 2>&1) || { echo "$out" >&2; exit 1; }
if [ -n "$out" ]; then echo "check-unit: systemd-analyze verify warned:" >&2; echo "$out" >&2; exit 1; fi
score=$(cd "$work/units" && systemd-analyze security --offline=yes ./fieldchain.service 2>&1 | sed -n 's/.*Overall exposure level for fieldchain.service: \([0-9.]*\).*/\1/p')
[ -n "$score" ] || { echo "check-unit: no exposure score from systemd-analyze security" >&2; exit 1; }
echo "fieldchain.service: systemd-analyze verify clean; exposure $score (limit $max)"
awk -v s="$score" -v m="$max" 'BEGIN { exit !(s <= m) }' || { echo "check-unit: exposure $score is above $max" >&2; exit 1; }

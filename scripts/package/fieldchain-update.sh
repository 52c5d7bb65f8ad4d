#!/bin/sh
# fieldchain-update: switches installed releases under /opt/fieldchain and rolls back a bad one.
#   switch VERSION        stage done (releases/VERSION unpacked): back up the data directory, point
#                         `current` at VERSION and `previous` at the old one, restart the service.
#                         The new release is "pending" until it reports ready to systemd.
#   mark-good             the running release is healthy (the unit's ExecStartPost=, after READY=1).
#   rollback --if-failed  the service failed 3 starts (the rollback unit, OnFailure=): a pending
#                         release goes back to `previous`; otherwise wait 60 s and try again (backoff).
# The data directory is never modified here: the backup taken before a switch stays in
# /var/backups/fieldchain (the newest 3 are kept) for a manual restore if ever needed.
# FIELDCHAIN_HOME, FIELDCHAIN_DATA, FIELDCHAIN_BACKUPS move it (tests); FIELDCHAIN_NO_SYSTEMD=1 leaves systemd alone.
set -eu
base="${FIELDCHAIN_HOME:-/opt/fieldchain}"
data="${FIELDCHAIN_DATA:-/var/lib/fieldchain}"
backups="${FIELDCHAIN_BACKUPS:-/var/backups/fieldchain}"
unit=fieldchain.service
has_systemd() { [ -z "${FIELDCHAIN_NO_SYSTEMD:-}" ] && [ -d /run/systemd/system ] && command -v systemctl >/dev/null; }
say() { echo "fieldchain-update: $*" >&2; }
link() { ln -sfn "$1" "$base/.$2.new" && mv -T "$base/.$2.new" "$base/$2"; }

case "${1:-}" in
switch)
	version="${2:?switch needs a version}"
	[ -x "$base/releases/$version/bin/fieldchain" ] || { say "no release $version in $base/releases"; exit 2; }
	old=$(basename "$(readlink "$base/current" 2>/dev/null || echo none)")
	if [ "$old" = "$version" ]; then say "$version is already current"; exit 0; fi
	was_active=0
	if has_systemd && systemctl is-active --quiet "$unit"; then was_active=1; systemctl stop "$unit"; fi
	if [ -d "$data" ] && [ "$old" != none ]; then
		mkdir -p "$backups" && chmod 0700 "$backups"
		backup="$backups/$(date -u +%Y%m%dT%H%M%SZ)-before-$version"
		cp -a "$data" "$backup"
		say "data directory backed up to $backup"
		ls -1d "$backups"/*-before-* 2>/dev/null | sort | head -n -3 | while read -r stale; do rm -rf "$stale"; done
	fi
	stale=$(basename "$(readlink "$base/previous" 2>/dev/null || echo none)")
	[ "$old" != none ] && link "releases/$old" previous
	link "releases/$version" current
	# Two releases stay: current and previous; the one before them goes.
	if [ "$stale" != none ] && [ "$stale" != "$old" ] && [ "$stale" != "$version" ]; then rm -rf "${base:?}/releases/$stale"; fi
	echo "$version" >"$base/pending"
	say "current is $version (previous: $old)"
	if has_systemd; then
		systemctl daemon-reload
		systemctl reset-failed "$unit" 2>/dev/null || true
		if [ "$was_active" = 1 ] || systemctl is-enabled --quiet "$unit"; then systemctl start --no-block "$unit"; fi
	fi
	;;
mark-good)
	rm -f "$base/pending"
	;;
rollback)
	if [ -f "$base/pending" ] && [ -L "$base/previous" ]; then
		bad=$(cat "$base/pending")
		good=$(basename "$(readlink "$base/previous")")
		link "releases/$good" current
		rm -f "$base/pending"
		say "release $bad failed to start 3 times: rolled back to $good (data untouched)"
	else
		say "the service failed 3 starts; trying again in 60 s"
		sleep 60
	fi
	if has_systemd; then
		systemctl reset-failed "$unit" 2>/dev/null || true
		systemctl start --no-block "$unit"
	fi
	;;
*)
	echo "usage: fieldchain-update switch VERSION | mark-good | rollback --if-failed" >&2
	exit 2
	;;
esac

#!/bin/sh
# fieldchain-update: switches installed releases under /opt/fieldchain and rolls back a bad one.
#   switch VERSION        stage done (releases/VERSION unpacked): stop the service, back up the data
#                         directory, run VERSION's schema migrations on it (`fieldchain gateway
#                         migrate`, as the directory's owner), then point `current` at VERSION and
#                         `previous` at the old one and restart the service. A migration that fails
#                         stops the switch: the data directory is restored from the backup, the old
#                         release stays current and is started again (exit 1).
#                         The new release is "pending" until it reports ready to systemd.
#   mark-good             the running release is healthy (the unit's ExecStartPost=, after READY=1).
#   rollback --if-failed  the service failed 3 starts (the rollback unit, OnFailure=): a pending
#                         release goes back to `previous`; if its migrations changed the schema (which
#                         the previous release cannot read: migrations are forward-only), the data
#                         directory is restored from the backup taken before the switch and the data
#                         the failed release left is kept beside the backups. Otherwise wait 60 s and
#                         try again (backoff).
# Backups go to /var/backups/fieldchain (0700; the newest 3 switches' are kept).
# FIELDCHAIN_HOME, FIELDCHAIN_DATA, FIELDCHAIN_BACKUPS move it (tests); FIELDCHAIN_NO_SYSTEMD=1 leaves systemd alone.
set -eu
base="${FIELDCHAIN_HOME:-/opt/fieldchain}"
data="${FIELDCHAIN_DATA:-/var/lib/fieldchain}"
backups="${FIELDCHAIN_BACKUPS:-/var/backups/fieldchain}"
unit=fieldchain.service
has_systemd() { [ -z "${FIELDCHAIN_NO_SYSTEMD:-}" ] && [ -d /run/systemd/system ] && command -v systemctl >/dev/null; }
say() { echo "fieldchain-update: $*" >&2; }
link() { ln -sfn "$1" "$base/.$2.new" && mv -T "$base/.$2.new" "$base/$2"; }
# The migrations run as the data directory's owner (the service user), so what SQLite creates there stays the service's.
as_data_owner() {
	owner=$(stat -c %U "$data")
	if [ "$(id -u)" = 0 ] && [ "$owner" != root ]; then runuser -u "$owner" -- "$@"; else "$@"; fi
}
# The data directory's contents replaced by a backup's (the directory itself, its owner and mode stay).
restore() {
	find "$data" -mindepth 1 -delete
	cp -a "$1/." "$data/"
	say "data directory restored from $1"
}

case "${1:-}" in
switch)
	version="${2:?switch needs a version}"
	[ -x "$base/releases/$version/bin/fieldchain" ] || { say "no release $version in $base/releases"; exit 2; }
	old=$(basename "$(readlink "$base/current" 2>/dev/null || echo none)")
	if [ "$old" = "$version" ]; then say "$version is already current"; exit 0; fi
	was_active=0
	if has_systemd && systemctl is-active --quiet "$unit"; then was_active=1; systemctl stop "$unit"; fi
	backup=""
	if [ -d "$data" ] && [ -n "$(ls -A "$data")" ]; then
		mkdir -p "$backups" && chmod 0700 "$backups"
		backup="$backups/$(date -u +%Y%m%dT%H%M%SZ)-before-$version"
		rm -rf "$backup" && cp -a "$data" "$backup"
		say "data directory backed up to $backup"
		ls -1d "$backups"/*-before-* 2>/dev/null | sort | head -n -3 | while read -r stale; do rm -rf "$stale"; done
	fi
	rm -f "$base/pending.restore"
	if [ -d "$data" ]; then
		if ! report=$(as_data_owner "$base/releases/$version/bin/fieldchain" gateway migrate --data-dir "$data" --json); then
			say "the schema migrations of $version failed: nothing switched (current: $old)"
			if [ -n "$backup" ]; then restore "$backup"; fi
			if [ "$was_active" = 1 ]; then systemctl start --no-block "$unit"; fi
			exit 1
		fi
		from=$(printf '%s' "$report" | sed -n 's/.*"from":\([0-9]*\).*/\1/p')
		to=$(printf '%s' "$report" | sed -n 's/.*"to":\([0-9]*\).*/\1/p')
		if [ -n "$backup" ] && [ "$from" != "$to" ]; then
			say "schema migrated from version $from to $to"
			# Forward only: the previous release cannot read this schema, so a rollback restores the backup.
			echo "$backup" >"$base/pending.restore"
		fi
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
	rm -f "$base/pending" "$base/pending.restore"
	;;
rollback)
	if [ -f "$base/pending" ] && [ -L "$base/previous" ]; then
		bad=$(cat "$base/pending")
		good=$(basename "$(readlink "$base/previous")")
		link "releases/$good" current
		if [ -f "$base/pending.restore" ] && [ -d "$(cat "$base/pending.restore")" ]; then
			kept="$backups/$(date -u +%Y%m%dT%H%M%SZ)-left-by-$bad"
			rm -rf "$kept" && cp -a "$data" "$kept"
			ls -1d "$backups"/*-left-by-* 2>/dev/null | sort | head -n -3 | while read -r stale; do rm -rf "$stale"; done
			restore "$(cat "$base/pending.restore")"
			say "release $bad failed to start 3 times: rolled back to $good with the data from before its migrations (what $bad left is in $kept)"
		else
			say "release $bad failed to start 3 times: rolled back to $good (data untouched)"
		fi
		rm -f "$base/pending" "$base/pending.restore"
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

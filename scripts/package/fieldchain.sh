#!/bin/sh
# The packaged `fieldchain` command: the bundled CLI on the Node 24 runtime shipped beside it.
# Resolves its own location through symlinks (/usr/bin/fieldchain -> /opt/fieldchain/current/bin/fieldchain).
# `fieldchain gateway` runs with the memory settings of gateway-env.sh beside this file.
here=$(dirname "$(readlink -f "$0")")
if [ "${1:-}" = gateway ]; then
	. "$here/gateway-env.sh"
	# Unquoted on purpose: the flags are words.
	# shellcheck disable=SC2086
	exec "$here/../node/bin/node" $FIELDCHAIN_GATEWAY_NODE_FLAGS "$here/../app/dist/fieldchain.js" "$@"
fi
exec "$here/../node/bin/node" "$here/../app/dist/fieldchain.js" "$@"

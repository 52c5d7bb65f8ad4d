#!/bin/sh
# The packaged `fieldchain` command: the bundled CLI on the Node 24 runtime shipped beside it.
# Resolves its own location through symlinks (/usr/bin/fieldchain -> /opt/fieldchain/current/bin/fieldchain).
here=$(dirname "$(readlink -f "$0")")
exec "$here/../node/bin/node" "$here/../app/dist/fieldchain.js" "$@"

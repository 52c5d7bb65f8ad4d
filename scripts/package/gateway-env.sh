# Memory settings for the gateway process, sourced by the packaged `fieldchain` command (bin/) when
# it runs `fieldchain gateway`, and by the memory benchmark (bench/gateway-memory.ts), which
# measures the gateway with and without them.
#   --max-semi-space-size=1  V8's young generation stays at 1 MB per semi-space instead of growing
#                            to 16 MB under the ingest's allocation rate: about 12 MB less peak RSS
#                            at 5,000 readings/s, for more (short) scavenges.
#   --v8-pool-size=1         one V8 platform thread instead of one per core.
#   MALLOC_ARENA_MAX=2       glibc keeps two malloc arenas instead of one per thread (SQLite and
#                            libuv's threads each grew their own).
# Anything already set in the environment wins.
FIELDCHAIN_GATEWAY_NODE_FLAGS="${FIELDCHAIN_GATEWAY_NODE_FLAGS---max-semi-space-size=1 --v8-pool-size=1}"
export MALLOC_ARENA_MAX="${MALLOC_ARENA_MAX:-2}"

#!/bin/sh
# Merge every shard in $SHARD_DIR into what one process prints, byte for
# byte, merge's flags as arguments:
#   merge.sh --format json --out muscat.json
# parley merge refuses a shard missing or given twice, and shards of
# different runs, so a stale file from another run cannot slip in.
set -eu
PARLEY=${PARLEY:-parley}
SHARD_DIR=${SHARD_DIR:-shards}
exec "$PARLEY" merge "$SHARD_DIR"/shard-*.json "$@"

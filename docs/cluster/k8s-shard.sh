#!/bin/sh
# One shard of a parley run, sweep or game per pod of a Kubernetes Indexed
# Job, the parley command and its flags as arguments. The pod of
# completion index K (0 … N−1) plays shard K+1 of $SHARDS, which must be
# the Job's completions, and writes it to $SHARD_DIR/shard-(K+1).json;
# merge.sh merges them once the Job is complete.
set -eu
PARLEY=${PARLEY:-parley}
SHARD_DIR=${SHARD_DIR:-/shards}
: "${JOB_COMPLETION_INDEX:?run in a Kubernetes Indexed Job}"
: "${SHARDS:?set SHARDS to the completions of the Job}"
I=$((JOB_COMPLETION_INDEX + 1))
N=$SHARDS
mkdir -p "$SHARD_DIR"
exec "$PARLEY" "$@" --shard "$I/$N" --out "$SHARD_DIR/shard-$I.json"

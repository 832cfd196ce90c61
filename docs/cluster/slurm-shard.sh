#!/bin/sh
#SBATCH --job-name=parley-shard
#SBATCH --array=1-4
#SBATCH --cpus-per-task=2
#SBATCH --time=01:00:00
#SBATCH --output=parley-shard-%a.log
# One shard of a parley run, sweep or game per task of a Slurm array job,
# the parley command and its flags as arguments:
#   sbatch slurm-shard.sh run muscat --episodes 1000000 --seed 7
# Task I of an array of N tasks plays shard I/N and writes it to
# $SHARD_DIR/shard-I.json; merge.sh merges them once all have ended.
set -eu
PARLEY=${PARLEY:-parley}
SHARD_DIR=${SHARD_DIR:-shards}
: "${SLURM_ARRAY_TASK_ID:?run as a Slurm array job: sbatch --array=1-N}"
: "${SLURM_ARRAY_TASK_MAX:?run as a Slurm array job: sbatch --array=1-N}"
MIN=${SLURM_ARRAY_TASK_MIN:-1}
I=$((SLURM_ARRAY_TASK_ID - MIN + 1))
N=$((SLURM_ARRAY_TASK_MAX - MIN + 1))
mkdir -p "$SHARD_DIR"
exec "$PARLEY" "$@" --workers "${SLURM_CPUS_PER_TASK:-0}" \
	--shard "$I/$N" --out "$SHARD_DIR/shard-$I.json"

#!/usr/bin/env bash
# ReasonTrack on Slurm: one `reasontrack run` split into N shards by a job array (issue 12 item 5).
#
# How to use:
#   1. Build the CLI once on a shared file system BEFORE submitting (array tasks must not build concurrently):
#        ./setup.sh && dotnet build src/ReasonTrack.Cli/ReasonTrack.Cli.csproj -c Release
#   2. Edit the PLACEHOLDER values below: N in --array=0-(N-1) and SHARDS=N, the dataset, tracker and folders.
#      RESULTS must be one folder on a file system every node mounts (NFS, Lustre, GPFS, BeeGFS).
#   3. sbatch deploy/slurm-array.sh
#   4. When all tasks are done, evaluate the folder they all wrote into (already merged):
#        reasontrack eval -d "$DATASET" -a "$DATASET_ROOT" -r "$NAME=$RESULTS" -o "$RESULTS/report"
#      (or submit that as a job depending on the array: sbatch --dependency=afterok:<array job id> ...).
#
# Shard i of N is `--shard $SLURM_ARRAY_TASK_ID/N` (Slurm sets SLURM_ARRAY_TASK_ID = 0..N-1). Shards take sequences
# i, i+N, i+2N, ... and write into ONE results folder: safe by design (every file atomic and per sequence; the first
# configuration recorded in reasontrack-run.json wins, a shard with a different configuration is refused). A task
# that fails can be resubmitted alone (sbatch --array=<i> deploy/slurm-array.sh): it resumes, skipping sequences
# already complete under the same configuration. Do not pass --no-resume to shards sharing a folder.
#
#SBATCH --job-name=reasontrack-run
#SBATCH --array=0-3            # 0-(N-1)   PLACEHOLDER: N = 4 here
#SBATCH --cpus-per-task=2      # PLACEHOLDER
#SBATCH --mem=2G               # PLACEHOLDER
#SBATCH --time=24:00:00        # PLACEHOLDER
#SBATCH --output=reasontrack-run-%A_%a.log
set -euo pipefail

SHARDS=4                                            # N, equal to the array size   PLACEHOLDER
REPO=/shared/ReasonTrack                            # the built checkout           PLACEHOLDER
DATASET=lasot                                       # dataset key                  PLACEHOLDER
DATASET_ROOT=/shared/data/LaSOT                     # read by every task           PLACEHOLDER
NAME=default                                        # tracker (and result name)    PLACEHOLDER
RESULTS=/shared/results/lasot                       # ONE folder for all shards    PLACEHOLDER

exec dotnet "$REPO/src/ReasonTrack.Cli/bin/Release/net10.0/ReasonTrack.Cli.dll" run \
  --dataset "$DATASET" --root "$DATASET_ROOT" --tracker "$NAME" --jobs "${SLURM_CPUS_PER_TASK:-1}" \
  --out "$RESULTS" \
  --shard "${SLURM_ARRAY_TASK_ID}/${SHARDS}"

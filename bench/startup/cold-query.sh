#!/usr/bin/env bash
# Wall time of a cold one-passage `engram query` (graphrag) through each tree's bin/engram, builds alternated,
# one sitting. The new tree runs twice a round: with its class-data archive (the default) and with ENGRAM_CDS=off,
# which separates what the archive saves from what the rest of the change saves.
# usage: bench/startup/cold-query.sh <old tree> <new tree> <work dir> [rounds, default 3]
#   each tree is a checkout with app/target/engram.jar built (./mvnw -q -DskipTests package)
set -eu
OLD=$1 NEW=$2 WORK=$3 ROUNDS=${4:-3}
mkdir -p "$WORK"
printf '{"id":"p1","title":"Alan Turing","text":"Alan Turing was born in London. He worked at Bletchley Park."}\n' \
  > "$WORK/one.jsonl"
for tree in "$OLD" "$NEW"; do
  name=$(basename "$tree")
  [ -d "$WORK/db-$name" ] || "$tree/bin/engram" ingest "$WORK/one.jsonl" --data-dir "$WORK/db-$name" >/dev/null 2>&1
done
# the new tree's archive is written by its first command; make sure it exists before measuring
"$NEW/bin/engram" query "warm-up" --data-dir "$WORK/db-$(basename "$NEW")" >/dev/null 2>&1
run() { # label tree [env]
  local label=$1 tree=$2; shift 2
  local start end
  start=$(date +%s.%N)
  env "$@" "$tree/bin/engram" query "Where was Alan Turing born?" --data-dir "$WORK/db-$(basename "$tree")" \
    >/dev/null 2>&1
  end=$(date +%s.%N)
  printf '%s %.2f\n' "$label" "$(echo "$end - $start" | bc)"
}
echo "# $(uptime)"
for r in $(seq 1 "$ROUNDS"); do
  run old "$OLD" ENGRAM_CDS=off
  run new "$NEW"
  run new-without-archive "$NEW" ENGRAM_CDS=off
done | tee "$WORK/times.txt"
echo "# $(uptime)"
awk '{ t[$1] = t[$1] " " $2 } END { for (k in t) print k ":" t[k] }' "$WORK/times.txt"

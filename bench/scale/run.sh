#!/usr/bin/env bash
# bench/scale: synthetic knowledge graphs of 10^5, 10^6 and 10^7 edges loaded through Engram's writers, then
# projection, PageRank, query latency and server start-up measured on each. See README.md.
#   bench/scale/run.sh load  1e6      # build the store under target/scale/1000000 (resumable)
#   bench/scale/run.sh query 1e6      # projection build, heap, PPR and graphrag/ppr latency
#   bench/scale/run.sh serve 1e6      # server start-up on the store, first and warm HTTP queries
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
JAVA_HOME="${JAVA_HOME:-$("$root/bin/find-jdk")}"
export JAVA_HOME
cmd="${1:?load|query|serve}"
edges="$(printf '%.0f' "${2:?edge count, e.g. 1e6}")"
shift 2
snapshot="${SCALE_CLASSES:-$root/target/scale/classes}"
if [ ! -f "$snapshot/cp.txt" ] || [ "${REBUILD:-0}" = 1 ]; then
  mkdir -p "$root/target/scale"
  # in one reactor run, so the sibling modules resolve to their target/classes (never install into ~/.m2)
  ./mvnw -B -ntp -q -pl app -am test-compile dependency:build-classpath -Dmdep.includeScope=test \
    -Dmdep.outputFile="$root/target/scale/deps.txt"
  # a copy of the classes, so builds in this tree during a long run do not pull them from under it
  rm -rf "$snapshot" && mkdir -p "$snapshot"
  cp_entries=""
  for m in records pagerank extraction graph-store ingest retrieval ui app; do
    for kind in classes test-classes; do
      if [ -d "$m/target/$kind" ]; then
        cp -r "$m/target/$kind" "$snapshot/$m-$kind"
        cp_entries="$cp_entries:$snapshot/$m-$kind"
      fi
    done
  done
  echo "${cp_entries#:}:$(cat "$root/target/scale/deps.txt")" > "$snapshot/cp.txt"
fi
dir="$root/target/scale/$edges"
mkdir -p "$dir"
uptime | tee -a "$dir/$cmd.log"
bench() {
  "$JAVA_HOME/bin/java" ${SCALE_JAVA_OPTS:--Xmx4g} -XX:+UseParallelGC --enable-native-access=ALL-UNNAMED \
    --add-modules jdk.incubator.vector -cp "$(cat "$snapshot/cp.txt")" \
    dev.engram.app.bench.scale.ScaleBench "$1" --edges "$edges" --dir "$dir" "${@:2}" 2>&1 | tee -a "$dir/$cmd.log"
}
if [ "$cmd" = import ]; then
  # Neo4j's bulk importer (neo4j-admin database import full) from the embedded jars, then Engram's schema and the
  # last documents through Engram's writers
  [ -f "$dir/csv.txt" ] && [ "${REGENERATE_CSV:-0}" != 1 ] || bench csv "$@"   # the CSV of a size is reused: REGENERATE_CSV=1 writes it again
  rm -rf "$dir/db" && mkdir -p "$dir/db/conf"
  c="$dir/csv"
  start=$(date +%s)
  NEO4J_HOME="$dir/db" NEO4J_CONF="$dir/db/conf" "$JAVA_HOME/bin/java" ${IMPORT_JAVA_OPTS:--Xmx2g} \
    --add-opens=java.base/java.nio=ALL-UNNAMED --add-opens=java.base/sun.nio.ch=ALL-UNNAMED \
    --add-opens=java.base/java.lang=ALL-UNNAMED --enable-native-access=ALL-UNNAMED \
    -cp "$(cat "$snapshot/cp.txt")" org.neo4j.cli.AdminTool database import full \
    --nodes=Document="$c/documents.csv" --nodes=Chunk="$c/chunks.csv" --nodes=Entity="$c/entities.csv" \
    --relationships=PART_OF="$c/part_of.csv" --relationships=NEXT="$c/next.csv" --relationships=FIRST="$c/first.csv" \
    --relationships=MENTIONS="$c/mentions.csv" --relationships=RELATION="$c/relations.csv" \
    --relationships=SYNONYM="$c/synonyms.csv" --array-delimiter=";" --threads=2 neo4j 2>&1 | tee -a "$dir/$cmd.log"
  echo "import: neo4j-admin database import full took $(( $(date +%s) - start )) s" | tee "$dir/import.txt"
  bench finish "$@"
  exit 0
fi
"$JAVA_HOME/bin/java" ${SCALE_JAVA_OPTS:--Xmx4g} -XX:+UseParallelGC --enable-native-access=ALL-UNNAMED \
  --add-modules jdk.incubator.vector -cp "$(cat "$snapshot/cp.txt")" \
  dev.engram.app.bench.scale.ScaleBench "$cmd" --edges "$edges" --dir "$dir" "$@" 2>&1 | tee -a "$dir/$cmd.log"

#!/usr/bin/env bash
# Leiden communities: Engram (nl.cwts networkanalysis) vs python-igraph, same graphs, modularity scored by igraph.
# Usage: bench/communities-vs-igraph/run.sh [--store DATA_DIR NAME] [EDGE_COUNT...]   (default: 1000000)
# See README.md.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
out="$here/out"
stores=()
sizes=()
while [ $# -gt 0 ]; do
  case "$1" in
    --store) stores+=("$2:$3"); shift 3 ;;
    *) sizes+=("$1"); shift ;;
  esac
done
[ ${#sizes[@]} -gt 0 ] || [ ${#stores[@]} -gt 0 ] || sizes=(1000000)
export JAVA_HOME="${JAVA_HOME:-$("$root/bin/find-jdk")}"
/usr/bin/python3 -c 'import igraph' 2>/dev/null || {
  echo "python-igraph missing for /usr/bin/python3: apt-get update && apt-get install -y python3-igraph" >&2; exit 1; }
mkdir -p "$out"
cd "$root"
# in one reactor run, so the sibling modules resolve to their target folders (nothing is installed)
./mvnw -q -pl graph-store -am test-compile dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile="$out/classpath.txt" >/dev/null
cp="$root/graph-store/target/test-classes:$root/graph-store/target/classes:$root/pagerank/target/test-classes:$root/pagerank/target/classes:$(cat "$out/classpath.txt")"
java=("$JAVA_HOME/bin/java" -Xmx6g -XX:+UseParallelGC -cp "$cp")
names=()
for s in "${stores[@]}"; do
  dir="${s%%:*}"; name="${s##*:}"
  "${java[@]}" dev.engram.store.community.bench.ExportEntityGraph "$dir" "$out" "$name"
  names+=("$name")
done
if [ ${#sizes[@]} -gt 0 ]; then
  "${java[@]}" dev.engram.pagerank.bench.GenerateGraphs "$out" "${sizes[@]}"
  for m in "${sizes[@]}"; do names+=("powerlaw-$m"); done
fi
"${java[@]}" dev.engram.store.community.bench.CommunitiesVsIgraphJava "$out" "${names[@]}"
/usr/bin/python3 "$here/compare.py" "$out" "${names[@]}" | tee "$out/results.md"

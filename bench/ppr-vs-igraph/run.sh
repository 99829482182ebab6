#!/usr/bin/env bash
# Personalized PageRank: Engram (Java) vs python-igraph (PRPACK), same graphs, same queries. See README.md.
# Usage: bench/ppr-vs-igraph/run.sh [EDGE_COUNT...]   (default: 10000 100000 1000000 10000000)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
out="$here/out"
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(10000 100000 1000000 10000000)

if [ -z "${JAVA_HOME:-}" ] || ! "$JAVA_HOME/bin/java" -version 2>&1 | grep -qE 'version "(2[1-9]|[3-9][0-9])'; then
  for candidate in /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/temurin-21-jdk-amd64 /usr/lib/jvm/java-21-openjdk-amd64; do
    [ -x "$candidate/bin/java" ] && export JAVA_HOME="$candidate" && break
  done
fi
/usr/bin/python3 -c 'import igraph' 2>/dev/null || {
  echo "python-igraph missing for /usr/bin/python3: apt-get update && apt-get install -y python3-igraph" >&2; exit 1; }

mkdir -p "$out"
cd "$root"
./mvnw -q -pl pagerank test-compile
./mvnw -q -pl pagerank dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$out/classpath.txt" >/dev/null
cp="$root/pagerank/target/test-classes:$root/pagerank/target/classes:$(cat "$out/classpath.txt")"
java=("$JAVA_HOME/bin/java" -Xms6g -Xmx6g -XX:+UseParallelGC -cp "$cp")

"${java[@]}" dev.engram.pagerank.bench.GenerateGraphs "$out" "${sizes[@]}"
names=()
for m in "${sizes[@]}"; do names+=("random-$m" "powerlaw-$m"); done
"${java[@]}" dev.engram.pagerank.bench.PprVsIgraphJava "$out" "${names[@]}"
/usr/bin/python3 "$here/compare.py" "$out" "${names[@]}" | tee "$out/results.md"

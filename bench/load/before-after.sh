#!/usr/bin/env bash
# /api/query latency (1 client) and throughput (32 clients) of two builds, alternating, two rounds, one sitting.
# usage: bench/load/before-after.sh <old tree> <new tree> <work dir>
#   each tree is a checkout with app/target/engram.jar built (./mvnw -q -DskipTests package);
#   <work dir>/old and <work dir>/new are data directories made by that tree's
#   bin/engram ingest app/src/main/resources/demo/movies.jsonl --data-dir <work dir>/<old|new>
set -u
OLD=$1 NEW=$2 WORK=$3
cd "$(dirname "$0")/../.."
Q=app/src/main/resources/demo/movies-questions.jsonl
JAVA_HOME=$(bin/find-jdk)
for round in 1 2; do
  for build in old new; do
    tree=$OLD; [ $build = new ] && tree=$NEW
    port=$((18400 + RANDOM % 500))
    (cd $tree && exec $JAVA_HOME/bin/java -Xmx6g --enable-native-access=ALL-UNNAMED --add-modules jdk.incubator.vector \
       -XX:+UseParallelGC -jar app/target/engram.jar serve --data-dir $WORK/$build --bolt-port 0 --host 127.0.0.1 --port $port) \
       > $WORK/serve-$build-$round.log 2>&1 &
    pid=$!
    for i in $(seq 1 120); do curl -s -o /dev/null http://127.0.0.1:$port/api/stats && break; sleep 1; done
    # first query builds the projection: not measured
    curl -s -o /dev/null -X POST -H 'Content-Type: application/json' -d '{"question":"Who directed Alien?","mode":"graphrag"}' http://127.0.0.1:$port/api/query
    echo "== round $round build $build $(uptime)"
    $JAVA_HOME/bin/java app/src/test/java/dev/engram/app/load/QueryLoadTest.java --url http://127.0.0.1:$port/api/query \
      --questions $Q --mode graphrag --clients 1 --duration 20 --warmup 5 2>&1 | grep -E "requests|errors|throughput|latency"
    $JAVA_HOME/bin/java app/src/test/java/dev/engram/app/load/QueryLoadTest.java --url http://127.0.0.1:$port/api/query \
      --questions $Q --mode graphrag --clients 32 --duration 30 --warmup 10 2>&1 | grep -E "requests|errors|throughput|latency"
    kill $pid; wait $pid 2>/dev/null
  done
done

#!/usr/bin/env python3
"""All-evidence@k and recall@k per question type from an `engram eval --trace` file.

usage: by_type.py <trace.jsonl> <questions.jsonl>   (k = 2, 5, 8)
"""
import json, sys
from collections import defaultdict

trace, questions = sys.argv[1], sys.argv[2]
KS = (2, 5, 8)
types = {}
for line in open(questions):
    q = json.loads(line)
    hops = q["id"].split("__")[0] if "hop" in q["id"] else None
    types[q["id"]] = q.get("type") or hops or "all"
# per type: questions, then all-evidence@k and recall@k sums
agg = defaultdict(lambda: [0] + [0.0] * (2 * len(KS)))
for line in open(trace):
    t = json.loads(line)
    ranks = t["gold_ranks"]
    for key in (types.get(t["id"], "?"), "all"):
        a = agg[key]; a[0] += 1
        for i, k in enumerate(KS):
            a[1 + i] += all(0 < r <= k for r in ranks)
            a[1 + len(KS) + i] += sum(0 < r <= k for r in ranks) / len(ranks) if ranks else 0
for key, a in sorted(agg.items()):
    print("%-12s n=%3d  " % (key, a[0])
          + "  ".join("AE@%d %.3f" % (k, a[1 + i] / a[0]) for i, k in enumerate(KS)) + "  "
          + "  ".join("R@%d %.3f" % (k, a[1 + len(KS) + i] / a[0]) for i, k in enumerate(KS)))

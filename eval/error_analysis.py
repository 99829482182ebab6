#!/usr/bin/env python3
"""Failure categories for one mode of an `engram eval --trace` file (issue 16).

usage: eval/error_analysis.py <trace.jsonl> <corpus.jsonl> [--mode graphrag] [--k 8] [--out categories.jsonl]

A question whose gold passages are all in the top k is `ok`; a miss of a mode without a graph (dense, bm25, hybrid) is
`missed (no graph)`. Otherwise the first category that fits, in this order:
  no seeds        the question linked to nothing, so the walk never ran (dense ranking only)
  linking missed  no seed's name occurs in any gold passage: the walk started away from the evidence
  wrong seed hub  the heaviest seed occurs in no gold passage: most of the reset mass sat on the wrong entity
  mass leaked     a missed gold passage names a seed, yet ranks below k: the mass flowed to other passages
  evidence split  some gold passages are in the top k, and the missed ones name no seed: the bridge entity
                  between the hops was not followed
  other           none of these (e.g. every gold passage missed though seeds occur only in found ones)
Seed names are matched case-insensitively as substrings of the passage's title and text, which is how a reader
would check it; an entity written differently in the passage counts as absent.
"""
import argparse
import collections
import json


def load_corpus(path):
    docs = {}
    with open(path) as f:
        for line in f:
            d = json.loads(line)
            docs[d["id"]] = (d.get("title", "") + "\n" + d.get("text", "")).lower()
    return docs


def categorise(row, docs, k):
    gold = row["gold"]
    ranks = row["gold_ranks"]
    missed = [g for g, r in zip(gold, ranks) if r == 0 or r > k]
    if not missed:
        return "ok"
    seeds = row.get("seeds") or []
    if not seeds:
        return "no seeds" if row["mode"] in ("ppr", "graphrag") else "missed (no graph)"
    names = [s[0].lower() for s in seeds if s[0]]
    def names_in(doc_id):
        text = docs.get(doc_id, "")
        return [n for n in names if n and n in text]
    if not any(names_in(g) for g in gold):
        return "linking missed"
    heaviest = max(seeds, key=lambda s: s[3])[0].lower()
    if not any(heaviest in docs.get(g, "") for g in gold):
        return "wrong seed hub"
    if any(names_in(g) for g in missed):
        return "mass leaked"
    if len(missed) < len(gold):
        return "evidence split"
    return "other"


def main():
    p = argparse.ArgumentParser()
    p.add_argument("trace")
    p.add_argument("corpus")
    p.add_argument("--mode", default="graphrag")
    p.add_argument("--k", type=int, default=8)
    p.add_argument("--out")
    a = p.parse_args()
    docs = load_corpus(a.corpus)
    counts = collections.Counter()
    out = open(a.out, "w") if a.out else None
    with open(a.trace) as f:
        for line in f:
            row = json.loads(line)
            if row["mode"] != a.mode:
                continue
            cat = categorise(row, docs, a.k)
            counts[cat] += 1
            if out:
                w = row.get("weighting") or {}
                out.write(json.dumps({"id": row["id"], "category": cat, "question": row["question"],
                                      "gold": row["gold"], "gold_ranks": row["gold_ranks"],
                                      "seeds": [s[0] for s in row.get("seeds") or []],
                                      "graph_share": w.get("graph_share")}) + "\n")
    if out:
        out.close()
    total = sum(counts.values())
    print(f"{a.trace} mode {a.mode}, all-evidence@{a.k}: {total} questions")
    for cat in ["ok", "missed (no graph)", "no seeds", "linking missed", "wrong seed hub", "mass leaked", "evidence split", "other"]:
        print(f"  {cat:15s} {counts[cat]:4d}")


if __name__ == "__main__":
    main()

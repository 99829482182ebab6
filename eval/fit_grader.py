#!/usr/bin/env python3
"""Fits PassageGrader's logistic weights and thresholds from `engram eval --trace` files of the development sets.

usage: fit_grader.py --own hot-own.jsonl mus-own.jsonl --foreign mus-on-hot.jsonl hot-on-mus.jsonl [--top 8]
Own traces: each question asked of its own store (gold passages are the positives). Foreign traces: questions asked
of another set's store (nothing is gold). Prints the weights, the thresholds and what they give on these files.
Pass --weights/--relevant/--irrelevant to evaluate fixed values instead (for the test set: never fit on it).
"""
import argparse, json, math
import numpy as np

NAMES = ["cos", "cosGap", "lexical", "names", "hasNames", "rank", "scoreShare"]


def load(path, top):
    out = []
    for line in open(path):
        q = json.loads(line)
        gold = set(q["gold"])
        rows = []
        for doc, grade, score, sig in q.get("grades", [])[:top]:
            rows.append(([sig[n] for n in NAMES], 1 if doc in gold else 0))
        out.append((q["id"], rows, set(q["gold"])))
    return out


def sigmoid(z):
    return 1 / (1 + np.exp(-z))


def fit(X, y, l2=1e-3, steps=4000, lr=0.5):
    w = np.zeros(X.shape[1]); b = 0.0
    for _ in range(steps):
        p = sigmoid(X @ w + b)
        g = p - y
        w -= lr * (X.T @ g / len(y) + l2 * w)
        b -= lr * g.mean()
    return w, b


def coverage(qs, w, b, t, cover_top):
    """Share of questions with some passage among the first cover_top scoring at least t."""
    flags = []
    for _, rows, _ in qs:
        s = [sigmoid(np.dot(w, x) + b) for x, _ in rows[:cover_top]]
        flags.append(bool(s) and max(s) >= t)
    return np.array(flags)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--own", nargs="+", required=True)
    ap.add_argument("--foreign", nargs="+", default=[])
    ap.add_argument("--top", type=int, default=8)
    ap.add_argument("--cover-top", type=int, default=5)
    ap.add_argument("--weights", help="bias,w1..w7: evaluate instead of fitting")
    ap.add_argument("--relevant", type=float)
    ap.add_argument("--irrelevant", type=float)
    a = ap.parse_args()
    own = [q for f in a.own for q in load(f, a.top)]
    foreign = [q for f in a.foreign for q in load(f, a.top)]
    X = np.array([x for _, rows, _ in own for x, _ in rows]); y = np.array([l for _, rows, _ in own for _, l in rows])
    if a.weights:
        v = [float(t) for t in a.weights.split(",")]; b, w = v[0], np.array(v[1:])
    else:
        # foreign passages are negatives too: the model must learn what an off-corpus hit looks like
        Xf = np.array([x for _, rows, _ in foreign for x, _ in rows]).reshape(-1, X.shape[1])
        XA = np.vstack([X, Xf]); yA = np.concatenate([y, np.zeros(len(Xf))])
        mu, sd = XA.mean(0), XA.std(0) + 1e-9
        ws, b = fit((XA - mu) / sd, yA)
        w = ws / sd; b = b - np.dot(ws, mu / sd)
    print("bias %.4f weights %s" % (b, ", ".join("%s %.4f" % (n, x) for n, x in zip(NAMES, w))))
    p = sigmoid(X @ w + b)
    # irrelevant threshold: the highest that still keeps 97% of gold passages out of "irrelevant"
    irr = a.irrelevant if a.irrelevant is not None else float(np.quantile(p[y == 1], 0.03))
    best = None
    for t in ([a.relevant] if a.relevant is not None else np.linspace(0.05, 0.95, 91)):
        oc = coverage(own, w, b, t, a.cover_top); fc = coverage(foreign, w, b, t, a.cover_top) if foreign else np.array([])
        wrong_refusals = 1 - oc.mean()
        caught = 1 - fc.mean() if len(fc) else 0
        cost = wrong_refusals + (1 - caught)
        if best is None or cost < best[0]:
            best = (cost, t, wrong_refusals, caught, oc, fc)
    _, rel, wrong, caught, oc, fc = best
    rel = max(rel, irr)
    print("thresholds: relevant %.3f irrelevant %.4f" % (rel, irr))
    gp = p[y == 1]; npp = p[y == 0]
    print("passages in top %d: %d gold, %d other" % (a.top, len(gp), len(npp)))
    print("gold graded irrelevant %.3f, weak %.3f, relevant %.3f" % ((gp < irr).mean(), ((gp >= irr) & (gp < rel)).mean(), (gp >= rel).mean()))
    print("other graded irrelevant %.3f, weak %.3f, relevant %.3f" % ((npp < irr).mean(), ((npp >= irr) & (npp < rel)).mean(), (npp >= rel).mean()))
    rel_mask = p >= rel
    print("precision of 'relevant' %.3f" % (y[rel_mask].mean() if rel_mask.any() else float('nan')))
    # not-covered signal: positives = foreign questions
    tp = (~fc).sum() if len(fc) else 0; fp = (~oc).sum(); fn = fc.sum() if len(fc) else 0
    prec = tp / (tp + fp) if tp + fp else float('nan'); rec = tp / (tp + fn) if tp + fn else float('nan')
    print("not covered: own questions refused %d/%d = %.3f; foreign flagged %d/%d = %.3f; precision %.3f recall %.3f"
          % (fp, len(oc), fp / len(oc), tp, len(fc), rec if len(fc) else 0, prec, rec))
    print("java: new double[] {%s}, bias %.4f, relevant %.3f, irrelevant %.4f" % (", ".join("%.4f" % x for x in w), b, rel, irr))


if __name__ == "__main__":
    main()

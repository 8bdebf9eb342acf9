#!/usr/bin/env python3
"""One evidence score instead of rules? Leave-one-set-out on the persons trial sets.

usage: python benchmarks/bench_persons_score.py [--cache PATTERN]
(``PATTERN`` with ``{set}``: the model's raw mentions of each set, as
``bench_persons_trials.py --cache`` keeps them; without them the model runs first)

Every full name that reaches :func:`searchapp.ingest.persons.evidence.verdict` on the
trial sets tuning, held-out, fresh, fresh2, fresh3, fresh4 and fresh5 (never a later set) is
described by
the counts the verdict reads (each cue, the family name alone, the model's votes, opening
and heading shares); a logistic score is fitted on the other sets and its one threshold chosen
there as the highest that keeps the rules' recall on them; then the left-out set is judged
by the score and by the rules, among the names its labels cover.  Prints a table.
"""

from __future__ import annotations

import argparse
import json
import math
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import searchapp.ingest.persons.evidence as ev  # noqa: E402
import searchapp.ingest.persons.people as pp  # noqa: E402
from benchmarks.bench_persons_trials import (  # noqa: E402
    TRIALS,
    Recognizer,
    documents,
    find_persons,
    recognize_cached,
)

SETS = ("tuning", "held-out", "fresh", "fresh2", "fresh3", "fresh4", "fresh5")
CUES = sorted(ev.FOR | ev.AGAINST | {ev.FIRM_ROLE, ev.PLACED, ev.ORIGIN, "with_places",
                                     "capital_before", "capital_after", "org_after"})


def features(e: ev.NameEvidence, votes: tuple[int, int, int]) -> list[float]:
    """What the verdict reads of a name, as numbers."""
    n = max(e.occurrences, 1)
    x = [math.log1p(e.cue_counts[c]) for c in CUES] + [e.cue_counts[c] / n for c in CUES]
    x += [math.log1p(v) for v in (e.bare, e.bare_strong, e.bare_against, e.strong, e.against,
                                  e.hard, e.occurrences)]
    x += [e.openings / n, e.headings / n]
    person, other, place = votes
    x += [math.log1p(person), math.log1p(other), math.log1p(place),
          (person + 1) / (person + other + place + 2)]
    return x


#: The few kinds of evidence a careful reader weighs, each a sum of the cues of its kind.
KINDS = {"personal": sorted(ev.PERSONAL), "speech": ["speech"],
         "weak": sorted(ev.FOR - ev.STRONG), "soft": sorted(ev.SOFT),
         "thing": sorted(ev.AGAINST - ev.SOFT - {"kind", "org_only", "works_at", "org_part"}),
         "firm": ["kind", "org_only", "works_at", "org_part", ev.FIRM_ROLE],
         "place": [ev.PLACED, ev.ORIGIN, "place_apposition", "with_places", "in_place"]}


def few_features(x: list[float]) -> list[float]:
    """The same name described by kinds of evidence (:data:`KINDS`), not cue by cue: fewer
    numbers to fit, so less to fit to one set's names."""
    k = len(CUES)
    counts = {c: math.expm1(x[i]) for i, c in enumerate(CUES)}
    out = [math.log1p(sum(counts.get(c, 0) for c in cues)) for cues in KINDS.values()]
    return out + x[2 * k:]  # the family name alone, totals, positions, the model's votes


def judged(name: str, cache: Path) -> list[tuple[str, list[float], bool, bool]]:
    """``(name, features, the rules' verdict, label)`` for each labeled name judged."""
    chosen = json.loads(TRIALS.read_text("utf-8"))["sets"][name]
    labels = chosen["labels"]["persons"]
    docs = documents(chosen["pages"])
    items = [(pid, t) for d in docs for pid, _, t in d.paragraphs]
    raw = recognize_cached(Recognizer(), items, cache)
    log: dict[str, tuple[list[float], bool]] = {}
    current = [""]
    votes_of, verdict_of = pp._votes, ev.verdict

    def votes(n, coll):
        current[0] = n
        return votes_of(n, coll)

    def verdict(e, *a):
        r = verdict_of(e, *a)
        if len(a) == 3:  # the collection's verdict (promotion asks without votes)
            log[current[0]] = (features(e, a), r.person)
        return r

    pp._votes, ev.verdict = votes, verdict
    try:
        find_persons(docs, raw, None)
    finally:
        pp._votes, ev.verdict = votes_of, verdict_of
    return [(n, x, v, labels[n]) for n, (x, v) in log.items() if labels.get(n) is not None]


def fit(x: np.ndarray, y: np.ndarray, l2: float = 1.0, rounds: int = 3000, rate: float = 0.1):
    """A logistic score fitted by gradient descent (standardized features)."""
    mu, sd = x.mean(0), x.std(0) + 1e-6
    z = (x - mu) / sd
    w, b = np.zeros(z.shape[1]), 0.0
    for _ in range(rounds):
        g = 1 / (1 + np.exp(-(z @ w + b))) - y
        w -= rate * (z.T @ g / len(y) + l2 * w / len(y))
        b -= rate * g.mean()
    return lambda x2: 1 / (1 + np.exp(-(((x2 - mu) / sd) @ w + b)))


def precision(pred: np.ndarray, y: np.ndarray) -> tuple[float, int, int]:
    tp, fp = int((pred & y).sum()), int((pred & ~y).sum())
    return (round(tp / (tp + fp), 3) if tp + fp else 0.0), tp, fp


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--cache", default="/tmp/persons_trials_{set}.json",
                    help="where each set's raw mentions are kept ({set} is the set's name)")
    args = ap.parse_args()
    data = {s: judged(s, Path(args.cache.format(set=s))) for s in SETS}
    for label, describe in (("every cue", lambda x: x), ("kinds of evidence", few_features)):
        print(f"\nscore on {label}:")
        table({s: [(n, describe(x), v, y) for n, x, v, y in rows] for s, rows in data.items()})


def table(data: dict) -> None:
    """Leave-one-set-out: fit on the other sets, judge the left-out one."""
    print("| held-out set | labeled names judged | rules P (true/false kept) | "
          "score P (true/false kept) | threshold |")
    print("|---|---|---|---|---|")
    for test in SETS:
        train = [r for s in SETS if s != test for r in data[s]]
        xtr = np.array([r[1] for r in train])
        ytr = np.array([r[3] for r in train], bool)
        rules = np.array([r[2] for r in train], bool)
        score = fit(xtr, ytr.astype(float))
        ptr = score(xtr)
        need = int((rules & ytr).sum())  # the rules' recall on the training sets, kept
        th = max((t for t in np.unique(ptr) if int(((ptr >= t) & ytr).sum()) >= need),
                 default=0.5)
        rows = data[test]
        x = np.array([r[1] for r in rows])
        y = np.array([r[3] for r in rows], bool)
        a = precision(np.array([r[2] for r in rows], bool), y)
        b = precision(score(x) >= th, y)
        print(f"| {test} | {len(rows)} ({int(y.sum())} true) | {a[0]} ({a[1]}/{a[2]}) | "
              f"{b[0]} ({b[1]}/{b[2]}) | {th:.3f} |")


if __name__ == "__main__":
    main()

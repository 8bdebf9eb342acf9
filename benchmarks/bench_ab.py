"""The app's full request in two checkouts, request by request: A/B on a busy machine.

    python benchmarks/bench_ab.py --a DIR_A --a-index INDEX_A --b DIR_B --b-index INDEX_B
                                  [--corpus CORPUS] [--rounds 40] [--json]

On a shared machine one run of ``bench_search.py`` and the next differ by 2-3x
(other sessions' load), so comparing two checkouts run by run measures the load
as much as the code.  Here each checkout answers in a process of its own (its
own ``searchapp``, its own index, built by that checkout: ``bench_search.py
--work W --paragraphs N`` leaves it in ``W/index-N``), and the requests of
``bench_search.MIX`` go to A and B in turn, one request each, the order
swapped every round, so the two sides meet the same load at the same moment.
Reported: each side's p50 / p95 over every request, per query kind, and the
median over requests of B's time divided by A's for the same request
(the paired ratio, which the load divides out of).

Each worker times ``SearchEngine.search`` in its own process (the pipe is not
timed), after one warming round.  Query kinds whose totals differ between A and
B (a change of results between the checkouts) are listed in ``totals_differ``.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))

from bench_search import MIX, pct  # noqa: E402

WORKER = r"""
import json, sys, time
from pathlib import Path
tree, index, corpus = sys.argv[1:4]
sys.path.insert(0, tree)
from searchapp.config import Settings
from searchapp.search.engine import SearchEngine, SearchRequest
engine = SearchEngine.open(Settings(corpus=Path(corpus), index=Path(index),
                                    data_dir=Path(index).parent / "data-ab"))
reader = engine._searcher.reader()
rare = "zeitgeist"
for term, info in reader.iter_field("body"):
    word = term.decode() if isinstance(term, bytes) else term
    if 3 <= info.doc_frequency() <= 10 and word.isalpha() and len(word) > 6:
        rare = word
        break
print(json.dumps({"rare": rare}), flush=True)
for line in sys.stdin:
    query, filters = json.loads(line)
    t = time.perf_counter()
    r = engine.search(SearchRequest(query=query, page_size=20, **filters))
    ms = (time.perf_counter() - t) * 1000
    print(json.dumps({"ms": ms, "total": r.total, "facets": len(r.facets)}), flush=True)
"""


class Side:
    """One checkout's search process."""

    def __init__(self, tree: Path, index: Path, corpus: Path) -> None:
        self.proc = subprocess.Popen(
            [sys.executable, "-c", WORKER, str(tree), str(index), str(corpus)],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, cwd=str(tree))
        self.rare = json.loads(self.proc.stdout.readline())["rare"]

    def ask(self, query: str, filters: dict) -> dict:
        self.proc.stdin.write(json.dumps([query, filters]) + "\n")
        self.proc.stdin.flush()
        return json.loads(self.proc.stdout.readline())

    def close(self) -> None:
        self.proc.stdin.close()
        self.proc.wait(timeout=60)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--a", required=True, help="checkout A (its searchapp is imported)")
    ap.add_argument("--a-index", required=True)
    ap.add_argument("--b", default=str(ROOT), help="checkout B (default: this one)")
    ap.add_argument("--b-index", required=True)
    ap.add_argument("--corpus", help="the corpus the indexes were built from")
    ap.add_argument("--rounds", type=int, default=40, help="rounds of the query mix")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args(argv)
    corpus = Path(args.corpus or Path(args.b_index).parent / "corpus")
    a = Side(Path(args.a), Path(args.a_index), corpus)
    b = Side(Path(args.b), Path(args.b_index), corpus)
    mix = [(n, q.replace("{rare}", a.rare), f) for n, q, f in MIX]
    times: dict[str, list[float]] = {"a": [], "b": []}
    differ: dict[str, list[int]] = {}  # query kind -> totals of A and B, where they differ
    kinds: dict[str, dict[str, list[float]]] = {n: {"a": [], "b": [], "ratio": []}
                                                for n, _q, _f in mix}
    for rnd in range(args.rounds + 1):  # round 0 warms both sides
        for name, query, filters in mix:
            first, second = (a, b) if rnd % 2 else (b, a)
            r1, r2 = first.ask(query, filters), second.ask(query, filters)
            ra, rb = (r1, r2) if first is a else (r2, r1)
            if ra["total"] != rb["total"]:  # said in the output (a change of results)
                differ[name] = [ra["total"], rb["total"]]
            if rnd == 0:
                continue
            for side, r in (("a", ra), ("b", rb)):
                times[side].append(r["ms"])
                kinds[name][side].append(r["ms"])
            kinds[name]["ratio"].append(rb["ms"] / ra["ms"])
    facets = {"a": ra["facets"], "b": rb["facets"]}
    a.close()
    b.close()
    ratios = [x for k in kinds.values() for x in k["ratio"]]
    out = {"requests_per_side": len(times["a"]), "facet_groups": facets,
           "totals_differ": differ,
           "a_p50_ms": round(statistics.median(times["a"]), 2),
           "a_p95_ms": round(pct(times["a"], .95), 2),
           "b_p50_ms": round(statistics.median(times["b"]), 2),
           "b_p95_ms": round(pct(times["b"], .95), 2),
           "b_over_a_median_paired": round(statistics.median(ratios), 3),
           "per_query": {n: {"a_p50": round(statistics.median(k["a"]), 2),
                             "b_p50": round(statistics.median(k["b"]), 2),
                             "b_over_a": round(statistics.median(k["ratio"]), 3)}
                         for n, k in kinds.items()}}
    out["b_over_a_p95"] = round(out["b_p95_ms"] / out["a_p95_ms"], 3)
    out["b_over_a_per_facet_group"] = round(
        out["b_over_a_median_paired"] * facets["a"] / facets["b"], 3)
    if args.json:
        print(json.dumps(out))
    else:
        for k, v in out.items():
            print(f"{k:28} {v}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

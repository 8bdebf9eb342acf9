"""Article-extraction benchmark on ``../shared/bench/extraction``.

Runs searchapp's HTML cleaner (and, for comparison in the same run, plain
trafilatura in its default and tuned settings) over the 88 real news pages,
scores them with the benchmark's own ``score.py`` and prints F1, precision,
recall and pages per second (one process, median of ``--repeat`` timed
passes).  The reference extractors' scores come from the benchmark's
``reference-outputs.json``, scored the same way.

    python benchmarks/bench_extraction.py [--bench DIR] [--repeat 3] [--json]
"""

from __future__ import annotations

import argparse
import gzip
import importlib.util
import json
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from searchapp.ingest.html import _trafilatura as trafilatura_fast  # noqa: E402
from searchapp.ingest.html.extract import article_text  # noqa: E402
from searchapp.ingest.read import decode_bytes  # noqa: E402

DEFAULT_BENCH = ROOT.parent / "shared" / "bench" / "extraction"


def load_score(bench: Path):
    spec = importlib.util.spec_from_file_location("extraction_score", bench / "score.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.score


def timed(fn, pages: dict[str, bytes], repeat: int) -> tuple[dict[str, str], float]:
    rates = []
    pred: dict[str, str] = {}
    for _ in range(repeat):
        start = time.perf_counter()
        pred = {k: fn(v) or "" for k, v in pages.items()}
        rates.append(len(pages) / (time.perf_counter() - start))
    return pred, statistics.median(rates)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--bench", type=Path, default=DEFAULT_BENCH)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--no-reference", action="store_true", help="skip plain trafilatura runs")
    ap.add_argument("--dump", type=Path, help="write searchapp's predictions here")
    args = ap.parse_args(argv)

    score = load_score(args.bench)
    truth = json.loads((args.bench / "ground-truth.json").read_text())
    raw = {k: gzip.open(args.bench / "html" / f"{k}.html.gz").read() for k in truth}

    rows = []
    ours, rate = timed(lambda b: article_text(decode_bytes(b).text), raw, args.repeat)
    rows.append(("searchapp (trafilatura + bs4)", *score(truth, ours), rate))
    if args.dump:
        args.dump.write_text(json.dumps(ours))
    if not args.no_reference:
        import trafilatura

        # The rest as trafilatura ships: its own XPath selectors, not searchapp's stand-ins.
        with trafilatura_fast.trafilatura_own_xpath():
            pred, r = timed(lambda b: article_text(decode_bytes(b).text), raw, args.repeat)
            rows.append(("searchapp with trafilatura's own XPath", *score(truth, pred), r))
            for name, kw in [
                ("trafilatura default (this run)", {}),
                ("trafilatura favor_precision (this run)", {"favor_precision": True,
                                                            "include_comments": False}),
            ]:
                pred, r = timed(lambda b, kw=kw: trafilatura.extract(decode_bytes(b).text, **kw),
                                raw, 1)
                rows.append((name, *score(truth, pred), r))
    refs_path = args.bench / "reference-outputs.json"
    if refs_path.exists():
        refs = json.loads(refs_path.read_text())
        for name, entry in refs.items():
            pred = entry.get("output", entry) if isinstance(entry, dict) else entry
            rows.append((f"{name} (reference output)", *score(truth, pred), None))

    if args.json:
        print(json.dumps([{"extractor": n, "f1": round(f, 4), "precision": round(p, 4),
                           "recall": round(r, 4), "pages_per_s": s and round(s, 1)}
                          for n, f, p, r, s in rows], indent=2))
        return 0
    print(f"{'extractor':42} {'F1':>6} {'P':>6} {'R':>6} {'pages/s':>8}")
    for name, f1, p, r, s in sorted(rows, key=lambda x: -x[1]):
        print(f"{name:42} {f1:6.3f} {p:6.3f} {r:6.3f} {(f'{s:8.1f}' if s else '       -')}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

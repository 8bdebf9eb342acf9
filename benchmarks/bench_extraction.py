"""Article extraction side by side with trafilatura: F1 and pages per second, both eras.

For each benchmark set (``../shared/bench/extraction``: 88 news pages of 2019;
``../shared/bench/extraction-modern``: 300 article pages of 2025) every
extractor runs over all pages in one process, decoding included, and is scored
with the benchmark's ``score.py`` (4-gram shingle F1, pages weighted equally):

* searchapp's article text (``extract_article``, no metadata) against
  ``trafilatura.extract`` as shipped (defaults, its own XPath);
* with metadata (title, authors, date, site: what the indexer needs) against
  ``trafilatura.bare_extraction(with_metadata=True)`` (its text);
* the whole ingestion of an HTML file (``load_document``: decoding, extraction,
  metadata, cleaning, paragraphs with their ids; persons aside) beside them.

The passes are interleaved round by round (``--repeat`` rounds) so that a busy
machine slows every extractor alike; with ``--per-page`` they are interleaved
page by page instead (each page through every extractor, in an order that turns
with the page and the round: the steadier figure on a machine shared with other
work); ``--cpu`` times each call in this process's CPU seconds instead of wall
seconds (on a loaded machine wall time is mostly waiting).  Printed are the
median pages/s and the median of each round's ratio to trafilatura as shipped.
``--only`` keeps the extractors whose names hold one of its comma-separated
words (trafilatura as shipped always runs).  The 2019 set's
reference outputs (``reference-outputs.json``) are scored too.

    python benchmarks/bench_extraction.py [--sets 2019,2025] [--repeat 3] [--per-page]
        [--only "load_document"] [--cpu] [--json]
"""

from __future__ import annotations

import argparse
import gzip
import importlib.util
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from searchapp.ingest.html import _trafilatura as trafilatura_fast  # noqa: E402
from searchapp.ingest.html.extract import extract_article  # noqa: E402
from searchapp.ingest.read import decode_bytes  # noqa: E402

SHARED = ROOT.parent / "shared" / "bench"
SETS = {"2019": SHARED / "extraction", "2025": SHARED / "extraction-modern"}
DEFAULT_BENCH = SETS["2019"]
SHIPPED = "trafilatura.extract as shipped"


def load_score(bench: Path):
    spec = importlib.util.spec_from_file_location("extraction_score", bench / "score.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.score


def extractors(folder: Path) -> dict:
    """name -> (function of (key, raw bytes) -> text, whether it is ours)."""
    import trafilatura

    from searchapp.ingest.pipeline import NON_BODY, load_document
    from searchapp.ingest.read import LoadError

    def traf(**kw):
        def run(key, raw):
            with trafilatura_fast.trafilatura_own_xpath():
                return trafilatura.extract(decode_bytes(raw).text, **kw) or ""
        return run

    def traf_with_metadata(key, raw):
        with trafilatura_fast.trafilatura_own_xpath():
            doc = trafilatura.bare_extraction(decode_bytes(raw).text, with_metadata=True)
        return (doc.text or "") if doc is not None else ""

    def whole(key, raw):
        try:
            doc = load_document(folder / f"{key}.html", folder, raw=raw)
        except LoadError:  # "no article text found": nothing to score
            return ""
        return "\n\n".join(p.text for p in doc.paragraphs if p.kind not in NON_BODY
                           or p.kind == "heading")

    return {
        "searchapp article text": (
            lambda key, raw: extract_article(decode_bytes(raw).text, with_metadata=False).text),
        SHIPPED: traf(),
        "searchapp with metadata": (
            lambda key, raw: extract_article(decode_bytes(raw).text).text),
        "trafilatura with metadata (bare_extraction)": traf_with_metadata,
        "searchapp load_document (whole ingestion)": whole,
        "trafilatura.extract favor_precision": traf(favor_precision=True),
        "trafilatura.extract favor_recall": traf(favor_recall=True),
    }


def run_set(bench: Path, repeat: int, per_page: bool = False,
            only: tuple[str, ...] = (), clock=time.perf_counter) -> list[dict]:
    score = load_score(bench)
    truth = json.loads((bench / "ground-truth.json").read_text())
    raw = {k: gzip.open(bench / "html" / f"{k}.html.gz").read() for k in truth}
    rates: dict[str, list[float]] = {}
    preds: dict[str, dict] = {}
    with tempfile.TemporaryDirectory() as tmp:
        fns = {name: fn for name, fn in extractors(Path(tmp)).items()
               if name == SHIPPED or not only or any(word in name for word in only)}
        # warm-up, one untimed pass over every page: imports, and dateparser's first
        # call (seconds: it compiles every locale's patterns), which a page that states
        # no date elsewhere makes; the first page alone seldom does, and the first timed
        # round then held it
        for fn in fns.values():
            for k, v in raw.items():
                fn(k, v)
        for r in range(max(1, repeat)):
            if per_page:
                spent = dict.fromkeys(fns, 0.0)
                names = list(fns)
                for i, (k, v) in enumerate(raw.items()):
                    turn = (i + r) % len(names)
                    for name in names[turn:] + names[:turn]:
                        start = clock()
                        preds.setdefault(name, {})[k] = fns[name](k, v)
                        spent[name] += clock() - start
                for name in fns:
                    rates.setdefault(name, []).append(len(raw) / spent[name])
                continue
            for name, fn in fns.items():
                start = clock()
                preds[name] = {k: fn(k, v) for k, v in raw.items()}
                rates.setdefault(name, []).append(len(raw) / (clock() - start))
    rows = []
    for name in fns:
        ratios = [a / b for a, b in zip(rates[name], rates[SHIPPED], strict=True)]
        rows.append({"extractor": name, **dict(zip(("f1", "precision", "recall"),
                                                   score(truth, preds[name]), strict=True)),
                     "pages_per_s": statistics.median(rates[name]), "runs": rates[name],
                     "vs_shipped": statistics.median(ratios)})
    refs_path = bench / "reference-outputs.json"
    if refs_path.exists():
        for name, entry in json.loads(refs_path.read_text()).items():
            pred = entry.get("output", entry) if isinstance(entry, dict) else entry
            rows.append({"extractor": f"{name} (benchmark's output)",
                         **dict(zip(("f1", "precision", "recall"), score(truth, pred),
                                    strict=True)),
                         "pages_per_s": None, "runs": [], "vs_shipped": None})
    return rows


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sets", default="2019,2025")
    ap.add_argument("--repeat", type=int, default=3, help="interleaved timed rounds")
    ap.add_argument("--per-page", action="store_true",
                    help="interleave the extractors page by page, not round by round")
    ap.add_argument("--only", default="",
                    help="comma-separated words: only the extractors whose names hold one")
    ap.add_argument("--cpu", action="store_true",
                    help="time in this process's CPU seconds, not wall seconds")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args(argv)
    only = tuple(w for w in args.only.split(",") if w)
    clock = time.process_time if args.cpu else time.perf_counter
    out = {name: run_set(SETS[name], args.repeat, args.per_page, only, clock)
           for name in args.sets.split(",")}
    if args.json:
        print(json.dumps(out, indent=1))
        return 0
    for name, rows in out.items():
        print(f"\n{name} ({SETS[name].name}); pages per {'CPU-' if args.cpu else ''}s: median of {args.repeat} rounds "
              f"interleaved {'page by page' if args.per_page else 'round by round'}; "
              "x shipped: median of the rounds' ratios")
        print(f"{'extractor':45} {'F1':>6} {'P':>6} {'R':>6} {'pages/s':>8} {'x shipped':>9}")
        for r in rows:
            speed = f"{r['pages_per_s']:8.1f} {r['vs_shipped']:9.2f}" if r["pages_per_s"] else ""
            print(f"{r['extractor']:45} {r['f1']:6.3f} {r['precision']:6.3f} "
                  f"{r['recall']:6.3f} {speed}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

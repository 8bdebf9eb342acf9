"""End-to-end indexing throughput: files in, searchable paragraphs out.

    python benchmarks/bench_ingest.py [--pages 440] [--paragraphs 20000] [--repeat 3] [--json]

Two corpora, each indexed from scratch with one process and with two (the
default on this 2-core machine class), ``--repeat`` times; medians are printed:

* **html**: the 88 real news pages of ``../shared/bench/extraction`` (gzipped
  HTML, decoded, cleaned by our extractor, split, persons and places found,
  indexed) copied until there are ``--pages`` files;
* **text**: a generated plain-text corpus of ``--paragraphs`` paragraphs
  (``benchmarks/corpus.py``: Markov text from the real articles, registry
  persons and places).

Figures are pages/s and paragraphs/s of the whole ``update_index`` run
(scan, read, hash, clean, extract, index, commit, manifest).
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from corpus import generate  # noqa: E402
from searchapp.config import Settings  # noqa: E402
from searchapp.index.update import update_index  # noqa: E402

PAGES = ROOT.parent / "shared" / "bench" / "extraction" / "html"


def html_corpus(out: Path, pages: int) -> int:
    sources = sorted(PAGES.glob("*.html.gz"))
    if not sources:
        raise SystemExit(f"no pages in {PAGES}")
    out.mkdir(parents=True)
    for i in range(pages):
        src = sources[i % len(sources)]
        shutil.copy(src, out / f"{i // len(sources):03}-{src.name}")
    return pages


def run(corpus: Path, work: Path, jobs: int, repeat: int) -> dict:
    times, paragraphs, files = [], 0, 0
    for k in range(repeat):
        index = work / f"index-{jobs}-{k}"
        settings = Settings(corpus=corpus, index=index, data_dir=work / "data")
        t = time.perf_counter()
        report = update_index(settings, jobs=jobs)
        times.append(time.perf_counter() - t)
        if report.failed:
            print(f"  {len(report.failed)} files failed, e.g. {report.failed[0]}",
                  file=sys.stderr)
        paragraphs, files = report.total_paragraphs, report.total_files
        shutil.rmtree(index)
    s = statistics.median(times)
    return {"jobs": jobs, "files": files, "paragraphs": paragraphs,
            "seconds": [round(x, 2) for x in times], "median_s": round(s, 2),
            "files_per_s": round(files / s, 1), "paragraphs_per_s": round(paragraphs / s)}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--pages", type=int, default=440, help="HTML files (the 88 pages repeated)")
    ap.add_argument("--paragraphs", type=int, default=20_000, help="text corpus size")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--jobs", default="1,2", help="process counts to compare, e.g. 1,2")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args(argv)
    jobs = [int(j) for j in args.jobs.split(",")]
    work = Path(tempfile.mkdtemp(prefix="bench-ingest-"))
    try:
        out: dict = {"html": [], "text": []}
        html = work / "html"
        html_corpus(html, args.pages)
        text = work / "text"
        generate(text, args.paragraphs)
        for name, corpus in (("html", html), ("text", text)):
            for j in jobs:
                row = run(corpus, work, j, args.repeat)
                out[name].append(row)
                if not args.json:
                    rate = "pages/s" if name == "html" else "files/s"
                    print(f"{name:5} jobs={j}  {row['files']:6} files {row['paragraphs']:8} "
                          f"paragraphs  median {row['median_s']:7.2f} s  "
                          f"{row['files_per_s']:7.1f} {rate}  "
                          f"{row['paragraphs_per_s']:6} paragraphs/s  {row['seconds']}")
        if args.json:
            print(json.dumps(out))
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Is every word of a page found by searching it as written?  Mixed-case words on the bench pages.

For each benchmark set (``../shared/bench/extraction``: 88 pages of 2019,
``../shared/bench/extraction-modern``: 300 of 2025) the pages are indexed as a
user would index them (a folder of ``.html`` files, ``update_index``), and each
mixed-case word of a page's ground truth (a lower-case letter followed by a
capital: AirPods, WikiLeaks, iPhone, McDonald, watchOS, RelationsCICIR) is
searched *as written* through the app's search engine.  A (word, page) pair is
found when the page is among the results (a hit, or a copy listed under a hit:
the same paragraph on another page).

Two counts per set: over every such pair of the ground truth, and over the pairs
whose word the app's extracted text holds as a whole word (the article text
:func:`searchapp.ingest.html.extract_article` found, before the cleaning that
follows it): a word the extraction dropped cannot be found, and
that is the extraction's recall, measured by ``bench_extraction_cv.py``; a word
the extraction kept and search cannot find is what this script is about.

    python benchmarks/bench_findable.py [--sets old,modern] [--show 20] [--json]
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

SETS = {
    "old": ROOT.parent / "shared" / "bench" / "extraction",
    "modern": ROOT.parent / "shared" / "bench" / "extraction-modern",
}
_WORD = re.compile(r"\w+")


def mixed_case(word: str) -> bool:
    """A lower-case letter directly followed by a capital somewhere in ``word``."""
    return any(a.islower() and b.isupper() for a, b in zip(word, word[1:], strict=False))


def mixed_case_words(text: str) -> set[str]:
    return {w for w in _WORD.findall(text or "") if mixed_case(w)}


def _holds(text: str, word: str) -> bool:
    return re.search(rf"(?<!\w){re.escape(word)}(?!\w)", text) is not None


def measure(bench: Path, workdir: Path) -> dict:
    """Index the set's pages in ``workdir`` and search each mixed-case word."""
    from searchapp.config import Settings
    from searchapp.index.update import update_index
    from searchapp.model import SearchRequest
    from searchapp.search.engine import SearchEngine

    truth = json.loads((bench / "ground-truth.json").read_text())
    corpus = workdir / "pages"
    corpus.mkdir(parents=True)
    for key in truth:
        (corpus / f"{key}.html").write_bytes(gzip.open(bench / "html" / f"{key}.html.gz").read())
    settings = Settings(corpus=corpus, index=workdir / "index", data_dir=workdir / "data")
    report = update_index(settings)
    pairs = [(w, key) for key, v in truth.items() for w in sorted(mixed_case_words(v["articleBody"]))]
    found, missed = set(), []
    texts = {key: _extracted(corpus / f"{key}.html") for key in truth}
    with SearchEngine.open(settings) as engine:
        cache: dict[str, set[str]] = {}
        for word, key in pairs:
            if word not in cache:
                res = engine.search(SearchRequest(query=word, page_size=5000))
                # a page is found when it is a hit or one of a hit's copies (another
                # page's paragraph of the same text, listed under that hit)
                cache[word] = {Path(h.path).stem for h in res.hits} | {
                    Path(c["path"]).stem for h in res.hits for c in h.copies}
            if key in cache[word]:
                found.add((word, key))
            else:
                missed.append((word, key))
    kept = [(w, k) for w, k in pairs if _holds(texts.get(k, ""), w)]
    return {
        "pages": len(truth), "indexed": report.summary(),
        "pairs": len(pairs), "found": len(found),
        "pairs_in_our_text": len(kept), "found_in_our_text": sum(p in found for p in kept),
        "missed_in_our_text": sorted(p for p in kept if p not in found),
        "missed_not_in_our_text": sorted(p for p in missed if p not in set(kept)),
    }


def _extracted(path: Path) -> str:
    """The article text the app's extractor found in a page (before any cleaning)."""
    from searchapp.ingest.html.extract import extract_article
    from searchapp.ingest.read import read_source

    return extract_article(read_source(path).text, with_metadata=False).text


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sets", default="old,modern")
    ap.add_argument("--show", type=int, default=20, help="missed words listed per set")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args(argv)
    out = {}
    for name in args.sets.split(","):
        with tempfile.TemporaryDirectory(prefix="findable-") as tmp:
            out[name] = measure(SETS[name], Path(tmp))
    if args.json:
        print(json.dumps(out, indent=1))
        return 0
    for name, r in out.items():
        print(f"{name}: {r['pages']} pages ({r['indexed']})")
        print(f"  mixed-case (word, page) pairs of the ground truth: {r['found']}/{r['pairs']} "
              f"found as written")
        print(f"  ... of them in our extracted text: {r['found_in_our_text']}/"
              f"{r['pairs_in_our_text']} found as written")
        if r["missed_in_our_text"]:
            shown = ", ".join(f"{w} ({k})" for w, k in r["missed_in_our_text"][: args.show])
            print(f"  in our text, not found: {shown}")
        if r["missed_not_in_our_text"]:
            shown = ", ".join(w for w, _ in r["missed_not_in_our_text"][: args.show])
            print(f"  not in our text (extraction dropped or changed them): {shown}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

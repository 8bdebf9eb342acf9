"""Every document the ingestion makes of the repo's pages and the bench pages, as JSON.

For speed work that must not change what users get: run it before and after a change
and compare the two files byte for byte (``cmp``).  Each file gives ``load_document``'s
whole result: title, source, agency, url, date, authors, language and the rest of the
metadata, the extractor, and every paragraph's kind, text and id (or the reason the
file gives no document).  Files: the 88 + 300 pages of ``../shared/bench`` (when
present), the repo's benchmark, fixture and quote pages, and the seed articles
(``../shared/seeds``, when present).

    python benchmarks/ingest_snapshot.py OUT.json
"""

from __future__ import annotations

import dataclasses
import gzip
import json
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from searchapp.ingest.pipeline import load_document  # noqa: E402
from searchapp.ingest.read import LoadError  # noqa: E402

SHARED = ROOT.parent / "shared"


def files():
    """(name, file name, raw bytes) of every file snapshotted."""
    for name in ("extraction", "extraction-modern"):
        for path in sorted((SHARED / "bench" / name / "html").glob("*.html.gz")):
            yield f"{name}/{path.name}", "page.html", gzip.open(path).read()
    for folder in ("benchmarks/extraction_pages", "benchmarks/quotes_pages", "tests/fixtures/html"):
        for path in sorted((ROOT / folder).glob("*.htm*")):
            raw = path.read_bytes()
            yield f"{folder}/{path.name}", "page.html", \
                gzip.decompress(raw) if path.suffix == ".gz" else raw
    for path in sorted((SHARED / "seeds").glob("*.txt")):
        yield f"seeds/{path.name}", path.name, path.read_bytes()


def snapshot() -> dict:
    out = {}
    with tempfile.TemporaryDirectory() as tmp:
        for name, filename, raw in files():
            try:
                doc = load_document(Path(tmp) / filename, tmp, raw=raw)
            except LoadError as exc:
                out[name] = {"error": str(exc)}
                continue
            out[name] = {"meta": dataclasses.asdict(doc.meta), "extractor": doc.extractor,
                         "paragraphs": [[p.kind, p.text, p.id] for p in doc.paragraphs]}
    return out


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 1:
        print(__doc__.strip().splitlines()[-1].strip(), file=sys.stderr)
        return 2
    docs = snapshot()
    Path(args[0]).write_text(json.dumps(docs, ensure_ascii=False, indent=0, sort_keys=True,
                                        default=str))
    print(f"{len(docs)} files", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""File-format loaders: PDF pages/s beside the libraries' raw text, files/s for the rest.

    python benchmarks/bench_formats.py [--pages 100] [--files 40] [--repeat 5] [--json]

All in one process, on files generated with tests/format_fixtures.py (reportlab
for a two-column ``--pages`` report, python-docx, a hand-made EPUB, e-mail):

* **pdf**: our loader (:func:`searchapp.ingest.formats.pdf.load_pdf`: positions, columns,
  furniture, paragraphs, metadata) beside the raw text extraction of pypdfium2
  (``get_text_range`` per page), pypdf (``extract_text``) and pdfplumber
  (``extract_text``) in the same run; the slower libraries read the first 20
  pages only, and every figure is pages per second;
* **docx**, **epub**, **eml**: ``load_documents`` (the whole pipeline: loader,
  cleaning, paragraphs) over ``--files`` files, files per second.

Figures are medians of ``--repeat`` passes; ratios are between figures of the
same run, which are what to compare on a shared, noisy machine.
"""

from __future__ import annotations

import argparse
import io
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

import format_fixtures as fx  # noqa: E402

from searchapp.ingest.formats.pdf import load_pdf  # noqa: E402
from searchapp.ingest.pipeline import load_documents  # noqa: E402

SLOW_PAGES = 20  # pages pypdf and pdfplumber read per pass


def median_time(fn, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def pdfium_raw(raw: bytes) -> int:
    """pypdfium2's own text extraction of every page (the reference); the page count."""
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(raw)
    n = len(pdf)
    for i in range(n):
        page = pdf[i]
        tp = page.get_textpage()
        tp.get_text_range()
        tp.close()
        page.close()
    pdf.close()
    return n


def pypdf_raw(raw: bytes) -> None:
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(raw))
    for page in reader.pages[:SLOW_PAGES]:
        page.extract_text()


def pdfplumber_raw(raw: bytes) -> None:
    import pdfplumber

    with pdfplumber.open(io.BytesIO(raw)) as pdf:
        for page in pdf.pages[:SLOW_PAGES]:
            page.extract_text()


def bench_pdf(work: Path, pages: int, repeat: int) -> dict:
    path = fx.make_long_pdf(work / "report.pdf", pages)
    raw = path.read_bytes()
    ours = median_time(lambda: load_pdf(raw), repeat)
    out = {"pages": pages, "ours_pages_per_s": pages / ours,
           "pypdfium2_raw_pages_per_s": pages / median_time(lambda: pdfium_raw(raw), repeat)}
    slow = min(pages, SLOW_PAGES)
    for name, fn in (("pypdf", pypdf_raw), ("pdfplumber", pdfplumber_raw)):
        try:
            out[f"{name}_raw_pages_per_s"] = slow / median_time(lambda f=fn: f(raw),
                                                                max(1, repeat // 2))
        except ImportError:
            out[f"{name}_raw_pages_per_s"] = None
    return out


def bench_files(work: Path, kind: str, make, files: int, repeat: int) -> dict:
    folder = work / kind
    folder.mkdir()
    paths = [make(folder / f"f{i:03}.{kind}") for i in range(files)]
    seconds = median_time(lambda: [load_documents(p) for p in paths], repeat)
    return {"files": files, "files_per_s": files / seconds}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--pages", type=int, default=100)
    ap.add_argument("--files", type=int, default=40)
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        result = {"pdf": bench_pdf(work, args.pages, args.repeat)}
        for kind, make in (("docx", fx.make_docx), ("epub", fx.make_epub),
                           ("eml", fx.make_eml)):
            result[kind] = bench_files(work, kind, make, args.files, args.repeat)
    pdf = result["pdf"]
    pdf["ours_vs_pypdfium2_raw"] = pdf["ours_pages_per_s"] / pdf["pypdfium2_raw_pages_per_s"]
    for name in ("pypdf", "pdfplumber"):
        if pdf[f"{name}_raw_pages_per_s"]:
            pdf[f"ours_vs_{name}_raw"] = pdf["ours_pages_per_s"] / pdf[f"{name}_raw_pages_per_s"]
    if args.json:
        print(json.dumps(result))
        return 0
    print(f"PDF, {pdf['pages']} two-column pages (median of {args.repeat}):")
    print(f"  ours (layout, paragraphs)  {pdf['ours_pages_per_s']:8.0f} pages/s")
    for name in ("pypdfium2", "pypdf", "pdfplumber"):
        v = pdf.get(f"{name}_raw_pages_per_s")
        ratio = pdf.get(f"ours_vs_{name}_raw")
        if v:
            print(f"  {name + ' raw text':<26} {v:8.0f} pages/s   ours/raw = {ratio:.2f}")
    for kind in ("docx", "epub", "eml"):
        print(f"{kind:>5}: {result[kind]['files_per_s']:7.0f} files/s "
              f"({result[kind]['files']} files, whole pipeline)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""The OCR stage of ``searchapp index``, for the CLI (a few lines over the stage)."""

from __future__ import annotations

import argparse
import sys

from searchapp.cli.common import warn
from searchapp.config import Settings


def index_scans(args: argparse.Namespace, settings: Settings):
    """Read the scanned pages waiting in the index (in a child process, at a lower
    priority), with "Reading scans: 12 of 40 pages" on a terminal; returns the
    stage's ``OcrReport``."""
    from searchapp.procs.indexer import run_scans_in_process, scans_progress_text

    shown = [False]
    tty = sys.stderr.isatty() and not args.quiet

    def progress(done: int, total: int) -> None:
        if tty and total:
            print(f"\r{scans_progress_text(done, total)}", end="", file=sys.stderr, flush=True)
            shown[0] = True

    try:
        return run_scans_in_process(settings, progress=progress)
    finally:
        if shown[0]:
            print(file=sys.stderr)


def tell_scans(args: argparse.Namespace, report, told: list[tuple[str, str]]) -> None:
    """The stage's unread files and why (one line each), what reading the scans left
    out (a page over its time limit) that ``told`` (the keyword update's) did not
    say, and how to install OCR once."""
    new = [f for f in (report.update.problems if report.update else []) if f not in told]
    for path, reason in report.failed + new:
        warn(f"{path}: {reason}")
    if report.note and args.json:  # else it is the stage's summary line
        warn(report.note)


def left_unread(settings: Settings) -> str:
    """``--no-ocr``: how many scanned pages wait, in one line ("" when none)."""
    from searchapp.index.ocr_stage import pending_count

    pages, files = pending_count(settings)
    if not pages:
        return ""
    return (f"scans: {pages} scanned page{'s' if pages != 1 else ''} in {files} "
            f"file{'s' if files != 1 else ''} left unread (--no-ocr); "
            "'searchapp index' reads them")


class _LazyReader:
    """A Tesseract reader made on the first page to read (none for text files)."""

    def __init__(self) -> None:
        self._reader = None

    def read(self, image, dpi):
        if self._reader is None:
            from searchapp.ingest.ocr.engine import Reader

            self._reader = Reader()
        return self._reader.read(image, dpi)


def extract_scans(settings: Settings, reader: _LazyReader | None = None):
    """For ``searchapp extract``: a function giving, for a file's bytes, the source
    of its scanned pages' text -- read now when OCR is installed (and kept in the
    cache, so indexing the file later reads nothing again), else only the cache."""
    import hashlib

    from searchapp.ingest.ocr.cache import CachedScans, OcrCache, ReadingScans
    from searchapp.ingest.ocr.engine import unavailable as missing

    can_read = not missing()
    cache = OcrCache(settings.ocr_cache) if can_read or settings.ocr_cache.exists() else None
    reader = reader or _LazyReader()

    def scans_for(raw: bytes):
        digest = hashlib.sha1(raw).hexdigest()
        return ReadingScans(cache, digest, reader) if can_read else CachedScans(cache, digest)

    return scans_for

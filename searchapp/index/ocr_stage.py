"""The OCR stage: scanned pages read after the text documents are searchable.

The keyword update (:func:`searchapp.index.update.update_index`) indexes every
file with what the OCR cache already holds and records in the manifest the
scanned pages still to read (``"scans"``).  This stage then reads those pages
(:class:`searchapp.ingest.ocr.engine.Reader`), page by page at a lower priority,
keeping each in the cache as soon as it is read (an interrupted or cancelled run
loses at most the page in hand), and runs the update again every
:data:`COMMIT_SECONDS` and at the end: the files whose pages were read are read
again with their text, which then goes through the same paragraph, persons and
places stages as any other.

Without Tesseract the stage reads nothing and lists each such file as
``scanned: OCR not installed``, with one line saying how to install it.
"""

from __future__ import annotations

import hashlib
import os
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from searchapp.config import Settings
from searchapp.errors import LoadError
from searchapp.index.manifest import read_manifest
from searchapp.ingest.ocr import NOT_INSTALLED
from searchapp.ingest.ocr.engine import unavailable as missing
from searchapp.model import IndexReport, counted

#: The update that adds what was read runs at least this often (seconds).
COMMIT_SECONDS = 30.0
#: How much nicer than its caller the stage runs (it is never in a hurry).
NICE = 5

StageProgress = Callable[[int, int], None]


@dataclass
class ScanFile:
    """A file with scanned pages still to read."""

    key: str  # in the manifest
    path: Path
    digest: str  # the content the pages belong to
    pages: list[int]
    fmt: str


@dataclass
class OcrReport:
    """What one run of the stage did."""

    pages: int = 0  # pages read in this run
    files: int = 0  # files they belong to
    pending: int = 0  # pages left unread
    failed: list[tuple[str, str]] = field(default_factory=list)  # (path, reason)
    note: str = ""  # why nothing was read ("" when it ran or had nothing to do)
    seconds: float = 0.0
    paragraphs: int = 0  # paragraphs the scans added to the index
    update: IndexReport | None = None

    def summary(self) -> str:
        if self.note:  # "scanned: OCR not installed (install: …)" says what it is about
            return self.note if self.note.startswith(NOT_INSTALLED) else f"scans: {self.note}"
        if not self.pages:
            return (f"scans: none read ({counted(len(self.failed), 'file')} could not be read)"
                    if self.failed else "scans: none to read")
        return (f"scans: {counted(self.pages, 'page')} of {counted(self.files, 'file')} read, "
                f"{counted(self.paragraphs, 'paragraph')} ({self.seconds:.1f} s)")

    def to_json(self) -> dict:
        return {"pages": self.pages, "files": self.files, "pending": self.pending,
                "paragraphs": self.paragraphs, "note": self.note,
                "failed": [{"path": p, "error": e} for p, e in self.failed],
                "seconds": round(self.seconds, 3)}


def pending_scans(settings: Settings) -> list[ScanFile]:
    """Files of the index with scanned pages OCR has not read (by the manifest and
    the cache), in the order of the manifest."""
    from searchapp.ingest.read import document_format

    files = read_manifest(settings.index).get("files", {})
    cache = None
    if settings.ocr_cache.exists():
        from searchapp.ingest.ocr.cache import OcrCache

        cache = OcrCache(settings.ocr_cache)
    out = []
    try:
        for key, entry in files.items():
            if not entry.get("scans"):
                continue
            folder = settings.folder_of(key)
            if folder is None or folder.paused:
                continue
            path = folder.path / key[len(folder.prefix):]
            pages = [p for p in entry["scans"]
                     if cache is None or cache.get(entry.get("hash", ""), p) is None]
            if pages:
                out.append(ScanFile(key, path, entry.get("hash", ""), pages,
                                    document_format(path) or ""))
    finally:
        if cache is not None:
            cache.close()
    return out


def pending_count(settings: Settings) -> tuple[int, int]:
    """(pages, files) of scans waiting to be read."""
    todo = pending_scans(settings)
    return sum(len(f.pages) for f in todo), len(todo)


def run_ocr_stage(settings: Settings, progress: StageProgress | None = None,
                  lower_priority: bool = True) -> OcrReport:
    """Read every scanned page waiting in the index, then update the index with
    their text.  ``progress(done, total)`` counts pages.  ``lower_priority``: the
    process (a child of the indexer's) is made :data:`NICE` steps nicer first."""
    start = time.perf_counter()
    report = OcrReport()
    todo = pending_scans(settings)
    total = sum(len(f.pages) for f in todo)
    report.pending = total
    if not todo:
        return report
    why = missing()
    if why:
        report.note = why
        report.failed = [(settings.display_path(f.key), _unread_reason(f)) for f in todo]
        return report
    try:
        if lower_priority:
            os.nice(NICE)
    except (AttributeError, OSError):
        pass
    from searchapp.index.update import update_index
    from searchapp.ingest.ocr.cache import OcrCache
    from searchapp.ingest.ocr.engine import Reader

    done = 0
    last_commit = time.monotonic()
    updates: list[IndexReport] = []
    pages_done = [0]

    def tick() -> None:
        pages_done[0] += 1
        if progress:
            progress(pages_done[0], total)

    with OcrCache(settings.ocr_cache) as cache, Reader() as reader:
        for item in todo:
            try:
                read = _read_file(item, reader, cache, tick)
            except (OSError, LoadError) as exc:  # changed or gone: the next update sees it
                report.failed.append((settings.display_path(item.key), f"scans not read: {exc}"))
                read = 0
            done += len(item.pages)
            pages_done[0] = done
            report.pages += read
            report.files += 1 if read else 0
            if progress:
                progress(done, total)
            if time.monotonic() - last_commit > COMMIT_SECONDS and done < total:
                updates.append(update_index(settings))
                last_commit = time.monotonic()
    updates.append(update_index(settings))
    report.update = updates[-1]
    report.paragraphs = sum(u.paragraphs for u in updates)
    report.pending = sum(len(f.pages) for f in pending_scans(settings))
    report.seconds = time.perf_counter() - start
    return report


def _unread_reason(item: ScanFile) -> str:
    pages = len(item.pages)
    return f"{NOT_INSTALLED} ({pages} page{'s' if pages != 1 else ''} not read)"


def _read_file(item: ScanFile, reader, cache, page_done: Callable[[], object]) -> int:
    """Read the waiting pages of one file into the cache; how many were read."""
    from searchapp.ingest.ocr.pages import image_page, pdf_page
    from searchapp.ingest.read import content_format, read_raw

    raw = read_raw(item.path)
    if hashlib.sha1(raw).hexdigest() != item.digest:
        return 0  # changed since it was indexed: the next update reads it afresh
    if content_format(raw, item.fmt) == "pdf":  # a PDF under another name was read as one
        import pypdfium2 as pdfium

        pdf = pdfium.PdfDocument(raw)
        try:
            for page in item.pages:
                image, dpi = pdf_page(pdf, page)
                cache.put(item.digest, page, reader.read(image, dpi))
                page_done()
        finally:
            pdf.close()
    else:
        for page in item.pages:
            image, dpi = image_page(raw, page)
            cache.put(item.digest, page, reader.read(image, dpi))
            page_done()
    return len(item.pages)

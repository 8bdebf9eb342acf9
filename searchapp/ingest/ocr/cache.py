"""What OCR read, kept by the file's content hash and page (SQLite).

The key is the SHA-1 of the file's bytes (the hash the indexer computes anyway)
and the page number, so a file re-indexed, renamed, moved to another folder or
copied is never read twice, and an index rebuilt from scratch reads nothing
again.  The cache lives in the data folder (``ocr-cache.sqlite3``), beside the
bookmarks, not in an index folder.  A page that could not be read is kept too
(with its reason), so it is not tried on every run; pages read by an older
reader (:data:`~searchapp.ingest.ocr.engine.ENGINE_VERSION`) or without the
language model their script needed, which is installed now, count as unread.

:class:`CachedScans` answers a loader from the cache only (the indexer:
reading happens later, in the OCR stage); :class:`ReadingScans` reads what is
missing at once (``searchapp extract``).
"""

from __future__ import annotations

import json
import sqlite3
import time
from collections.abc import Callable
from pathlib import Path

from searchapp.ingest.ocr.engine import ENGINE_VERSION, PageText, installed_languages

#: A page image on demand: (Pillow image, dpi or None).
PageImage = Callable[[], tuple[object, "float | None"]]


class OcrCache:
    """Pages read by OCR, by (content hash, page)."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.db = sqlite3.connect(str(self.path), timeout=30)
        self.db.execute("PRAGMA journal_mode=WAL")
        self.db.execute(
            "CREATE TABLE IF NOT EXISTS pages (digest TEXT, page INTEGER, version INTEGER, "
            "paragraphs TEXT, language TEXT, script TEXT, confidence REAL, angle REAL, "
            "error TEXT, missing TEXT, seconds REAL, read_at REAL, "
            "PRIMARY KEY (digest, page))")
        self.db.commit()
        self._installed = set(installed_languages())

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> OcrCache:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def get(self, digest: str, page: int) -> PageText | None:
        """The page as read, or None when it is still to be read (never read, read
        by an older reader, or read without a language model installed since)."""
        row = self.db.execute(
            "SELECT version, paragraphs, language, script, confidence, angle, error, missing, "
            "seconds FROM pages WHERE digest=? AND page=?", (digest, page)).fetchone()
        if row is None:
            return None
        version, paras, language, script, conf, angle, error, missing, seconds = row
        if self._installed and (version != ENGINE_VERSION or (missing and missing in
                                                              self._installed)):
            return None  # the reader here would read it better
        return PageText(paragraphs=json.loads(paras), language=language, script=script,
                        confidence=conf, angle=angle, error=error, missing_language=missing,
                        seconds=seconds)

    def put(self, digest: str, page: int, text: PageText) -> None:
        """Keep one page (committed at once: an interrupted run keeps what it read)."""
        with self.db:
            self.db.execute(
                "INSERT OR REPLACE INTO pages VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
                (digest, page, ENGINE_VERSION, json.dumps(text.paragraphs, ensure_ascii=False),
                 text.language, text.script, text.confidence, text.angle, text.error,
                 text.missing_language, text.seconds, time.time()))


class CachedScans:
    """A loader's view of one file's scanned pages: what the cache holds."""

    def __init__(self, cache: OcrCache | None, digest: str) -> None:
        self.cache, self.digest = cache, digest

    def text(self, page: int, image: PageImage) -> PageText | None:
        """The page's text if it was read, else None (to be read later)."""
        return self.cache.get(self.digest, page) if self.cache is not None else None


class ReadingScans(CachedScans):
    """Like :class:`CachedScans`, but a page not read yet is read now (and kept)."""

    def __init__(self, cache: OcrCache | None, digest: str, reader) -> None:
        super().__init__(cache, digest)
        self.reader = reader

    def text(self, page: int, image: PageImage) -> PageText | None:
        found = super().text(page, image)
        if found is not None:
            return found
        picture, dpi = image()
        found = self.reader.read(picture, dpi)
        if self.cache is not None:
            self.cache.put(self.digest, page, found)
        return found

"""Reading corpus files: which files are documents, and decoding their bytes.

Supported: ``.txt``, ``.md``/``.markdown``, ``.html``/``.htm`` and gzip-
compressed HTML (``.html.gz``, ``.htm.gz``).  Encodings are detected from a
byte-order mark, then strict UTF-8, then an HTML ``<meta charset>``
declaration, then charset-normalizer's statistical detection (which tells
cp1252, EUC-KR, GB18030 and Shift_JIS apart).
"""

from __future__ import annotations

import codecs
import gzip
import io
import re
import zlib
from dataclasses import dataclass
from pathlib import Path

from charset_normalizer import from_bytes

#: Files larger than this (after decompression) are reported and skipped.
MAX_BYTES = 32 * 1024 * 1024

TEXT_SUFFIXES = (".txt", ".text")
MARKDOWN_SUFFIXES = (".md", ".markdown")
HTML_SUFFIXES = (".html", ".htm", ".xhtml", ".html.gz", ".htm.gz")

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
# Encodings a detector may answer for text that is really one of these.
_PREFERRED = {"euc_kr": "cp949", "gb2312": "gb18030", "gbk": "gb18030", "shift_jis": "cp932",
              "windows-1252": "cp1252", "latin_1": "cp1252", "iso-8859-1": "cp1252",
              "ascii": "utf-8"}


class LoadError(Exception):
    """A file that cannot be read as a document; the message says why."""


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str


@dataclass(frozen=True)
class SourceFile:
    """A document file read from disk and decoded."""

    path: Path
    format: str  # "text", "markdown" or "html"
    text: str
    encoding: str
    raw: bytes


def document_format(path: Path) -> str | None:
    """``"text"``, ``"markdown"`` or ``"html"`` for a supported file name, else None."""
    name = path.name.lower()
    if name.endswith(HTML_SUFFIXES):
        return "html"
    if name.endswith(MARKDOWN_SUFFIXES):
        return "markdown"
    if name.endswith(TEXT_SUFFIXES):
        return "text"
    return None


def read_source(path: Path | str) -> SourceFile:
    """Read and decode one document file; raises :class:`LoadError` with a reason."""
    path = Path(path)
    fmt = document_format(path)
    if fmt is None:
        raise LoadError(f"unsupported file type: {path.name}")
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise LoadError(f"file too large ({size / 2**20:.0f} MiB, limit {MAX_BYTES >> 20} MiB)")
        raw = path.read_bytes()
    except PermissionError as exc:
        raise LoadError("permission denied") from exc
    except IsADirectoryError as exc:
        raise LoadError("is a directory") from exc
    except OSError as exc:
        raise LoadError(exc.strerror or str(exc)) from exc
    if path.name.lower().endswith(".gz"):
        raw = _gunzip(raw)
    if not raw.strip():
        raise LoadError("empty file")
    decoded = decode_bytes(raw, html=fmt == "html")
    return SourceFile(path=path, format=fmt, text=decoded.text, encoding=decoded.encoding, raw=raw)


def _gunzip(raw: bytes) -> bytes:
    try:
        with gzip.GzipFile(fileobj=io.BytesIO(raw)) as fh:
            data = fh.read(MAX_BYTES + 1)
    except (OSError, EOFError, zlib.error) as exc:
        raise LoadError(f"damaged gzip data ({exc})") from exc
    if len(data) > MAX_BYTES:
        raise LoadError(f"file too large when decompressed (limit {MAX_BYTES >> 20} MiB)")
    return data


def decode_bytes(raw: bytes, html: bool = False) -> Decoded:
    """Decode document bytes, detecting the encoding.

    Raises :class:`LoadError` for data that is not text (binary files).
    """
    for bom, enc in _BOMS:
        if raw.startswith(bom):
            return Decoded(raw.decode(enc, errors="replace"), enc.replace("-sig", ""))
    if _looks_utf16(raw):
        enc = "utf-16-le" if raw[1:2] == b"\x00" else "utf-16-be"
        text = raw.decode(enc, errors="replace")
        if _mostly_printable(text):
            return Decoded(text, enc)
        raise LoadError("binary data, not text")
    if _looks_binary(raw):
        raise LoadError("binary data, not text")
    try:
        return Decoded(raw.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    if html:
        m = _META_CHARSET.search(raw[:4096])
        if m:
            enc = _codec(m.group(1).decode("ascii", "ignore"))
            if enc:
                try:
                    return Decoded(raw.decode(enc), enc)
                except UnicodeDecodeError:
                    pass
    sample = raw if len(raw) <= 200_000 else raw[:200_000]
    best = from_bytes(sample).best()
    if best is not None:
        enc = _codec(best.encoding) or "utf-8"
        if enc in _SINGLE_BYTE_LATIN or enc.startswith(("iso8859", "mac")):
            # Short Western text is often misread as another Latin code page;
            # like browsers, prefer windows-1252 when it decodes cleanly.
            try:
                return Decoded(raw.decode("cp1252"), "cp1252")
            except UnicodeDecodeError:
                pass
        return Decoded(raw.decode(enc, errors="replace"), enc)
    return Decoded(raw.decode("utf-8", errors="replace"), "utf-8")


_SINGLE_BYTE_LATIN = {"cp1250", "cp1252", "cp1254", "cp1257", "cp1258", "latin_1", "cp850"}


def _mostly_printable(text: str) -> bool:
    sample = text[:4000]
    if not sample:
        return False
    good = sum(1 for ch in sample if ch.isprintable() or ch in "\n\r\t")
    return good > 0.95 * len(sample)


def _codec(name: str) -> str | None:
    try:
        canonical = codecs.lookup(name).name
    except LookupError:
        return None
    return _PREFERRED.get(canonical, _PREFERRED.get(name.lower(), canonical))


def _looks_utf16(raw: bytes) -> bool:
    """UTF-16 without a BOM: every other byte NUL in ASCII-heavy text."""
    head = raw[:2000]
    if len(head) < 4:
        return False
    even, odd = head[0::2], head[1::2]
    return (odd.count(0) > 0.4 * len(odd) and even.count(0) < 0.05 * len(even)) or (
        even.count(0) > 0.4 * len(even) and odd.count(0) < 0.05 * len(odd)
    )


_CONTROL_BYTES = bytes(b for b in range(32) if b < 9 or 13 < b < 27 or 27 < b < 32)


def _looks_binary(raw: bytes) -> bool:
    head = raw[:8192]
    if b"\x00" in head:
        return True
    control = len(head) - len(head.translate(None, _CONTROL_BYTES))
    return control > 0.1 * len(head)


def iter_corpus(root: Path | str) -> list[Path]:
    """Document files below ``root`` in a stable order.

    Hidden files and folders are skipped, symlinked folders are followed once
    (loops are cut), and the catalog and registry files are not documents.
    """
    root = Path(root)
    found: list[Path] = []
    seen_dirs: set[tuple[int, int]] = set()

    def walk(folder: Path) -> None:
        try:
            st = folder.stat()
        except OSError:
            return
        key = (st.st_dev, st.st_ino)
        if key in seen_dirs:
            return
        seen_dirs.add(key)
        try:
            entries = sorted(folder.iterdir(), key=lambda p: p.name)
        except OSError:
            return
        for entry in entries:
            if entry.name.startswith("."):
                continue
            try:
                if entry.is_dir():
                    walk(entry)
                elif document_format(entry) is not None:
                    found.append(entry)
            except OSError:
                continue

    walk(root)
    return found

"""Reading corpus files: which files are documents, and decoding their bytes.

Text formats: ``.txt``, ``.md``/``.markdown``, ``.html``/``.htm`` and gzip-
compressed HTML (``.html.gz``, ``.htm.gz``).  Binary and container formats
(PDF, DOCX, ODT, EPUB, e-mail, RTF, images: :data:`BINARY_FORMATS`) are read as bytes
by :func:`read_raw` and parsed by their own loaders (:mod:`searchapp.ingest.formats`).
Any other file is reported by :func:`scan_corpus` as skipped, with the reason.
For text, binary data is recognised before anything is decoded; encodings are
found as :func:`decode_bytes` says, with the help of :mod:`searchapp.ingest.encoding`.
"""

from __future__ import annotations

import codecs
import dataclasses
import errno
import gzip
import io
import os
import re
import stat
import urllib.parse
import zlib
from dataclasses import dataclass
from pathlib import Path

from searchapp.config import CATALOG_FILE
from searchapp.errors import LoadError
from searchapp.folders.folder_list import printable_name
from searchapp.ingest import encoding
from searchapp.ingest.ocr import IMAGE_SUFFIXES
from searchapp.ingest.plausibility import plausibility

#: Files larger than this (after decompression) are reported and skipped.
MAX_BYTES = 32 * 1024 * 1024

TEXT_SUFFIXES = (".txt", ".text")
MARKDOWN_SUFFIXES = (".md", ".markdown")
HTML_SUFFIXES = (".html", ".htm", ".xhtml", ".html.gz", ".htm.gz")
#: Formats read as bytes by their own loader: format name -> file name suffixes.
BINARY_FORMATS = {
    "pdf": (".pdf",),
    "docx": (".docx",),
    "odt": (".odt",),
    "epub": (".epub",),
    "eml": (".eml",),
    "mbox": (".mbox",),
    "mhtml": (".mhtml", ".mht"),
    "rtf": (".rtf",),
    "image": IMAGE_SUFFIXES,  # read by OCR (searchapp/ingest/ocr/)
}

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str
    #: what was done to read it, for the index report ("3 NUL bytes dropped")
    warnings: tuple[str, ...] = ()


@dataclass(frozen=True)
class SourceFile:
    """A document file read from disk and decoded."""

    path: Path
    format: str  # "text", "markdown" or "html"
    text: str
    encoding: str
    raw: bytes
    warnings: tuple[str, ...] = ()


def document_format(path: Path) -> str | None:
    """``"text"``, ``"markdown"`` or ``"html"`` for a supported file name, else None."""
    name = path.name.lower()
    if name.endswith(HTML_SUFFIXES):
        return "html"
    if name.endswith(MARKDOWN_SUFFIXES):
        return "markdown"
    if name.endswith(TEXT_SUFFIXES):
        return "text"
    for fmt, suffixes in BINARY_FORMATS.items():
        if name.endswith(suffixes):
            return fmt
    return None


#: Formats whose files are text with headers (a PDF or zip in their place is read as such,
#: but text in them is theirs to read).
_TEXT_CONTAINERS = ("eml", "mbox", "mhtml", "rtf")
_HTML_START = re.compile(rb"\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html[\s>])", re.I | re.S)
#: What an OpenDocument or EPUB zip names first, stored as is ("mimetype").
_ZIP_MIMETYPES = ((b"application/epub+zip", "epub"),
                  (b"application/vnd.oasis.opendocument.text", "odt"))


def content_format(raw: bytes, named: str) -> str:
    """The format ``raw`` is in, when it plainly says so and its name says another
    (``named``): a PDF, DOCX, ODT, EPUB or RTF file, or an HTML page in place of one of
    these, saved under the wrong extension is read as what it is (a PDF named .txt was
    refused as binary data, an HTML page named .pdf as a damaged PDF).  Else ``named``."""
    head = _without_bom(raw[:encoding.HEAD])
    found = None
    if encoding.is_pdf(raw):
        found = "pdf"
    elif head.startswith(b"PK\x03\x04"):
        if head[30:38] == b"mimetype":
            found = next((fmt for mime, fmt in _ZIP_MIMETYPES if head[38:].startswith(mime)),
                         None)
        elif b"word/document.xml" in raw[-65536:] or b"word/document.xml" in head:
            found = "docx"  # the zip's directory, at its end, names its parts
    elif head.lstrip().startswith(b"{\\rtf"):
        found = "rtf"
    elif named in BINARY_FORMATS and named not in _TEXT_CONTAINERS and _HTML_START.match(head):
        found = "html"
    return found or named


def _without_bom(head: bytes) -> bytes:
    """``head`` without its byte-order mark, as UTF-8 when the mark says UTF-16/32 (an
    HTML page saved as UTF-16 starts with ``FF FE`` and has a NUL after each letter)."""
    for bom, codec in _BOMS:  # each codec reads its mark and drops it
        if head.startswith(bom):
            return head.decode(codec, "ignore").encode()
    return head


def unsupported_reason(path: Path) -> str:
    """Why a file that is not a document is skipped: ``unsupported file type (.png)``."""
    suffix = "".join(path.suffixes[-2:]) if path.name.lower().endswith(".gz") else path.suffix
    return f"unsupported file type ({suffix.lower()})" if suffix else \
        "unsupported file type (no file name extension)"


def read_raw(path: Path | str) -> bytes:
    """A document file's bytes (size-capped, not empty); :class:`LoadError` with a reason."""
    path = Path(path)
    try:
        return not_empty(read_bytes(path))
    except IsADirectoryError as exc:
        raise LoadError("is a directory") from exc
    except OSError as exc:
        raise LoadError(os_reason(exc)) from exc


def not_empty(raw: bytes) -> bytes:
    """``raw``, unless it holds nothing but white space (:class:`LoadError`)."""
    if not raw.strip():
        raise LoadError("empty file")
    return raw


def read_source(path: Path | str, raw: bytes | None = None,
                fmt: str | None = None) -> SourceFile:
    """Read and decode one document file (``raw``: its bytes, already read; ``fmt``:
    its format, if not the one its name says); raises :class:`LoadError` with a reason."""
    path = Path(path)
    fmt = fmt or document_format(path)
    if fmt is None or fmt in BINARY_FORMATS:
        raise LoadError(unsupported_reason(path) if fmt is None else f"not a text file ({fmt})")
    if raw is None:
        raw = read_raw(path)
    if path.name.lower().endswith(".gz"):
        raw = _gunzip(raw)
    decoded = decode_bytes(not_empty(raw), html=fmt == "html")
    return SourceFile(path=path, format=fmt, text=decoded.text, encoding=decoded.encoding, raw=raw,
                      warnings=decoded.warnings)


def read_bytes(path: Path) -> bytes:
    """A file's bytes; a file over :data:`MAX_BYTES` is refused before it is read, and so
    is what is not a regular file (a named pipe called "notes.txt" would wait forever for
    a writer: it is opened without waiting and refused)."""
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    with os.fdopen(fd, "rb") as f:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            kind = ("named pipe" if stat.S_ISFIFO(st.st_mode) else
                    "socket" if stat.S_ISSOCK(st.st_mode) else "device")
            raise LoadError(f"not a regular file ({kind})")
        if st.st_size > MAX_BYTES:
            raise LoadError(f"file too large ({st.st_size / 2**20:.0f} MiB, "
                            f"limit {MAX_BYTES >> 20} MiB)")
        # no more than the size seen now: a file still being written (a log, a download)
        # could otherwise grow past the limit while it is read
        return f.read(st.st_size)


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

    The order: a byte-order mark; binary formats named by their magic number;
    UTF-16/32 without a BOM; NUL or control bytes (binary); strict UTF-8; UTF-8
    with some legacy lines (:func:`_decode_mixed`); UTF-8 with a few broken
    bytes (:func:`_damaged_utf8`); a declared charset (HTML
    ``<meta>``, XML declaration, MIME header) that decodes strictly to
    plausible text; then the most plausible of many candidate encodings
    (:func:`searchapp.ingest.encoding.best_decoding`).  Whichever way it was
    decoded, a text that is not writing
    (:func:`searchapp.ingest.encoding.not_writing`) is binary data after all.
    Raises :class:`LoadError` ("binary data …", with the reason) for data that
    is not text.  ``html`` is kept for callers; declarations are looked for in
    every format.
    """
    decoded = _decode(raw)
    reason = encoding.not_writing(decoded.text)
    if reason:
        raise LoadError(f"{_BINARY} ({reason} when read as {decoded.encoding})")
    return decoded


def _decode(raw: bytes) -> Decoded:
    for bom, enc in _BOMS:
        if raw.startswith(bom):
            return Decoded(raw.decode(enc, errors="replace"), enc.replace("-sig", ""))
    kind = encoding.binary_format(raw)
    if kind:
        raise LoadError(f"binary data ({kind}), not text")
    if encoding.has_binary_bytes(raw):
        wide = encoding.utf16_without_bom(raw)
        if wide is not None and wide.score >= _PLAUSIBLE:
            return Decoded(wide.text, wide.encoding.replace("_", "-"))
        without = _without_nuls(raw)
        if without is not None:
            return without
        raise LoadError(_BINARY)
    try:
        return Decoded(raw.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    if len(raw) >= 4096 and encoding.byte_entropy(raw[:65536]) > 7.5:
        wide = encoding.utf16_without_bom(raw)  # UTF-16 CJK spreads its bytes too
        if wide is not None and wide.score >= _PLAUSIBLE:
            return Decoded(wide.text, wide.encoding.replace("_", "-"))
        raise LoadError(_BINARY + " (random or compressed)")
    mixed = _decode_mixed(raw)
    if mixed is not None:
        return mixed
    damaged = _damaged_utf8(raw)
    if damaged is not None:
        return damaged
    declared = encoding.declared_charset(raw)
    if declared:
        try:
            text = raw.decode(declared)
        except UnicodeDecodeError:
            pass
        else:
            if plausibility(text[: encoding.SAMPLE]) >= _PLAUSIBLE:
                return Decoded(text, declared)
    guess = encoding.best_decoding(raw)
    if guess is None or (guess.score < _PLAUSIBLE and len(raw) >= _TOO_SHORT):
        raise LoadError(_BINARY)  # too short to tell: the best guess is kept
    return Decoded(guess.text, guess.encoding)


_BINARY = "binary data, not text"
#: A text may hold this share of NUL bytes (a bad copy, a tool's padding, a field
#: terminator) and still be read without them, if the rest is clean UTF-8 text; a few
#: (:data:`_FEW_NULS`) also in a legacy encoding.  Binary files hold far more NULs or,
#: like random data (1 byte in 256 a NUL), other control bytes and broken UTF-8.
_MOST_NULS = 0.05
_FEW_NULS = 16


def _without_nuls(raw: bytes) -> Decoded | None:
    """A text with stray NUL bytes, read without them and saying so; None when the NULs
    are too many or what is left is not clean text (binary data)."""
    nuls = raw.count(b"\x00")
    if not nuls or nuls > _MOST_NULS * len(raw):
        return None
    clean = raw.replace(b"\x00", b"")
    if encoding.has_binary_bytes(clean):
        return None
    if nuls > max(_FEW_NULS, len(raw) // 1000):
        try:
            clean.decode("utf-8")
        except UnicodeDecodeError:
            return None
    decoded = _decode(clean)
    note = f"{nuls} NUL byte{'s' if nuls != 1 else ''} dropped (not text; the rest was read)"
    return dataclasses.replace(decoded, warnings=(*decoded.warnings, note))
# Under this many bytes a legacy decoding is kept however implausible: random
# bytes score 0.6 or more 5% of the time at 64 bytes (8% at 48), real sentences
# of 28-255 bytes in ten legacy encodings 0.95 or more.
_TOO_SHORT = 64
# A decoding scoring under this is not text in that encoding (ordinary text
# scores about 1; wrong decodings and random bytes 0.4 or less).
_PLAUSIBLE = 0.6


def _damaged_utf8(raw: bytes) -> Decoded | None:
    """UTF-8 text with a few broken bytes (a file cut in the middle of a
    character, a flipped byte): decoded with U+FFFD for the broken ones."""
    text = raw.decode("utf-8", errors="replace")
    bad = text.count("\ufffd")
    wide = len(text) - len(text.encode("ascii", "ignore")) - bad
    if wide >= 3 and bad <= max(2, wide // 100):
        return Decoded(text, "utf-8")
    return None


def _decode_mixed(raw: bytes) -> Decoded | None:
    """Text pasted together from UTF-8 and a legacy encoding (a UTF-8 file with
    some cp1252 or EUC-KR lines): each line is decoded as UTF-8 when it is valid
    UTF-8, the others with the encoding found for them together.  None when the
    file has no line with real (multi-byte) UTF-8 in it (then it is not mixed),
    or when the other lines are not plausible text in any encoding."""
    lines = raw.split(b"\n")
    decoded: list[str | None] = []  # None: not UTF-8
    utf8_chars = 0  # non-ASCII characters on valid UTF-8 lines
    for line in lines:
        try:
            text = line.decode("utf-8")
            if not line.isascii():
                utf8_chars += sum(1 for ch in text if ord(ch) > 127)
            decoded.append(text)
        except UnicodeDecodeError:
            decoded.append(None)
    legacy = [line for line, text in zip(lines, decoded, strict=True) if text is None]
    # a short legacy line can be valid UTF-8 by chance; real UTF-8 text has more
    if utf8_chars < 3 or not legacy:
        return None
    guess = encoding.best_decoding(b"\n".join(legacy))
    if guess is None or guess.score < _PLAUSIBLE or guess.encoding.startswith("utf"):
        return None
    parts = guess.text.split("\n")
    if len(parts) != len(legacy):
        return None
    legacy_text = iter(parts)
    out = [text if text is not None else next(legacy_text) for text in decoded]
    return Decoded("\n".join(out), f"utf-8+{guess.encoding}")


@dataclass
class CorpusScan:
    """What a walk of the corpus folder found: document files in a stable order,
    and the places it could not go into, as (relative path, reason).
    ``unreadable`` are folders that could not be listed: whatever was indexed
    from them is kept, not treated as deleted."""

    paths: list[Path]
    problems: list[tuple[str, str]]
    unreadable: list[str]


def scan_corpus(root: Path | str) -> CorpusScan:
    """Walk ``root``: hidden files and folders are skipped, symlinked folders are
    followed once, a symlink back to a folder being walked (a loop) is reported
    and cut, and the catalog and registry files are not documents.  Files of
    other types are reported in ``problems`` ("unsupported file type (.png)")."""
    root = Path(root)
    scan = CorpusScan([], [], [])
    seen_dirs: set[tuple[int, int]] = set()
    ancestors: list[tuple[int, int]] = []

    def rel(p: Path) -> str:
        return printable_name(p.relative_to(root).as_posix())

    def walk(folder: Path) -> None:
        try:
            st = folder.stat()
        except OSError as exc:
            if folder != root:
                scan.problems.append((rel(folder), os_reason(exc)))
            return
        key = (st.st_dev, st.st_ino)
        if key in ancestors:
            scan.problems.append((rel(folder), "symlink loop (points back to a folder "
                                               "that contains it), not followed"))
            return
        if key in seen_dirs:
            return  # the same folder reached through another symlink
        seen_dirs.add(key)
        try:
            entries = sorted(folder.iterdir(), key=lambda p: p.name)
        except OSError as exc:
            if folder != root:
                scan.problems.append((rel(folder), f"folder cannot be read: {os_reason(exc)}; "
                                                   "what was indexed from it is kept"))
                scan.unreadable.append(rel(folder))
            return
        ancestors.append(key)
        pages = {e.name.rsplit(".", 1)[0]: e for e in entries
                 if e.name.lower().endswith((".html", ".htm", ".xhtml"))}
        for entry in entries:
            if entry.name.startswith("."):
                continue
            page = _page_resources(entry, pages) if pages else None
            if page is not None:  # told, once for the folder, not file by file
                scan.problems.append((rel(entry), f"not read: the stylesheets, scripts and "
                                                  f"images of the saved page {page.name}"))
                continue
            if printable_name(entry.name) != entry.name:
                scan.problems.append((rel(entry), _UNDECODABLE_NAME))
                continue
            try:
                if entry.is_dir():
                    walk(entry)
                elif document_format(entry) is not None:
                    scan.paths.append(entry)
                elif entry.is_symlink() and not entry.exists():
                    try:
                        entry.stat()
                    except OSError as exc:
                        if exc.errno == errno.ELOOP:
                            scan.problems.append((rel(entry), "symlink loop, not followed"))
                elif entry.is_file() and not _is_side_file(entry, root):
                    scan.problems.append((rel(entry), unsupported_reason(entry)))
            except OSError:
                continue
        ancestors.pop()

    walk(root)
    return scan


#: A folder named for a saved page: the page's name, a separator and one word.
_RESOURCES_NAME = re.compile(r"(.+)[_.-][^\W\d_]+")


def _page_resources(folder: Path, pages: dict[str, Path]) -> Path | None:
    """The page whose stylesheets, scripts, images and frames ``folder`` holds, a web page
    saved "complete" beside it (``Page_files`` by ``Page.html``; other browsers and
    languages name it ``Page-Dateien``, ``Page_fichiers``; ``pages``: the folder's HTML
    files by name without extension): its name is a page's, a separator and one word,
    and the page links into it.  Those files are the page's, not documents (its ads and
    tracker frames were indexed, its stylesheets reported as unsupported): that page, or
    None."""
    m = _RESOURCES_NAME.fullmatch(folder.name)
    page = pages.get(m.group(1)) if m else None
    if page is None:
        return None
    try:
        if not folder.is_dir():
            return None
        with open(page, "rb") as f:
            head = f.read(1 << 20)
    except OSError:
        return None
    linked = any(name + b"/" in head
                 for name in (folder.name.encode(), urllib.parse.quote(folder.name).encode()))
    return page if linked else None


#: Why a file or folder whose name is not UTF-8 is left out: its name cannot be a
#: key of the index, the manifest or the bookmarks (all UTF-8 text).
_UNDECODABLE_NAME = ("name is not valid UTF-8 (written in another encoding); "
                     "rename it to index it")


#: Files of the corpus folder that are configuration, not documents.
_SIDE_FILES = (CATALOG_FILE,)


def _is_side_file(path: Path, root: Path) -> bool:
    """The catalog (``catalog.toml`` at the top) and ``*.toml`` registry files."""
    return path.suffix.lower() == ".toml" and (path.parent == root or path.name in _SIDE_FILES)


def os_reason(exc: OSError) -> str:
    """A short, readable reason for a failed file operation."""
    if isinstance(exc, PermissionError):
        return "permission denied"
    return exc.strerror or str(exc)


def iter_corpus(root: Path | str) -> list[Path]:
    """Document files below ``root`` in a stable order (see :func:`scan_corpus`)."""
    return scan_corpus(root).paths

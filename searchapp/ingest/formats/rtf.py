"""RTF documents: text with striprtf, title/author/date from the ``\\info`` group.

striprtf (BSD-3) turns the body into text, honouring the ``\\ansicpg`` code
page, ``\\'xx`` and ``\\uN`` escapes and skipping destinations such as
fonts, colours and pictures.  The ``\\info`` group's ``\\title``, ``\\author``
and ``\\creatim`` are read here with small regular expressions (each value
through striprtf too, for its escapes); a date or byline the text prints in its
header wins over them, as for DOCX and ODT.  Paragraphs are the text's blank-line
separated blocks, as for plain text.
"""

from __future__ import annotations

import re

from striprtf.striprtf import rtf_to_text

from searchapp.ingest import text as textclean
from searchapp.ingest.formats.extracted import Extracted
from searchapp.ingest.metadata import Metadata, printed_over_properties, take_byline
from searchapp.ingest.read import LoadError

_CODEPAGE = re.compile(r"\\ansicpg(\d+)")
_INFO_FIELD = r"\{\\%s\s*((?:[^{}\\]|\\[^{}]|\\[{}])*)\}"
_CREATED = re.compile(r"\\creatim\\yr(\d{4})(?:\\mo(\d{1,2}))?(?:\\dy(\d{1,2}))?")
_INFO = re.compile(r"\{\\info\s*(?:\{[^{}]*\}\s*)*\}")


def load_rtf(raw: bytes) -> Extracted:
    """An RTF file's paragraphs and ``\\info`` metadata."""
    source = raw.decode("latin-1")  # RTF is 7-bit; 8-bit bytes are read by code page below
    if not source.lstrip().startswith("{\\rtf"):
        raise LoadError("not an RTF document (no {\\rtf header)")
    m = _CODEPAGE.search(source[:2000])
    encoding = f"cp{m.group(1)}" if m else "cp1252"
    try:
        "".encode(encoding)
    except LookupError:
        encoding = "cp1252"
    meta = _info(source, encoding)
    try:
        text = rtf_to_text(_INFO.sub("", source), encoding=encoding, errors="replace")
    except (ValueError, IndexError, UnicodeError) as exc:
        raise LoadError(f"damaged RTF ({exc})") from exc
    blocks = [("body", p, None) for p in textclean.split_blocks(text)]
    blocks, _ = printed_over_properties(blocks, meta)  # its "Date:" line before \\creatim
    return Extracted(blocks=blocks, meta=meta, extractor="striprtf", encoding=encoding)


def _info(source: str, encoding: str) -> Metadata:
    meta = Metadata()
    info = _INFO.search(source)
    if info is None:
        return meta
    group = info.group(0)
    for key in ("title", "author"):
        m = re.search(_INFO_FIELD % key, group)
        if m:
            value = " ".join(rtf_to_text(m.group(1), encoding=encoding, errors="replace").split())
            if key == "title":
                meta.title = value
            else:
                take_byline(meta, value)
    m = _CREATED.search(group)
    if m:
        y, mo, d = int(m.group(1)), int(m.group(2) or 1), int(m.group(3) or 1)
        meta.date = f"{y:04d}-{mo:02d}-{d:02d}"
    return meta

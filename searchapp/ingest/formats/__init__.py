"""One loader per binary or container format, behind one call.

:func:`extract` turns a file's bytes into one or more
:class:`~searchapp.ingest.formats.extracted.Extracted` documents (an ``.mbox``
holds one per message; every other format one).  The loaders live in their own modules — :mod:`~searchapp.ingest.formats.pdf`,
:mod:`~searchapp.ingest.formats.office` (DOCX, ODT), :mod:`~searchapp.ingest.formats.epub`,
:mod:`~searchapp.ingest.formats.mail` (``.eml``, ``.mbox``, ``.mhtml``),
:mod:`~searchapp.ingest.formats.rtf`, :mod:`~searchapp.ingest.formats.image` (photos and
scans, read by OCR) — and are imported on first use, so reading a
text corpus never loads PDFium.  :mod:`searchapp.ingest.pipeline` numbers the
blocks into paragraphs exactly as for text and HTML files.
"""

from __future__ import annotations

from pathlib import Path

from searchapp.ingest.bylines import is_placeholder
from searchapp.ingest.formats.extracted import Extracted
from searchapp.ingest.metadata import Metadata, is_file_name


def extract(fmt: str, raw: bytes, path: Path, scans=None) -> list[Extracted]:
    """The documents in ``raw`` (a file of format ``fmt``, see
    :data:`searchapp.ingest.read.BINARY_FORMATS`).  ``scans`` gives the text of
    scanned pages (:mod:`searchapp.ingest.ocr.cache`; None: none is read yet).
    Raises :class:`~searchapp.ingest.read.LoadError` with a reason.

    A title or author that is a producer's placeholder ("Untitled", "Microsoft
    Word - draft.docx", "(anonymous)", "Administrator") or a file's name ("scan_0001")
    is no title or author."""
    found = _load(fmt, raw, path, scans)
    for ex in found:
        if is_placeholder(ex.meta.title) or is_file_name(ex.meta.title):
            ex.meta.title = ""
        ex.meta.authors = [a for a in ex.meta.authors if not is_placeholder(a)]
    return found


def _load(fmt: str, raw: bytes, path: Path, scans=None) -> list[Extracted]:
    if fmt == "pdf":
        from searchapp.ingest.formats.pdf import load_pdf

        return [load_pdf(raw, scans)]
    if fmt == "image":
        from searchapp.ingest.formats.image import load_image

        return [load_image(raw, scans)]
    if fmt in ("docx", "odt"):
        from searchapp.ingest.formats.office import load_docx, load_odt

        return [load_docx(raw) if fmt == "docx" else load_odt(raw)]
    if fmt == "epub":
        from searchapp.ingest.formats.epub import load_epub

        return [load_epub(raw)]
    if fmt in ("eml", "mbox", "mhtml"):
        from searchapp.ingest.formats import mail

        if fmt == "mbox":
            return mail.load_mbox(path, raw, _attachments)
        return [mail.load_mhtml(raw)] if fmt == "mhtml" else mail.load_eml_with(raw, _attachments)
    if fmt == "rtf":
        from searchapp.ingest.formats.rtf import load_rtf

        return [load_rtf(raw)]
    raise ValueError(f"no loader for {fmt!r}")


def _attachments(msg, message: Extracted) -> list[Extracted]:
    """The attachments of an e-mail message searchapp can read, as documents."""
    from searchapp.ingest.formats.attachments import read_attachments

    prefix = f"{message.part} / " if message.part else ""
    return read_attachments(msg, message, _attachment, prefix)


def _attachment(fmt: str, payload: bytes, name: str) -> list[Extracted]:
    """One attachment's documents: an attached message's body (not its attachments), a
    file of a binary format by its loader, a text or HTML file as a message's text."""
    from searchapp.ingest.formats import mail
    from searchapp.ingest.read import BINARY_FORMATS, decode_bytes

    if fmt in ("eml", "mhtml"):
        return [mail.load_mhtml(payload) if fmt == "mhtml" else mail.load_eml(payload)]
    if fmt in BINARY_FORMATS:
        return extract(fmt, payload, Path(name))
    text = decode_bytes(payload, html=fmt == "html")
    blocks, meta = mail.html_blocks(text.text) if fmt == "html" else \
        (mail.plain_blocks(text.text), Metadata())
    return [Extracted(blocks=blocks, meta=meta, extractor="attachment", encoding=text.encoding)]

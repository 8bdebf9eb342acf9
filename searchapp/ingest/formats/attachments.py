"""The attachments of an e-mail message, each read as a document of its own.

A researcher's mail holds the documents themselves as attachments (a leaked tender
as a PDF, notes as a text file): an attachment in a format searchapp reads (text,
Markdown, HTML, PDF, DOCX, ODT, EPUB, RTF, an attached ``.eml``) is one more
document of the message's file, its ``part`` "attachment N: its file name", so it
has its own id and its own hits.  It is titled by its own title, else by its file
name and the message's subject; undated, it takes the message's date, and the
sender is its source.  What cannot be read, and an attachment of a format searchapp
does not read (a spreadsheet, an archive), is a warning of the message (the indexer
reports it beside the file, "read in part"); images, scanned pages and the attachments
of an attached message are not read.
"""

from __future__ import annotations

from collections.abc import Callable
from email.message import EmailMessage
from pathlib import Path

from searchapp.ingest.formats.extracted import Extracted
from searchapp.ingest.read import LoadError, content_format, document_format

#: Reads one attachment: (format, bytes, file name) -> its documents (formats.extract's
#: loaders and the mail module's; passed in, so this module imports neither).
Reader = Callable[[str, bytes, str], list[Extracted]]

#: Attachments read per message; the others are named in a warning.
MAX_ATTACHMENTS = 20


def read_attachments(msg: EmailMessage, message: Extracted, read: Reader,
                     prefix: str = "") -> list[Extracted]:
    """The readable attachments of ``msg`` (whose body is ``message``), as documents read
    by ``read``; ``prefix`` goes before each ``part`` (a mailbox message's own part)."""
    out: list[Extracted] = []
    # only the attachments read as documents count towards the cap: a newsletter's forty
    # inline images must not push its one attached PDF out
    named = list(enumerate(_named(msg), start=1))
    found = [(n, att, name, fmt) for n, (att, name, fmt) in named if fmt is not None]
    for _, (att, name, fmt) in named:  # told, never dropped without a word (not images:
        if fmt is None and att.get_content_maintype() != "image":  # logos, signatures)
            kind = Path(name).suffix.lower() or att.get_content_type()
            message.warnings.append(f"attachment {name} not read: unsupported file type "
                                    f"({kind})")
    for n, att, name, fmt in found[:MAX_ATTACHMENTS]:
        forwarded = att.get_content_type() == "message/rfc822"
        try:
            payload = att.get_payload(0).as_bytes() if forwarded else \
                att.get_payload(decode=True) or b""
            docs = read(content_format(payload, fmt), payload, name) if payload.strip() else []
        except LoadError as exc:
            message.warnings.append(f"attachment {name} not read: {exc}")
            continue
        for i, ex in enumerate(docs):
            ex.part = f"{prefix}attachment {n}: {name}" + (f" #{i + 1}" if i else "")
            if ex.scans:
                message.warnings.append(f"attachment {name}: {len(ex.scans)} scanned "
                                        "page(s) not read")
                ex.scans = []
            ex.meta.title = ex.meta.title or (f"{name} (attached to: {message.meta.title})"
                                              if message.meta.title else name)
            ex.meta.date = ex.meta.date or message.meta.date
            ex.meta.source = ex.meta.source or message.meta.source
            if any(kind != "quote" for kind, *_ in ex.blocks):
                out.append(ex)
    if len(found) > MAX_ATTACHMENTS:
        message.warnings.append(f"only the first {MAX_ATTACHMENTS} of {len(found)} "
                                "readable attachments were read")
    return out


def _attachments(msg: EmailMessage) -> list[EmailMessage]:
    try:
        return [a for a in msg.iter_attachments()
                if a.get_filename() or a.get_content_type() == "message/rfc822"]
    except Exception:  # a damaged MIME structure: the body is still read
        return []


def _named(msg: EmailMessage) -> list[tuple[EmailMessage, str, str | None]]:
    """Each attachment of ``msg`` with its file name and the format it is read in (None:
    not a document, e.g. an image)."""
    out = []
    for att in _attachments(msg):
        forwarded = att.get_content_type() == "message/rfc822"  # a message forwarded whole
        name = " ".join(str(att.get_filename() or "").split()) or \
            (f"{att.get_payload(0).get('subject') or 'message'}.eml" if forwarded else "")
        out.append((att, name, "eml" if forwarded else _format(name)))
    return out


def _format(name: str) -> str | None:
    fmt = document_format(Path(name)) if name else None
    return None if fmt in ("image", "mbox") else fmt

"""What a format loader returns: the blocks of a document and its metadata."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from searchapp.ingest.metadata import Metadata, parse_date

#: A block of text: (kind, text, page) — page is 1-based, or None where the
#: format has no pages.  Kinds as in :data:`searchapp.ingest.text.KINDS`.
PagedBlock = tuple[str, str, "int | None"]


@dataclass
class Extracted:
    """What a loader found in a file (or in one message of a mailbox).

    ``part`` names the document inside a file holding several (an mbox
    message's Message-ID or ordinal), ``""`` otherwise.  ``warnings`` say what
    was left out (pages past the cap, messages past the cap); the indexer
    reports them beside the file.  ``scans`` are pages that are images of text
    not read yet (the OCR stage reads them), ``scanned`` the pages whose blocks
    OCR read.
    """

    blocks: list[PagedBlock]
    meta: Metadata
    extractor: str
    encoding: str = ""
    part: str = ""
    warnings: list[str] = field(default_factory=list)
    #: scanned pages whose text is still to be read by OCR (1-based)
    scans: list[int] = field(default_factory=list)
    #: pages whose text in ``blocks`` was read by OCR
    scanned: list[int] = field(default_factory=list)


def property_date(value: str) -> str:
    """An ISO date from a document property: a timestamp ("2022-11-08T10:00:00Z",
    which :func:`parse_date` does not read as a date) or any written date."""
    m = re.match(r"\s*(\d{4}-\d{2}-\d{2})(?:T|\s|$)", value or "")
    return parse_date(m.group(1) if m else value or "")

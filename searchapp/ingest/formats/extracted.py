"""What a format loader returns: the blocks of a document and its metadata."""

from __future__ import annotations

from dataclasses import dataclass, field

from searchapp.ingest.metadata import Metadata

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


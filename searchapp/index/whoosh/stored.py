"""Stored fields of every live document, kept beside each segment once read.

Whoosh keeps a document's stored fields as one compressed pickle, and reading all of
them (decompressing and unpickling each) costs ~20 µs a paragraph: 2-3 s at 100k
paragraphs, paid by the persons stage on every run although a change adds a segment
or two.  A segment's documents never change once written -- only which of them are
deleted does -- so the fields a caller asks for are kept per segment in a file named
after it (Whoosh's clean-up deletes it with the segment, as the content-id ranges of
:mod:`searchapp.index.whoosh.readers`), and later runs read those files and filter
the documents deleted since.  Public Whoosh API only (``leaf_readers``,
``stored_fields``, ``is_deleted``).
"""

from __future__ import annotations

import os
import pickle
import tempfile
from collections.abc import Iterator
from pathlib import Path

#: Bumped when what a kept file holds changes shape.
_VERSION = 1


def rows_path(folder, segment_id: str, name: str) -> Path:
    """Where :func:`stored_rows` keeps one segment's rows for the caller ``name``."""
    return Path(folder) / f"{segment_id}.{name}_rows.pickle"


def stored_rows(reader, fields: tuple[str, ...], folder: Path | None = None,
                name: str = "stored") -> Iterator[tuple]:
    """The stored ``fields`` of each live document (None where one is absent), segment
    by segment in document order.  With ``folder`` each segment's rows are kept beside
    it under ``name`` (:func:`rows_path`) and read from there next time."""
    for leaf, _base in reader.leaf_readers():
        rows = _leaf_rows(leaf, fields, folder, name)
        if leaf.has_deletions():
            for docnum, row in rows:
                if not leaf.is_deleted(docnum):
                    yield row
        else:
            for _docnum, row in rows:
                yield row


def _leaf_rows(leaf, fields: tuple[str, ...], folder: Path | None, name: str
               ) -> list[tuple[int, tuple]]:
    """``(document number, fields)`` of one segment's documents that were live when
    its file was written (deletions only grow: the caller filters today's)."""
    path = None
    if folder is not None:
        path = rows_path(folder, leaf.segment().segment_id(), name)
        try:
            with open(path, "rb") as f:  # (the persons stage holds the collector off)
                kept = pickle.load(f)  # written here, in the user's own index
            if (isinstance(kept, dict) and kept.get("version") == _VERSION
                    and kept.get("fields") == fields
                    and kept.get("count") == leaf.doc_count_all()):
                return kept["rows"]
        except Exception:  # absent, cut short, of another shape: read from Whoosh
            pass
    rows = []
    for docnum in leaf.all_doc_ids():
        stored = leaf.stored_fields(docnum)
        rows.append((docnum, tuple(stored.get(f) for f in fields)))
    if path is not None:
        tmp = None
        try:  # a name of its own: two processes may write the same segment's rows
            fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=path.name, suffix=".tmp")
            with os.fdopen(fd, "wb") as f:
                pickle.dump({"version": _VERSION, "fields": fields,
                             "count": leaf.doc_count_all(), "rows": rows}, f,
                            protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, path)
        except OSError:  # a read-only index is read from Whoosh every time
            if tmp is not None:
                Path(tmp).unlink(missing_ok=True)
    return rows

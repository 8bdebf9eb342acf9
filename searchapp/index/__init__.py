"""The paragraph index: analysis, schema, manifest and incremental updates.

Everything that touches Whoosh's private API lives in :mod:`searchapp.index.whoosh`.
This package's own namespace is light (no Whoosh): the app's process asks
:func:`index_exists` without loading the indexer.
"""

from __future__ import annotations

from pathlib import Path

#: The index's name inside its folder (Whoosh prefixes its files with it).
INDEX_NAME = "paragraphs"
#: What was indexed from which file (:mod:`searchapp.index.manifest`).
MANIFEST = "manifest.json"
#: Held while an index is created (not "_paragraphs_*": Whoosh's create deletes those).
CREATE_LOCK = "CREATING.lock"
#: Beside the index: the persons stage's mentions (per paragraph) and its persons.
MENTIONS_DB = "mentions.sqlite3"
PERSONS_FILE = "persons.json"
#: Beside the index: the persons stage's per-document resolution steps, kept for the next run.
PERSONS_MEMO = "persons-memo.sqlite3"
#: Beside the index: the copies stage's groups (what search folds) and its state.
COPIES_FILE = "copies.json"
COPIES_STATE = "copies-state.pickle"

#: Whoosh names its table of contents ``_<indexname>_<generation>.toc``.
_TOC_GLOB = f"_{INDEX_NAME}_*.toc"


def index_exists(index_dir: Path) -> bool:
    """An index (of any version) is at ``index_dir``: its table of contents is there."""
    return any(Path(index_dir).glob(_TOC_GLOB))

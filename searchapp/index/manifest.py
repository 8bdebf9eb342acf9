"""The manifest beside the index: what was indexed from which file, and the
fingerprint of everything else that decides what is indexed."""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass, field
from pathlib import Path

from searchapp.config import INDEXED_CURATION, Settings
from searchapp.folders.folder_list import prefix_of
from searchapp.index import MANIFEST
from searchapp.index.schema import SCHEMA_VERSION
from searchapp.ingest import pipeline


def config_fingerprint(settings: Settings) -> dict[str, str]:
    """Per folder (by key), what changes when anything other than its files changes
    what is indexed from it: the schema, the pipeline and the curation files it
    reads (the data folder's and its own).  Adding a folder changes no other's."""
    base = f"schema {SCHEMA_VERSION} pipeline {pipeline.PIPELINE_VERSION}".encode()
    out = {}
    for folder in settings.folders:
        h = hashlib.sha1(base)
        for d in settings.curation_dirs(folder):
            for name in INDEXED_CURATION:
                h.update(name.encode())
                try:
                    h.update((d / name).read_bytes())
                except OSError:
                    h.update(b"-")
        out[folder.key] = h.hexdigest()
    return out


def stale_folders(settings: Settings, manifest: dict) -> set[str]:
    """Keys of the folders whose files must be read again (their curation changed)."""
    old = manifest.get("fingerprint")
    old = old if isinstance(old, dict) else {}
    return {k for k, fp in config_fingerprint(settings).items() if old.get(k) != fp}


def read_manifest(index_dir: Path) -> dict:
    try:
        data = json.loads((index_dir / MANIFEST).read_text("utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def write_manifest(index_dir: Path, manifest: dict) -> None:
    tmp = index_dir / (MANIFEST + ".tmp")
    with open(tmp, "w", encoding="utf-8") as f:
        json.dump(manifest, f, ensure_ascii=True, indent=0)
        f.flush()
        os.fsync(f.fileno())
    os.replace(tmp, index_dir / MANIFEST)


def same_stat(entry: dict | None, st: os.stat_result) -> bool:
    """The manifest entry still describes the file (same size and mtime): skip it unread."""
    return bool(entry) and entry.get("size") == st.st_size and \
        entry.get("mtime_ns") == st.st_mtime_ns


def index_state(index_dir: Path) -> str:
    """Changes when the index's content changes (from the manifest: each file's hash,
    and the scanned pages it still waits for: OCR adds text to a file that did not
    change, and the copies and persons stages must see it; and each folder's
    :func:`config_fingerprint`: a new pipeline or schema reads unchanged files into new
    paragraphs, which those stages must see too)."""
    manifest = read_manifest(Path(index_dir))
    files = manifest.get("files", {})
    h = hashlib.sha1(json.dumps(manifest.get("fingerprint", {}), sort_keys=True).encode())
    for rel in sorted(files):
        entry = files[rel]
        h.update(f"{rel}\0{entry.get('hash', '')}\0".encode())
        if entry.get("scans"):
            h.update(f"scans {entry['scans']}\0".encode())
    return h.hexdigest()


@dataclass(frozen=True)
class Coverage:
    """What an index holds, by folder (from its manifest): which bookmarks it may judge.

    ``folders``: the keys of the folders it searches (paused and unreadable ones
    included: what was indexed from them is kept); ``dropped``: folders it held and
    no longer does (removed from the folder list; a one-off index never drops its
    folder); ``documents``: each document id it holds and its folder's key."""

    folders: frozenset[str] = frozenset()
    dropped: frozenset[str] = frozenset()
    documents: dict[str, str] = field(default_factory=dict)

    def folder_of(self, doc_id: str, path: str) -> str:
        """The key of the folder of the document ``doc_id`` (``path`` in its folder), if
        it is one of this index's folders, held or dropped; "" if it is not (a document
        of another index, or one this index never knew).  A document no longer held is
        recognized by its id, made from its folder and its path there (a message of a
        mailbox, whose id also has its part, only while it is held)."""
        if doc_id in self.documents:
            return self.documents[doc_id]
        return next((key for key in sorted(self.folders | self.dropped)
                     if pipeline.doc_id_for(path, key) == doc_id), "")


def coverage(index_dir: Path) -> Coverage:
    """The :class:`Coverage` of the index in ``index_dir`` (empty without a manifest)."""
    manifest = read_manifest(Path(index_dir))
    folders = manifest.get("folders")
    if not isinstance(folders, list):  # before folders were listed: those fingerprinted
        fp = manifest.get("fingerprint")
        folders = list(fp) if isinstance(fp, dict) else []
    prefixes = sorted((prefix_of(k), k) for k in folders)
    documents: dict[str, str] = {}
    for key, entry in (manifest.get("files") or {}).items():
        folder = next((k for p, k in prefixes if key.startswith(p)), None)
        if folder is None or not isinstance(entry, dict):
            continue
        for doc_id in entry.get("doc_ids") or [entry.get("doc_id")]:
            if doc_id:
                documents[doc_id] = folder
    dropped = manifest.get("dropped")
    return Coverage(frozenset(folders), frozenset(dropped if isinstance(dropped, list)
                                                  else ()) - frozenset(folders), documents)


def dropped_folders(manifest: dict, settings: Settings) -> list[str]:
    """The folders an index written now no longer holds: those the manifest listed as
    held or dropped, less the folders of ``settings``."""
    held = {f.key for f in settings.folders}
    old = [*(manifest.get("folders") or ()), *(manifest.get("dropped") or ())]
    return sorted({k for k in old if isinstance(k, str)} - held)

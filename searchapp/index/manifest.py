"""The manifest beside the index: what was indexed from which file, and the
fingerprint of everything else that decides what is indexed."""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

from searchapp.config import INDEXED_CURATION, Settings
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
        json.dump(manifest, f, ensure_ascii=False, indent=0)
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

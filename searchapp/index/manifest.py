"""The manifest beside the index: what was indexed from which file, and the
fingerprint of everything else that decides what is indexed."""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

from searchapp.config import Settings
from searchapp.index.schema import SCHEMA_VERSION
from searchapp.ingest import pipeline

MANIFEST = "manifest.json"


def config_fingerprint(settings: Settings) -> str:
    """Changes when anything other than the files themselves changes what is indexed."""
    h = hashlib.sha1(f"schema {SCHEMA_VERSION} pipeline {pipeline.PIPELINE_VERSION}".encode())
    for f in (settings.catalog_path, settings.registry_dir / "persons.toml",
              settings.registry_dir / "places.toml"):
        h.update(f.name.encode())
        try:
            h.update(f.read_bytes())
        except OSError:
            h.update(b"-")
    return h.hexdigest()


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

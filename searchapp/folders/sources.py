"""What the searched folders hold, as the indexer sees it.

A file is known by its *key*, ``<folder path>/<path in the folder>``: the
manifest lists files by key and a document's id is made from its folder and
its path in it, so a folder removed and added again gives the same ids (and
its bookmarks are found again).  The user reads a key as
:meth:`Settings.display_path` shows it.

Curation (catalog, persons, places) is read per folder: the data folder's
files, then the folder's own, which override them (:func:`curation`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from searchapp.config import CATALOG_FILE, Settings
from searchapp.folders.folder_list import Folder, file_key_of
from searchapp.ingest.entities import Registry
from searchapp.ingest.metadata import Catalog
from searchapp.ingest.read import os_reason, scan_corpus


def file_key(folder: Folder, rel: str) -> str:
    return file_key_of(folder.key, rel)


@dataclass
class FolderScan:
    """Every document file of the folders read now, and what could not be read."""

    files: list[tuple[Folder, Path, str]] = field(default_factory=list)  # folder, path, rel
    problems: list[tuple[str, str]] = field(default_factory=list)  # (shown path, reason)
    #: key prefixes whose indexed files are kept unread: paused folders, folders
    #: not found (an unplugged drive) and sub-folders that cannot be listed
    kept: list[str] = field(default_factory=list)

    def keeps(self, key: str) -> bool:
        return any(key.startswith(prefix) for prefix in self.kept)


def scan_folders(settings: Settings, include_paused: bool = False) -> FolderScan:
    """Walk every folder (paused ones only with ``include_paused``)."""
    out = FolderScan()
    for folder in settings.folders:
        prefix = folder.prefix
        if folder.paused and not include_paused:
            out.kept.append(prefix)
            continue
        try:
            if not folder.path.is_dir():
                raise FileNotFoundError(2, "not found" if not folder.path.exists()
                                        else "not a folder")
            next(folder.path.iterdir(), None)
        except OSError as exc:
            out.kept.append(prefix)
            out.problems.append((folder.name, f"folder {folder.path} cannot be read "
                                              f"({os_reason(exc)}); what was indexed "
                                              "from it is kept"))
            continue
        scan = scan_corpus(folder.path)
        show = settings.display_path
        out.problems.extend((show(prefix + rel), reason) for rel, reason in scan.problems)
        out.kept.extend(prefix + d + "/" for d in scan.unreadable)
        out.files.extend((folder, path, path.relative_to(folder.path).as_posix())
                         for path in scan.paths)
    return out


def curation(settings: Settings) -> tuple[dict[str, tuple[Catalog, Registry]],
                                          list[tuple[str, str]]]:
    """Each folder's catalog and registry (by folder key), and the problems
    reading them (each file once)."""
    out: dict[str, tuple[Catalog, Registry]] = {}
    problems: list[tuple[str, str]] = []
    for folder in settings.folders:
        dirs = settings.curation_dirs(folder)
        catalog = Catalog.load_layers([d / CATALOG_FILE for d in dirs])
        registry = Registry.load_layers(dirs)
        out[folder.key] = (catalog, registry)
        problems.extend(catalog.problems + registry.problems)
    return out, list(dict.fromkeys(problems))

"""Paths and settings, decided in one place.

A frozen :class:`Settings` is built once (from defaults, environment variables
and command-line flags) and passed to whatever needs it; nothing is read from
the environment at import time.

==================  ===========================  =================================
setting             environment variable         default
==================  ===========================  =================================
folders searched    ``SEARCHAPP_CORPUS`` (one    the list in the data folder's
                    folder, for this run only)   ``folders.json`` (:mod:`searchapp.folders.folder_list`);
                                                 before any change, the bundled sample
index folder        ``SEARCHAPP_INDEX``          the data folder's ``index``; for a one-off
                                                 folder ``indexes/<name>-<hash>``
data folder         ``SEARCHAPP_DATA_DIR``       platformdirs' user data dir
                                                 (``~/.local/share/searchapp``)
==================  ===========================  =================================

Curation files (``persons.toml``, ``places.toml``, ``catalog.toml``) are read
from the data folder and apply to every folder; a folder's own files override
them for that folder (:meth:`Settings.curation_dirs`).
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass, replace
from pathlib import Path

import platformdirs

from searchapp.folders.folder_list import Folder, load_folders
from searchapp.folders.folder_list import one_off as one_off_folder

APP_NAME = "searchapp"


def _bundled(name: str, in_checkout: str) -> Path:
    """``searchapp/data/<name>`` in a wheel or frozen build, else the checkout's folder."""
    here = Path(__file__).resolve().parent
    packaged = here / "data" / name
    return packaged if packaged.is_dir() else here.parent / in_checkout


def bundled_corpus() -> Path:
    """The seed corpus shipped with the package (or the repository's ``corpus/``)."""
    return _bundled("corpus", "corpus")


#: Curation files, read from the data folder, then from each searched folder (a folder's
#: own override the data folder's): the catalog of sources, the persons and the places.
CATALOG_FILE = "catalog.toml"
PERSONS_REGISTRY = "persons.toml"
PLACES_REGISTRY = "places.toml"
#: The curation files that decide what is indexed (the manifest keeps their fingerprint).
INDEXED_CURATION = (CATALOG_FILE, PERSONS_REGISTRY, PLACES_REGISTRY)
#: The user's curation of persons (merge, rename, hide, split, role), in the data folder.
CURATION_FILE = "curation.toml"

#: The app's reverse-DNS id: its .desktop entry, icons and AppStream metainfo are named by it.
APP_ID = "io.github.searchapp.SearchApp"


def desktop_files() -> Path:
    """The freedesktop entry, icons and AppStream metainfo shipped with the package."""
    return _bundled("linux", "packaging/linux")


@dataclass(frozen=True, init=False)
class Settings:
    folders: tuple[Folder, ...]  # paused ones included
    index: Path
    data_dir: Path
    one_off: bool = False  # folders given for this run (--corpus), not the saved list

    def __init__(self, folders=(), index: Path | None = None, data_dir: Path | None = None,
                 one_off: bool = False, *, corpus: Path | str | None = None) -> None:
        """``corpus=DIR`` is one folder for this run (as ``--corpus DIR``)."""
        if corpus is not None:
            folders, one_off = (one_off_folder(corpus),), True
        for name, value in (("folders", tuple(folders)), ("index", Path(index)),
                            ("data_dir", Path(data_dir)), ("one_off", one_off)):
            object.__setattr__(self, name, value)

    @property
    def active(self) -> tuple[Folder, ...]:
        """The folders read and watched (not paused)."""
        return tuple(f for f in self.folders if not f.paused)

    @property
    def corpus(self) -> Path:
        """The first folder: where a one-folder command (``extract``) reads curation."""
        return self.folders[0].path if self.folders else bundled_corpus()

    @property
    def only_sample(self) -> bool:
        """The folder list is still the bundled sample alone (a first run: the app
        offers to add the user's own documents)."""
        return (not self.one_off and len(self.folders) == 1
                and self.folders[0].path.resolve() == bundled_corpus().resolve())

    def curation_dirs(self, folder: Folder | None = None) -> tuple[Path, ...]:
        """Where curation files are read, later ones overriding: the data folder,
        then ``folder`` (or every folder, for what searches all of them)."""
        own = (folder,) if folder is not None else self.folders
        return (self.data_dir, *(f.path for f in own))

    @property
    def bookmarks_db(self) -> Path:
        return self.data_dir / "bookmarks.sqlite3"

    @property
    def ocr_cache(self) -> Path:
        """What OCR read, by content hash and page (shared by every index)."""
        return self.data_dir / "ocr-cache.sqlite3"

    def folder_of(self, key: str) -> Folder | None:
        """The folder a file key (``<folder path>/<relative path>``) is in."""
        for f in self.folders:
            if key.startswith(f.prefix):
                return f
        return None

    @property
    def listed(self) -> frozenset[str] | None:
        """The keys (full paths) of the folders of the user's list, paused ones
        included; None in a one-off run (``--corpus``), which does not read the list."""
        return None if self.one_off else frozenset(f.key for f in self.folders)

    def folder_path_of(self, paragraph: dict) -> str:
        """The key (full path) of the searched folder a paragraph (stored fields, with
        its folder's name) is in; "" if none of these folders has that name."""
        name = paragraph.get("folder")
        return next((f.key for f in self.folders if f.name == name), "")

    def display_path(self, key: str) -> str:
        """A file key as the user reads it: its path in its folder, after the
        folder's name when several folders are searched."""
        folder = self.folder_of(key)
        if folder is None:
            return key
        rel = key[len(folder.prefix):]
        return rel if len(self.folders) == 1 else f"{folder.name}/{rel}"

    def file_path(self, shown: str) -> Path | None:
        """The file a path shown by :meth:`display_path` names, as a full path (the
        folder's path and the file's path in it); None when ``shown`` names no file of
        a folder (a folder's name, a curation file's name: the data folder and every
        folder may hold one)."""
        if shown in (*INDEXED_CURATION, CURATION_FILE):
            return None
        if len(self.folders) == 1:
            return self.folders[0].path / shown if shown and shown != \
                self.folders[0].name else None
        for folder in sorted(self.folders, key=lambda f: -len(f.name)):
            if shown.startswith(folder.name + "/"):
                return folder.path / shown[len(folder.name) + 1:]
        return None

    def reload(self) -> Settings:
        """The same settings with the folder list read again (after a change)."""
        if self.one_off:
            return self
        return replace(self, folders=tuple(load_folders(self.data_dir, bundled_corpus())))

    @classmethod
    def resolve(
        cls,
        corpus: str | Path | None = None,
        index: str | Path | None = None,
        data_dir: str | Path | None = None,
        env: dict[str, str] | None = None,
        cwd: Path | None = None,  # kept for callers; the working directory is not used
    ) -> Settings:
        """Settings from flags, then environment variables, then defaults."""
        env = os.environ if env is None else env
        data = Path(data_dir or env.get("SEARCHAPP_DATA_DIR")
                    or platformdirs.user_data_dir(APP_NAME)).expanduser()
        one = corpus or env.get("SEARCHAPP_CORPUS")
        if one:
            folders = (one_off_folder(one),)
        else:
            folders = tuple(load_folders(data, bundled_corpus()))
        if index or env.get("SEARCHAPP_INDEX"):
            index_path = Path(index or env["SEARCHAPP_INDEX"]).expanduser()
        elif one:
            digest = hashlib.sha1(folders[0].key.encode()).hexdigest()[:8]
            index_path = data / "indexes" / f"{folders[0].path.name or 'root'}-{digest}"
        else:
            index_path = data / "index"
        return cls(folders=folders, index=index_path, data_dir=data, one_off=bool(one))

"""The folders a user searches: the collection, kept in the user data folder.

``folders.json`` in the user data folder lists them, each with the name it is
shown under (the *Folder* facet) and whether it is paused.  With no list yet
the bundled sample collection is the one folder (a first run searches it at
once); the list is written at the first change.

* a **paused** folder keeps what was indexed from it searchable but is not
  read again or watched until it is resumed;
* a **removed** folder's paragraphs leave the index at the next update; its
  bookmarks stay (marked as gone) and come back if it is added again;
* folders may not nest: a file would be indexed twice.

Names are unique and kept: a folder keeps the name it was added under (the
facet value of its paragraphs) even when another of the same name is added.
"""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass, replace
from pathlib import Path

from searchapp.errors import FolderError

FOLDERS_FILE = "folders.json"
SAMPLE_NAME = "Sample articles"  # the bundled collection's name in the list


@dataclass(frozen=True)
class Folder:
    path: Path  # absolute
    name: str  # shown in the Folder facet, unique in the list
    paused: bool = False

    @property
    def key(self) -> str:
        """The folder's part of its files' keys and document ids."""
        return self.path.as_posix()

    @property
    def prefix(self) -> str:
        """What every key of a file in the folder starts with."""
        return prefix_of(self.key)

    def to_json(self) -> dict:
        return {**asdict(self), "path": str(self.path)}


def prefix_of(folder_key: str) -> str:
    """The start of the keys (``<folder>/<path in it>``) of the files in a folder."""
    return folder_key.rstrip("/") + "/"


def file_key_of(folder_key: str, rel: str) -> str:
    """The key of the file ``rel`` (its path in the folder) of a folder: the manifest
    lists files by it and documents' ids are made from it."""
    return prefix_of(folder_key) + rel


def one_off(path: Path | str) -> Folder:
    """A folder given for one run (``--corpus DIR``): not written to the list."""
    path = _utf8(_absolute(path))
    return Folder(path, path.name or str(path))


def _absolute(path: Path | str) -> Path:
    return Path(os.path.realpath(Path(path).expanduser()))


def _utf8(path: Path) -> Path:
    """``path``, if its name is UTF-8: else a :class:`FolderError` (its files' keys in the
    index, the manifest and the bookmarks are UTF-8 text)."""
    if printable_name(str(path)) != str(path):
        raise FolderError(f"the folder {printable_name(str(path))} has a name that is not "
                          "valid UTF-8 (written in another encoding); rename it to search it")
    return path


def printable_name(name: str) -> str:
    """``name`` as text that can be printed and stored: a name read from the disk
    whose bytes are not UTF-8 holds lone surrogates (Python's ``surrogateescape``),
    shown here as U+FFFD."""
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        return os.fsencode(name).decode("utf-8", "replace")
    return name


def load_folders(data_dir: Path, default: Path) -> list[Folder]:
    """The configured folders; ``[default]`` (the bundled sample) before any change.
    A list that cannot be read is a :class:`FolderError` (it is never overwritten
    silently: the user's folders would be lost)."""
    path = Path(data_dir) / FOLDERS_FILE
    try:
        data = json.loads(path.read_text("utf-8"))
    except FileNotFoundError:
        return [Folder(_absolute(default), SAMPLE_NAME)]
    except (OSError, ValueError) as exc:
        raise FolderError(f"the folder list {path} cannot be read ({exc}); fix or delete it"
                          ) from None
    try:
        return [Folder(_absolute(f["path"]), str(f["name"]), bool(f.get("paused", False)))
                for f in data["folders"]]
    except (KeyError, TypeError) as exc:
        raise FolderError(f"the folder list {path} is not a folder list ({exc}); "
                          "fix or delete it") from None


def save_folders(data_dir: Path, folders: list[Folder]) -> None:
    """Write the list atomically (a crash leaves the old list or the new one)."""
    data_dir = Path(data_dir)
    data_dir.mkdir(parents=True, exist_ok=True)
    tmp = data_dir / (FOLDERS_FILE + ".tmp")
    with open(tmp, "w", encoding="utf-8") as f:
        json.dump({"folders": [x.to_json() for x in folders]}, f, ensure_ascii=False, indent=1)
        f.flush()
        os.fsync(f.fileno())
    os.replace(tmp, data_dir / FOLDERS_FILE)


def _nested(a: Path, b: Path) -> bool:
    return a == b or a in b.parents or b in a.parents


def unique_name(path: Path, taken: set[str]) -> str:
    """The folder's own name, or with its parent's ("notes (work)") when taken."""
    base = path.name or str(path)
    name, parent = base, path.parent
    while name in taken and parent != parent.parent:
        name = f"{base} ({parent.name})"
        parent = parent.parent
    n = 2
    while name in taken:
        name, n = f"{base} ({n})", n + 1
    return name


def add_folder(data_dir: Path, default: Path, path: Path | str) -> Folder:
    """Add ``path`` to the list; a paused folder of that path is resumed.  The bundled
    sample (``default``) added back is named as it was at first."""
    path = _utf8(_absolute(path))
    if not path.exists():
        raise FolderError(f"no folder at {path}")
    if not path.is_dir():
        raise FolderError(f"{path} is a file, not a folder; add the folder that holds it")
    if not os.access(path, os.R_OK | os.X_OK):
        raise FolderError(f"the folder {path} cannot be read (permission denied)")
    folders = load_folders(data_dir, default)
    real = path.resolve()
    for f in folders:
        if f.path.resolve() == real:
            if f.paused:
                return set_paused(data_dir, default, f.name, False)
            raise FolderError(f"{path} is already searched (as '{f.name}')")
        if _nested(f.path.resolve(), real):
            inside = f.path.resolve() in real.parents
            raise FolderError(
                f"{path} is {'inside' if inside else 'around'} the folder '{f.name}' "
                f"({f.path}); folders cannot nest" + (
                    "" if inside else f" (remove '{f.name}' first to search all of {path})"))
    taken = {f.name for f in folders}
    sample = real == _absolute(default).resolve() and SAMPLE_NAME not in taken
    folder = Folder(path, SAMPLE_NAME if sample else unique_name(path, taken))
    save_folders(data_dir, [*folders, folder])
    return folder


def find_folder(folders: list[Folder], which: str | Path) -> Folder:
    """The folder named ``which`` or at path ``which``."""
    for f in folders:
        if f.name == str(which):
            return f
    path = _absolute(which)
    for f in folders:
        if f.path == path or f.path.resolve() == path.resolve():
            return f
    names = ", ".join(f"'{f.name}'" for f in folders) or "none"
    raise FolderError(f"no folder '{which}' in the list (folders: {names})")


def remove_folder(data_dir: Path, default: Path, which: str | Path) -> Folder:
    folders = load_folders(data_dir, default)
    folder = find_folder(folders, which)
    save_folders(data_dir, [f for f in folders if f != folder])
    return folder


def set_paused(data_dir: Path, default: Path, which: str | Path, paused: bool) -> Folder:
    folders = load_folders(data_dir, default)
    folder = find_folder(folders, which)
    changed = replace(folder, paused=paused)
    save_folders(data_dir, [changed if f == folder else f for f in folders])
    return changed

"""Paths and settings, decided in one place.

A frozen :class:`Settings` is built once (from defaults, environment variables
and command-line flags) and passed to whatever needs it; nothing is read from
the environment at import time.

==================  ===========================  =================================
setting             environment variable         default
==================  ===========================  =================================
corpus folder       ``SEARCHAPP_CORPUS``         ``./corpus`` if it exists, else
                                                 the corpus bundled with the package
index folder        ``SEARCHAPP_INDEX``          ``./index`` next to a ``./corpus``,
                                                 else the user data folder's ``index``
data folder         ``SEARCHAPP_DATA_DIR``       platformdirs' user data dir
                                                 (``~/.local/share/searchapp``)
==================  ===========================  =================================
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import platformdirs

APP_NAME = "searchapp"


def _bundled(name: str, in_checkout: str) -> Path:
    """``searchapp/data/<name>`` in a wheel or frozen build, else the checkout's folder."""
    here = Path(__file__).resolve().parent
    packaged = here / "data" / name
    return packaged if packaged.is_dir() else here.parent / in_checkout


def bundled_corpus() -> Path:
    """The seed corpus shipped with the package (or the repository's ``corpus/``)."""
    return _bundled("corpus", "corpus")


def desktop_files() -> Path:
    """The freedesktop entry, icons and AppStream metainfo shipped with the package."""
    return _bundled("linux", "packaging/linux")


@dataclass(frozen=True)
class Settings:
    corpus: Path
    index: Path
    data_dir: Path

    @property
    def registry_dir(self) -> Path:
        """Where ``persons.toml`` and ``places.toml`` live: the corpus folder."""
        return self.corpus

    @property
    def catalog_path(self) -> Path:
        return self.corpus / "catalog.toml"

    @property
    def bookmarks_db(self) -> Path:
        return self.data_dir / "bookmarks.sqlite3"

    @classmethod
    def resolve(
        cls,
        corpus: str | Path | None = None,
        index: str | Path | None = None,
        data_dir: str | Path | None = None,
        env: dict[str, str] | None = None,
        cwd: Path | None = None,
    ) -> Settings:
        """Settings from flags, then environment variables, then defaults."""
        env = os.environ if env is None else env
        cwd = cwd or Path.cwd()
        data = Path(data_dir or env.get("SEARCHAPP_DATA_DIR") or platformdirs.user_data_dir(APP_NAME))
        local_corpus = cwd / "corpus"
        if corpus or env.get("SEARCHAPP_CORPUS"):
            corpus_path = Path(corpus or env["SEARCHAPP_CORPUS"])
        elif local_corpus.is_dir():
            corpus_path = local_corpus
        else:
            corpus_path = bundled_corpus()
        if index or env.get("SEARCHAPP_INDEX"):
            index_path = Path(index or env["SEARCHAPP_INDEX"])
        elif local_corpus.is_dir() and corpus_path.resolve() == local_corpus.resolve():
            index_path = cwd / "index"
        else:
            index_path = data / "index"
        return cls(corpus=corpus_path.expanduser(), index=index_path.expanduser(),
                   data_dir=data.expanduser())

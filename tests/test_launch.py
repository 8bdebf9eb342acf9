"""What the desktop app's process loads: ``searchapp`` with no command opens the window,
whose process holds the models, the bookmark store and the clients of the engine and
indexer processes, never the extractors, Whoosh or numpy (they run in those processes).

Each check runs in a fresh interpreter, started the way a user starts the app.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest
from conftest import CORPUS, ROOT

#: Libraries the window's process must not load (the README's "What the app's process
#: imports"): the extractors and their dependencies, the index and the engine.
NOT_IN_THE_WINDOW = ("trafilatura", "lxml", "bs4", "htmldate", "justext", "whoosh", "numpy",
                     "rapidfuzz", "pypdfium2", "docx", "striprtf", "spacy")
#: searchapp's own rooms the window's process must not load (the index package's
#: ``__init__`` is light and allowed: ``index_exists``).
NOT_OURS_IN_THE_WINDOW = ("searchapp.ingest", "searchapp.index.", "searchapp.search.engine",
                          "searchapp.search.query", "searchapp.search.match")

_REPORT = ("import json, sys\n"
           "print(json.dumps(sorted(sys.modules)))\n")


def _loaded(code: str, env: dict | None = None, timeout: float = 120) -> list[str]:
    """The modules loaded once ``code`` has run in a fresh interpreter (it then runs
    ``_REPORT``, whose JSON is the last line of its output)."""
    proc = subprocess.run([sys.executable, "-c", code + "\n" + _REPORT], cwd=ROOT,
                          capture_output=True, text=True, timeout=timeout,
                          env={**os.environ, "PYTHONFAULTHANDLER": "1", **(env or {})})
    assert proc.returncode == 0, proc.stderr[-3000:]
    return json.loads(proc.stdout.strip().splitlines()[-1])


def _heavy(modules: list[str]) -> list[str]:
    return [m for m in modules
            if m.split(".")[0] in NOT_IN_THE_WINDOW or m.startswith(NOT_OURS_IN_THE_WINDOW)]


@pytest.mark.slow
def test_the_entry_points_import_light():
    """The console script's module (``searchapp.cli:main``), ``python -m searchapp``'s and
    the GUI script's (``searchapp.app:launch``) load none of it when imported."""
    loaded = _loaded("import searchapp.cli, searchapp.app\n"
                     "from searchapp.cli import main  # noqa: F401\n")
    assert "searchapp.cli.commands" in loaded  # the check sees the real modules
    assert _heavy(loaded) == []


@pytest.mark.slow
def test_the_checks_see_a_heavy_import():
    """The check can fail: ``searchapp extract``'s modules are exactly what it forbids."""
    loaded = _loaded("from searchapp.ingest.pipeline import load_documents")
    assert {"trafilatura", "lxml", "bs4", "searchapp.ingest.pipeline"} <= set(_heavy(loaded))


@pytest.mark.gui
@pytest.mark.slow
def test_the_window_started_by_searchapp_loads_no_extractor(tmp_path):
    """``searchapp`` with no command, as a user starts it, until the window shows its first
    results (it builds the index first, in a child process): the window's process
    loaded Qt and the engine's client, not the extractors, Whoosh or numpy, and had
    torn its window down when ``main`` returned."""
    env = {"QT_QPA_PLATFORM": "offscreen", "SEARCHAPP_QUIT_WHEN_READY": "1",
           "SEARCHAPP_CORPUS": str(CORPUS), "SEARCHAPP_INDEX": str(tmp_path / "index"),
           "SEARCHAPP_DATA_DIR": str(tmp_path / "data")}
    loaded = _loaded("from searchapp.cli import main\n"
                     "assert main([]) == 0\n"
                     # torn down before the interpreter's exit: no pool thread still
                     # running, no widget left for the interpreter to free
                     "from PySide6.QtCore import QThreadPool\n"
                     "from PySide6.QtWidgets import QApplication\n"
                     "assert QThreadPool.globalInstance().activeThreadCount() == 0\n"
                     "assert QApplication.topLevelWidgets() == [], "
                     "QApplication.topLevelWidgets()\n", env=env, timeout=300)
    assert {"PySide6.QtWidgets", "searchapp.gui.main_window", "searchapp.procs.engine",
            "searchapp.procs.indexer"} <= set(loaded)
    assert (tmp_path / "index").is_dir()  # the child built it and the window searched it
    assert _heavy(loaded) == []

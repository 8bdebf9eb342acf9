"""The installed app on a real X server: ``searchapp`` under Xvfb on Qt's xcb platform,
as a desktop user starts it, up to its first results.  CI installs xvfb, xauth and the
xcb libraries (``.ci/run``); elsewhere the test says what is missing and skips."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import CORPUS

from searchapp.gui.qt_platform import COMMON_LIBRARIES, XCB_LIBRARIES, missing_packages
from searchapp.index.update import index_exists


def _why_not() -> str | None:
    tools = {"xvfb-run": "xvfb", "Xvfb": "xvfb", "xauth": "xauth"}  # command -> package
    missing = list(dict.fromkeys(p for tool, p in tools.items() if not shutil.which(tool)))
    missing += missing_packages({**COMMON_LIBRARIES, **XCB_LIBRARIES})
    if missing:
        return "to start the app under Xvfb on xcb, install: " + " ".join(missing)
    return None


@pytest.mark.slow
@pytest.mark.skipif(_why_not() is not None, reason=str(_why_not()))
def test_the_app_starts_on_xcb_under_xvfb_and_shows_results(tmp_path):
    corpus = tmp_path / "corpus"
    shutil.copytree(CORPUS, corpus)
    script = Path(sys.executable).with_name("searchapp")
    assert script.exists(), "the searchapp entry point is installed beside this Python"
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env.update(QT_QPA_PLATFORM="xcb", SEARCHAPP_QUIT_WHEN_READY="1",
               SEARCHAPP_CORPUS=str(corpus), SEARCHAPP_INDEX=str(tmp_path / "index"),
               SEARCHAPP_DATA_DIR=str(tmp_path / "data"))
    proc = subprocess.run(
        ["xvfb-run", "-a", "-s", "-screen 0 1280x900x24", str(script)],
        capture_output=True, text=True, env=env, timeout=300, cwd=tmp_path)
    # SEARCHAPP_QUIT_WHEN_READY closes the window on its first results, and only then
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert "qt.qpa.plugin" not in proc.stderr, proc.stderr[-3000:]
    assert index_exists(tmp_path / "index")

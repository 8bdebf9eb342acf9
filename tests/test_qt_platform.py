"""Before Qt starts: the one-line message naming what the desktop lacks."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT

from searchapp.gui.qt_platform import (
    COMMON_LIBRARIES,
    XCB_LIBRARIES,
    platform_problem,
    qt_platform,
)

NOWHERE = {"libsearchapp-nowhere.so.7": "libsearchapp-nowhere7"}
PRESENT = {"libc.so.6": "libc6"}


@pytest.mark.parametrize(("env", "platform"), [
    ({"DISPLAY": ":0"}, "xcb"),
    ({"DISPLAY": ":0", "WAYLAND_DISPLAY": "wayland-0"}, "wayland"),
    ({"DISPLAY": ":0", "WAYLAND_DISPLAY": "wayland-0", "QT_QPA_PLATFORM": "xcb"}, "xcb"),
    ({"QT_QPA_PLATFORM": "offscreen"}, "offscreen"),
    ({"QT_QPA_PLATFORM": "xcb:nograb;wayland", "DISPLAY": ":1"}, "xcb"),
    ({}, None),
])
def test_the_platform_qt_will_try(env, platform):
    assert qt_platform(env) == platform


def test_a_missing_library_is_named_with_its_package_in_one_line():
    message = platform_problem({"DISPLAY": ":0"}, {**PRESENT, **NOWHERE})
    assert message == ("searchapp: the desktop needs these system libraries: "
                       "libsearchapp-nowhere7 (Debian/Ubuntu: sudo apt-get install "
                       "libsearchapp-nowhere7)")


def test_nothing_to_say_when_the_libraries_load_or_the_platform_is_not_xcb():
    assert platform_problem({"DISPLAY": ":0"}, PRESENT) is None
    assert platform_problem({"QT_QPA_PLATFORM": "offscreen"}, NOWHERE) is None
    assert platform_problem({"WAYLAND_DISPLAY": "wayland-0", "DISPLAY": ":0"}, NOWHERE) is None


def test_no_display_at_all_is_one_line():
    for env in ({}, {"QT_QPA_PLATFORM": "xcb"}):
        message = platform_problem(env, PRESENT)
        assert message.startswith("searchapp: ") and "\n" not in message
        assert "xvfb-run" in message


def test_the_app_says_so_and_exits_1_without_a_traceback(tmp_path):
    """The installed entry point, as a user starts it with no display."""
    env = {k: v for k, v in os.environ.items()
           if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    env.update(SEARCHAPP_DATA_DIR=str(tmp_path / "data"), SEARCHAPP_INDEX=str(tmp_path / "ix"))
    script = Path(sys.executable).with_name("searchapp")
    cmd = [str(script)] if script.exists() else [sys.executable, "-m", "searchapp"]
    proc = subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=120)
    assert proc.returncode == 1
    assert proc.stderr.count("\n") == 1 and proc.stderr.startswith("searchapp: no display")
    assert not (tmp_path / "ix").exists()  # Qt never started, nothing indexed


def test_the_readme_and_ci_install_every_library_the_check_names():
    packages = set(XCB_LIBRARIES.values()) | set(COMMON_LIBRARIES.values())
    readme = (ROOT / "README.md").read_text("utf-8")
    [line] = [ln for ln in readme.splitlines() if "sudo apt-get install python3-venv" in ln]
    assert packages <= set(re.findall(r"[\w.+-]+", line))
    ci = (ROOT / ".ci" / "run").read_text("utf-8")
    assert packages <= set(re.findall(r"[\w.+-]+", ci))

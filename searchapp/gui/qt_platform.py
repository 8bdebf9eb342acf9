"""Before Qt starts: will its platform plugin load?  One line saying what to install if not.

Qt aborts when its platform plugin cannot load, with a message that often names the
wrong library: on X11 a missing ``libxcb-icccm4`` or ``libxcb-keysyms1`` is reported
as "xcb-cursor0 ... is needed".  :func:`platform_problem` looks first, without
importing Qt: which platform Qt will pick (``QT_QPA_PLATFORM``, ``DISPLAY``,
``WAYLAND_DISPLAY``), and for X11 (the ``xcb`` plugin) which of the system libraries
the plugin links are missing, by loading each with :mod:`ctypes`.

This module imports no Qt; :func:`searchapp.app.launch` calls it before the GUI.
"""

from __future__ import annotations

import ctypes
import os
import sys
from collections.abc import Mapping
from pathlib import Path

# The system libraries Qt's xcb platform plugin loads (Qt 6.5+), each with the Debian
# and Ubuntu package that ships it.  README.md's install line and .ci/run name every
# package here (tests/test_qt_platform.py checks).
XCB_LIBRARIES: dict[str, str] = {
    "libX11-xcb.so.1": "libx11-xcb1",
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
}
# What Qt loads on every platform, offscreen too.
COMMON_LIBRARIES: dict[str, str] = {
    "libEGL.so.1": "libegl1",
    "libGL.so.1": "libgl1",
    "libfontconfig.so.1": "libfontconfig1",
    "libglib-2.0.so.0": "libglib2.0-0",
    "libxkbcommon.so.0": "libxkbcommon0",
}


def qt_platform(env: Mapping[str, str] | None = None) -> str | None:
    """The platform plugin Qt will try first: ``QT_QPA_PLATFORM``'s first choice, else
    ``wayland`` under a Wayland session, ``xcb`` with an X display, None with no display."""
    env = os.environ if env is None else env
    chosen = env.get("QT_QPA_PLATFORM", "").strip()
    if chosen:
        return chosen.split(";")[0].split(":")[0].strip() or None
    if env.get("WAYLAND_DISPLAY"):
        return "wayland"
    if env.get("DISPLAY"):
        return "xcb"
    return None


def _bundled_dirs() -> list[Path]:
    """Where a frozen app (PyInstaller) keeps the libraries it carries."""
    base = getattr(sys, "_MEIPASS", None)
    if not getattr(sys, "frozen", False) or not base:
        return []
    return [Path(base), Path(base) / "PySide6" / "Qt" / "lib"]


def missing_packages(libraries: Mapping[str, str]) -> list[str]:
    """The packages of ``libraries`` (shared object name -> package) whose library
    cannot be loaded, in the mapping's order, each once."""
    missing: list[str] = []
    bundled = _bundled_dirs()
    for soname, package in libraries.items():
        if any((folder / soname).is_file() for folder in bundled):
            continue
        try:
            ctypes.CDLL(soname)
        except OSError:
            if package not in missing:
                missing.append(package)
    return missing


def platform_problem(env: Mapping[str, str] | None = None,
                     libraries: Mapping[str, str] | None = None) -> str | None:
    """One line saying why Qt's platform plugin would fail to start, or None.

    Only what can be known beforehand: no display at all, or (for ``xcb``) system
    libraries missing.  ``libraries`` defaults to :data:`COMMON_LIBRARIES` and
    :data:`XCB_LIBRARIES`.
    """
    env = os.environ if env is None else env
    platform = qt_platform(env)
    if platform is None:
        return ("searchapp: no display to open the window on (neither DISPLAY nor "
                "WAYLAND_DISPLAY is set); start it from a desktop session, or under "
                "xvfb-run, or set QT_QPA_PLATFORM=offscreen")
    if platform != "xcb":
        return None
    if not env.get("DISPLAY"):
        return ("searchapp: QT_QPA_PLATFORM is xcb but no X display is set (DISPLAY); "
                "start it from a desktop session or under xvfb-run")
    if libraries is None:
        libraries = {**COMMON_LIBRARIES, **XCB_LIBRARIES}
    missing = missing_packages(libraries)
    if not missing:
        return None
    names = " ".join(missing)
    return (f"searchapp: the desktop needs these system libraries: {names} "
            f"(Debian/Ubuntu: sudo apt-get install {names})")

"""Install the freedesktop entry, icons and AppStream metainfo where desktops find them.

``searchapp install-desktop`` copies them under ``$XDG_DATA_HOME`` (by default
``~/.local/share``; ``--prefix /usr/local/share`` for everyone), with the
entry's ``Exec`` pointing at the program that ran the command: the frozen app,
or the ``searchapp-gui`` script of the environment it was installed in.
``searchapp uninstall-desktop`` removes exactly those files.
"""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

from searchapp.config import APP_ID, desktop_files


def default_prefix() -> Path:
    return Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")


def launcher() -> list[str]:
    """The command that opens the app from this installation."""
    if getattr(sys, "frozen", False):
        return [sys.executable]
    script = Path(sys.executable).with_name("searchapp-gui")
    if script.is_file():
        return [str(script)]
    found = shutil.which("searchapp-gui")
    return [found] if found else [sys.executable, "-m", "searchapp"]


def _targets(prefix: Path) -> list[tuple[Path, Path]]:
    """(source, destination) of every file to install."""
    src = desktop_files()
    pairs = [(src / f"{APP_ID}.desktop", prefix / "applications" / f"{APP_ID}.desktop"),
             (src / f"{APP_ID}.metainfo.xml", prefix / "metainfo" / f"{APP_ID}.metainfo.xml")]
    for icon in sorted((src / "icons").rglob(f"{APP_ID}.*")):
        pairs.append((icon, prefix / icon.relative_to(src)))
    return pairs


def install(prefix: Path | None = None) -> list[Path]:
    prefix = prefix or default_prefix()
    written = []
    for src, dst in _targets(prefix):
        dst.parent.mkdir(parents=True, exist_ok=True)
        if dst.suffix == ".desktop":
            exec_line = " ".join(shlex.quote(p) for p in launcher())
            text = src.read_text("utf-8").replace("Exec=searchapp-gui", f"Exec={exec_line}")
            dst.write_text(text, "utf-8")
        else:
            shutil.copyfile(src, dst)
        written.append(dst)
    _refresh_caches(prefix)
    return written


def uninstall(prefix: Path | None = None) -> list[Path]:
    prefix = prefix or default_prefix()
    removed = []
    for _src, dst in _targets(prefix):
        if dst.exists():
            dst.unlink()
            removed.append(dst)
    _refresh_caches(prefix)
    return removed


def _refresh_caches(prefix: Path) -> None:
    """Tell the desktop, where its tools exist (they are optional)."""
    for cmd in (["update-desktop-database", "-q", str(prefix / "applications")],
                ["gtk-update-icon-cache", "-q", "-t", str(prefix / "icons" / "hicolor")]):
        if shutil.which(cmd[0]) and Path(cmd[-1]).is_dir():
            subprocess.run(cmd, check=False, capture_output=True)

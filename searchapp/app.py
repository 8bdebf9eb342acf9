"""Entry point of the desktop app (``searchapp`` with no command, or ``searchapp-gui``)."""

from __future__ import annotations

import sys


def launch(argv: list[str] | None = None) -> int:
    """Open the desktop app on the configured corpus; returns the exit code."""
    from searchapp.gui.main_window import run

    return run(argv if argv is not None else sys.argv)

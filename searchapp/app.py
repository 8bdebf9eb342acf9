"""Entry point of the desktop app (``searchapp`` with no command, or ``searchapp-gui``)."""

from __future__ import annotations

import sys


def launch(argv: list[str] | None = None) -> int:
    """Open the desktop app on the configured corpus; returns the exit code."""
    argv = argv if argv is not None else sys.argv
    if "--self-test" in argv[1:]:
        from searchapp.cli.selftest import run_self_test

        return run_self_test(gui=True)
    from searchapp.gui.qt_platform import platform_problem

    problem = platform_problem()  # before Qt, whose own abort names the wrong library
    if problem:
        print(problem, file=sys.stderr)
        return 1
    from searchapp.gui.app import run

    return run(argv)

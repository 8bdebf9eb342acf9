"""The ``searchapp`` command: the commands (:mod:`~searchapp.cli.commands`), the
``folders`` and ``persons`` commands, the self-test and the desktop entry.

``searchapp`` with no command opens the desktop app.
"""

from searchapp.cli.commands import main

__all__ = ["main"]

"""Every error a user may see, in one place.

Each is picklable with the arguments it was made from, so an error raised in
the engine or indexer process reaches the app whole (its message is never
rebuilt from text, which once produced "the index at the index at …").
"""

from __future__ import annotations

from pathlib import Path


class UserFacingError(Exception):
    """Base: the message is one readable line; pickled with its arguments."""

    _init_args: tuple = ()

    def __reduce__(self):
        return (type(self), self._init_args) if self._init_args else super().__reduce__()


class QueryError(UserFacingError, ValueError):
    """A query that cannot be run; the message says why (one line)."""

    def __init__(self, message: str) -> None:
        message = " ".join(str(message).split())
        self._init_args = (message,)
        super().__init__(message)


class IndexError_(UserFacingError):
    """A user-facing problem with the index (missing, unreadable, busy)."""


class IndexBusy(IndexError_):
    def __init__(self, path: Path | str) -> None:
        self._init_args = (path,)
        super().__init__(f"the index at {path} is being updated by another process; "
                         "try again when it has finished")


class IndexMissing(IndexError_):
    def __init__(self, path: Path | str) -> None:
        self._init_args = (path,)
        super().__init__(f"no index at {path}; build it with 'searchapp index'")


class IndexDamaged(IndexError_):
    """The index exists but cannot be read: truncated or missing files."""

    def __init__(self, path: Path | str, reason: str) -> None:
        self._init_args = (path, reason)
        self.reason = reason
        super().__init__(f"the index at {path} is damaged ({reason})")


class IndexOutdated(IndexDamaged):
    """The index was built by an older searchapp whose index format differs."""

    def __init__(self, path: Path | str, version) -> None:
        self._init_args = (path, version)
        self.reason = f"built by an older searchapp (index version {version})"
        UserFacingError.__init__(self, f"the index at {path} was {self.reason}")


class BookmarkError(UserFacingError):
    """A bookmark that cannot be made or found; the message says why."""

    def __init__(self, message: str) -> None:
        self._init_args = (message,)
        super().__init__(message)


class LoadError(UserFacingError):
    """A file that cannot be read as a document; the message says why."""

    def __init__(self, message: str) -> None:
        self._init_args = (message,)
        super().__init__(message)


class EngineStopped(UserFacingError, RuntimeError):
    """The engine process died (crash, out of memory, killed)."""

    def __init__(self, message: str) -> None:
        self._init_args = (message,)
        super().__init__(message)


class FolderError(UserFacingError):
    """A folder that cannot be added, found or removed; the message says why."""

    def __init__(self, message: str) -> None:
        self._init_args = (message,)
        super().__init__(message)

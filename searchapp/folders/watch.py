"""Live updates: the active folders watched for changes (no Qt).

A :class:`FolderWatcher` watches every active folder recursively with
``watchdog`` and calls ``on_change(paths)`` -- from a thread of its own, never
the caller's -- with the set of paths that changed, once a burst of changes
is over (a :class:`Changes`, which also says when the last change was seen):

* a burst ends after ``quiet`` seconds without a change, and a continuous one
  is reported at least every ``max_wait`` seconds (a copy of 10,000 files
  updates the index as it goes, not only at its end);
* hidden files and folders, editor and download temporaries (``~``, ``.swp``,
  ``.part``, ``.crdownload`` ...), and anything under the index or data folder
  are not changes (the indexer's own writes and reads never wake it);
* a folder that disappears is reported once, and watched again (and reported)
  when it comes back;
* when the system runs out of inotify watches or descriptors (``ENOSPC``,
  ``EMFILE``), that folder is polled instead (``PollingObserver``) and
  ``notify`` is told so once (not again for further folders).

What changed is only a hint: the caller runs the incremental update, which
compares every file with the manifest anyway.
"""

from __future__ import annotations

import errno
import threading
import time
from collections.abc import Callable, Iterable
from pathlib import Path

from watchdog.events import (
    DirCreatedEvent,
    DirDeletedEvent,
    DirMovedEvent,
    FileCreatedEvent,
    FileDeletedEvent,
    FileModifiedEvent,
    FileMovedEvent,
    FileSystemEvent,
    FileSystemEventHandler,
)
from watchdog.observers import Observer
from watchdog.observers.polling import PollingObserver

QUIET_S = 1.0  # a burst is over after this long without a change
MAX_WAIT_S = 5.0  # ... or reported at least this often while it goes on
RECHECK_S = 5.0  # how often folders that are gone (or were never there) are looked for
POLL_S = 15.0  # the polling fallback's interval (each poll lists the whole tree)
TEMP_SUFFIXES = ("~", ".swp", ".swo", ".swx", ".part", ".crdownload", ".partial", ".download")
OUT_OF_WATCHES = (errno.ENOSPC, errno.EMFILE, errno.ENFILE)
#: the events that can change what is indexed (not opens, closes or attribute changes)
EVENTS = [FileCreatedEvent, FileModifiedEvent, FileDeletedEvent, FileMovedEvent,
          DirCreatedEvent, DirDeletedEvent, DirMovedEvent]



class Changes(frozenset):
    """The paths that changed in one burst; ``last`` is when the last change was seen
    (``time.monotonic()``): an update that started after it has seen them all."""

    last: float = 0.0

    @classmethod
    def of(cls, paths, last: float) -> Changes:
        out = cls(paths)
        out.last = last
        return out


OnChange = Callable[[Changes], None]
Notify = Callable[[str], None]


def is_temporary(name: str) -> bool:
    """An editor's swap or backup file, a download in progress, an Office lock file."""
    return (name.endswith(TEMP_SUFFIXES) or name.startswith("~$")
            or (name.startswith("#") and name.endswith("#")))


class FolderWatcher:
    """Watches ``folders`` (recursively) until :meth:`stop`; see the module docstring."""

    def __init__(self, folders: Iterable[Path], on_change: OnChange, *,
                 ignore: Iterable[Path] = (), notify: Notify | None = None,
                 quiet: float = QUIET_S, max_wait: float = MAX_WAIT_S, poll: float = POLL_S,
                 observer_factory: Callable[[], object] = Observer) -> None:
        self.folders = [Path(f) for f in folders]
        self.on_change = on_change
        self.notify = notify or (lambda _m: None)
        self.quiet, self.max_wait, self.poll = quiet, max_wait, poll
        self._ignore = [Path(p) for p in ignore]
        try:
            self._native = observer_factory()
        except OSError:  # no inotify instance left: every folder is polled
            self._native = None
        self._polling: PollingObserver | None = None
        self._watches: dict[Path, tuple[object, object]] = {}  # folder -> (observer, watch)
        self.polled: set[Path] = set()  # folders polled because inotify ran out
        self._handler = _Handler(self)
        self._lock = threading.Condition()
        self._pending: set[Path] = set()
        self._first = self._last = 0.0
        self._stopped = False
        self.ready = threading.Event()  # the watches are set up
        self._thread = threading.Thread(target=self._run, name="searchapp-watch", daemon=True)

    @classmethod
    def for_settings(cls, settings, on_change: OnChange, **kwargs) -> FolderWatcher:
        """A watcher over ``settings``' active folders, ignoring its index and data folder."""
        return cls([f.path for f in settings.active], on_change,
                   ignore=(settings.index, settings.data_dir), **kwargs)

    # -- life --------------------------------------------------------------------

    def start(self, wait: bool = True) -> FolderWatcher:
        """Start watching.  The watches are set up on the watcher's thread (a large
        tree takes a while: one inotify watch per folder); ``wait`` until they are."""
        self._thread.start()
        if wait:
            self.ready.wait()
        return self

    def _setup(self) -> None:
        with self._lock:
            if self._stopped:
                return
            if self._native is not None:
                self._native.start()
        for folder in self.folders:
            if self._stopped:
                return
            self._watch(folder)

    def stop(self, wait: bool = True) -> None:
        """Stop watching; no callback is made after this returns (bar one under way);
        ``wait=False`` does not wait for the threads to end (they end on their own)."""
        with self._lock:
            self._stopped = True
            self._lock.notify_all()
        for obs in (self._native, self._polling):
            if obs is not None and obs.is_alive():
                obs.stop()
        if not wait:
            return
        for obs in (self._native, self._polling):
            if obs is not None and obs.is_alive():
                obs.join(timeout=5)
        if self._thread.is_alive() and threading.current_thread() is not self._thread:
            self._thread.join(timeout=5)

    @property
    def watched(self) -> set[Path]:
        """The folders being watched now (a missing one is not)."""
        return set(self._watches)

    # -- watches -----------------------------------------------------------------

    def _watch(self, folder: Path) -> bool:
        """Watch ``folder``; False if it is not there (looked for again later)."""
        if not folder.is_dir():
            return False
        if self._native is None and folder not in self.polled:
            return self._poll(folder)
        observer = self._polling if folder in self.polled else self._native
        try:
            watch = observer.schedule(self._handler, str(folder), recursive=True,
                                      event_filter=EVENTS)
        except OSError as exc:
            if exc.errno not in OUT_OF_WATCHES or folder in self.polled:
                return False  # gone meanwhile, or unreadable: looked for again later
            return self._poll(folder)
        self._watches[folder] = (observer, watch)
        return True

    def _poll(self, folder: Path) -> bool:
        if self._polling is None:
            self._polling = PollingObserver(timeout=self.poll)
            self._polling.start()
        if not self.polled:  # said once, for the first folder over the limit
            self.notify(f"the system's limit of watched folders is reached: {folder} (and "
                        f"any other folder over the limit) is checked for changes every "
                        f"{self.poll:g} s instead; raise fs.inotify.max_user_watches to "
                        "watch it live")
        self.polled.add(folder)
        return self._watch(folder)

    def _unwatch(self, folder: Path) -> None:
        observer, watch = self._watches.pop(folder)
        try:
            observer.unschedule(watch)
        except (KeyError, OSError):
            pass

    def _alive(self, folder: Path) -> bool:
        observer, watch = self._watches[folder]
        return any(e.watch == watch and e.is_alive() for e in list(observer.emitters))

    def _recheck(self) -> None:
        """Folders that went away stop being watched; folders that came back are
        watched again and reported (their files may all be new)."""
        for folder in self.folders:
            if folder in self._watches and folder.is_dir() and self._alive(folder):
                continue
            if folder in self._watches:
                self._unwatch(folder)
                self._add({folder})
            if self._watch(folder):
                self._add({folder})

    # -- events ------------------------------------------------------------------

    def relevant(self, path: Path) -> bool:
        """Whether a change at ``path`` can change the index."""
        for root in self._ignore:
            if path == root or root in path.parents:
                return False
        for folder in self.folders:
            if path == folder:
                return True
            if folder in path.parents:
                rel = path.relative_to(folder).parts
                return not any(p.startswith(".") for p in rel) and not is_temporary(path.name)
        return False

    def _add(self, paths: set[Path]) -> None:
        with self._lock:
            now = time.monotonic()
            if not self._pending:
                self._first = now
            self._pending |= paths
            self._last = now
            self._lock.notify_all()

    def _run(self) -> None:
        try:
            self._setup()
        finally:
            self.ready.set()
        next_check = time.monotonic() + RECHECK_S
        while True:
            with self._lock:
                if self._stopped:
                    return
                now = time.monotonic()
                due = None
                if self._pending:
                    due = min(self._last + self.quiet, self._first + self.max_wait)
                if due is not None and now >= due:
                    paths, self._pending = Changes.of(self._pending, self._last), set()
                else:
                    wake = min(x for x in (due, next_check) if x is not None)
                    self._lock.wait(max(0.01, wake - now))
                    paths = None
            if paths:
                try:
                    self.on_change(paths)
                except Exception:  # a failing callback must not end live updates
                    pass
            if time.monotonic() >= next_check:
                next_check = time.monotonic() + RECHECK_S
                try:
                    self._recheck()
                except OSError:
                    pass


class _Handler(FileSystemEventHandler):
    def __init__(self, watcher: FolderWatcher) -> None:
        self.watcher = watcher

    def on_any_event(self, event: FileSystemEvent) -> None:
        paths = {event.src_path, getattr(event, "dest_path", "")}
        relevant = set()
        for p in paths:
            if p:
                path = Path(p.decode() if isinstance(p, bytes) else p)
                if self.watcher.relevant(path):
                    relevant.add(path)
        if relevant:
            self.watcher._add(relevant)

"""searchapp.folders.watch: real files in temporary folders, real observers."""

from __future__ import annotations

import errno
import os
import shutil
import threading
import time
from pathlib import Path

import pytest
from watchdog.observers.polling import PollingObserver

from searchapp.folders.watch import FolderWatcher, is_temporary

# slow: real folders watched for seconds (run by .ci/run; `pytest -m slow`)
pytestmark = pytest.mark.slow

TIMEOUT = 20.0  # generous: a slow, busy two-core machine


class Calls:
    """The watcher's callbacks, as they come (from its thread)."""

    def __init__(self) -> None:
        self.calls: list[frozenset[Path]] = []
        self.cond = threading.Condition()
        self.thread_ids: set[int] = set()

    def __call__(self, paths) -> None:
        with self.cond:
            self.calls.append(paths)
            self.thread_ids.add(threading.get_ident())
            self.cond.notify_all()

    def changed(self) -> set[Path]:
        return set().union(*self.calls) if self.calls else set()

    def wait_for(self, pred, timeout: float = TIMEOUT) -> bool:
        end = time.monotonic() + timeout
        with self.cond:
            while not pred():
                left = end - time.monotonic()
                if left <= 0:
                    return False
                self.cond.wait(left)
        return True


@pytest.fixture
def watched(tmp_path):
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "old.txt").write_text("An old note.\n")
    calls = Calls()
    watchers = []

    def start(*folders, **kwargs):
        w = FolderWatcher(folders or [folder], calls, quiet=0.5, max_wait=3.0, **kwargs).start()
        watchers.append(w)
        return w

    yield folder, calls, start
    for w in watchers:
        w.stop()


def test_create_modify_move_delete_are_reported_off_the_callers_thread(watched):
    folder, calls, start = watched
    start()
    new = folder / "new.txt"
    new.write_text("A new note.\n")
    assert calls.wait_for(lambda: new in calls.changed())
    assert threading.get_ident() not in calls.thread_ids
    assert all(0 < c.last <= time.monotonic() for c in calls.calls)  # when it was last seen
    (folder / "old.txt").write_text("An old note, changed.\n")
    assert calls.wait_for(lambda: folder / "old.txt" in calls.changed())
    (folder / "sub").mkdir()
    moved = folder / "sub" / "moved.txt"
    os.replace(new, moved)
    assert calls.wait_for(lambda: moved in calls.changed())
    moved.unlink()
    n = len(calls.calls)
    assert calls.wait_for(lambda: len(calls.calls) > n and moved in calls.calls[-1])


def test_a_burst_of_200_files_is_one_or_two_callbacks(watched):
    folder, calls, start = watched
    start()
    burst = folder / "burst"
    burst.mkdir()
    for i in range(200):
        (burst / f"f{i:03}.txt").write_text(f"Paragraph number {i}.\n")
    assert calls.wait_for(lambda: {burst / "f199.txt", burst / "f000.txt"} <= calls.changed())
    time.sleep(1.5)  # nothing more comes after the burst
    assert 1 <= len(calls.calls) <= 2, [len(c) for c in calls.calls]


def test_hidden_temporary_and_index_paths_are_not_changes(tmp_path, watched):
    folder, calls, start = watched
    index = folder / "index-here"
    index.mkdir()
    start(ignore=[index])
    (folder / ".hidden").mkdir()
    (folder / ".hidden" / "a.txt").write_text("x")
    (folder / ".note.txt").write_text("x")
    for name in ("draft.txt~", ".draft.txt.swp", "paper.pdf.part", "report.pdf.crdownload",
                 "~$notes.docx"):
        (folder / name).write_text("x")
    (index / "MAIN.toc").write_text("x")
    time.sleep(2.0)
    assert calls.calls == []
    (folder / "real.txt").write_text("A real document.\n")
    assert calls.wait_for(lambda: calls.changed() == {folder / "real.txt"})
    assert is_temporary("a.swp") and not is_temporary("a.txt")


def test_a_folder_that_disappears_and_comes_back(tmp_path, watched):
    folder, calls, start = watched
    other = tmp_path / "other"
    other.mkdir()
    w = start(folder, other)
    shutil.rmtree(folder)
    assert calls.wait_for(lambda: folder in calls.changed() or folder / "old.txt" in calls.changed())
    (other / "still.txt").write_text("The other folder is still watched.\n")
    assert calls.wait_for(lambda: other / "still.txt" in calls.changed())
    n = len(calls.calls)
    folder.mkdir()
    (folder / "back.txt").write_text("Back again.\n")
    # found again by the periodic check (every few seconds), reported, then watched live
    assert calls.wait_for(lambda: any(folder in c for c in calls.calls[n:]))
    assert folder in w.watched
    (folder / "later.txt").write_text("Written after it came back.\n")
    assert calls.wait_for(lambda: folder / "later.txt" in calls.changed())


def test_a_folder_missing_at_start_is_watched_when_it_appears(tmp_path, watched):
    _folder, calls, start = watched
    missing = tmp_path / "not-yet"
    w = start(missing)
    assert w.watched == set()
    missing.mkdir()
    assert calls.wait_for(lambda: missing in calls.changed())
    assert w.watched == {missing}


class OutOfWatches(PollingObserver):
    """An observer whose watches fail as inotify's do when the limit is reached."""

    def schedule(self, *args, **kwargs):
        raise OSError(errno.ENOSPC, "inotify watch limit reached")


def test_out_of_inotify_watches_falls_back_to_polling_and_says_so_once(watched):
    folder, calls, start = watched
    said = []
    w = start(observer_factory=OutOfWatches, notify=said.append, poll=1.0)
    assert w.polled == {folder} and w.watched == {folder}
    assert len(said) == 1 and "every" in said[0]
    (folder / "polled.txt").write_text("Seen by polling.\n")
    assert calls.wait_for(lambda: folder / "polled.txt" in calls.changed())
    assert len(said) == 1


def test_no_inotify_instance_left_polls_every_folder(tmp_path, watched):
    folder, calls, start = watched
    other = tmp_path / "other"
    other.mkdir()

    def no_instance():
        raise OSError(errno.EMFILE, "too many inotify instances")

    said = []
    w = start(folder, other, observer_factory=no_instance, notify=said.append, poll=1.0)
    assert w.polled == {folder, other} and len(said) == 1  # said once
    (folder / "polled.txt").write_text("Seen by polling.\n")
    assert calls.wait_for(lambda: folder / "polled.txt" in calls.changed())


def test_no_callback_after_stop(watched):
    folder, calls, start = watched
    w = start()
    w.stop()
    (folder / "after.txt").write_text("x")
    time.sleep(1.5)
    assert calls.calls == []

"""The persons stage's remembered resolution steps, in SQLite beside the index.

:class:`searchapp.ingest.persons.memo.Memo` keeps each document's resolution steps
from run to run.  They are stored here one row per step and document, so that a run
after one new file writes the rows of the documents it resolved again and deletes
those of the documents gone -- not the whole memo (87 MB at 100k paragraphs when it
was one pickle, rewritten after every change).  The collection tables and kept sums
the memo compares with are one row each.  Beside them the store keeps what the next run
needs of ``persons.json`` without reading it back (:func:`read_kept`): each document's
quotation rows (speakers by name, kept whatever the memo's fingerprint: their own
fingerprint says when a document must be read again) and the file's stamp and counts.

Every write is one transaction: a run interrupted while writing leaves the last
complete state, which is consistent on its own (each step's result is stored with
the document signature and collection keys it was computed from, so the next run
computes again what changed since).  A damaged file is removed and everything is
computed again (:func:`read_memo` returns None); a store another process is writing
is waited for, then left as it is.
"""

from __future__ import annotations

import contextlib
import gc
import io
import json
import pickle
import sqlite3
from pathlib import Path

from searchapp.index import PERSONS_MEMO
from searchapp.ingest.persons.memo import FORMAT, Entry, Memo

#: How long a read or write waits for another process's write to the store.
BUSY_SECONDS = 30.0
#: The memo of earlier versions (one pickle): removed when the store is written.
_OLD_FILE = "persons-memo.pickle"


def _connect(path: Path) -> sqlite3.Connection:
    """The store, its tables made; closed again when that fails (a damaged file is
    then removed by the caller: an open file cannot be removed on Windows)."""
    db = sqlite3.connect(str(path), timeout=BUSY_SECONDS)  # another process writes: wait
    try:
        db.execute("CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT)")
        db.execute("CREATE TABLE IF NOT EXISTS entries (step TEXT, doc TEXT, short BLOB, "
                   "sig TEXT, args BLOB, reads BLOB, blob BLOB, PRIMARY KEY (step, doc, short))")
        db.execute("CREATE TABLE IF NOT EXISTS parts (name TEXT PRIMARY KEY, data BLOB)")
        db.execute("CREATE TABLE IF NOT EXISTS quotes (doc TEXT PRIMARY KEY, print TEXT, "
                   "rows BLOB)")
    except BaseException:
        db.close()
        raise
    return db


def _remove(path: Path) -> None:
    """A damaged store and what SQLite keeps beside it (a journal replayed into a new
    file of the same name could damage that one too)."""
    for suffix in ("", "-journal", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)


def _short(key: tuple) -> bytes:
    """An entry's scalar arguments as bytes that depend on their values only."""
    buf = io.BytesIO()
    pickler = pickle.Pickler(buf, pickle.HIGHEST_PROTOCOL)
    pickler.fast = True  # no memo: equal values, equal bytes
    pickler.dump(key)
    return buf.getvalue()


def read_memo(index_dir: Path, fingerprint: str) -> dict | None:
    """The last resolution's per-document steps, as :class:`Memo` takes them, when they
    were computed under ``fingerprint`` (None when absent, of another fingerprint or
    format, or unreadable: all is computed again)."""
    path = Path(index_dir) / PERSONS_MEMO
    if not path.exists():
        return None
    try:
        with contextlib.closing(_connect(path)) as db, no_gc():
            meta = dict(db.execute("SELECT key, value FROM meta"))
            if meta.get("format") != str(FORMAT) or meta.get("fingerprint") != fingerprint:
                return None
            shorts: dict[bytes, tuple] = {}  # a few distinct ones (mostly none), many rows
            entries = {}
            for step, doc, short, sig, args, reads, blob in db.execute(
                    "SELECT step, doc, short, sig, args, reads, blob FROM entries"):
                key = shorts.get(short)
                if key is None:
                    key = shorts[short] = pickle.loads(short)
                entries[(step, doc, key)] = Entry(sig, args, reads, blob)
            parts = {name: pickle.loads(data)  # written by this stage only, in the user's index
                     for name, data in db.execute("SELECT name, data FROM parts")}
    except sqlite3.OperationalError:  # busy, locked, unreadable now: not damage
        return None  # computed again this time; the store is left as it is
    except Exception:  # damaged, or of a shape this version does not read
        _remove(path)
        return None
    return {"format": FORMAT, "fingerprint": fingerprint, "entries": entries,
            "tables": parts.get("tables", {}), "kept": parts.get("kept", {})}


def read_kept(index_dir: Path, quotes: bool = True
              ) -> tuple[dict[str, tuple[str, bytes]] | None, dict | None]:
    """What the last run kept of ``persons.json`` beside the memo, whatever its
    fingerprint: each document's quotation fingerprint and rows (speakers by name,
    pickled; None when none are kept -- a store of an earlier version -- or not
    ``quotes``), and the sidecar's stamp with its counts and file state (None when
    absent)."""
    path = Path(index_dir) / PERSONS_MEMO
    if not path.exists():
        return None, None
    try:
        with contextlib.closing(_connect(path)) as db, no_gc():
            quotes = {doc: (fp, rows) for doc, fp, rows in
                      db.execute("SELECT doc, print, rows FROM quotes")} if quotes else {}
            row = db.execute("SELECT value FROM meta WHERE key='sidecar'").fetchone()
    except sqlite3.DatabaseError:  # busy or damaged: read persons.json instead
        return None, None
    try:
        state = json.loads(row[0]) if row else None
    except ValueError:
        state = None
    return (quotes or None), (state if isinstance(state, dict) else None)


def forget_quotes(index_dir: Path) -> None:
    """Drop the quotation rows kept beside the memo: the next run reads every document
    for its quotations again (what a benchmark of attribution needs)."""
    path = Path(index_dir) / PERSONS_MEMO
    if path.exists():
        with contextlib.closing(_connect(path)) as db, db:
            db.execute("DELETE FROM quotes")


def write_memo(index_dir: Path, memo: Memo, quotes: dict[str, tuple[str, dict]] | None = None,
               sidecar: dict | None = None) -> None:
    """Keep ``memo`` for the next resolution: the rows of the steps computed in this run
    written, those of documents gone deleted, in one transaction (all of it was written
    when the memo started from nothing).  ``quotes``: the quotation rows of the documents
    read in this run (``{doc: (fingerprint, rows)}``; those of documents gone are
    deleted); ``sidecar``: the state of ``persons.json`` just written (its stamp)."""
    path = Path(index_dir) / PERSONS_MEMO
    fresh, changed, gone, tables, kept = memo.delta()
    try:
        with contextlib.closing(_connect(path)) as db, no_gc():
            with db:
                if quotes is not None:
                    stored = {d for (d,) in db.execute("SELECT doc FROM quotes")}
                    db.executemany("DELETE FROM quotes WHERE doc=?",
                                   [(d,) for d in stored - memo.sigs.keys()])
                    db.executemany("INSERT OR REPLACE INTO quotes VALUES (?, ?, ?)",
                                   [(d, fp, pickle.dumps(rows, pickle.HIGHEST_PROTOCOL))
                                    for d, (fp, rows) in quotes.items()])
                db.execute("INSERT OR REPLACE INTO meta VALUES ('sidecar', ?)",
                           (json.dumps(sidecar) if sidecar is not None else "",))
                if fresh:
                    db.execute("DELETE FROM entries")
                else:
                    db.executemany("DELETE FROM entries WHERE step=? AND doc=? AND short=?",
                                   [(step, doc, _short(short)) for step, doc, short in gone])
                db.executemany(
                    "INSERT OR REPLACE INTO entries VALUES (?, ?, ?, ?, ?, ?, ?)",
                    [(step, doc, _short(short), e.sig, e.args, e.reads, e.blob)
                     for (step, doc, short), e in changed.items()])
                db.executemany("INSERT OR REPLACE INTO parts VALUES (?, ?)",
                               [(name, pickle.dumps(data, pickle.HIGHEST_PROTOCOL))
                                for name, data in (("tables", tables), ("kept", kept))])
                db.executemany("INSERT OR REPLACE INTO meta VALUES (?, ?)",
                               [("format", str(FORMAT)), ("fingerprint", memo.fingerprint)])
    except sqlite3.OperationalError:  # busy, locked, disk full: nothing was written
        pass  # (one transaction); the next run computes what is missing
    except sqlite3.DatabaseError:  # a damaged file: the next run computes all again
        _remove(path)
    (Path(index_dir) / _OLD_FILE).unlink(missing_ok=True)


@contextlib.contextmanager
def no_gc():
    """The cycle collector held off: it would walk the memo's and the resolution's many
    small objects again and again while they are made (6x the time of loading the memo
    at 10k paragraphs); what they leave is collected when it is switched on again."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


@contextlib.contextmanager
def with_gc(on: bool = True):
    """The cycle collector on for a block (``on``) inside :func:`no_gc`: the model's
    reading of many paragraphs makes garbage with cycles, which must not pile up."""
    was = gc.isenabled()
    if on:
        gc.enable()
    try:
        yield
    finally:
        if not was:
            gc.disable()


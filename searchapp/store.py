"""Bookmarks, search history and saved searches, in one SQLite file.

The store lives in the user data folder (``Settings.bookmarks_db``), never in
the index, so rebuilding or deleting the index cannot touch it.  SQLite in
WAL mode with ``synchronous=FULL``: every change is one transaction, so a
crash loses at most the change being made, never earlier ones.

A bookmark keeps a snapshot of the text the user bookmarked and its citation;
the snapshot is never overwritten.  It is anchored by its document id and its
paragraph's content id.  :meth:`BookmarkStore.reconcile` re-finds each bookmark
in the current index (:mod:`searchapp.search.anchor`): the same paragraph
moved within its document (new number), the same text elsewhere (file renamed),
or an edited version in the same document (``edited`` for as long as its text
differs from the snapshot); otherwise the bookmark stays with its snapshot,
marked ``missing``.  Only an index that holds a bookmark's folder judges it
(``folder_path``): another index (a one-off ``--corpus`` run's) leaves it as it is.
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
import sqlite3
import time
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from functools import cached_property
from pathlib import Path

from searchapp.dates import display as display_date
from searchapp.errors import BookmarkError
from searchapp.search.anchor import Placement, describe, place

SCHEMA = """
CREATE TABLE IF NOT EXISTS bookmark (
    id INTEGER PRIMARY KEY,
    doc_id TEXT NOT NULL,
    pid TEXT NOT NULL,
    path TEXT NOT NULL,
    para INTEGER NOT NULL,
    text TEXT NOT NULL,
    title TEXT NOT NULL DEFAULT '',
    source TEXT NOT NULL DEFAULT '',
    date TEXT NOT NULL DEFAULT '',
    url TEXT NOT NULL DEFAULT '',
    authors TEXT NOT NULL DEFAULT '[]',
    note TEXT NOT NULL DEFAULT '',
    tags TEXT NOT NULL DEFAULT '[]',
    status TEXT NOT NULL DEFAULT 'ok',
    created REAL NOT NULL,
    updated REAL NOT NULL,
    page INTEGER,
    speakers TEXT NOT NULL DEFAULT '[]',
    saved_pid TEXT NOT NULL DEFAULT '',
    now_text TEXT,
    folder_path TEXT NOT NULL DEFAULT '',
    UNIQUE (doc_id, pid)
);
CREATE TABLE IF NOT EXISTS history (
    id INTEGER PRIMARY KEY,
    query TEXT NOT NULL,
    filters TEXT NOT NULL DEFAULT '{}',
    ts REAL NOT NULL,
    origin TEXT NOT NULL DEFAULT ''
);
CREATE TABLE IF NOT EXISTS meta (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS saved_search (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    query TEXT NOT NULL,
    filters TEXT NOT NULL DEFAULT '{}',
    created REAL NOT NULL
);
"""

HISTORY_LIMIT = 500


@dataclass
class Bookmark:
    id: int
    doc_id: str
    pid: str
    path: str
    para: int
    text: str
    title: str = ""
    source: str = ""
    date: str = ""
    url: str = ""
    authors: list[str] = field(default_factory=list)
    note: str = ""
    tags: list[str] = field(default_factory=list)
    status: str = "ok"  # ok | moved | edited | missing
    created: float = 0.0
    updated: float = 0.0
    page: int | None = None  # the page the paragraph starts on (PDF)
    speakers: list[str] = field(default_factory=list)  # persons quoted in the paragraph
    saved_pid: str = ""  # the id of the paragraph as bookmarked (the snapshot ``text``)
    now_text: str | None = None  # what the paragraph reads now, while "edited"
    #: the full path of the searched folder its document is in ("" until known: a
    #: bookmark of an older store learns it from the first index that holds its folder)
    folder_path: str = ""

    def to_json(self) -> dict:
        d = asdict(self)
        d["date"] = self.date or None
        d["changes"] = self.changes
        return d

    def folder_removed(self, listed: frozenset[str] | None) -> bool:
        """Missing as its folder left the user's list (``listed``: :attr:`Settings.listed`)."""
        return self.status == "missing" and listed is not None and bool(self.folder_path) \
            and self.folder_path not in listed

    @cached_property  # a row is read anew after every change; painted many times
    def changes(self) -> str:
        """How the paragraph now differs from the text bookmarked, in one line ("" if
        it does not)."""
        return describe(self.text, self.now_text) if self.status == "edited" and \
            self.now_text is not None else ""


def _row(r: sqlite3.Row) -> Bookmark:
    d = dict(r)
    d["authors"] = json.loads(d["authors"])
    d["tags"] = json.loads(d["tags"])
    d["speakers"] = json.loads(d.get("speakers") or "[]")
    d["saved_pid"] = d.get("saved_pid") or d["pid"]  # rows salvaged from an older store
    return Bookmark(**d)


def speakers_of(paragraph: dict) -> list[str]:
    """The persons quoted in a paragraph (its stored fields' ``quotes``), in order."""
    return list(dict.fromkeys(q["speaker"] for q in paragraph.get("quotes") or ()
                              if q.get("speaker")))


def _tags(tags) -> list[str]:
    out = []
    for t in tags or []:
        t = " ".join(str(t).split()).strip().lstrip("#")
        if t and t not in out:
            out.append(t)
    return out


class BookmarkStore:
    def __init__(self, path: Path | str) -> None:
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._db = sqlite3.connect(str(self.path), timeout=10, check_same_thread=False,
                                   isolation_level=None)
        self._db.row_factory = sqlite3.Row
        self.recovered = ""  # what open_store() did with a damaged store, if anything
        try:
            self._db.execute("PRAGMA journal_mode=WAL")
            self._db.execute("PRAGMA synchronous=FULL")
            self._db.executescript(SCHEMA)
            self._add_missing_columns()
            bad = [r[0] for r in self._db.execute("PRAGMA quick_check")]
            if bad != ["ok"]:
                raise sqlite3.DatabaseError("database disk image is malformed")
        except sqlite3.DatabaseError:
            self._db.close()
            raise

    def _add_missing_columns(self) -> None:
        """Stores made by older versions: history rows learn where they came from
        (``origin``: "cli" or "app"; "" for rows written before it was recorded), and
        bookmarks their page (PDF) and the persons quoted in them."""
        columns = {r["name"] for r in self._db.execute("PRAGMA table_info(history)")}
        if "origin" not in columns:
            self._db.execute("ALTER TABLE history ADD COLUMN origin TEXT NOT NULL DEFAULT ''")
        columns = {r["name"] for r in self._db.execute("PRAGMA table_info(bookmark)")}
        if "page" not in columns:  # a store made before pages were known
            self._db.execute("ALTER TABLE bookmark ADD COLUMN page INTEGER")
        if "speakers" not in columns:  # a store made before quotes were attributed
            self._db.execute("ALTER TABLE bookmark ADD COLUMN speakers TEXT NOT NULL "
                             "DEFAULT '[]'")
        if "folder_path" not in columns:  # a store made before bookmarks knew their folder:
            # each learns it from the first index that holds its document's folder
            with self._tx() as db:
                if "folder_path" not in {r["name"] for r in
                                         db.execute("PRAGMA table_info(bookmark)")}:
                    db.execute("ALTER TABLE bookmark ADD COLUMN folder_path TEXT NOT NULL "
                               "DEFAULT ''")
        if "saved_pid" not in columns:  # a store made before snapshots were kept for good:
            # the text it holds is the snapshot from now on (an edit it followed had
            # replaced the text bookmarked, which cannot be had back)
            with self._tx() as db:  # looked at again: another process may have done it
                if "saved_pid" not in {r["name"] for r in
                                       db.execute("PRAGMA table_info(bookmark)")}:
                    db.execute("ALTER TABLE bookmark ADD COLUMN saved_pid TEXT NOT NULL "
                               "DEFAULT ''")
                    db.execute("ALTER TABLE bookmark ADD COLUMN now_text TEXT")
                    db.execute("UPDATE bookmark SET saved_pid=pid")

    def close(self) -> None:
        self._db.close()

    def __enter__(self) -> BookmarkStore:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    @contextmanager
    def _tx(self):
        """One write transaction: committed on success, rolled back on any exception."""
        self._db.execute("BEGIN IMMEDIATE")
        try:
            yield self._db
        except BaseException:
            self._db.execute("ROLLBACK")
            raise
        self._db.execute("COMMIT")

    # -- bookmarks -----------------------------------------------------------

    def add(self, paragraph: dict, note: str = "", tags=None, folder_path: str = "") -> Bookmark:
        """Bookmark a paragraph (stored fields from the index) of the folder
        ``folder_path`` (:meth:`Settings.folder_path_of`; "" if not known: the next
        re-anchoring in an index holding it finds it).  Adding it again updates the
        note and tags instead of duplicating it."""
        now = time.time()
        existing = self.find(paragraph["doc_id"], paragraph["pid"])
        if existing:
            return self.update(existing.id, note=note or existing.note,
                               tags=_tags([*existing.tags, *(tags or [])]))
        with self._tx() as db:
            cur = db.execute(
                "INSERT INTO bookmark (doc_id, pid, path, para, text, title, source, date, url,"
                " authors, note, tags, status, created, updated, page, speakers, saved_pid,"
                " folder_path) VALUES (?,?,?,?,?,?,?,?,?,?,?,?, 'ok', ?, ?, ?, ?, ?, ?)",
                (paragraph["doc_id"], paragraph["pid"], paragraph["path"], paragraph["para"],
                 paragraph.get("body") or paragraph.get("text", ""),
                 paragraph.get("title", ""), paragraph.get("source", ""),
                 display_date(paragraph.get("date"), paragraph.get("year")),
                 paragraph.get("url", ""),
                 json.dumps(paragraph.get("authors", []), ensure_ascii=False),
                 note, json.dumps(_tags(tags), ensure_ascii=False), now, now,
                 paragraph.get("page") or None,
                 json.dumps(speakers_of(paragraph), ensure_ascii=False), paragraph["pid"],
                 folder_path),
            )
            new_id = cur.lastrowid
        return self.get(new_id)

    def find(self, doc_id: str, pid: str) -> Bookmark | None:
        r = self._db.execute("SELECT * FROM bookmark WHERE doc_id=? AND pid=?",
                             (doc_id, pid)).fetchone()
        return _row(r) if r else None

    def get(self, bookmark_id: int) -> Bookmark:
        r = self._db.execute("SELECT * FROM bookmark WHERE id=?", (bookmark_id,)).fetchone()
        if r is None:
            raise BookmarkError(f"no bookmark with id {bookmark_id}")
        return _row(r)

    def update(self, bookmark_id: int, note: str | None = None, tags=None) -> Bookmark:
        self.get(bookmark_id)
        with self._tx() as db:
            if note is not None:
                db.execute("UPDATE bookmark SET note=?, updated=? WHERE id=?",
                           (note, time.time(), bookmark_id))
            if tags is not None:
                db.execute("UPDATE bookmark SET tags=?, updated=? WHERE id=?",
                           (json.dumps(_tags(tags), ensure_ascii=False), time.time(),
                            bookmark_id))
        return self.get(bookmark_id)

    def remove(self, bookmark_id: int) -> None:
        self.get(bookmark_id)
        with self._tx() as db:
            db.execute("DELETE FROM bookmark WHERE id=?", (bookmark_id,))

    def list(self, tag: str | None = None, text: str | None = None,
             doc_id: str | None = None) -> list[Bookmark]:
        rows = [_row(r) for r in self._db.execute(
            "SELECT * FROM bookmark ORDER BY created DESC, id DESC")]
        if tag:
            rows = [b for b in rows if tag.lstrip("#").casefold() in
                    (t.casefold() for t in b.tags)]
        if text:
            needle = text.casefold()
            rows = [b for b in rows if needle in b.text.casefold() or needle in b.note.casefold()
                    or needle in b.title.casefold()
                    or needle in (b.now_text or "").casefold()]
        if doc_id:
            rows = [b for b in rows if b.doc_id == doc_id]
        return rows

    def tags(self) -> list[tuple[str, int]]:
        counts: dict[str, int] = {}
        for b in self.list():
            for t in b.tags:
                counts[t] = counts.get(t, 0) + 1
        return sorted(counts.items(), key=lambda kv: (-kv[1], kv[0].casefold()))

    # -- surviving re-indexing -------------------------------------------------

    def anchored(self) -> str:
        """Which index, in which state, the bookmarks were last re-found in."""
        row = self._db.execute("SELECT value FROM meta WHERE key='anchored'").fetchone()
        return row[0] if row else ""

    def reconcile_if_needed(self, engine) -> dict[str, int] | None:
        """Re-find every bookmark unless that was done in this index as it is now
        (another index, e.g. a one-off ``--corpus`` run's, or a changed one)."""
        if self.anchored() == _stamp(engine):
            return None
        return self.reconcile(engine)

    def reconcile(self, engine) -> dict[str, int]:
        """Re-find, in the index ``engine`` searches, every bookmark of a folder it
        holds; returns the status counts of those it judged (see :meth:`_reconcile`)."""
        stamp = _stamp(engine)
        counts = self._reconcile(engine)
        with self._tx() as db:
            db.execute("INSERT OR REPLACE INTO meta (key, value) VALUES ('anchored', ?)", (stamp,))
        return counts

    def _reconcile(self, engine) -> dict[str, int]:
        """Place every bookmark of a folder the index holds, then write all the
        placements in one transaction (a crash leaves them all as they were before,
        never half re-anchored).

        Only an index that holds a bookmark's folder judges it: a bookmark of a folder
        the index has dropped (removed from the folder list) is ``missing``, its
        snapshot kept; one of a folder the index never held (another index's: a
        one-off ``--corpus`` run's, or the user's own seen from a one-off index) is
        left exactly as it is."""
        from searchapp.index.manifest import coverage

        counts = {"ok": 0, "moved": 0, "edited": 0, "missing": 0}
        cover = coverage(engine.index_dir)
        marks = self.list()
        folder = {b.id: b.folder_path or cover.folder_of(b.doc_id, b.path) for b in marks}
        judged = [b for b in marks if folder[b.id] in cover.folders]
        placed = place(engine, judged)
        for b in marks:  # its folder removed from the list: kept, with its snapshot
            if folder[b.id] in cover.dropped:
                judged.append(b)
                placed[b.id] = Placement("missing")
        taken = {(p.paragraph["doc_id"], p.paragraph["pid"]) for p in placed.values()
                 if p.paragraph is not None}
        with self._tx() as db:
            # two bookmarks may swap paragraphs: free every anchor before taking the new
            # ones; a bookmark not found whose paragraph id another one took keeps it
            # marked as its own ("~" is in no paragraph id), its snapshot's id intact
            db.executemany("UPDATE bookmark SET pid=pid || '~' || id WHERE id=?",
                           [(b.id,) for b in judged if placed[b.id].paragraph is not None
                            or (b.doc_id, b.pid) in taken])
            for b in judged:
                status, para = placed[b.id].status, placed[b.id].paragraph
                counts[status] += 1
                if para is None:
                    db.execute("UPDATE bookmark SET status='missing', folder_path=? WHERE id=?",
                               (folder[b.id], b.id))
                    continue
                db.execute(
                    "UPDATE bookmark SET doc_id=?, pid=?, path=?, para=?, title=?, source=?,"
                    " date=?, url=?, status=?, page=?, speakers=?, now_text=?, folder_path=?"
                    " WHERE id=?",
                    (para["doc_id"], para["pid"], para["path"], para["para"],
                     para.get("title", "") or b.title, para.get("source", "") or b.source,
                     display_date(para.get("date"), para.get("year")) or b.date,
                     para.get("url", "") or b.url, status, para.get("page") or None,
                     json.dumps(speakers_of(para) if "quotes" in para else b.speakers,
                                ensure_ascii=False),
                     para["body"] if status == "edited" else None,
                     cover.documents.get(para["doc_id"], folder[b.id]), b.id),
                )
        return counts

    # -- export ------------------------------------------------------------------

    def export(self, fmt: str, bookmarks: list[Bookmark] | None = None) -> str:
        rows = self.list() if bookmarks is None else bookmarks
        if fmt == "json":
            return json.dumps([b.to_json() for b in rows], ensure_ascii=False, indent=2) + "\n"
        if fmt == "csv":
            buf = io.StringIO()
            w = csv.writer(buf)
            w.writerow(["id", "title", "source", "date", "url", "authors", "path", "paragraph",
                        "page", "text", "note", "tags", "status", "quoted", "now_reads"])
            for b in rows:
                w.writerow([b.id, b.title, b.source, b.date, b.url, "; ".join(b.authors),
                            b.path, b.para, b.page or "", b.text, b.note, "; ".join(b.tags),
                            b.status, "; ".join(b.speakers), b.now_text or ""])
            return buf.getvalue()
        if fmt in ("md", "markdown"):
            return to_markdown(rows)
        raise BookmarkError(f"unknown export format '{fmt}': use markdown, csv or json")

    # -- history and saved searches --------------------------------------------------

    def add_history(self, query: str, filters: dict | None = None, origin: str = "cli") -> None:
        """Remember a search made in the CLI or the app (``origin``)."""
        query = query.strip()
        filters = filters or {}
        if not query and not any(filters.values()):
            return
        blob = json.dumps(filters, sort_keys=True, ensure_ascii=False)
        with self._tx() as db:
            last = db.execute("SELECT query, filters, origin FROM history ORDER BY id DESC "
                              "LIMIT 1").fetchone()
            if last and (last["query"], last["filters"], last["origin"]) == (query, blob, origin):
                db.execute("UPDATE history SET ts=? WHERE id=(SELECT MAX(id) FROM history)",
                           (time.time(),))
                return
            db.execute("INSERT INTO history (query, filters, ts, origin) VALUES (?,?,?,?)",
                       (query, blob, time.time(), origin))
            db.execute("DELETE FROM history WHERE id <= (SELECT MAX(id) FROM history) - ?",
                       (HISTORY_LIMIT,))

    def history(self, limit: int = 50, origin: str | None = None) -> list[dict]:
        """The latest searches, newest first; only those made in ``origin`` if given."""
        where, args = ("WHERE origin=? ", (origin,)) if origin else ("", ())
        return [{"query": r["query"], "filters": json.loads(r["filters"]), "ts": r["ts"],
                 "origin": r["origin"]}
                for r in self._db.execute(f"SELECT * FROM history {where}ORDER BY id DESC "
                                          "LIMIT ?", (*args, limit))]

    def clear_history(self) -> None:
        with self._tx() as db:
            db.execute("DELETE FROM history")

    def save_search(self, name: str, query: str, filters: dict | None = None) -> None:
        name = name.strip()
        if not name:
            raise BookmarkError("a saved search needs a name")
        with self._tx() as db:
            db.execute("INSERT INTO saved_search (name, query, filters, created) VALUES (?,?,?,?)"
                       " ON CONFLICT(name) DO UPDATE SET query=excluded.query,"
                       " filters=excluded.filters",
                       (name, query, json.dumps(filters or {}, ensure_ascii=False), time.time()))

    def saved_searches(self) -> list[dict]:
        return [{"name": r["name"], "query": r["query"], "filters": json.loads(r["filters"])}
                for r in self._db.execute("SELECT * FROM saved_search ORDER BY name")]

    def saved_search(self, name: str) -> dict:
        r = self._db.execute("SELECT * FROM saved_search WHERE name=?", (name,)).fetchone()
        if r is None:
            raise BookmarkError(f"no saved search named '{name}'")
        return {"name": r["name"], "query": r["query"], "filters": json.loads(r["filters"])}

    def delete_saved_search(self, name: str) -> None:
        self.saved_search(name)
        with self._tx() as db:
            db.execute("DELETE FROM saved_search WHERE name=?", (name,))


def _stamp(engine) -> str:
    """The index ``engine`` searches and when it last changed."""
    from searchapp.index.manifest import read_manifest

    return f"{engine.index_dir}|{read_manifest(engine.index_dir).get('updated', '')}"


def to_markdown(rows: list[Bookmark]) -> str:
    """Each passage quoted, followed by its citation, note and tags."""
    out = ["# Bookmarks", ""]
    for b in rows:
        quote = "\n".join("> " + line if line else ">" for line in b.text.splitlines() or [""])
        out.append(quote)
        out.append("")
        cite = [f"*{b.title}*" if b.title else f"`{b.path}`"]
        if b.authors:
            cite.append(", ".join(b.authors))
        if b.source:
            cite.append(b.source)
        if b.date:
            cite.append(b.date)
        cite.append(f"paragraph {b.para}")
        if b.page:
            cite.append(f"p. {b.page}")
        line = "— " + ", ".join(cite)
        if b.speakers:  # "— Xi Jinping, quoted in *Title*, ..., p. 2"
            line = f"— {_and(b.speakers)}, quoted in " + ", ".join(cite)
        if b.url:
            line += f". <{b.url}>"
        out.append(line)
        if b.status == "missing":
            out.append("")
            out.append("*(this paragraph is no longer in the document; saved text shown)*")
        elif b.changes:
            out.append("")
            out.append(f"*(changed in the document since it was bookmarked: {b.changes})*")
        if b.note:
            out.append("")
            out.append(f"**Note:** {b.note}")
        if b.tags:
            out.append("")
            out.append("Tags: " + " ".join(f"#{_hashtag(t)}" for t in b.tags))
        out.extend(["", "---", ""])
    return "\n".join(out).rstrip("-\n ") + "\n"


def _hashtag(tag: str) -> str:
    """A tag as a Markdown hashtag: its words joined by hyphens, nothing else between
    ("chips & export" -> "chips-export")."""
    return re.sub(r"[^\w]+", "-", tag).strip("-") or tag


def _and(names: list[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


_TABLES = ("bookmark", "history", "saved_search")


def open_store(path: Path | str) -> BookmarkStore:
    """The bookmark store at ``path``.

    A damaged store (not a database, or failing SQLite's ``quick_check``) is
    never replaced silently: it is moved aside as ``<name>.damaged-<time>``
    (with its WAL), every row that can still be read is copied into a new
    store, and ``store.recovered`` says so for the user.
    """
    path = Path(path)
    try:
        return BookmarkStore(path)
    except sqlite3.OperationalError as exc:  # locked, read-only, no space: not damage
        if "malformed" not in str(exc) and "corrupt" not in str(exc):
            raise BookmarkError(f"cannot open the bookmark store {path}: {exc}") from exc
        reason = str(exc)
    except sqlite3.DatabaseError as exc:
        reason = str(exc)
    return _recover(path, reason)


def _recover(path: Path, reason: str) -> BookmarkStore:
    stamp = time.strftime("%Y%m%d-%H%M%S")
    backup = path.with_name(f"{path.name}.damaged-{stamp}")
    n = 1
    while any(Path(str(backup) + x).exists() for x in ("", "-wal", "-shm")):
        n += 1  # never overwrite an earlier backup
        backup = path.with_name(f"{path.name}.damaged-{stamp}-{n}")
    try:
        for suffix in ("", "-wal", "-shm"):
            side = Path(str(path) + suffix)
            if side.exists():
                os.replace(side, Path(str(backup) + suffix))
    except OSError as exc:
        raise BookmarkError(f"the bookmark store {path} is damaged ({reason}) and could not "
                            f"be moved aside ({exc.strerror or exc}); it was left as it is") \
            from exc
    rows = _salvage(backup)
    store = BookmarkStore(path)
    with store._tx() as db:
        for table, found in rows.items():
            for row in found:
                cols = ", ".join(row)
                marks = ", ".join("?" for _ in row)
                db.execute(f"INSERT OR IGNORE INTO {table} ({cols}) VALUES ({marks})",
                           tuple(row.values()))
    count = len(rows["bookmark"])
    store.recovered = (f"the bookmark store {path} was damaged ({reason}); it was kept as "
                       f"{backup} and {count} bookmark{'s' if count != 1 else ''} could be read "
                       "from it into a new store")
    return store


def _salvage(path: Path) -> dict[str, list[dict]]:
    """Every row of every table that can still be read from a damaged store."""
    out: dict[str, list[dict]] = {t: [] for t in _TABLES}
    try:
        db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    except sqlite3.Error:
        return out
    db.row_factory = sqlite3.Row
    try:
        for table in _TABLES:
            try:
                cols = {r[1] for r in db.execute(f"PRAGMA table_info({table})")}
            except sqlite3.Error:
                continue
            last, step = 0, 1
            while step < 1 << 40:  # read on from each unreadable row, further each time
                try:
                    for r in db.execute(f"SELECT * FROM {table} WHERE id > ? ORDER BY id",
                                        (last,)):
                        out[table].append({k: r[k] for k in r.keys() if k in cols})
                        last, step = r["id"], 1
                    break
                except sqlite3.Error:
                    last += step
                    step *= 2
    finally:
        db.close()
    return out

"""Re-finding bookmarks in an index that changed, and saying how their text changed
(the bookmark store, :mod:`searchapp.store`, calls it after every update).

A bookmark keeps the text the user bookmarked (its *snapshot*) and that text's
paragraph id (``saved_pid``) for good; ``pid`` and ``para`` say where its
paragraph is now, and ``now_text`` what it reads while that differs from the
snapshot.  :func:`place` finds each bookmark's paragraph again:

1. the snapshot's own text, in its document (the paragraph moved or stayed) or
   anywhere (the file was renamed or moved to another folder);
2. otherwise the version last seen (an edit the index already held);
3. otherwise the paragraph of its document most like the snapshot or that
   version (an edit, within :data:`SIMILAR`);
4. otherwise nowhere: the bookmark keeps its snapshot, ``missing``.

Its status is ``edited`` exactly while the paragraph's text differs from the
snapshot: a file edited and then restored brings its bookmarks back to ``ok``.
No two bookmarks are placed on one paragraph.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from typing import Protocol

from searchapp import lexicon

SIMILAR = 0.75  # an edited paragraph is "the same" above this similarity


class Anchored(Protocol):
    """What :func:`place` reads of a bookmark (:class:`searchapp.store.Bookmark`)."""

    id: int
    doc_id: str
    pid: str
    saved_pid: str
    para: int
    text: str
    now_text: str | None


@dataclass
class Placement:
    """Where one bookmark is in the index now: ``paragraph`` (stored fields) and
    ``status`` (``ok``, ``moved``, ``edited``; ``missing`` with no paragraph)."""

    status: str
    paragraph: dict | None = None


def same_text(a: str, b: str) -> bool:
    """Whether two texts are the same paragraph text (white space aside, as the
    paragraph ids count it)."""
    return a.split() == b.split()


def place(engine, bookmarks: list[Anchored]) -> dict[int, Placement]:
    """Each bookmark's placement in the index ``engine`` searches, by bookmark id."""
    claimed: set[tuple[str, str]] = set()
    out: dict[int, Placement] = {}
    for b in bookmarks:  # the saved text itself first: it outranks any edited look-alike
        p = _by_pid(engine, b.saved_pid, b, claimed)
        if p is not None:
            out[b.id] = _placed(b, p, claimed)
    for b in bookmarks:
        if b.id in out:
            continue
        p = _by_pid(engine, b.pid, b, claimed) if b.pid != b.saved_pid else None
        if p is None:
            p = _most_like(engine, b, claimed)
        out[b.id] = _placed(b, p, claimed) if p is not None else Placement("missing")
    return out


def _placed(b: Anchored, p: dict, claimed: set[tuple[str, str]]) -> Placement:
    claimed.add((p["doc_id"], p["pid"]))
    if not same_text(p["body"], b.text):
        return Placement("edited", p)
    return Placement("ok" if (p["doc_id"], p["para"]) == (b.doc_id, b.para) else "moved", p)


def _by_pid(engine, pid: str, b: Anchored, claimed: set[tuple[str, str]]) -> dict | None:
    """The paragraph with id ``pid`` (its document's, the nearest to where the bookmark
    was) or, the file renamed or moved, one with the same text elsewhere."""

    same = [p for p in engine.paragraphs_by_pid(pid) if (p["doc_id"], p["pid"]) not in claimed]
    in_doc = [p for p in same if p["doc_id"] == b.doc_id]
    if in_doc:
        return min(in_doc, key=lambda p: abs(p["para"] - b.para))
    if same:
        return same[0]
    return next((p for p in engine.paragraphs_by_text(pid)
                 if (p["doc_id"], p["pid"]) not in claimed), None)


def _most_like(engine, b: Anchored, claimed: set[tuple[str, str]]) -> dict | None:
    """The paragraph of the bookmark's document most like its snapshot or the version
    last seen, if similar enough."""
    versions = [b.text] + ([b.now_text] if b.now_text else [])
    best, best_ratio = None, 0.0
    for p in engine.document(b.doc_id):
        if (p["doc_id"], p["pid"]) in claimed:
            continue
        ratio = max(difflib.SequenceMatcher(None, v, p["body"], autojunk=False).ratio()
                    for v in versions)
        if ratio > best_ratio:
            best, best_ratio = p, ratio
    return best if best_ratio >= SIMILAR else None


# -- what changed ---------------------------------------------------------------------

# a word, one CJK character (written without spaces between words), or a punctuation mark
_TOKEN = re.compile(f"[{lexicon.KANA}{lexicon.HAN}]|[^\\W{lexicon.KANA}{lexicon.HAN}]+|[^\\w\\s]")
SHOWN = 40  # characters of each changed stretch shown in a summary


@dataclass(frozen=True)
class Change:
    """One stretch that differs: ``before`` in the snapshot, ``after`` in the paragraph
    now (either empty for an insertion or a deletion)."""

    before: str
    after: str


def changes(saved: str, now: str) -> list[Change]:
    """The stretches of ``now`` that differ from ``saved``, word by word (character by
    character in Chinese and Japanese), in order."""
    a, b = list(_TOKEN.finditer(saved)), list(_TOKEN.finditer(now))
    matcher = difflib.SequenceMatcher(None, [m.group() for m in a], [m.group() for m in b],
                                      autojunk=False)
    out = []
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op != "equal":
            out.append(Change(saved[a[i1].start():a[i2 - 1].end()] if i2 > i1 else "",
                              now[b[j1].start():b[j2 - 1].end()] if j2 > j1 else ""))
    return out


def describe(saved: str, now: str, most: int = 2) -> str:
    """The changes in one line: ``“if a little late” → “and overdue”``, ``removed “…”``,
    ``added “…”``; past ``most`` changes, how many more."""
    found = changes(saved, now)
    if not found:
        return ""
    parts = []
    for c in found[:most]:
        if c.before and c.after:
            parts.append(f"{_quote(c.before)} → {_quote(c.after)}")
        elif c.before:
            parts.append(f"removed {_quote(c.before)}")
        else:
            parts.append(f"added {_quote(c.after)}")
    more = len(found) - most
    if more > 0:
        parts.append(f"{more} more change{'s' if more != 1 else ''}")
    return "; ".join(parts)


def _quote(text: str) -> str:
    text = " ".join(text.split())
    return f"“{text if len(text) <= SHOWN else text[:SHOWN - 1] + '…'}”"

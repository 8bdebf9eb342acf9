"""What a query highlights in a paragraph: its words, its phrases as phrases, and
the chosen persons' mentions.

A word of the query is marked wherever it occurs; the words of a phrase only
where they stand as the phrase ("Camp David" marks "Camp David", not a lone
"camp" elsewhere in the paragraph).  Spans are merged once
(:func:`~searchapp.search.highlight.merge_spans`); callers render them.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from whoosh import query as wq

from searchapp.search.highlight import merge_spans
from searchapp.search.match import phrase_offsets, positive_leaves


@dataclass
class Highlight:
    words: set[str] = field(default_factory=set)  # index terms marked wherever they occur
    # (words, slop, gaps): word i + 1 stands gaps[i] .. gaps[i] + slop - 1 after word i
    phrases: list[tuple[tuple[str, ...], int, tuple[int, ...]]] = field(default_factory=list)

    @classmethod
    def of(cls, reader, q, fieldname: str = "body") -> Highlight:
        """The body words and phrases of ``q``'s positive parts (not those under NOT)."""
        out = cls()
        if q is None:
            return out
        for leaf in positive_leaves(q):
            if isinstance(leaf, wq.Phrase):
                if leaf.fieldname == fieldname and len(leaf.words) > 1:
                    offsets = phrase_offsets(leaf)
                    gaps = tuple(b - a for a, b in zip(offsets, offsets[1:], strict=False))
                    out.phrases.append((tuple(leaf.words), max(1, leaf.slop), gaps))
                elif leaf.fieldname == fieldname and leaf.words:
                    out.words.add(leaf.words[0])
                continue
            try:
                found = leaf.existing_terms(reader, phrases=True, expand=True)
            except Exception:
                continue
            out.words.update(t.decode("utf-8") if isinstance(t, bytes) else t
                             for f, t in found if f == fieldname)
        return out

    @property
    def terms(self) -> set[str]:
        """Every index term involved (for ``SearchResult.terms``)."""
        return self.words | {w for words, _s, _g in self.phrases for w in words}

    def spans(self, tokens, text: str, mentions=(), persons=()) -> list[tuple[int, int]]:
        """Merged character spans of ``text`` to mark; ``tokens(text)`` gives its
        ``(pos, term, startchar, endchar)`` (:class:`~searchapp.index.analysis.TokenCache`)."""
        spans: list[tuple[int, int]] = []
        if self.words or self.phrases:
            tokens = tokens(text)
            spans += [(s, e) for _p, w, s, e in tokens if w in self.words]
            for words, slop, gaps in self.phrases:
                spans += _phrase_spans(tokens, words, slop, gaps)
        persons = set(persons)
        spans += [(s, e) for s, e, name, kind in mentions if kind == "person" and name in persons]
        return merge_spans(spans, text)


def _phrase_spans(tokens, words: tuple[str, ...], slop: int,
                  gaps: tuple[int, ...]) -> list[tuple[int, int]]:
    """Spans from the first to the last word of each occurrence of the phrase: each
    word ``gap .. gap + slop - 1`` positions after the one before."""
    at: dict[int, list[tuple[str, int, int]]] = {}
    for pos, w, s, e in tokens:
        at.setdefault(pos, []).append((w, s, e))
    out = []
    for pos, w, s, _e in tokens:
        if w != words[0]:
            continue
        cur, end = pos, None
        for nxt, gap in zip(words[1:], gaps, strict=True):
            step = next(((cur + k, e) for k in range(gap, gap + slop)
                         for w2, _s2, e in at.get(cur + k, ()) if w2 == nxt), None)
            if step is None:
                break
            cur, end = step
        else:
            out.append((s, end))
    return out

"""Phrases whose words keep their distances in the text.

The index keeps every word's place, stop words included
(:func:`~searchapp.index.analysis.text_analyzer`: a stop word is not indexed,
but the words after it do not move up).  So "all the time" has *time* two
places after *all*, and the phrase "all time" -- which the query ``all-time``
searches -- does not match it; "Bank of America" has *america* two places
after *bank*, and the phrase "Bank of America" asks for exactly that.

:class:`Phrase` is Whoosh's phrase with those distances (``offsets``: each
word's place after the first word's), and :class:`Parser` is Whoosh's query
parser making them: for quoted phrases and for a word that analyzes into
several tokens (CJK bigrams).  Whoosh's own matcher for a phrase with gaps is
built from its public span queries (``SpanNear2`` with a minimum distance);
the engine's array matcher (:mod:`.match`) and highlighter (:mod:`.marks`)
read ``offsets`` the same way.
"""

from __future__ import annotations

from whoosh import matching
from whoosh import query as wq
from whoosh.qparser import QueryParser


class Phrase(wq.Phrase):
    """Whoosh's phrase, whose word ``i`` stands ``offsets[i]`` places after the
    first word (plus up to ``slop - 1`` more, as in Whoosh's ``"…"~slop``)."""

    def __init__(self, fieldname, words, slop=1, boost=1.0, char_ranges=None,
                 offsets=None) -> None:
        super().__init__(fieldname, words, slop=slop, boost=boost, char_ranges=char_ranges)
        self.offsets = tuple(offsets) if offsets is not None else tuple(range(len(words)))

    def __eq__(self, other) -> bool:
        return super().__eq__(other) and self.offsets == other.offsets

    def __hash__(self) -> int:
        return super().__hash__() ^ hash(self.offsets)

    def __repr__(self) -> str:
        return (f"{type(self).__name__}({self.fieldname!r}, {self.words!r}, slop={self.slop}, "
                f"offsets={self.offsets}, boost={self.boost:f})")

    @property
    def gaps(self) -> tuple[int, ...]:
        """How many places each word after the first stands after the one before."""
        return tuple(b - a for a, b in zip(self.offsets, self.offsets[1:], strict=False))

    def normalize(self):
        if len(self.words) <= 1 or None in self.words:
            return super().normalize()  # a term (or nothing), as Whoosh does
        return Phrase(self.fieldname, list(self.words), slop=self.slop, boost=self.boost,
                      char_ranges=self.char_ranges, offsets=self.offsets)

    def matcher(self, searcher, context=None):
        """Whoosh's phrase matcher, with each word ``gap .. gap + slop - 1`` places
        after the one before (Whoosh's own: ``1 .. slop``)."""
        if all(g == 1 for g in self.gaps):
            return super().matcher(searcher, context)
        field = searcher.schema[self.fieldname] if self.fieldname in searcher.schema else None
        if field is None:
            return matching.NullMatcher()
        reader = searcher.reader()
        terms = []
        for word in self.words:
            try:
                btext = field.to_bytes(word)
            except ValueError:
                return matching.NullMatcher()
            if (self.fieldname, btext) not in reader:
                return matching.NullMatcher()
            terms.append(wq.Term(self.fieldname, word))
        q = terms[0]
        for term, gap in zip(terms[1:], self.gaps, strict=True):
            q = wq.SpanNear2([q, term], slop=gap + self.slop - 1, ordered=True, mindist=gap)
        m = q.matcher(searcher, context)
        return matching.WrappingMatcher(m, boost=self.boost) if self.boost != 1.0 else m


def offsets_of(field, text: str, words) -> tuple[int, ...] | None:
    """The places of ``text``'s kept tokens after its first one, when they are
    ``words`` (None when they are not: the phrase keeps its consecutive places)."""
    tokens = [(t.text, t.pos) for t in field.tokenize(text, mode="query", positions=True)]
    if [w for w, _p in tokens] != list(words):
        return None
    return tuple(p - tokens[0][1] for _w, p in tokens)


class Parser(QueryParser):
    """Whoosh's query parser whose phrases keep the distances between their words."""

    def __init__(self, fieldname, schema, **kwargs) -> None:
        super().__init__(fieldname, schema, phraseclass=Phrase, **kwargs)

    def parse(self, text, normalize=True, debug=False):
        q = super().parse(text, normalize=normalize, debug=debug)
        return q.accept(lambda node: self._placed(node, text))

    def _placed(self, node, text: str):
        """A quoted phrase with the places its words have in the query's text."""
        if isinstance(node, Phrase) and node.char_ranges and node.fieldname in self.schema \
                and None not in node.char_ranges[0] + node.char_ranges[-1]:
            start, end = node.char_ranges[0][0], node.char_ranges[-1][1]
            offsets = offsets_of(self.schema[node.fieldname], text[start:end], node.words)
            if offsets is not None:
                node.offsets = offsets
        return node

    def term_query(self, fieldname, text, termclass, boost=1.0, tokenize=True,
                   removestops=True):
        """A word that analyzes into several tokens is a phrase of them (the field's
        ``multitoken_query``), with their places."""
        q = super().term_query(fieldname, text, termclass, boost=boost, tokenize=tokenize,
                               removestops=removestops)
        if isinstance(q, Phrase) and tokenize and fieldname in self.schema:
            offsets = offsets_of(self.schema[fieldname], text, q.words)
            if offsets is not None:
                q.offsets = offsets
        return q

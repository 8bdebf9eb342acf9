"""Chants: words a crowd calls out together, which no one person said.

'"Out! Out! Out!"' on a line of its own after the mayor's quotation, with "Protesters
outside chanted for an hour" after it, is the crowd's: the rule that a paragraph that
is only a quotation goes on with the last speaker (:mod:`.attribute`, rule 4) must not
give it to the mayor.  A quotation is a chant when a verb of chanting with a crowd as
its subject stands in its paragraph or opens the next one ("the crowd chanted",
"protesters sang").

A mixin of :class:`searchapp.ingest.quotes.attribute._Document`.
"""

from __future__ import annotations

import re

from searchapp.ingest.quotes.clauses import Para
from searchapp.ingest.quotes.marks import Span

#: Verbs of a crowd's voice (not of one speaker's speech).
CHANT_VERBS = frozenset("chant chants chanted chanting sang sing sings singing shouted shouting "
                        "roared roaring yelled yelling booed booing cheered cheering".split())
#: Nouns of a crowd.
CROWD_NOUNS = frozenset("crowd crowds protesters protestors demonstrators marchers supporters "
                        "fans spectators audience onlookers workers strikers students mourners "
                        "residents people they chants".split())
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")


def crowd_voice(text: str) -> bool:
    """A crowd and a verb of chanting next to each other in ``text`` ("the crowd
    chanted", "chanting protesters", "Protesters outside chanted for an hour", "chanted
    the fans")."""
    ws = [w.casefold() for w in _WORD.findall(text)]
    for n, w in enumerate(ws):
        if w in CHANT_VERBS and any(x in CROWD_NOUNS for x in ws[max(0, n - 3):n + 3]):
            return True
    return False


class Crowds:
    """Tests for chants (mixed into ``_Document``)."""

    paras: list[Para]

    def _chant(self, i: int, span: Span) -> bool:
        """The quotation ``span`` of paragraph ``i`` is a crowd's chant: a crowd chants in
        its paragraph (outside quotations) or in the first sentence of the next."""
        para = self.paras[i]
        outside, at = [], 0
        for a, b in para.quotes:
            outside.append(para.text[at:a])
            at = max(at, b)
        outside.append(para.text[at:])
        if crowd_voice(" … ".join(outside)):
            return True
        if i + 1 < len(self.paras):
            nxt = self.paras[i + 1]
            first = nxt.sentences[0] if nxt.sentences else (0, len(nxt.text))
            return crowd_voice(nxt.text[first[0]:first[1]])
        return False

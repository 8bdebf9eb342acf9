"""A quotation or reported speech with its speaker: what quote attribution finds."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Quote:
    """Words of a speaker in one paragraph: ``text[start:end]``.  ``speaker`` is the
    canonical person, or None for an unnamed source; ``source`` is how the text names
    the speaker ("Volker", "he", "a senior official"); ``kind`` is "direct" (in quote
    marks) or "reported"."""

    start: int
    end: int
    speaker: str | None
    source: str
    kind: str

    def to_json(self) -> list:
        return [self.start, self.end, self.speaker, self.source, self.kind]


def tidy(quotes: list[Quote]) -> list[Quote]:
    """In order; a quotation inside another one of the same speaker is left out."""
    quotes = sorted(set(quotes), key=lambda q: (q.start, -q.end))
    out: list[Quote] = []
    for q in quotes:
        if any(o.start <= q.start and q.end <= o.end and o.speaker == q.speaker for o in out):
            continue
        out.append(q)
    return out

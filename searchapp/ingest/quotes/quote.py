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

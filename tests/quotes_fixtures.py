"""A document for the quote rules: paragraphs, the persons the persons stage would have
found in them and, optionally, the recognizer's other labels (no model runs)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from searchapp.ingest.entities import Mention
from searchapp.ingest.quotes import find_quotes
from searchapp.ingest.quotes.evidenced import with_speech_persons


@dataclass(frozen=True)
class Label:
    """A recognizer span as the persons stage passes it on."""

    start: int
    end: int
    label: str


def _spans(text: str, surface: str) -> list[tuple[int, int]]:
    edge = "" if re.search(r"[\u3040-\u9fff\uac00-\ud7af]", surface) else r"\b"
    return [m.span() for m in re.finditer(rf"{edge}{re.escape(surface)}{edge}", text)]


def quotes(paragraphs: list[str], persons: dict[str, str] | None = None,
           labels: dict[str | tuple[int, str], str] | None = None,
           speech_persons: bool = False):
    """[(paragraph number, speaker or None, quoted text, source, kind)] of a document;
    ``persons``: surface form -> canonical name, found wherever the form is written;
    ``labels``: surface form -> recognizer label (PERSON, ORG ...) wherever written, or
    (paragraph number, surface form) -> label in that paragraph only; ``speech_persons``:
    first add the persons a pattern of speech vouches for, as the persons stage does."""
    persons = persons or {}
    items = [(f"p{i}", "body", t) for i, t in enumerate(paragraphs)]
    mentions, raw = {}, {}
    for pid, _, text in items:
        found: list[Mention] = []
        for surface, name in sorted(persons.items(), key=lambda kv: -len(kv[0])):
            for a, b in _spans(text, surface):
                if not any(f.start <= a < f.end for f in found):
                    found.append(Mention(a, b, name, "person"))
        mentions[pid] = sorted(found, key=lambda m: m.start)
        n = int(pid[1:])
        raw[pid] = [Label(a, b, label) for key, label in (labels or {}).items()
                    if isinstance(key, str) or key[0] == n
                    for a, b in _spans(text, key if isinstance(key, str) else key[1])]
    if speech_persons:
        with_speech_persons(items, mentions, raw)
    out = []
    for pid, found_quotes in find_quotes(items, mentions, raw).items():
        text = paragraphs[int(pid[1:])]
        out += [(int(pid[1:]), q.speaker, text[q.start:q.end], q.source, q.kind)
                for q in found_quotes]
    return out


def by(found, speaker):
    """The quoted texts of ``speaker`` (None: unnamed sources)."""
    return [text for _, who, text, _, _ in found if who == speaker]

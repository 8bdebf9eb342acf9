"""What to highlight in a paragraph, and snippets cut around it.

One span merge (:func:`merge_spans`) for the results list, the CLI and the
document viewer.  The core computes *spans* (character offsets into the
paragraph) and *windows* (the parts of a long paragraph a snippet shows);
each caller renders them with its own markup through :func:`render_snippet`:
``<mark>`` for ``--json``, bold for the terminal, a coloured span in the app.
Pure Python, no dependencies: the desktop app's process imports it.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Iterable

from searchapp.lexicon import NAME_HYPHENS

_JOINABLE = re.compile(f"[\\s{NAME_HYPHENS}]{{1,2}}")  # a phrase's words: space or hyphen
SNIPPET_WHOLE = 360  # paragraphs up to this long are shown whole
_CONTEXT = 90

Span = tuple[int, int]


def merge_spans(spans: Iterable[Span], text: str | None = None) -> list[Span]:
    """Sorted spans, overlapping ones joined; with ``text``, also spans apart only
    by spaces or hyphens ("Camp David" is one highlight, not two)."""
    out: list[list[int]] = []
    for s, e in sorted(spans):
        if out and (s <= out[-1][1] or (text is not None
                                        and _JOINABLE.fullmatch(text[out[-1][1]:s]))):
            out[-1][1] = max(out[-1][1], e)
        else:
            out.append([s, e])
    return [(s, e) for s, e in out]


def snippet_windows(text: str, merged: list[Span]) -> list[Span]:
    """The parts of ``text`` a snippet shows: the whole of a short paragraph; in a
    longer one a window around the first occurrence of each distinct marked word
    (so every matched term appears), overlapping windows joined."""
    if len(text) <= SNIPPET_WHOLE:
        return [(0, len(text))]
    if not merged:
        return [(0, _word_end(text, SNIPPET_WHOLE - 60))]
    firsts: dict[str, Span] = {}
    for s, e in merged:
        firsts.setdefault(text[s:e].casefold(), (s, e))
    windows = sorted([_word_start(text, s - _CONTEXT), _word_end(text, e + _CONTEXT)]
                     for s, e in firsts.values())
    joined = [windows[0]]
    for w in windows[1:]:
        if w[0] <= joined[-1][1] + 20:
            joined[-1][1] = max(joined[-1][1], w[1])
        else:
            joined.append(w)
    return [(a, b) for a, b in joined]


def render_snippet(text: str, spans: list[Span], mark: Callable[[str], str],
                   escape: Callable[[str], str] = lambda s: html.escape(s, quote=False),
                   layers: list[tuple[int, int, object]] = (),
                   wrap: Callable[[str, object], str] | None = None) -> str:
    """The snippet of ``text`` with each (merged) span passed through ``mark``,
    all other text through ``escape``; windows joined with an ellipsis.  ``layers``
    (start, end, payload) are drawn under both: each rendered piece inside one is passed
    through ``wrap(piece, payload)`` (the app tints quotations by their speaker)."""
    windows = snippet_windows(text, spans)
    parts = [_render(text, a, b, [(s, e) for s, e in spans if s >= a and e <= b], mark, escape,
                     layers, wrap)
             for a, b in windows]
    out = " … ".join(parts)
    if windows[0][0] > 0:
        out = "… " + out
    if windows[-1][1] < len(text):
        out += " …"
    return out


def make_snippet(text: str, spans: list[Span]) -> str:
    """HTML: ``text`` (or fragments of it) with every span in ``<mark>``, all else escaped."""
    return render_snippet(text, merge_spans(spans, text), mark_html)


def mark_html(piece: str) -> str:
    return "<mark>" + html.escape(piece, quote=False) + "</mark>"


def _render(text: str, a: int, b: int, spans: list[Span], mark, escape, layers=(),
            wrap=None) -> str:
    layers = [(max(s, a), min(e, b), p) for s, e, p in layers if s < b and e > a]
    if not layers or wrap is None:
        out, pos = [], a
        for s, e in spans:
            s, e = max(s, a), min(e, b)
            if s >= e:
                continue
            out.append(escape(text[pos:s]))
            out.append(mark(text[s:e]))
            pos = e
        out.append(escape(text[pos:b]))
        return "".join(out).strip()
    start = a
    while start < b and text[start].isspace():  # as .strip() does without layers
        start += 1
    end = b
    while end > start and text[end - 1].isspace():
        end -= 1
    cuts = sorted({start, end, *(x for s, e in spans for x in (s, e) if start < x < end),
                   *(x for s, e, _ in layers for x in (s, e) if start < x < end)})
    out = []
    for x, y in zip(cuts, cuts[1:], strict=False):
        piece = text[x:y]
        inside = any(s <= x and y <= e for s, e in spans)
        rendered = mark(piece) if inside else escape(piece)
        payload = next((p for s, e, p in layers if s <= x and y <= e), None)
        out.append(wrap(rendered, payload) if payload is not None else rendered)
    return "".join(out)


def _word_start(text: str, i: int) -> int:
    if i <= 0:
        return 0
    j = text.rfind(" ", 0, i)
    return 0 if j < 0 or i - j > 30 else j + 1


def _word_end(text: str, i: int) -> int:
    if i >= len(text):
        return len(text)
    j = text.find(" ", i)
    return len(text) if j < 0 or j - i > 30 else j

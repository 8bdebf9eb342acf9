"""Quote marks: which characters open and close a quotation, and the spans they enclose.

A mark's role comes from what surrounds it more than from its shape: a straight
``"`` opens after a space and closes before one, a curly ``”`` that starts a
paragraph before a letter opens (some sites type it so), an apostrophe between
letters (``don’t``, ``Lilly's``) is no mark at all.  Double marks (straight,
curly, low-high, guillemets) pair at the top level; single marks pair as a nested
stack outside double quotes (British and wire style: ``'Another way ... 'I'm
gonna ...''``); CJK corner brackets (「」『』) pair by shape.

A quote left open at the end of a paragraph runs to its end, and goes on in the next
paragraph when that one opens with a mark and the first is not closed again (news
style: each paragraph of a long quotation opens with a mark, only the last closes).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from searchapp.ingest.quotes import lexicon as lx

_DOUBLE_OPEN = "“„«"
_DOUBLE_CLOSE = "”»"
_DOUBLE_EITHER = '"＂'
_SINGLE_OPEN = "‘‚‹"
_SINGLE_CLOSE = "’›"
_SINGLE_EITHER = "'"
_CJK_PAIRS = {"「": "」", "『": "』", "《": "》"}
_CJK_CLOSE = {v: k for k, v in _CJK_PAIRS.items()}
_BEFORE_OPEN = set(" \t\n([{—–-/:;,") | set(_DOUBLE_OPEN + _SINGLE_OPEN + _DOUBLE_EITHER)
_AFTER_CLOSE = set(" \t\n)]}.,;:!?—–-…/") | set(_DOUBLE_CLOSE + _SINGLE_CLOSE + _DOUBLE_EITHER
                                               + _SINGLE_EITHER)
#: Quotes in titles of works (《》) are not speech: kept apart by shape.
TITLE_MARKS = frozenset("《》")


@dataclass
class Span:
    """A quotation in one paragraph: ``text[start:end]`` with its marks (``inner`` is
    the quoted words).  ``open_before``: it goes on from the previous paragraph;
    ``open_after``: it goes on in the next; ``chain`` numbers the whole quotation."""

    para: int
    start: int
    end: int
    inner: tuple[int, int]
    mark: str  # the opening mark ("" when the paragraph continues a quotation)
    open_before: bool = False
    open_after: bool = False
    chain: int = -1

    @property
    def closed(self) -> bool:
        return not self.open_after


def _role(text: str, i: int) -> str:
    """"open", "close", "either" or "" (an apostrophe) for the mark at ``text[i]``."""
    ch = text[i]
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    opens = before in _BEFORE_OPEN or before.isspace()
    closes = after in _AFTER_CLOSE or after.isspace()
    if ch in _SINGLE_OPEN + _SINGLE_CLOSE + _SINGLE_EITHER:
        if before.isalnum() and after.isalnum():
            return ""  # don't, Lilly's, rock'n'roll
        if ch in _SINGLE_CLOSE + _SINGLE_EITHER and before.isalnum() and after.isspace() \
                and before in "sSzZ":
            return "close?"  # a closing mark or a plural possessive (farmers' markets)
    if opens and not closes:
        return "open"
    if closes and not opens:
        return "close"
    if ch in _DOUBLE_OPEN or ch in _SINGLE_OPEN:  # both sides or neither: the shape says
        return "open"
    if ch in _DOUBLE_CLOSE or ch in _SINGLE_CLOSE:
        return "close"
    return "either"


def paragraph_marks(text: str) -> list[tuple[int, str, str, str]]:
    """Every quote mark of ``text``: (position, character, family, role)."""
    out = []
    for i, ch in enumerate(text):
        if ch in _DOUBLE_OPEN or ch in _DOUBLE_CLOSE or ch in _DOUBLE_EITHER:
            out.append((i, ch, "double", _role(text, i)))
        elif ch in _SINGLE_OPEN or ch in _SINGLE_CLOSE or ch in _SINGLE_EITHER:
            role = _role(text, i)
            if role:
                out.append((i, ch, "single", role))
        elif ch in _CJK_PAIRS:
            out.append((i, ch, "cjk", "open"))
        elif ch in _CJK_CLOSE:
            out.append((i, ch, "cjk", "close"))
    return out


def _doubles(text: str, marks, start_open: bool) -> tuple[list[tuple[int, int]], int | None]:
    """Pairs of double marks; the position of one left open at the end (None: all closed).
    ``start_open``: the paragraph continues a quotation (its first mark opens it again).
    A mark that opens after a space inside a quotation opens a nested one (scraped text
    often has straight marks inside straight marks: "... from "application" to ...")."""
    pairs: list[tuple[int, int]] = []
    start: int | None = None
    depth = 0
    nested = False
    for i, ch, family, role in marks:
        if family != "double":
            continue
        if depth == 0:
            if role in ("open", "either"):
                start, depth = i, 1
            elif not pairs and start_open and i > 0:
                pairs.append((0, i))  # a continued quotation closed without reopening
            continue
        if role == "open" and i > 0 and (text[i - 1].isspace() or text[i - 1] in "([{"):
            depth += 1
            nested = True
        elif role in ("close", "either") or ch in _DOUBLE_EITHER:
            depth -= 1
            if depth == 0:
                pairs.append((start, i))
                start = None
        else:  # an opening mark not after a space: the first was never closed
            start, depth = i, 1
    if start is not None and start > 0 and nested:
        # left open mid-paragraph with quotations inside it: when the paragraph pairs up
        # without that mark, it was a stray ('a song called “Glasgow (“No Place Like
        # Home”). “It grabbed me ...,” he said'); a quotation going on in the next
        # paragraph opens at the paragraph's start
        again, left = _doubles(text, [m for m in marks if m[0] != start], start_open)
        if left is None:
            return again, None
    return pairs, start


def _singles(text: str, marks, inside: list[tuple[int, int]]
             ) -> tuple[list[tuple[int, int]], int | None]:
    """Top-level pairs of single marks (outside double quotes), nesting allowed; and the
    position of one left open at the top level where a sentence starts ("'Today a judge
    said ..." going on in the next paragraph), else None."""
    stack: list[int] = []
    pairs: list[tuple[int, int]] = []
    for i, _ch, family, role in marks:
        if family != "single" or any(a < i < b for a, b in inside):
            continue
        if role == "open" or (role == "either" and not stack):
            stack.append(i)
        elif stack and role in ("close", "either", "close?"):
            start = stack.pop()
            if not stack:
                pairs.append((start, i))
    pending = stack[0] if len(stack) == 1 and (not pairs or pairs[-1][1] < stack[0]) else None
    if pending is not None and not (text[pending + 1:pending + 2].isupper() and (
            pending == 0 or text[:pending].rstrip()[-1:] in ".!?")):
        pending = None
    return pairs, pending


def _cjk(marks) -> list[tuple[int, int]]:
    stack: list[tuple[int, str]] = []
    pairs = []
    for i, ch, family, role in marks:
        if family != "cjk":
            continue
        if role == "open":
            stack.append((i, ch))
        elif stack and _CJK_PAIRS[stack[-1][1]] == ch:
            start, opener = stack.pop()
            if not stack and opener not in TITLE_MARKS:
                pairs.append((start, i))
    return pairs


def quote_spans(paragraphs: list[str]) -> list[list[Span]]:
    """The quotations of a document's paragraphs, per paragraph, in order."""
    out: list[list[Span]] = []
    carry = False  # the previous paragraph left a quotation open
    chain = -1
    for p, text in enumerate(paragraphs):
        marks = paragraph_marks(text)
        lead = text.lstrip()
        starts_with_mark = bool(lead) and bool(marks) and marks[0][0] == len(text) - len(lead) \
            and marks[0][3] in ("open", "either")
        continued = carry and starts_with_mark
        if carry and not continued:
            carry = False
        pairs, pending = _doubles(text, marks, continued)
        spans: list[Span] = []
        for a, b in pairs:
            span = Span(p, a, b + 1, (a + 1, b), text[a])
            spans.append(span)
        if pending is not None:
            nxt = paragraphs[p + 1].lstrip() if p + 1 < len(paragraphs) else ""
            tail = None if nxt[:1] in _DOUBLE_OPEN + _DOUBLE_EITHER else _unclosed_tail(
                text, pending)
            if tail is not None:  # never closed: it ends where its attribution starts
                spans.append(Span(p, pending, tail, (pending + 1, tail), text[pending]))
            else:
                spans.append(Span(p, pending, len(text), (pending + 1, len(text)),
                                  text[pending], open_after=True))
        doubles = [(s.start, s.end) for s in spans]
        singles, open_single = _singles(text, marks, doubles)
        for a, b in singles:
            spans.append(Span(p, a, b + 1, (a + 1, b), text[a]))
        nxt = paragraphs[p + 1].lstrip() if p + 1 < len(paragraphs) else ""
        if open_single is not None and singles and nxt[:1] == text[open_single] \
                and not any(a < open_single < b for a, b in doubles):
            # a quotation in single marks going on in the next paragraph, opened there
            # again (the British convention of the double marks')
            spans.append(Span(p, open_single, len(text), (open_single + 1, len(text)),
                              text[open_single], open_after=True))
        for a, b in _cjk(marks):
            if not any(s.start <= a < s.end for s in spans):
                spans.append(Span(p, a, b + 1, (a + 1, b), text[a]))
        spans.sort(key=lambda s: s.start)
        spans = _outermost(spans)
        for s in spans:
            if continued and s is spans[0] and s.start == len(text) - len(lead):
                s.open_before = True
                s.chain = chain
            else:
                chain += 1
                s.chain = chain
        carry = bool(spans) and spans[-1].open_after
        out.append(spans)
    return out


#: The attribution closing a paragraph whose quotation was never closed ('“The numbers
#: are fine ... the definitions, she told the Review.'): a comma, he/she or a name of
#: one to four words, a verb of speech, and no quote mark after it.
_UNCLOSED_TAIL = re.compile(
    r",\s+(?:(?:he|she)\s+|(?:[A-Z][\w’'.-]*\s+){1,4})(?:"
    + "|".join(sorted(lx.SAID, key=len, reverse=True)) + r")\b[^\"“”«»]{0,80}$")


def _unclosed_tail(text: str, start: int) -> int | None:
    """Where a quotation opened at ``start`` and never closed ends: before the
    attribution that closes the paragraph, if there is one."""
    last = max((m.start() for m in _UNCLOSED_TAIL.finditer(text, start + 1)), default=None)
    return last if last is not None and last > start + 1 else None


def _outermost(spans: list[Span]) -> list[Span]:
    """Spans not inside another one."""
    out: list[Span] = []
    for s in spans:
        if out and s.start < out[-1].end:
            if s.end > out[-1].end:
                out[-1] = s if s.start == out[-1].start else out[-1]
            continue
        out.append(s)
    return out

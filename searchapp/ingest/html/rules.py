"""Which extracted text is the article: the rules and thresholds over the candidates.

:func:`searchapp.ingest.html.extract.extract_article` gathers, for one page, what the
extractors found (:class:`Candidates`): trafilatura's blocks in its precision
mode (with its own comparison against its fallback extractors), a cheap
estimate of the page's visible text, and -- computed only when a rule asks for
them -- trafilatura's fast recall mode, the beautifulsoup4 density pass and
trafilatura's recall mode with its fallbacks.  :func:`choose` applies
:class:`Rules` to them.

Every rule is kept only where it wins on held-back pages of both eras of the
benchmark (``benchmarks/bench_extraction_cv.py``: 88 news pages of 2019 and 300
article pages of 2025, five folds grouped by site; ``benchmarks/RESULTS.md``);
where no rule of ours wins, trafilatura's own output stands
(:data:`TRAFILATURA_ONLY` is the baseline every rule set is measured against).
What is left: trafilatura's precision mode, promotional lines dropped, the
per-page choice by agreement (:func:`agree`) on pages where the article holds
less than the page's visible text, and the guarantee below.  The bs4 pass as a
fallback of its own (``estimate_ratio``) won on neither era and is off; it
still votes in :func:`agree`.  Lengths are in Latin-letter equivalents
(:func:`searchapp.ingest.text.text_size`), so a Japanese or Chinese page is held
to the same bar as an English one.

One guarantee does not depend on tuning (``keep_ratio``): the article is never
under half of trafilatura's own output, and a page whose extraction comes out
short gets trafilatura's recall mode as well, so a page with article text
returns nothing only if that finds nothing too.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property

from searchapp.ingest.text import looks_like_heading, may_contain, text_size
from searchapp.lexicon import SENTENCE_ENDS


@dataclass(frozen=True)
class Block:
    """One block of article text: ``kind`` is ``heading``, ``body`` or ``quote``."""

    kind: str
    text: str


#: trafilatura's modes for the primary extraction (their options: ``html.TRAFILATURA_MODES``).
#: "fast" skips trafilatura's comparison with its own fallback extractors (readability
#: and jusText ports), which on today's pages rescues articles its first choice of
#: container cut short.
PRIMARY_MODES = ("precision", "balanced", "fast+precision", "fast")


@dataclass(frozen=True)
class Rules:
    """The thresholds of :func:`choose` (lengths in Latin-letter equivalents)."""

    #: trafilatura's mode for the primary extraction (one of :data:`PRIMARY_MODES`).
    primary: str = "precision"
    #: Below this the article counts as short: the bs4 pass and trafilatura's
    #: recall mode are consulted.
    short: int = 200
    #: trafilatura's recall mode is also consulted when the article is less than
    #: this share of the page's visible text (an extraction gone wrong).
    recall_below: float = 0.1
    #: Run the bs4 pass when the page's visible text exceeds this × what was kept
    #: (off: on held-back pages it changed 2019's F1 by 0.0000 and 2025's by -0.0003).
    estimate_ratio: float = float("inf")
    #: The bs4 pass replaces trafilatura's text when it is this × longer ...
    replace_ratio: float = 1.2
    #: ... and holds this share of trafilatura's word 4-grams (unless that was short).
    min_coverage: float = 0.5
    #: Trailing lines shorter than this without a sentence end (a run of
    #: headlines) are dropped; 0 keeps them.  Cross-validation chose 0 in four
    #: folds of five (and on all 88 pages): the rule cut real closing lists
    #: (product lists, ticket prices) more often than it caught related links.
    tail: int = 0
    #: ... and only when they also look like headlines (mostly capitalised words).
    tail_headlines: bool = False
    #: Drop promotional lines ("Advertisement", "Sign up ... newsletter").
    notices: bool = True
    #: The article is never shorter than this share of the extractor's own
    #: (uncleaned) output, nor, when it is short, of trafilatura's recall mode.
    keep_ratio: float = 0.5
    #: Choose per page between the article so far, trafilatura's fast recall mode
    #: and the bs4 density pass: the one that agrees most with the other two
    #: (:func:`agree`); three extractors that fail in different ways rarely agree
    #: on the same wrong text.  Asked only when the article so far is under this
    #: share of the page's visible text (:attr:`Candidates.estimate`): a page whose
    #: text is all in the article leaves nothing to disagree about, and the second
    #: opinion costs a second trafilatura pass.  0 never asks.  Held back: 0 gives
    #: 2025 0.9331, 0.8 0.9348, 1.0 0.9362 (2019: 0.973 for all three); above 0.8
    #: the extraction falls behind trafilatura's own speed (benchmarks/RESULTS.md).
    agree_below: float = 0.8


DEFAULT_RULES = Rules()
#: trafilatura's own output, as its balanced mode gives it: no rule of ours.
TRAFILATURA_ONLY = Rules(primary="balanced", short=0, recall_below=0.0,
                         estimate_ratio=float("inf"), notices=False, agree_below=0.0)


class Candidates:
    """What the extractors found in one page; the costly ones on first use only.

    ``primaries`` holds trafilatura's blocks in the modes computed so far (the
    page's first pass, with its metadata, fills one); ``primary_of(mode)`` runs
    ``extract(mode)`` for another.
    """

    def __init__(self, primaries: dict[str, list[Block]], estimate: int,
                 region: Callable[[], tuple[str | None, int]],
                 bs4: Callable[[str], list[Block]],
                 recall: Callable[[], list[Block]],
                 second: Callable[[], list[Block]] = list,
                 extract: Callable[[str], list[Block]] | None = None) -> None:
        self.primaries = dict(primaries)
        self.estimate = estimate  # visible unlinked text (text_size of runs of 40+)
        self._region, self._bs4, self._recall, self._second = region, bs4, recall, second
        self._extract = extract

    def primary_of(self, mode: str) -> list[Block]:
        """trafilatura's blocks (uncleaned) in ``mode`` (see :data:`PRIMARY_MODES`)."""
        if mode not in self.primaries:
            self.primaries[mode] = self._extract(mode) if self._extract is not None else []
        return self.primaries[mode]

    @cached_property
    def region(self) -> tuple[str | None, int]:
        """The densest text region's HTML (lxml, cheap) and its text size."""
        return self._region()

    @cached_property
    def bs4(self) -> list[Block]:
        """The bs4 pass's blocks (uncleaned) over :attr:`region`."""
        html = self.region[0]
        return self._bs4(html) if html is not None else []

    @cached_property
    def recall(self) -> list[Block]:
        """trafilatura's recall-favouring mode (with its own fallbacks), uncleaned."""
        return self._recall()

    @cached_property
    def second(self) -> list[Block]:
        """trafilatura's fast recall-favouring mode (no fallbacks), uncleaned: the
        second opinion of :func:`agree`."""
        return self._second()


def size(blocks: list[Block]) -> int:
    """The blocks' length in Latin-letter equivalents (:func:`text_size`)."""
    return sum(text_size(b.text) for b in blocks)


def choose(c: Candidates, rules: Rules = DEFAULT_RULES) -> tuple[list[Block], str]:
    """The article's blocks and the name of the extractor that found them."""
    primary = c.primary_of(rules.primary)
    blocks, extractor = keep_cleaned(primary, rules), "trafilatura"
    got = size(blocks)
    if got < rules.short or c.estimate > rules.estimate_ratio * got:
        # trafilatura may have stopped short (truncated article, no <p> tags)
        if c.region[1] >= rules.replace_ratio * got:
            fallback = keep_cleaned(c.bs4, rules)
            if size(fallback) >= rules.replace_ratio * got and (
                    got < rules.short or coverage(blocks, fallback) >= rules.min_coverage):
                blocks, extractor = fallback, "bs4"
    kept = size(blocks)
    if kept < rules.short or kept < rules.recall_below * c.estimate:
        # Never far less than trafilatura's own output in its recall mode.
        recall = keep_cleaned(c.recall, rules)
        if kept < rules.keep_ratio * size(recall) or not blocks:
            blocks, extractor = recall, "trafilatura-recall"
    if size(blocks) < rules.agree_below * c.estimate:
        blocks, extractor = agree(c, rules, blocks, extractor)
    return blocks, extractor


#: Two candidates whose 4-gram F1 is at least this are the same article: the third is
#: not computed (it could only choose between near-equal texts).
SAME_ARTICLE = 0.95


def agree(c: Candidates, rules: Rules, blocks: list[Block],
          extractor: str) -> tuple[list[Block], str]:
    """The candidate that agrees most with the others: ``blocks`` (the article so
    far), trafilatura's fast recall mode and the bs4 density pass, each cleaned.

    Agreement is the 4-gram F1 between two candidates (the benchmark's own
    measure); the one with the highest sum over the others wins, ties to
    ``blocks``; an empty candidate never wins.  When ``blocks`` and trafilatura's
    second opinion already agree (:data:`SAME_ARTICLE`), the bs4 pass is skipped.
    """
    second = keep_cleaned(c.second, rules)
    a, b = shingles(blocks), shingles(second)
    if not b or agreement(a, b) >= SAME_ARTICLE:
        return blocks, extractor
    third = keep_cleaned(c.bs4, rules)
    options = [(blocks, extractor, a), (second, "trafilatura-fast-recall", b),
               (third, "bs4", shingles(third))]
    options = [o for o in options if o[2]]
    best = max(options, key=lambda o: sum(agreement(o[2], p[2]) for p in options if p is not o))
    return best[0], best[1]


def agreement(a: set, b: set) -> float:
    """4-gram F1 between two candidates' shingle sets."""
    both = len(a & b)
    return 2 * both / (len(a) + len(b)) if both else 0.0


def keep_cleaned(blocks: list[Block], rules: Rules) -> list[Block]:
    """``blocks`` cleaned, unless cleaning removed most of them (then as found)."""
    cleaned = clean_blocks(blocks, rules)
    return cleaned if size(cleaned) >= rules.keep_ratio * size(blocks) else list(blocks)


# --- cleaning -----------------------------------------------------------------

_NOTICE = re.compile(
    r"^(?:advertisement|sponsored(?: content)?|related(?: articles?| stories| posts)?\b\W|"
    r"read (?:more|also|next)\b|see (?:more|also)\b|don'?t miss|more from|recommended|"
    r"share this|like this (?:story|article)|sign up|subscribe|we use cookies|"
    r"this (?:site|website) uses cookies|adblock detected|please (?:consider )?(?:support|disabl)|"
    r"follow (?:us|\w+ on)|all rights reserved|©|copyright|tell us what you think|"
    r"comments?$|\[\w+ [^\]]*\]|listen to .* live|updated (?:at|on) |click here)",
    re.I,
)
_PROMO = re.compile(
    r"(?:sign up|subscribe)\b.{0,80}\bnewsletter|newsletter\b.{0,80}\b(?:sign up|subscribe|inbox)|"
    r"\bget access to\b|\bclick here for more\b|\bfollow (?:us|him|her|them) on (?:twitter|facebook|instagram)",
    re.I,
)
# A copyright line written anywhere in a short line ("Capitol Wire (c) 2024",
# "Photos © 2019 The Ledger"): "©", "(c)" or "copyright" before a year.
_COPYRIGHT = re.compile(r"(?:©|\(c\)|\bcopyright\b)\s*(?:19|20)\d\d\b", re.I)
_COPYRIGHT_LINE = 120  # characters; a longer block is prose that mentions one
_SENTENCE_END = re.compile(f"[{SENTENCE_ENDS}:]\\s*$")  # a heading's colon too


# What every match of _PROMO holds, and of _COPYRIGHT (a quick test before the search).
_PROMO_WORDS = ("newsletter", "get access to", "click here for more", "follow ")
_COPYRIGHT_WORDS = ("©", "(c)", "copyright")


def is_notice(text: str) -> bool:
    """A promotional or page-furniture line ("Advertisement", "Read more: ...", a
    copyright line)."""
    return bool(_NOTICE.match(text)
                or (may_contain(text, _PROMO_WORDS) and _PROMO.search(text))
                or (len(text) <= _COPYRIGHT_LINE and may_contain(text, _COPYRIGHT_WORDS)
                    and _COPYRIGHT.search(text)))


def clean_blocks(blocks: list[Block], rules: Rules = DEFAULT_RULES) -> list[Block]:
    """Drop promotional lines and the run of bare headlines that ends many pages."""
    kept = [b for b in blocks if not (rules.notices and is_notice(b.text))]
    while kept and kept[-1].kind != "quote" and not _SENTENCE_END.search(kept[-1].text) \
            and text_size(kept[-1].text) < rules.tail \
            and (not rules.tail_headlines or looks_like_heading(kept[-1].text)):
        kept.pop()
    return kept


def coverage(inner: list[Block], outer: list[Block]) -> float:
    """Share of ``inner``'s word 4-grams that ``outer`` also contains."""
    a, b = shingles(inner), shingles(outer)
    return len(a & b) / len(a) if a else 0.0


def shingles(blocks: list[Block]) -> set[tuple[str, ...]]:
    words = re.findall(r"\w+", " ".join(b.text for b in blocks).lower())
    return {tuple(words[i : i + 4]) for i in range(max(0, len(words) - 3))}

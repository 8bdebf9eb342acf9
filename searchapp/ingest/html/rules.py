"""Which extracted text is the article: the rules and thresholds over the candidates.

:func:`searchapp.ingest.html.extract.extract_article` gathers, for one page, what the
extractors found (:class:`Candidates`): trafilatura's precision-mode blocks,
a cheap estimate of the page's visible text, and -- computed only when a rule
asks for them -- the beautifulsoup4 density pass and trafilatura's
recall-favouring mode.  :func:`choose` applies :class:`Rules` to them.

The rules are few and scale-free where they can be (ratios of one page's
own outputs); the absolute ones are lengths in Latin-letter equivalents
(:func:`searchapp.ingest.text.text_size`), so a Japanese or Chinese page is
held to the same bar as an English one.  The tuned ones (``short``,
``estimate_ratio``, ``tail``, ``tail_headlines``, ``notices``,
``recall_below``) are chosen by cross-validation
(``benchmarks/bench_extraction_cv.py``: on training folds only, scored on the
held-back fold); ``replace_ratio`` and ``min_coverage`` keep their earlier
values, to which no page of the benchmark is sensitive.

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

from searchapp.ingest.text import looks_like_heading, text_size
from searchapp.lexicon import SENTENCE_ENDS


@dataclass(frozen=True)
class Block:
    """One block of article text: ``kind`` is ``heading``, ``body`` or ``quote``."""

    kind: str
    text: str


@dataclass(frozen=True)
class Rules:
    """The thresholds of :func:`choose` (lengths in Latin-letter equivalents)."""

    #: Below this the article counts as short: the bs4 pass and trafilatura's
    #: recall mode are consulted.
    short: int = 200
    #: trafilatura's recall mode is also consulted when the article is less than
    #: this share of the page's visible text (an extraction gone wrong).
    recall_below: float = 0.1
    #: Run the bs4 pass when the page's visible text exceeds this × what was kept.
    estimate_ratio: float = 1.3
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


DEFAULT_RULES = Rules()


class Candidates:
    """What the extractors found in one page; the costly ones on first use only."""

    def __init__(self, primary: list[Block], estimate: int,
                 region: Callable[[], tuple[str | None, int]],
                 bs4: Callable[[str], list[Block]],
                 recall: Callable[[], list[Block]]) -> None:
        self.primary = primary  # trafilatura, fast precision mode, uncleaned
        self.estimate = estimate  # visible unlinked text (text_size of runs of 40+)
        self._region, self._bs4, self._recall = region, bs4, recall

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


def size(blocks: list[Block]) -> int:
    """The blocks' length in Latin-letter equivalents (:func:`text_size`)."""
    return sum(text_size(b.text) for b in blocks)


def choose(c: Candidates, rules: Rules = DEFAULT_RULES) -> tuple[list[Block], str]:
    """The article's blocks and the name of the extractor that found them."""
    blocks, extractor = keep_cleaned(c.primary, rules), "trafilatura"
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
    return blocks, extractor


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
_SENTENCE_END = re.compile(f"[{SENTENCE_ENDS}:]\\s*$")  # a heading's colon too


def is_notice(text: str) -> bool:
    """A promotional or page-furniture line ("Advertisement", "Read more: ...")."""
    return bool(_NOTICE.match(text) or _PROMO.search(text))


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

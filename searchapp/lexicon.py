"""Word lists and character classes that several stages share, declared once.

* **Writing systems.** Han, Hangul and Kana: the analyzer indexes their runs as
  bigrams, the extractor measures text in them, person matching compares their
  aliases character by character, the encoding detector and the language guess
  count them.
* **Sentence ends**: the full stops of Latin and CJK text and the closing quotes
  and brackets that may follow them.
* **Hyphens** inside words and names, **apostrophes** and the possessive.
* **Months and weekdays** (English) as dates are written and as bylines end.
* **Titles** persons are called by ("President Yoon", "Mr. Xi") and a **name token**
  (a capitalised word, hyphenated parts allowed).

Every constant here is a string to put inside a regex character class (ranges and
characters that need no escaping there) or a compiled pattern; each stage
combines them with what is its own (a colon ending a heading, PDFium's hyphen).
"""

from __future__ import annotations

import re

# -- writing systems ------------------------------------------------------------------
# Unicode blocks (Unicode 15.1).  Bounds are the blocks' assigned code points: Hangul
# syllables end at U+D7A3 (U+D7A4-D7AF are unassigned); U+4DC0-4DFF between Han
# extension A and the unified ideographs are the Yijing hexagram symbols, not Han;
# planes 2 and 3 hold only ideographs (extensions B-H, compatibility supplement).
# Half-width katakana (U+FF66-FF9F) are left out of KANA on purpose: Latin-1 bytes
# misread as Shift-JIS become exactly those, and the encoding detector counts KANA.

#: Hangul syllables alone (how Korean names are written).
HANGUL_SYLLABLES = "\uac00-\ud7a3"
#: Hangul: jamo, compatibility jamo, jamo extended-A, syllables, jamo extended-B.
HANGUL = "\u1100-\u11ff\u3130-\u318f\ua960-\ua97f" + HANGUL_SYLLABLES + "\ud7b0-\ud7ff"
#: Kana: hiragana, katakana, katakana phonetic extensions.
KANA = "\u3040-\u309f\u30a0-\u30ff\u31f0-\u31ff"
#: Han: extension A, unified ideographs, compatibility ideographs, planes 2 and 3.
HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003ffff"
#: Every character written without spaces between words (a regex class body).
CJK = HANGUL + KANA + HAN

CJK_CHAR = re.compile(f"[{CJK}]")
CJK_RUN = re.compile(f"[{CJK}]+")

# -- sentence ends --------------------------------------------------------------------

#: Full stops of CJK text: ideographic, full-width question and exclamation marks,
#: half-width ideographic full stop.
CJK_STOPS = "。！？｡"
#: Every full stop: Latin and CJK.
STOPS = ".!?" + CJK_STOPS
ELLIPSIS = "…"
#: What may close a sentence after its stop: quotes and brackets, Latin and CJK.
CLOSERS = "\"”’)\\]」』）"
#: The characters a sentence can end with (a regex class body).
SENTENCE_ENDS = STOPS + ELLIPSIS + CLOSERS
#: A text whose last character ends a sentence.
SENTENCE_END = re.compile(f"[{SENTENCE_ENDS}]$")
#: A text whose last character is a full stop.
FULL_STOP = re.compile(f"[{STOPS}]$")

# -- hyphens and apostrophes ----------------------------------------------------------

#: Hyphens that join the parts of a word: hyphen-minus, hyphen, non-breaking hyphen.
WORD_HYPHENS = "\\-\u2010\u2011"
#: Hyphens written inside names ("Suk-yeol", "Tae‒yul"): also the figure and en dash.
NAME_HYPHENS = WORD_HYPHENS + "\u2012\u2013"
#: The same characters unescaped, for ``in`` tests and ``str`` methods.
NAME_HYPHEN_CHARS = NAME_HYPHENS.replace("\\", "")
APOSTROPHES = "'’"
#: A possessive ending a name ("Yoon's", "Trump’s", "Chavez'").
POSSESSIVE_END = re.compile(f"[{APOSTROPHES}]s?$")

# -- months and weekdays --------------------------------------------------------------

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
#: "jan" -> 1 ... "dec" -> 12: a month's number by the first three letters of its name.
MONTH_NUMBERS = {m[:3].lower(): i for i, m in enumerate(MONTHS, start=1)}
#: The abbreviations dates are written with ("Jan.", "Sept."): the first three letters,
#: and "Sept".
MONTH_ABBREVIATIONS = tuple(m[:3] for m in MONTHS) + ("Sept",)
#: A month as dates write it, a regex: its name or an abbreviation ("Sep", "Sept",
#: "September"; the dot is the caller's).
MONTH = "(?:Sept|" + "|".join(f"{m[:3]}(?:{m[3:]})?" if m[3:] else m for m in MONTHS) + ")"


def month_number(name: str) -> int:
    """1-12 for a month's name or abbreviation, any case, a trailing dot allowed;
    KeyError for anything else."""
    return MONTH_NUMBERS[name.lower().rstrip(".")[:3]]


# -- persons --------------------------------------------------------------------------

#: Titles persons are called by ("President Yoon", "Mr. Xi"), a regex alternation:
#: the registry's short mentions, the recognizer's rules and the found persons' names
#: share them.
TITLES = (
    r"President(?:-elect)?|Vice President|Prime Minister|Premier|Chairman|Chairwoman|"
    r"General Secretary|Secretary-General|Secretary of State|Secretary|Foreign Minister|"
    r"Defen[cs]e Minister|Unification Minister|Finance Minister|Minister|Ambassador|"
    r"Chancellor|Governor|Gov\.|Senator|Sen\.|Rep\.|Representative|Speaker|Leader|"
    r"Supreme Leader|King|Queen|Prince|Princess|Emperor|Pope|Marshal|General|Gen\.|Admiral|"
    r"Colonel|Col\.|Judge|Justice|Mayor|CEO|Dr\.|Prof\.|Professor|Mr\.|Mrs\.|Ms\.|Mr|Mrs|Ms|"
    r"Sir|Dame|Lord|Lady"
)
#: The words of the titles ("Vice", "President", "Gov.", "Defen[cs]e" as written).
TITLE_WORDS = frozenset(w for t in TITLES.split("|")
                        for w in re.sub(r"[\\()?:\-]|elect", " ", t).split())
#: A capitalised word of a name, hyphenated parts allowed ("Kim", "Tae-yul", "Jean-Luc").
NAME_TOKEN = rf"[A-Z][a-z]+(?:[{NAME_HYPHENS}][A-Za-z][a-z]+)*"

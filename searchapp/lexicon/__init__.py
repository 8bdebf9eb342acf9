"""Word lists and character classes that several stages share, declared once.

* **Writing systems.** Han, Hangul and Kana: the analyzer indexes their runs as
  bigrams, the extractor measures text in them, person matching compares their
  aliases character by character, the encoding detector and the language guess
  count them.
* **Sentence ends**: the full stops of Latin and CJK text and the closing quotes
  and brackets that may follow them; what may stand before a sentence's first word.
* **Hyphens** inside words and names, **apostrophes** and the possessive.
* **Months and weekdays** (English) as dates are written and as bylines end.
* **Titles** persons are called by ("President Yoon", "Mr. Xi"), the courtesy titles
  among them, a **name token** (a capitalised word, hyphenated parts allowed), the
  particles and glued prefixes of names ("de", "bin"; "Mc", "O'").
* **Agencies**: the news agencies a story is distributed by, and the names photo
  credits give agencies by.

The constants are strings to put inside a regex character class (ranges and
characters that need no escaping there), regex alternations, compiled patterns or
word sets; each stage combines them with what is its own (a colon ending a heading,
PDFium's hyphen).  ``tests/test_lexicon.py`` fails when a month list, a sentence-end
class or a CJK range is written out again elsewhere.
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
#: Hangul letters not composed into syllables: jamo, compatibility jamo, jamo
#: extended-A and -B.
HANGUL_JAMO = "\u1100-\u11ff\u3130-\u318f\ua960-\ua97f\ud7b0-\ud7ff"
#: Hangul: the jamo and the syllables.
HANGUL = HANGUL_JAMO + HANGUL_SYLLABLES
#: Katakana (with the middle dot and the long vowel mark).
KATAKANA = "\u30a0-\u30ff"
#: The katakana of a name's parts: the letters and the long vowel mark, not the middle dot
#: that joins the parts ("ジェーン・ドウ").
KATAKANA_LETTERS = "\u30a1-\u30fa\u30fc"
#: Kana: hiragana, katakana, katakana phonetic extensions.
KANA = "\u3040-\u309f" + KATAKANA + "\u31f0-\u31ff"
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
#: What may stand just before a sentence's first word (a regex class body): a full
#: stop, a colon or semicolon, a quote, a dash, a bullet or a bar ("Gallery | Kim
#: Jong-un visits ...").  Not an opening parenthesis: a capital after one is a name's
#: as often as an aside's first word ("a caterer (Spike Fearn) ...").
BEFORE_A_SENTENCE = STOPS + ":;\"“”'—–•·|"

# -- hyphens and apostrophes ----------------------------------------------------------

#: Hyphens that join the parts of a word: hyphen-minus, hyphen, non-breaking hyphen.
WORD_HYPHENS = "\\-\u2010\u2011"
#: Hyphens written inside names ("Suk-yeol", "Tae‒yul"): also the figure and en dash.
NAME_HYPHENS = WORD_HYPHENS + "\u2012\u2013"
#: The same characters unescaped, for ``in`` tests and ``str`` methods.
NAME_HYPHEN_CHARS = NAME_HYPHENS.replace("\\", "")
APOSTROPHES = "'’"
#: A possessive after a name, a regex ("Yoon's", "Trump’s"): an apostrophe and an s.
POSSESSIVE = f"[{APOSTROPHES}]s"
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
#: Months, and abbreviations of them, that are also given names ("Theresa May", "June
#: Carter", "Kim Jun", "Jan Nowak"): cut from a name before a date only where the name
#: keeps two words without them.
NAME_MONTHS = frozenset(("April", "May", "June", "August", "Jan", "Jun"))
#: A month as dates write it, a regex: its name or an abbreviation ("Sep", "Sept",
#: "September"; the dot is the caller's).
MONTH = "(?:Sept|" + "|".join(f"{m[:3]}(?:{m[3:]})?" if m[3:] else m for m in MONTHS) + ")"


def month_number(name: str) -> int:
    """1-12 for a month's name or abbreviation, any case, a trailing dot allowed;
    KeyError for anything else."""
    return MONTH_NUMBERS[name.lower().rstrip(".")[:3]]


# -- persons --------------------------------------------------------------------------

#: Forms of address of the world's languages, by language and by how much evidence a cut
#: needs, are declared in :mod:`searchapp.lexicon.address` (one place): the
#: titles of faith, honour and address the titles regex below holds ("Sister Brigid",
#: "Alhaji Musa Dankabo"), those that are family or given names too ("Pak", "Don"), those
#: written after a name ("Ahmet Bey").
from searchapp.lexicon.address import (  # noqa: E402
    ADDRESS_TITLES,
    ADDRESS_WORDS_BEFORE,
    ADDRESS_WORDS_GIVEN,
    ADDRESS_WORDS_SHARED,
    TITLES_AFTER,
)

#: Titles persons are called by ("President Yoon", "Mr. Xi"), a regex alternation:
#: the registry's short mentions, the recognizer's rules and the found persons' names
#: share them.
TITLES = (
    r"President(?:-elect)?|Vice President|Prime Minister|Premier|Chairman|Chairwoman|"
    r"General Secretary|Secretary-General|Secretary of State|Secretary|Foreign Minister|"
    r"Defen[cs]e Minister|Unification Minister|Finance Minister|Minister|Ambassador|"
    r"Chancellor|Governor|Gov\.|Senator|Sen\.|Rep\.|Representative|Speaker|Leader|"
    r"Supreme Leader|King|Queen|Prince|Princess|Emperor|Pope|Marshal|Rear Admiral|Vice Admiral|"
    r"Lieutenant General|Major General|Brigadier General|Lieutenant|Brigadier|Commander|"
    r"Captain|Sergeant|General|Gen\.|Admiral|"
    r"Colonel|Col\.|Judge|Justice|Mayor|CEO|Dr\.|Prof\.|Professor|Mr\.|Mrs\.|Ms\.|Mr|Mrs|Ms|"
    r"Dr|Prof|"
    r"Sir|Dame|Lord|Lady|" + "|".join(re.escape(t) for t in ADDRESS_TITLES)
)
#: Titles a given name follows, not a family name ("Queen Elizabeth", "Sir Keir", "Pope
#: Leo"): the word after them is no family name to look for in other documents.
GIVEN_NAME_TITLES = r"King|Queen|Prince|Princess|Emperor|Empress|Pope|Saint|Sir|Dame|Lord|Lady"
#: The words of the titles ("Vice", "President", "Gov.", "Defen[cs]e" as written).
TITLE_WORDS = frozenset(w for t in TITLES.split("|")
                        for w in re.sub(r"[\\()?:\-]|elect", " ", t).split())
#: The capital letters of the Latin script as a regex class's body ("A-Z", "Đ", "Ł", "Ş",
#: "Ẩ"): names and places written with them ("Đà Nẵng", "Łódź") start with one.
LATIN_CAPITALS = "A-ZÀ-ÖØ-Þ" + "".join(
    ch for ch in map(chr, [*range(0x100, 0x250), *range(0x1E00, 0x1F00)]) if ch.isupper())
#: A capitalised word of a name, hyphenated parts allowed ("Kim", "Tae-yul", "Jean-Luc").
NAME_TOKEN = rf"[A-Z][a-z]+(?:[{NAME_HYPHENS}][A-Za-z][a-z]+)*"
#: Courtesy titles: they say nothing of a person's role ("Mr", "Dr", "Sir"), as written
#: without their dot.
#: The courtesy titles that say only a person's sex ("Mr", "Ms"), without their dot.
COURTESY_TITLES = ("Mr", "Mrs", "Ms", "Mx")
HONORIFICS = (*COURTESY_TITLES, "Dr", "Prof", "Professor", "Sir", "Dame")
#: The connectors of patronymic names ("son / daughter of"), a closed class: Malay and
#: Indonesian bin, binti, bte (Malaysian official abbreviation); Arabic ibn, bint;
#: Hebrew ben, bat; Hassaniya (Mauritania) ould, mint; Welsh ap, ferch (Wikipedia
#: "Patronymic", "Malay names", "Arabic name", "Welsh surnames").  Written in lower case
#: between two capitalized names, they join a person's given name to the father's.
PATRONYMIC_LINKS = frozenset({"bin", "binti", "bte", "ibn", "bint", "ben", "bat", "ould",
                              "mint", "ap", "ferch"})
#: Lower-case particles inside names ("Alex de Minaur", "Edwina von Gal", "Mohammed bin
#: Salman"), written in lower case even when the name is in capitals.
NAME_PARTICLES = frozenset({
    "de", "da", "di", "do", "dos", "das", "du", "del", "della", "der", "den", "van", "von",
    "ter", "ten", "la", "las", "le", "los", "el", "al", "bin", "ibn", "bint", "y", "e", "zu"})
#: Words that begin a family name written apart and never end a name: the patronymic and
#: family prefixes of Irish and Scottish Gaelic ("Mac an Bhaird", "Ó Ceallacháin", "Ní
#: Bhriain", "Nic Amhlaoibh", "Mhic", "Uí"), Welsh "ap", Tuareg "Ag", Arabic "Bin", "Ibn",
#: "Abu", "Ould", and the capitalized Dutch, German and Romance particles ("Van", "Von",
#: "De", "Da", "Di", "Del", "Della", "Dos", "Du").  A span ending in one was cut inside the
#: name ("Dervla Mac" of "Dervla Mac an Bhaird").
NAME_LINK_WORDS = frozenset({
    "Mac", "Mc", "Ó", "Ní", "Nic", "Mhic", "Uí", "Ua", "Ap", "Ag", "Bin", "Ibn", "Bint", "Abu",
    "Ould", "Van", "Von", "De", "Da", "Di", "Del", "Della", "Dos", "Du"})
#: Small words inside a Gaelic family name after such a prefix ("Mac an Bhaird", "Mac na
#: Mara", "Ó an Bhaird"): the article.
GAELIC_ARTICLES = frozenset({"an", "na"})
#: Prefixes glued to a capital inside a family name ("McDonald", "DeSantis", "O'Brien"),
#: a regex alternation.
NAME_PREFIXES = f"Mc|Mac|De|Di|Da|Du|La|Le|Van|Von|D[{APOSTROPHES}]|O[{APOSTROPHES}]"
#: A word whose inner capital follows such a prefix (not two words run together).
PREFIXED_NAME = re.compile(f"^(?:{NAME_PREFIXES})[A-Z]")

# -- agencies ---------------------------------------------------------------------------

#: News agencies: the name a source is given, then the ways bylines write it.
#: Acronyms are matched in capitals only ("AP", not "ap"); names in any case.
NEWS_AGENCIES: dict[str, tuple[str, ...]] = {
    "Associated Press": ("The Associated Press", "Associated Press", "AP"),
    "Reuters": ("Thomson Reuters", "Reuters"),
    "AFP": ("Agence France-Presse", "Agence France Presse", "AFP"),
    "Bloomberg": ("Bloomberg News", "Bloomberg"),
    "dpa": ("Deutsche Presse-Agentur", "dpa"),
    "UPI": ("United Press International", "UPI"),
    "Yonhap": ("Yonhap News Agency", "Yonhap News", "Yonhap", "연합뉴스"),
    "Xinhua": ("Xinhua News Agency", "Xinhua", "新华社", "新華社"),
    "Kyodo": ("Kyodo News", "Kyodo", "共同通信社", "共同通信", "共同"),
    "Jiji Press": ("Jiji Press", "時事通信社", "時事通信", "時事"),
    "Central News Agency": ("Central News Agency", "中央通訊社", "中央通讯社", "中央社"),
    "China News Service": ("China News Service", "中国新闻社", "中國新聞社", "中新社"),
    "KCNA": ("Korean Central News Agency", "KCNA", "조선중앙통신"),
    "ANSA": ("ANSA",),
    "EFE": ("Agencia EFE", "EFE"),
    "Europa Press": ("Europa Press",),
    "TASS": ("TASS",),
    "Interfax": ("Interfax",),
    "RIA Novosti": ("RIA Novosti",),
    "PA Media": ("PA Media", "Press Association"),
    "Press Trust of India": ("Press Trust of India", "PTI"),
    "ANI": ("Asian News International", "ANI"),
    "IANS": ("IANS",),
    "Canadian Press": ("The Canadian Press", "Canadian Press"),
    "AAP": ("Australian Associated Press", "AAP"),
    "Anadolu Agency": ("Anadolu Agency", "Anadolu"),
    "Bernama": ("Bernama",),
    "Antara": ("Antara",),
    "Lusa": ("Lusa",),
}
#: The news agencies whose pictures pages credit most (keys of NEWS_AGENCIES); the
#: others' short names are also parties' and bodies' ("AAP", "ANI"), which a credit
#: rule must not take for an agency.
PHOTO_CREDITED = ("Associated Press", "Reuters", "AFP", "Bloomberg", "UPI", "Yonhap",
                  "Xinhua", "Kyodo", "KCNA")
#: Picture agencies and services, not news agencies, that photo credits name.
PICTURE_AGENCIES = ("Getty Images", "Getty", "EPA", "Shutterstock", "Alamy", "Sipa",
                    "Imaginechina")
#: Every name a photo credit gives an agency by: a regex alternation, longest first.
#: (Their names in Latin letters: the credit rules read Latin-script credits; a byline's
#: "（共同）" or "新华社记者" is read by searchapp.ingest.bylines.)
CREDIT_AGENCIES = "|".join(re.escape(name) for name in sorted(
    {a for key in PHOTO_CREDITED for a in NEWS_AGENCIES[key] if a.isascii()}
    | set(PICTURE_AGENCIES),
    key=lambda name: (-len(name), name)))

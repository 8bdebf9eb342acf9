"""Rules that correct what a name recognizer gets wrong, one paragraph at a time.

The model's PERSON spans are repaired (possessives and headline words cut,
hyphenated given names completed, glued names split) and then judged.  The
rules look at the shape of the text around a span, never at a list of names
tuned to a sample:

* **credits** -- "Name/Getty Images", "Name/POOL/AFP", "(Photo by Name)",
  "Photo: Name": a photographer is credited, not written about;
* **organisations** -- spans ending in a word that names a kind of body,
  event or place ("Wilson Center", "Davis Cup", "Camp David" is FAC/LOC for
  the model already), or introduced as one ("the newspaper, Rodong Sinmun");
* **ordinary words** -- every word of the span is used in lower case in the
  collection ("Give Well", "Blue Origin", "Coming Era"): capitalization, not
  a name, made it look like one.

Headline and title-case paragraphs are judged later, against the names the
body text confirms (:mod:`searchapp.ingest.persons.people`).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable

from searchapp.ingest.persons.words import (
    FUNCTION_WORDS,
    NAMED_OF_HEADS,
    ORG_HEADS,
    ORG_WORDS,
    PLACE_PARTICLES,
    ROLE_NOUNS,
)
from searchapp.lexicon import (
    ADDRESS_TITLES,
    APOSTROPHES,
    BEFORE_A_SENTENCE,
    CJK_STOPS,
    COURTESY_TITLES,
    CREDIT_AGENCIES,
    GAELIC_ARTICLES,
    MONTH_NUMBERS,
    MONTHS,
    NAME_HYPHENS,
    NAME_LINK_WORDS,
    NAME_PARTICLES,
    POSSESSIVE,
    POSSESSIVE_END,
    PREFIXED_NAME,
    TITLE_WORDS,
    TITLES,
    WEEKDAYS,
)

_H = NAME_HYPHENS
#: Titles before a name ("President Yoon", "Mr. Xi"): searchapp.lexicon.TITLES.
TITLE_BEFORE = re.compile(rf"(?:{TITLES})\s+$")
_AGENCY = rf"(?:{CREDIT_AGENCIES})\b"  # searchapp.lexicon: the agencies credits name
_CREDIT_AFTER = re.compile(
    rf"\s*/\s*[A-Z]|\s*(?:for|via)\s+(?:{_AGENCY}|Pool|POOL)|\s*\({_AGENCY}|\s*[{_H}]\s*{_AGENCY}"
    rf"|\s*,?\s*{_AGENCY}(?![ \t]+[a-z])")
_CREDIT_BEFORE = re.compile(
    r"(?:\b(?:Photo(?:graph)?s?|Pictures?|Images?|Credits?|Courtesy|Illustration)\b"
    r"(?:\s+(?:by|of|courtesy of))?\s*:?|©|\(c\))\s*$", re.I)
_INTRODUCED_AS_ORG = re.compile(
    rf"\b(?:the|its|their|our|a|an|\w+{POSSESSIVE}?)\s+(?:[\w-]+\s+)?"
    r"(?:newspaper|daily|weekly|magazine|broadcaster|agency|outlet|channel|website|"
    r"company|firm|startup|start-up|band|brand|app|platform|network|organi[sz]ation|"
    r"foundation|charity|think tank|team|club|airline|carrier|publication|journal|program|"
    r"programme|show|series|newsletter|album|film|novel|book|charity)\s*,?\s*(?:the\s+|called\s+|"
    r"named\s+)?[\"“]?$", re.I)
_POSSESSIVE = re.compile(f"(?<=[A-Za-z])[{APOSTROPHES}]s?(?![A-Za-z])")
_GLUE = re.compile(r"(?<=[a-z])(?=[A-Z])")
# a hyphenated name's next part, any Latin letters ("-soo", "-Rødal"), no capitals after its first
_HYPHEN_TAIL = re.compile(rf"[{_H}][A-Za-zÀ-ÖØ-öø-ɏḀ-ỿ][a-zß-öø-ɏḀ-ỿ]+")
_CAPS_WORD = re.compile(r"\b[A-Z]{2,}\b(?![.'’])")
# " 's" after a space (a tokenizer's trace), a spaced dash ("Chainsaw Man - The Movie")
#: A name after one word's possessive in a span: two or three capitalized words.
_OWNED_NAME = re.compile(r"\s+([A-Z][a-z][\w'’-]*(?:\s+[A-Z][\w'’-]+){1,2})")
_SPACED = re.compile(rf"[ \t]+(?:{POSSESSIVE}\b|[-–—][ \t])")
_WORD_TAIL = re.compile(r"(?:ed|ing|based|style|like|era|type|esque|born|led|backed|owned|"
                        r"sized|wide|free|friendly|made|fueled)$")
_ROLE_WORD = re.compile(r"([A-Z][a-z]+)[ \t]+(?=[A-Z])")
_ADDRESS_TITLE = re.compile(rf"(?:{'|'.join(re.escape(t) for t in ADDRESS_TITLES)})[ \t]+"
                            r"(?=[A-ZÀ-ÖØ-Þ])")
#: A courtesy title written without its dot, which the model takes into the name ("Ms
#: Whitcombe"; "Ms. Whitcombe" it leaves out).  ("Dr Hà": see
#: :mod:`searchapp.ingest.persons.address`.)
_COURTESY = re.compile(rf"(?:{'|'.join(COURTESY_TITLES)})[ \t]+(?=[A-Z])")
# Capitalized small words a title runs on with after a name ("Ann Roe Through", "Ann
# Roe With"): never the end of a person's name.
_FUNCTION_TAIL = re.compile(r"(?:[ \t]+(?:The|Of|And|Or|Through|With|Without|From|Into|About|"
                            r"Over|After|Before|Under|For|To|At|In|On|By|Is|Was|Are|Vs|Versus|"
                            r"Against|Between|Behind|Beyond|Across|During|Since|Until|Upon|"
                            r"Within|Amid))+$")
_CAPS_TAIL = re.compile(r"(?:[ \t,]+[A-Z]{2,})+$")
# A job title a credit or a caption runs on with after a name ("Ann Roe Co-Owner", "Ann
# Roe Founder"): words no family name is.
# "To: Ann Roe Cc: Bo Li": an e-mail header's next field glued to the name before its colon
_HEADER_TAIL = re.compile(r"[ \t]+(?:Cc|CC|Bcc|BCC|Subject|SUBJECT|From|To|Date|Sent|Re)$")
_JOB_TAIL = re.compile(r"[ \t]+(?:Co-?)?(?:Founder|Owner|Director|Manager|Editor|President|"
                       r"Chairman|Chairwoman|Executive|Officer|Coordinator|Planner|Strategist|"
                       r"Consultant|Specialist|Assistant|Associate|Intern)$")
# ... and the name it introduces after it ("Acme Events Founder and Lead Designer Ann Roe",
# "Acme Events Founder Ann Roe"): the words before the title are the firm's
_TITLE_THEN_NAME = re.compile(r"(?:[ \t]+(?:and|&)(?:[ \t]+[A-Z][\w-]*){1,3})?,?[ \t]+"
                              r"[A-Z][a-z]+[ \t]+[A-Z][a-z]")
_UNDERSCORED_FAMILY = re.compile(r"[A-Za-z]_([A-Z][a-z]+)[ \t]+$")
_CHARACTER_BEFORE = re.compile(
    r"\b(?:role|roles|character|characters|plays|played|playing|portrays|portrayed|portraying|"
    r"voices|voiced|voicing|(?:to|will|would|could|can|must)\s+play|stars?\s+as|starring\s+as|"
    r"cast\s+as)\s+(?:as\s+|of\s+)?$", re.I)
# (not a break: the modifier letters and combining accents Latin-script names are written
# with -- the Hawaiian ʻokina "Kealiʻi", ʿayn "ʿAbd", an accent typed apart "José")
_BREAK = re.compile(r"[(\[{<\"“”/|@#]|[^\x00-\u024f\u02b0-\u036f\u1e00-\u1eff\u2010-\u2019\s]")


def _latin_letter(ch: str) -> bool:
    """Whether ``ch`` is a letter of the Latin script (any block: "ə", "ł", "ß")."""
    return ch.isalpha() and unicodedata.name(ch, "").startswith("LATIN")


# Closed-class words the model sometimes takes into a name at a sentence start.
_LEADING = re.compile(
    r"^(?:(?:the|The|THE|A|An|And|But|Or|So|Yet|Although|Though|While|When|Whereas|If|As|"
    r"Like|Unlike|Via|Per|Hey|Hi|Hello|Dear|Dearest|Thanks|Thank|Meanwhile|However|Also|Then|Now|"
    r"Former|Late|Ex|Both|Even|Only|Just|Said|Says|Meet|About|With|For|From|Of|To|In|On|"
    r"At|By|Why|How|What|Who|Is|Are|Was)\s+)+")


# "Minister of [Transport] Pieter van Wyk", "Secretary for [Home Affairs] Ann Roe": a title's
# field, which the model takes into the name after "of" / "for"
#: A title and its field before a name ("Minister of Home Affairs ", "Secretary for Trade,
#: Industry and Competition "): the name's title.
_TITLE_OF = rf"\b(?:{TITLES}|Ministry|Department)[ \t]+(?:of|for)[ \t]+(?:the[ \t]+)?"
_LINKED = r"[ \t]*,[ \t]*|[ \t]+(?:and|&)[ \t]+"
TITLE_FIELD_BEFORE = re.compile(rf"{_TITLE_OF}(?:[A-Z][\w'’-]*(?:{_LINKED}|[ \t]+)){{1,5}}$")
# ... where the model's span starts at the field or at one of its items after a link
# ("Minister of [Transport ...", "Minister of Trade, Industry and [Competition ...")
_FIELD_BEFORE = re.compile(rf"{_TITLE_OF}(?:[A-Z][\w'’-]*(?:{_LINKED})){{0,5}}$")
_FIELD_IN = re.compile(rf"(?:{TITLES})[ \t]+(?:of|for)[ \t]+(?:the[ \t]+)?(?=[A-Z])")
# a field's later words are nouns ("Affairs", "Development", "Security", "Energy")
_FIELD_NOUN = re.compile(r"(?:s|ment|tion|sion|ity|ure|ance|ence|ry|gy|cs|ing|ism|ship|hood)$")
_FIELD_LINK = re.compile(r"[ \t]*(?:,|\band\b|&)[ \t]*")
# "the University of [Baghdad]", "the Mosque of [Amir Tughan]": a name an institution is of
_NAMED_OF = re.compile(rf"\b(?:{'|'.join(sorted(NAMED_OF_HEADS | ORG_HEADS))})[ \t]+of[ \t]+"
                       r"(?:the[ \t]+)?$")


_TITLE_HEADS = frozenset({*TITLE_WORDS, "Ministry", "Department"})
_OF_HEADS = frozenset(NAMED_OF_HEADS | ORG_HEADS)


def after_title_of(text: str, start: int, reach: int, heads: frozenset[str] = _TITLE_HEADS) -> bool:
    """Whether one of ``heads`` stands before an "of" or "for" in the ``reach`` characters
    before ``start`` ("Minister of ...", "University of ..."): the cheap test before the
    patterns that say how."""
    window = text[max(0, start - reach):start]
    for link in (" of ", " for "):
        i = window.rfind(link)
        while i > 0:
            if window[:i].rsplit(None, 1)[-1:] and window[:i].rsplit(None, 1)[-1] in heads:
                return True
            i = window.rfind(link, 0, i)
    return False


def _past_field(text: str, start: int, end: int) -> int:
    """Where a name starts after a title's field the model took in ("[Transport] Pieter
    van Wyk" after "Minister of"; "[Trade, Industry and Competition] Ann Roe"): after the
    field's last link word, else after its first word, then past nouns while more than
    two capitalized words are left; ``end`` when no name is left."""
    links = list(_FIELD_LINK.finditer(text, start, end))
    if links:
        start = links[-1].end()
    m = re.match(r"\S+[ \t]+", text[start:end])
    if not m:
        return end
    start += m.end()
    while True:
        words = text[start:end].split()
        caps = [w for w in words if w[:1].isupper() and w not in NAME_LINK_WORDS]
        if len(caps) <= 2 or not _FIELD_NOUN.search(words[0]) or not words[0][:1].isupper():
            return start
        start += len(words[0])
        while start < end and text[start].isspace():
            start += 1


def repair(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The model's span ``text[start:end]`` corrected; maybe several spans, maybe none.

    Cuts a leading "the", a hashtag or handle word ("#Browns Greedy Williams"), a
    label in capitals before the name ("Browns DL Sheldon Richardson") or an agency
    after it ("Kinnard AP"), a possessive and what follows it ("Kim Jong-un's
    Visit" -> "Kim Jong-un"); completes hyphenated given names the model cut short
    ("Han Duck" + "-soo") and family names glued to a credit's role by an underscore
    ("Choreographer_Jeong [Hye Jin]" -> "Jeong Hye Jin"); splits names glued
    together by lost spacing ("Kim Il-sungMao Zedong"), never one camel-case word
    ("PolitiFact").
    """
    span = text[start:end]
    m = _LEADING.match(span)
    if m:
        start += m.end()
        span = text[start:end]
    m = _FIELD_IN.match(span) if " of " in span or " for " in span else None
    if m:  # "Minister of Transport Pieter van Wyk": the title ...
        start += m.end()
        span = text[start:end]
    if m or (after_title_of(text, start, 60)
             and _FIELD_BEFORE.search(text, max(0, start - 60), start)):
        start = _past_field(text, start, end)  # ... and its field
        if start >= end:
            return []
        span = text[start:end]
    if after_title_of(text, start, 40, _OF_HEADS) \
            and _NAMED_OF.search(text, max(0, start - 40), start):
        return []  # "the University of Baghdad": a part of an institution's name
    m = _COURTESY.match(span)  # "Ms Whitcombe": the family name, as after "Ms."
    if m:
        start += m.end()
        span = text[start:end]
    m = _ROLE_WORD.match(span)  # "Superintendent Jennifer McCormick": a role, then a name
    if m and m.group(1).casefold() in ROLE_NOUNS and len(span[m.end():].split()) >= 2:
        start += m.end()
        span = text[start:end]
    m = _ADDRESS_TITLE.match(span)  # "Alhaji Musa Dankabo", "Sister Brigid": a title of
    if m:  # faith, honour or address, never a word of the name, even before one name word
        start += m.end()
        span = text[start:end]
    if "_" in span:  # "Art Director_Park Dong Woo": a credit's role glued on
        start += span.rindex("_") + 1
        span = text[start:end]
    m = _UNDERSCORED_FAMILY.search(text, max(0, start - 40), start)
    if m:
        start = m.start(1)
    if start and text[start - 1] in "#@":  # "#Browns Greedy Williams"
        m = re.match(r"\S+\s+", text[start:end])
        start = start + m.end() if m else end
    m = _POSSESSIVE.search(text, start, end) or _SPACED.search(text, start, end)
    owned = None  # "Labour’s Pat McFadden", "Britain’s Keir Starmer": the name owned too
    if m:
        tail = _OWNED_NAME.fullmatch(text, m.end(), end)
        if tail and " " not in text[start:m.start()].strip():
            owned = (tail.start(1), end)
        end = m.start()
    m = _BREAK.search(text, start, end)  # "Xi Jinping(习近平": brackets, other scripts
    while m and _latin_letter(m.group()):  # not at a Latin letter ("Məmmədov")
        m = _BREAK.search(text, m.end(), end)
    if m:
        end = m.start()
    if end < len(text) and not text[end].isascii() and _latin_letter(text[end]) \
            and text[end - 1].isalpha():
        # the model cut a word at a letter it does not know ("Tural M" + "əmmədli"): the
        # word is whole (not a camel-case glue: "Il-sungMao" is split below)
        while end < len(text) and _latin_letter(text[end]):
            end += 1
    while end > start and not text[end - 1].isalpha():  # "Nicolas Jarry 6-4", "Kim,"
        end -= 1
    if not text[start:end].isupper():
        # A word in capitals inside a name is a label before it ("Browns DL Sheldon
        # Richardson"), or an agency after it ("Kinnard AP").
        caps = [m for m in _CAPS_WORD.finditer(text, start, end) if m.end() < end]
        if caps and len(text[caps[-1].end():end].split()) > 1:
            start = caps[-1].end()
            while start < end and text[start].isspace():
                start += 1
        m = _CAPS_TAIL.search(text, start, end)
        if m and m.start() > start:
            end = m.start()
    while True:
        m = _HYPHEN_TAIL.match(text, end)
        if not m or _WORD_TAIL.search(m.group()):  # "Duck" + "-soo", not "Swift" + "-themed"
            break
        end = m.end()
    start, end = _with_particles(text, start, end)
    if ", " in text[start:end]:  # "Georgia Silvera Seamans, Environmental Studies"
        end = text.index(", ", start, end)
    m = _FUNCTION_TAIL.search(text, start, end)  # "Ann Roe Through the Years": a title's word
    if m and m.start() > start:
        end = m.start()
    m = _HEADER_TAIL.search(text, start, end)
    if m and text.startswith(":", end) and m.start() > start:
        end = m.start()
    m = _JOB_TAIL.search(text, start, end)
    if m and len(text[start:m.start()].split()) >= 2:
        if _TITLE_THEN_NAME.match(text, end):
            return []  # a firm, then its officer's title and name
        end = m.start()
    words = text[start:end].split()
    if len(words) >= 3 and words[-1] == words[0] \
            and not any(w.lower() in NAME_PARTICLES for w in words[1:-1]):  # "Ali bin Ali"
        end = start + text[start:end].rindex(" " + words[-1])  # "Ann Roe Ann has ...": the next
        # sentence's first word after a byline
    if end <= start:
        return []
    pieces: list[tuple[int, int]] = []
    cut = start
    if " " in text[start:end].strip():
        for m in _GLUE.finditer(text, start, end):
            word_start = max(text.rfind(" ", start, m.start()) + 1, start)
            if PREFIXED_NAME.match(text[word_start:end]):
                continue
            pieces.append((cut, m.start()))
            cut = m.start()
    pieces.append((cut, end))
    return [(s, e) for s, e in pieces if e > s] + (repair(text, *owned) if owned else [])


_PARTICLES = "|".join(sorted(NAME_PARTICLES, key=len, reverse=True))
#: Particles, then the capitalised word they belong to, right after a span the model cut
#: before or inside them ("Greta" + " von der Brugge", "Hamid" + " al-Rashidi").
_PARTICLES_ON = re.compile(rf"(?:[ \t]+(?:{_PARTICLES}))+[ \t]+[A-ZÀ-ÖØ-Þ][\w'’{_H}]*[a-zà-ÿ]"
                           rf"|[ \t]+(?:al|el)[{_H}][A-Z][\w'’]*[a-z]")
_PARTICLE_END = re.compile(rf"(?:[ \t]+(?:{_PARTICLES}))+$")
#: After a span ending in a prefix of a family name written apart ("Dervla Mac" + " an
#: Bhaird", "Ana De" + " la Torre"): the rest of that family name.
_LINKED_ON = re.compile(rf"(?:[ \t]+(?:{_PARTICLES}|{'|'.join(sorted(GAELIC_ARTICLES))}))*"
                        rf"[ \t]+[A-ZÀ-ÖØ-Þ][\w'’{_H}]*[a-zà-ÿ]")


def _with_particles(text: str, start: int, end: int) -> tuple[int, int]:
    """A name's particles are part of it: a span cut before them or inside them ("Greta
    von" of "Greta von der Brugge") grows over them to the word they belong to; a span
    ending in particles with no such word after them loses them.  A span ending in a
    family name's prefix written apart ("Dervla Mac", "Ana De") grows over the rest of that
    family name ("Mac an Bhaird"); without one after it, the word stays (a family name
    too: "Van", "Da")."""
    words = text[start:end].split()
    if len(words) >= 2 and words[-1] in NAME_LINK_WORDS:
        grown = _LINKED_ON.match(text, end)
        if grown and "\n" not in text[end:grown.end()]:
            return start, grown.end()
    if " " not in text[start:end].strip() and not _PARTICLES_ON.match(text, end):
        return start, end
    m = _PARTICLE_END.search(text, start, end)
    cut = m.start() if m and m.start() > start else end
    grown = _PARTICLES_ON.match(text, cut)
    if grown and not text[end:grown.end()].startswith(("\n",)):
        return start, grown.end()
    return start, cut


def repair_place(text: str, start: int, end: int) -> tuple[int, int] | None:
    """A place span corrected: a leading "the" and a possessive cut, a compound's
    tail cut ("Washington-based"), abbreviations kept whole ("U.S.", "Calif.")."""
    m = re.match(r"(?:the|The|THE)\s+", text[start:end])
    if m:
        start += m.end()
    m = POSSESSIVE_END.search(text, start, end)
    if m:
        end = m.start()
    # "Washington-based": a compound's tail -- not a place's inner small word
    # ("Saint-Aubert-les-Roches", "Stratford-upon-Avon")
    m = re.search(rf"[{_H}][a-z](?![a-z]*[{_H}][A-ZÀ-ÖØ-Þ])", text[start:end])
    if m:
        end = start + m.start()
    end = start + len(text[start:end].rstrip(" ,;:"))
    if end < len(text) and text[end] == "." and ("." in text[start:end] or (
            re.search(r"(?:^|\s)[A-Z][a-z]{1,4}$", text[start:end])
            and re.match(r"\.\s*[,;(—–-]", text[end:]))):
        end += 1  # "U.S.", "D.C.", "Calif., " -- not the full stop after "China"
    return (start, end) if end > start else None


_CAPITAL_WORD = r"[A-ZÀ-ÖØ-Þ][\w'’-]*"
_JOINS = "|".join(sorted(PLACE_PARTICLES - {"la", "le"}, key=len, reverse=True))
# "Vila [do Conde]", "Vila Real [de Santo António]": a place's name going on after the span
PLACE_TAIL = re.compile(rf"(?:[ \t]+(?:{_JOINS})(?:[ \t]+(?:la|las|los|le|les))?[ \t]+"
                         rf"{_CAPITAL_WORD}(?:[ \t]+{_CAPITAL_WORD})?)+")
_HYPHENED_ON = re.compile(r"(?:[-‐‑][A-ZÀ-ÖØ-Þ][a-zà-ÿ]{2,}(?![\w.'’]))+")
# "[Sant'Agata di] Puglia": a place's name begun before the span
_PLACE_HEAD = re.compile(rf"((?:{_CAPITAL_WORD}[ \t]+){{1,2}})(?:{_JOINS})[ \t]+$")
#: Capitalized words that begin a sentence before a place ("In", "From", "Near"), never
#: part of its name.
_BEFORE_A_PLACE = FUNCTION_WORDS | {"Near", "Outside", "Inside", "Towards", "Toward",
                                    "Around", "Across", "Into", "Via", "Throughout", "Beyond"}


def place_parts(text: str, start: int, end: int,
                a_place: Callable[[str], bool] = lambda name: False) -> list[tuple[int, int]]:
    """A place span over two places split in two: "Abuja to Addis Ababa", "Lyon via Turin"
    -- and "Lagos and Accra" where the model calls each half a place elsewhere
    (``a_place``), not "Trinidad and Tobago"."""
    m = _TWO_PLACES.fullmatch(text, start, end)
    if not m or (m.group(2) == "and" and not (a_place(m.group(1)) and a_place(m.group(3)))):
        return [(start, end)]
    return [m.span(1), m.span(3)]


_TWO_PLACES = re.compile(rf"({_CAPITAL_WORD}(?:[ \t]+{_CAPITAL_WORD})*)[ \t]+(to|via|and)[ \t]+"
                         rf"({_CAPITAL_WORD}(?:[ \t]+{_CAPITAL_WORD})*)")


def whole_place(text: str, start: int, end: int,
                a_place: Callable[[str], bool] = lambda word: False) -> tuple[int, int]:
    """A place span grown to the whole name the text writes, where the model cut it at a
    small word of place names or a hyphen: "Vila" -> "Vila do Conde", "Villanueva" ->
    "Villanueva del Arzobispo", "Puglia" -> "Sant'Agata di Puglia" (not "In Sant'Agata
    ...": a sentence's preposition is no part of it; not "Banco de España": an
    organisation's name), "Strand" -> "Strand-Okoro" (then judged whole: a person's
    family name here) -- not "US-China" (``a_place``: a word the model calls a place
    elsewhere is a second place, not the rest of the first's name)."""
    m = _HYPHENED_ON.match(text, end)  # "[Strand]-Okoro": one word, not a place and a tail
    if m and not any(a_place(w) for w in re.split(r"[-‐‑]", m.group()) if w):
        end = m.end()
    m = PLACE_TAIL.match(text, end)
    if m:
        end = m.end()
    m = _PLACE_HEAD.search(text, max(0, start - 60), start)
    if m:
        words = m.group(1).split()
        while words and words[0] in _BEFORE_A_PLACE:
            words.pop(0)
        if words and not any(w in ORG_HEADS or w in ORG_WORDS for w in words):
            start = m.start(1) + m.group(1).index(words[0])
    return start, end


def owned(text: str, span_start: int, start: int) -> bool:
    """Whether the name at ``start`` is what a possessive in the model's span owns
    ("Labour’s [Pat McFadden]"): :func:`repair` takes it only with its owner before it,
    so it must end like a name, not in a word the collection uses in lower case."""
    return start > span_start and bool(_POSSESSIVE.search(text, span_start, start))


def is_character(text: str, start: int, end: int) -> bool:
    """Whether the name is a role played ("his role as George Kirk"), not a person."""
    return bool(_CHARACTER_BEFORE.search(text, max(0, start - 30), start))


#: A wire story's staff credit up to a name: "(Reporting by A in Nairobi; Editing by B and
#: C)" -- opened by a bracket, a semicolon or the paragraph, and only names, places, "and"
#: and commas between the credit and the name.
_STAFF_CREDIT = re.compile(
    r"(?:^|[(;])\s*(?i:(?:additional\s+)?(?:reporting|writing|editing|compiled|translat(?:ed|ion)"
    r"|produced|graphics|research|fact-checking)\s+by)\s+"
    rf"(?:(?:[A-Z][\w'’.{_H}]*+|and|in|,)\s*)*$")  # *+: a word in capitals split no way


def is_credit(text: str, start: int, end: int) -> bool:
    """Whether the name at ``text[start:end]`` is a photo or image credit, or a wire
    story's staff credit ("Editing by Gareth Jones")."""
    return bool(_CREDIT_AFTER.match(text, end) or _CREDIT_BEFORE.search(text, 0, start)
                or _STAFF_CREDIT.search(text, max(0, start - 160), start))


def looks_like_org(text: str, start: int, end: int) -> bool:
    """Whether the span names an organisation, event or place rather than a person."""
    words = text[start:end].split()
    if not words or words[-1].rstrip(".") in ORG_WORDS or words[0] in ORG_HEADS:
        return True  # "Acme Rowe Center", "Banco Serra Azul"
    return bool(_INTRODUCED_AS_ORG.search(text, max(0, start - 40), start))


_OPENER = re.compile(r"([A-Z][a-z]{2,}(?:ing|ed))[ \t]+(?=[A-Z])")


# one more capitalized word right after a span, then a stop or a word in lower case
_NEXT_NAME_WORD = re.compile(rf"[ \t]([A-ZÀ-ÖØ-Þ][a-zà-ÿ'’]*[a-zà-ÿ](?:[{_H}][A-ZÀ-Þa-zà-ÿ][a-zà-ÿ]+)?)"
                             r"(?=[ \t]*(?:[,.;·•|)]|$)|[ \t]+[a-z])")
NOT_NAME_ENDS = frozenset({"Jr", "Sr", "Esq", *MONTHS, *WEEKDAYS})


def name_goes_on(text: str, start: int, end: int, spans, lowercase_words) -> int:
    """Where a person's name ends when the model cut it before its last word ("Amadou
    Ag" + " Intalla, spoke", "By Tran Thu" + " Hoa ·"): one capitalized word right after
    a span of two words or more, then a stop (not a label's colon: "To: Ann Roe Cc:") or a
    word in lower case ("Ann Roe Ann is": no name's first word again), that is no common
    word of the collection, no organisation's, title's or calendar word, and that the
    model does not call a place, an organisation or a thing.  ``end`` when not so."""
    words = text[start:end].split()
    if len(words) < 2 or all(w.strip(".,") in TITLE_WORDS for w in words):  # "Rear Admiral"
        return end
    m = _NEXT_NAME_WORD.match(text, end)
    if not m:
        return end
    word = m.group(1)
    if (word in NOT_NAME_ENDS or word == words[0]  # "Ann Roe Ann is"
            or word in ORG_WORDS or word in FUNCTION_WORDS or word in TITLE_WORDS or ordinary(word, lowercase_words)
            or any(sp.start < m.end(1) and m.start(1) < sp.end and sp.label not in
                   ("PERSON", "NORP") for sp in spans)):
        return end
    return m.end(1)


def after_participle(text: str, start: int, end: int,
                     lowercase_words: set[str] | frozenset[str]) -> int:
    """Where a name starts when the model took the participle opening a sentence
    into it ("Hosting Cook at Dreamforce ..." -> "Cook"): the first word ends in -ing
    or -ed, is used in lower case in the collection, and nothing but punctuation
    precedes it in its sentence.  ``start`` when that is not so."""
    m = _OPENER.match(text, start, end)
    if not m or not ordinary(m.group(1), lowercase_words):
        return start
    before = text[:start].rstrip()
    if before and before[-1] not in BEFORE_A_SENTENCE + "(":  # or opens an aside
        return start
    return m.end()


_CAPITALS_BEFORE = re.compile(r"(?:[A-Z][A-Za-z'’.-]*[ \t]+)*$")
_NUMBER_BEFORE = re.compile(r"(?:^|(?P<prev>\S+)[ \t]+)(?P<num>[A-Za-z]{0,3}\d{1,4}[A-Za-z]{0,2})"
                            r"[ \t]+$")
_MONTH = re.compile(f"(?:{'|'.join(MONTH_NUMBERS)})[a-z]*\\.?,?$", re.I)


def after_model_number(text: str, start: int) -> bool:
    """Whether the capitalized words at ``start`` follow a model number: "Pro Max" in
    "iPhone 11 Pro Max", "Ultra" in "Galaxy S23 Ultra" are products, not persons.  A
    year ("In 2019 Biden ...") or a day ("On March 3 Biden", "on 3 June Biden") is not
    a model number."""
    head = text[max(0, start - 80):start]
    run = _CAPITALS_BEFORE.search(head)
    if any(_MONTH.match(w) for w in run.group().split()):
        return False
    m = _NUMBER_BEFORE.search(head[:run.start()])
    if not m:
        return False
    num = m.group("num")
    if num.isdigit() and len(num) == 4 and 1500 <= int(num) <= 2099:
        return False
    return not (m.group("prev") and _MONTH.match(m.group("prev")))


def ordinary_words(name: str, lowercase_words: set[str] | frozenset[str]) -> bool:
    """Whether the words of ``name`` are used in lower case in the collection, so it is a
    phrase, not a name: every word of a two-word name ("Give Well"), all but one of a
    longer one ("Box Office Mojo")."""
    words = name.split()
    common = sum(ordinary(w, lowercase_words) for w in words)
    return bool(words) and (common == len(words) or (len(words) >= 3 and common >= len(words) - 1))


def ordinary(word: str, lowercase_words: set[str] | frozenset[str]) -> bool:
    """Whether a word is used in lower case in the collection, in this form or inflected
    ("Enter" -- "entered", "Hosting" -- "host")."""
    w = word.casefold().strip(".,'’")
    if w in lowercase_words:
        return True
    if len(w) < 4:
        return False
    if any(w + end in lowercase_words for end in ("s", "ed", "ing")):
        return True
    for end in ("ing", "ed", "es", "s"):
        if w.endswith(end) and len(w) - len(end) >= 4:
            stem = w[:-len(end)]
            if stem in lowercase_words or stem + "e" in lowercase_words:
                return True
    return False


# A reference list's entry: authors in a row as citations write them ("Neely ME,
# Schallert DL," -- "Smith, J. A., & Lee, K."), or a journal's
# year;volume:pages ("2016 Feb;77:118-128").
_REFERENCE = re.compile(
    r"\b[A-Z][\w'’-]+[ \t]+[A-Z]{1,3},[ \t]+[A-Z][\w'’-]+[ \t]+[A-Z]{1,3}[,.]"
    r"|\b[A-Z][\w'’-]+,[ \t]+(?:[A-Z]\.[ \t]?){1,3},?[ \t]+(?:&[ \t]+)?[A-Z][\w'’-]+,[ \t]+[A-Z]\."
    r"|\b(?:1[89]|20)\d\d(?:[ \t]+[A-Z][a-z]{2}(?:[ \t]+\d{1,2})?)?;[ \t]*\d+(?:\(\d+\))?:[ \t]*[eE]?\d+")
_YEAR = re.compile(r"\b(?:1[89]|20)\d\d\b")


def is_reference_entry(text: str) -> bool:
    """Whether a paragraph is an entry of a reference list (authors in a row as
    citations write them, or a journal's year;volume:pages; and a year): its names
    are a citation's, and a title runs into the last one ("Chen Y. Self-kindness
    when facing stress")."""
    return bool(_YEAR.search(text) and _REFERENCE.search(text))


# A line ending as a sentence or a clause does ("?" and "!" end headlines too: "What
# Does Stadia Offer?").
_ENDS_LIKE_A_SENTENCE = re.compile(f"[.{CJK_STOPS}”\":,]$")


def is_heading_kind(kind: str, text: str) -> bool:
    """Title-case text, where capitals do not mark names: titles, headings, labels,
    and short body lines in title case (a headline the extractor did not mark)."""
    if kind in ("title", "heading", "label"):
        return True
    if text.isupper():
        return True
    if kind != "body" or len(text) > 150 or _ENDS_LIKE_A_SENTENCE.search(text.rstrip()):
        return False
    words = [w for w in re.findall(r"[A-Za-z][\w'’-]*", text) if len(w) > 3]
    short = len(text.split()) <= 12
    # "What Does Stadia Offer?", "Is Amp Worth the Splurge?", "What I Like About Amp"
    enough = 2 if text.rstrip().endswith(("!", "?")) else 3 if short else 5
    return len(words) >= enough and sum(w[0].isupper() for w in words) / len(words) > 0.8


_NEXT = re.compile(rf"[\s\u00a0]+([A-Z][\w{_H}]*)|[{_H}]\w")


def followed_by_name(text: str, end: int) -> bool:
    """Whether a word at ``end`` continues into a longer name ("Han Chinese", "Kim Yo-jong")."""
    return bool(_NEXT.match(text, end))

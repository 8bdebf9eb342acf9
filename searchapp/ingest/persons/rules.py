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

from searchapp.lexicon import APOSTROPHES, MONTH_NUMBERS, NAME_HYPHENS, STOPS, TITLES

_H = NAME_HYPHENS
#: Titles before a name ("President Yoon", "Mr. Xi"): searchapp.lexicon.TITLES.
TITLE_BEFORE = re.compile(rf"(?:{TITLES})\s+$")
#: Last words that make a capitalized phrase an organisation, event, work or place.
ORG_WORDS = {
    "Center", "Centre", "Institute", "University", "College", "School", "Academy", "Foundation",
    "Fund", "Group", "Inc", "Corp", "Corporation", "Company", "Co", "Ltd", "LLC", "Bank",
    "Party", "Council", "Committee", "Commission", "Agency", "Ministry", "Department", "Office",
    "Bureau", "Times", "Post", "News", "Journal", "Daily", "Herald", "Tribune", "Review",
    "Magazine", "Press", "Media", "Network", "Forum", "Society", "Association", "Union", "Club",
    "League", "Cup", "Games", "Olympics", "Championship", "Championships", "Open", "Prize",
    "Award", "Awards", "Trophy", "Festival", "Airlines", "Airways", "Motors", "Labs",
    "Technologies", "Capital", "Partners", "Holdings", "Ventures", "Systems", "Studios",
    "Records", "Pictures", "Museum", "Gallery", "Hospital", "Church", "Cathedral", "Palace",
    "Tower", "Square", "Street", "Avenue", "Road", "Bridge", "Airport", "Station", "Stadium",
    "Arena", "Hall", "House", "Park", "Peninsula", "Island", "Islands", "Mountain", "River",
    "Lake", "Sea", "Bay", "Valley", "Declaration", "Accord", "Treaty", "Act", "War", "Summit",
    "Conference", "Initiative", "Program", "Programme", "Project", "Report", "Index",
    "Exchange", "Market", "Fleet", "Army", "Navy", "Force", "Forces", "Guard", "Police",
    "Court", "Parliament", "Assembly", "Congress", "Senate", "Government", "Administration",
    "Focus", "Weekly", "Show", "Series", "Team", "FC", "City", "United", "Federation",
    "Confederation", "Alliance", "Coalition", "Movement", "Front", "Brigade",
}
_CREDIT_AFTER = re.compile(
    rf"\s*/\s*[A-Z]|\s*(?:for|via)\s+(?:Getty|AFP|AP\b|Reuters|EPA|Bloomberg|Xinhua|Yonhap|"
    rf"Kyodo|Shutterstock|Alamy|Sipa|Pool|POOL)|\s*\((?:AFP|AP|Reuters|Getty|EPA)|\s*[{_H}]\s*"
    rf"(?:AFP|Reuters|Getty|EPA|Yonhap)\b")
_CREDIT_BEFORE = re.compile(
    r"(?:\b(?:Photo(?:graph)?s?|Pictures?|Images?|Credits?|Courtesy|Illustration)\b"
    r"(?:\s+(?:by|of|courtesy of))?\s*:?|©|\(c\))\s*$", re.I)
_INTRODUCED_AS_ORG = re.compile(
    r"\b(?:newspaper|daily|weekly|magazine|broadcaster|agency|outlet|channel|website|"
    r"company|firm|startup|start-up|band|brand|app|platform|network|organi[sz]ation|"
    r"foundation|charity|think tank|team|club|airline|carrier|publication|journal|program|"
    r"programme|show|series|newsletter|album|film|novel|book|charity)\s*,?\s*(?:the\s+|called\s+|"
    r"named\s+)?[\"“]?$", re.I)
_POSSESSIVE = re.compile(f"[{APOSTROPHES}]s?\\b")
_GLUE = re.compile(r"(?<=[a-z])(?=[A-Z])")
_GLUE_OK = re.compile(r"^(?:Mc|Mac|De|Di|Da|Du|La|Le|Van|Von|O['’])[A-Z]")
_HYPHEN_TAIL = re.compile(rf"[{_H}][A-Za-z][a-z]+")
_CAPS_WORD = re.compile(r"\b[A-Z]{2,}\b(?![.'’])")
_CHARACTER_BEFORE = re.compile(
    r"\b(?:role|roles|character|characters|plays|played|playing|portrays|portrayed|portraying|"
    r"voices|voiced|voicing)\s+(?:as\s+|of\s+)?$", re.I)
_BREAK = re.compile(r"[(\[{<\"“”/|@#]|[^\x00-\u024f\u1e00-\u1eff\u2010-\u2019\s]")
# Closed-class words the model sometimes takes into a name at a sentence start.
_LEADING = re.compile(
    r"^(?:(?:the|The|THE|A|An|And|But|Or|So|Yet|Although|Though|While|When|Whereas|If|As|"
    r"Like|Unlike|Via|Per|Hey|Hi|Hello|Dear|Thanks|Thank|Meanwhile|However|Also|Then|Now|"
    r"Former|Late|Ex|Both|Even|Only|Just|Said|Says|Meet)\s+)+")


def repair(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The model's span ``text[start:end]`` corrected; maybe several spans, maybe none.

    Cuts a leading "the", a possessive and what follows it ("Kim Jong-un's
    Visit" -> "Kim Jong-un"), completes hyphenated given names the model cut
    short ("Han Duck" + "-soo"), and splits names glued together by lost
    spacing ("Kim Il-sungMao Zedong").
    """
    span = text[start:end]
    m = _LEADING.match(span)
    if m:
        start += m.end()
        span = text[start:end]
    m = _POSSESSIVE.search(span)
    if m:
        end = start + m.start()
        span = text[start:end]
    m = _BREAK.search(span)  # "Xi Jinping(习近平": brackets and other scripts end a name
    if m:
        end = start + m.start()
    while end > start and not text[end - 1].isalpha():  # "Nicolas Jarry 6-4", "Kim,"
        end -= 1
    # A word in capitals inside a name is a label before it ("Browns DL Sheldon Richardson").
    caps = [m for m in _CAPS_WORD.finditer(text, start, end) if m.end() < end]
    if caps and not text[start:end].isupper() and len(text[caps[-1].end():end].split()) > 1:
        start = caps[-1].end()
        while start < end and text[start].isspace():
            start += 1
    while True:
        m = _HYPHEN_TAIL.match(text, end)
        if not m:
            break
        end = m.end()
    if end <= start:
        return []
    pieces: list[tuple[int, int]] = []
    cut = start
    for m in _GLUE.finditer(text, start, end):
        word_start = max(text.rfind(" ", start, m.start()) + 1, start)
        if _GLUE_OK.match(text[word_start:end]):
            continue
        pieces.append((cut, m.start()))
        cut = m.start()
    pieces.append((cut, end))
    return [(s, e) for s, e in pieces if e > s]


def is_character(text: str, start: int, end: int) -> bool:
    """Whether the name is a role played ("his role as George Kirk"), not a person."""
    return bool(_CHARACTER_BEFORE.search(text, max(0, start - 30), start))


def is_credit(text: str, start: int, end: int) -> bool:
    """Whether the name at ``text[start:end]`` is a photo or image credit."""
    return bool(_CREDIT_AFTER.match(text, end) or _CREDIT_BEFORE.search(text, 0, start))


def looks_like_org(text: str, start: int, end: int) -> bool:
    """Whether the span names an organisation, event or place rather than a person."""
    words = text[start:end].split()
    if not words or words[-1].rstrip(".") in ORG_WORDS:
        return True
    return bool(_INTRODUCED_AS_ORG.search(text, max(0, start - 40), start))


_OPENER = re.compile(r"([A-Z][a-z]{2,}(?:ing|ed))[ \t]+(?=[A-Z])")
#: What may stand just before a sentence's first word: a stop, a colon or semicolon,
#: an opening quote or parenthesis, a dash.
_BEFORE_A_SENTENCE = STOPS + ":;\"“”'(—–"


def after_participle(text: str, start: int, end: int,
                     lowercase_words: set[str] | frozenset[str]) -> int:
    """Where a name starts when the model took the participle opening a sentence
    into it ("Hosting Cook at Dreamforce ..." -> "Cook"): the first word ends in -ing
    or -ed, is used in lower case in the collection, and nothing but punctuation
    precedes it in its sentence.  ``start`` when that is not so."""
    m = _OPENER.match(text, start, end)
    if not m or m.group(1).casefold() not in lowercase_words:
        return start
    before = text[:start].rstrip()
    if before and before[-1] not in _BEFORE_A_SENTENCE:
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
    """Whether every word of ``name`` is used in lower case (so it is a phrase, not a name)."""
    words = [w for w in re.split(rf"[\s{_H}]+", name) if w]
    return bool(words) and all(w.casefold() in lowercase_words for w in words)


_ENDS_LIKE_A_SENTENCE = re.compile(f"[{STOPS}”\"]$")


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
    return len(words) >= 5 and sum(w[0].isupper() for w in words) / len(words) > 0.8


_NEXT = re.compile(rf"[\s\u00a0]+([A-Z][\w{_H}]*)|[{_H}]\w")


def followed_by_name(text: str, end: int) -> bool:
    """Whether a word at ``end`` continues into a longer name ("Han Chinese", "Kim Yo-jong")."""
    return bool(_NEXT.match(text, end))

"""Bylines: who wrote a document, read from the strings pages and files carry.

A byline names authors and often more: their roles ("Park Min-jun, Senior
Fellow"), credentials ("Dylan Bailey, MS, RD"), the agency that distributed the
story ("ERIC TUCKER Associated Press", "By Jane Doe | Reuters"), a date ("Malcolm
Owen Monday, November 18"), a self-description ("Phil Helsel is a reporter").
:func:`parse_byline` keeps the names -- in their own case, except that a name
written in capitals is given a name's case ("ERIC TUCKER" -> "Eric Tucker",
"MCDONALD" -> "McDonald", "KIM JONG-UN" -> "Kim Jong-un") -- and returns the
agency apart, as the document's source.  :func:`is_placeholder` tells a
producer's default ("(anonymous)", "Untitled", "Microsoft Word - draft.docx",
"Administrator") from a real title or name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from searchapp.ingest.persons.words import NATIVE_BYLINE, NATIVE_TITLES, ORG_WORDS
from searchapp.ingest.text import normalize_space
from searchapp.lexicon import (
    CJK_CHAR,
    HAN,
    HONORIFICS,
    KANA,
    MONTHS,
    NAME_MONTHS,
    NAME_PARTICLES,
    NEWS_AGENCIES,
    WEEKDAYS,
)

# --- agencies ----------------------------------------------------------------

# Any "... News Agency", "... Press Agency", "... News Service" alone is an agency too.
_AGENCY_LIKE = r"(?:[A-Z][\w.&'-]*\s+){1,4}(?:News|Press)\s+(?:Agency|Service)"


# (alias, agency) pairs, longest alias first so that "Yonhap News Agency" wins over "Yonhap".
_ALIASES = sorted(((alias, agency) for agency, aliases in NEWS_AGENCIES.items()
                   for alias in aliases),
                  key=lambda pair: -len(pair[0]))
_AGENCY = re.compile("|".join(
    f"(?P<a{i}>{re.escape(alias) if alias.isupper() or alias.islower() else f'(?i:{re.escape(alias)})'})"
    for i, (alias, _) in enumerate(_ALIASES)))
_AGENCY_ALONE = re.compile(_AGENCY_LIKE)


# --- roles, credentials, placeholders -------------------------------------------

# The last word of a job title ("Senior Fellow", "AP Auto Writer", "CEO of X").
_ROLE_HEADS = {
    "writer", "reporter", "correspondent", "editor", "columnist", "contributor", "staff",
    "staffer", "photographer", "producer", "journalist", "fellow", "director", "professor",
    "lecturer", "researcher", "analyst", "scientist", "economist", "attorney", "lawyer",
    "counsel", "ceo", "cto", "cfo", "coo", "cmo", "founder", "co-founder", "cofounder",
    "president", "chairman", "chairwoman", "chair", "manager", "officer", "lead", "head",
    "specialist", "consultant", "strategist", "expert", "adviser", "advisor", "dietitian",
    "nutritionist", "physician", "clinician", "nurse", "therapist", "psychologist",
    "engineer", "developer", "designer", "programmer", "intern", "student", "candidate",
    "partner", "associate", "coordinator", "representative", "secretary", "spokesperson",
    "spokesman", "spokeswoman", "host", "anchor", "commentator", "critic", "curator",
    "author", "blogger", "freelancer", "stringer", "chief", "desk", "bureau", "team",
}
# Role words that are also family names ("Edith Head"): a role only after another role word.
_SURNAME_ROLES = {"head", "lead", "host", "nurse", "partner", "writer", "fellow", "chair"}
# Words that open a job title ("Senior", "Staff", "Former").
_ROLE_MODIFIERS = {
    "senior", "junior", "chief", "staff", "contributing", "special", "executive", "managing",
    "deputy", "associate", "assistant", "former", "visiting", "principal", "guest",
    "freelance", "founding", "acting", "vice", "co", "lead", "head",
}
# Letters after a name: degrees, licences, fellowships, honours.
_CREDENTIALS = {
    "phd", "dphil", "md", "do", "dds", "dmd", "dvm", "rn", "np", "pa-c", "rd", "rdn", "ld",
    "ldn", "ms", "msc", "ma", "ba", "bsc", "mba", "mph", "msw", "lcsw", "lmft", "lpc", "jd",
    "llm", "esq", "cpa", "cfa", "cfp", "cepf", "cpp", "psp", "cissp", "cism", "pmp", "pe",
    "facp", "facs", "faclm", "fand", "cde", "cdces", "cscs", "cpt", "ryt", "e-ryt", "frcp",
    "mrcp", "obe", "mbe", "cbe", "kbe", "frs", "fcca", "acca", "cipd", "shrm-cp", "shrm-scp",
    "mphil", "edd", "psyd",
}
_MIXED_CREDENTIALS = {"PhD", "DPhil", "MPhil", "MSc", "BSc", "Esq", "EdD", "PsyD", "LLM", "PA-C"}
_HONORIFICS = {h.lower() for h in HONORIFICS}
_PARTICLES = NAME_PARTICLES
# What a producer writes where a title or name should be.
_PLACEHOLDER = re.compile(
    r"^[(\[<]?(?:anonymous|unknown|unspecified|undefined|null|none|n/?a|untitled(?: document|[ -]?\d+)?|"
    r"no title|title|name|your name|author|the author|user|admin(?:istrator)?|owner|guest|"
    r"windows user|microsoft office user|document\d*|presentation\d*|book\d+|"
    r"slide \d+)[)\]>]?$"
    r"|^microsoft (?:word|powerpoint|excel) - .*"
    r"|^.*\.(?:docx?|pdf|indd|tex|qxd|rtf|odt|pages|ps|dvi|txt)$",
    re.I)

# --- dates and labels in bylines -----------------------------------------------------

_MONTH_NAMES = "|".join(MONTHS)  # matched ignoring case
# A month's name or its abbreviation ("Jan", "Sept."), before a day only.
_MONTH_BEFORE_DAY = "|".join([*MONTHS, *(m[:3] + r"\.?" for m in MONTHS), r"Sept\.?"])
_WEEKDAYS = "(?:" + "|".join(WEEKDAYS) + ")"
# A byline's trailing date: "Monday", "November 18" (a month only before a number:
# "Theresa May" keeps her name), "Published on", "Last updated:", numbers.
_DATE_WORDS = re.compile(
    rf"(?:(?:^|\s+)(?:(?:last\s+)?(?:published|updated|posted|modified)(?:\s+on)?:?|{_WEEKDAYS}|"
    rf"(?:{_MONTH_BEFORE_DAY})(?=\s+\d)|\d[\d:,./-]*))+$", re.I)
# A month left at the end once the day and year are gone ("Luke Kim December");
# the months that are also names (April, May, June, August) are kept.
_TRAILING_MONTH = re.compile(
    r"(?<=\S)\s+(?:" + "|".join(m for m in MONTHS if m not in NAME_MONTHS) + ")$")
_DATE_ONLY = re.compile(rf"^(?:{_WEEKDAYS}|{_MONTH_NAMES})$", re.I)
_SELF_DESCRIPTION = re.compile(r"\s+(?:is|was|writes|covers|reports)\b.*$", re.I)
#: What may stand before "by" in a byline: the work ("Written", "Reporting", "Recorded")
#: or the kind of piece ("Analysis", "Commentary", "Interview", "Live coverage") --
#: never a credit that is not authorship ("Photographs by", :data:`_CREDIT`).
BYLINE_WORKS = ("written", "words", "story", "text", "reporting", "reported", "posted",
                "compiled", "filed", "prepared", "recorded", "interview", "interviewed",
                "analysis", "commentary", "opinion", "essay", "column", "review", "report",
                "notes", "feature", "profile", r"(?:live\s+)?(?:coverage|updates|blog)")
#: How a byline opens ("By", "Analysis by", "Reporting by"), matched ignoring case: the
#: one pattern every reader of bylines uses (HTML, plain-text headers, printed bylines).
BYLINE_OPENING = rf"(?:(?:{'|'.join(BYLINE_WORKS)})\s+)?by\b"
_LABEL = re.compile(rf"^(?:{BYLINE_OPENING}|authors?\b)\s*[:\-–—]?\s*", re.I)
# A date line before the byline: "Posted on 11 January 2024 by ...", "Updated 3 June 2024, by".
_DATED_LABEL = re.compile(r"^(?:(?:published|posted|updated|written)(?:\s+on)?\s+)?"
                          r"[\w.,/: -]{0,40}?\d[\w.,/: -]{0,30}?\s+by\s+", re.I)
# A piece that opens with "and"/"&" ("..., Senior Correspondent, and Tobias Grünwald").
_LEADING_AND = re.compile(r"^(?:and|&)\s+", re.I)
# A credit that is not authorship ("Photographs by X", "Illustration by Y", "Edited by Z").
_CREDIT = re.compile(r"^(?:photo(?:graph)?s?|photography|images?|pictures?|illustrations?|"
                     r"graphics?|video|art|design|edited|editing|additional reporting|"
                     r"translated|translation|research|fact[- ]?check(?:ed|ing)?)\s+by\b",
                     re.I)
_NAME_LIKE = re.compile(r"^[^\W\d_][\w.'’-]*(?:\s+[^\W\d_][\w.'’-]*){0,6}$")
_PARENS = re.compile(r"[(（]([^()（）]*)[)）]")
# Words that are never a name alone ("From Reuters", a byline cut at "On ...").
_NOT_NAMES = frozenset(("from", "on", "and", "with", "the", "by", "in", "at", "of", "for",
                        "to", "via", "staff", "editors", "team"))
_SPLIT = re.compile(r"\s*(?:[;,|/•·／、，；]|\s[-–—]\s)\s*")
# Where a reporter filed from, after the name: "Jon Henley in Paris", "Bo Li in Hong Kong".
_FILED_IN = re.compile(r"\s+in\s+(?:the\s+)?[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3}$")
# A Chinese dateline in a byline: "台北報導" (reporting from Taipei), "北京电", "综合报道".
_FILED_FROM = re.compile(f"^[{HAN}]{{1,6}}(?:報導|报道|報道|電|电|讯|訊)$")
_JOIN = re.compile(r"\s+(?:and|&)\s+")
# One syllable of romanized Korean ("jong", "un", "min", "hye"), for the case of
# a given name written in capitals ("KIM JONG-UN" -> "Kim Jong-un").
_KOREAN_SYLLABLE = re.compile(
    r"^(?:g|k|kk|n|d|t|tt|r|l|m|b|p|pp|s|ss|j|jj|ch|h|y|w)?"
    r"(?:a|ae|ya|yae|eo|e|yeo|ye|o|wa|wae|oe|yo|u|wo|we|wi|yu|eu|ui|i|oo|ee|ou)"
    r"(?:k|n|t|l|m|p|ng)?$")


@dataclass(frozen=True)
class Byline:
    """The names a byline gives, and the agency it credits ("" if none)."""

    names: list[str] = field(default_factory=list)
    agency: str = ""


# A Korean, Chinese or Japanese byline's label and the roles written beside a name there.
_NATIVE_ROLES = frozenset((*NATIVE_BYLINE, *NATIVE_TITLES, "作者"))
_NATIVE_LABEL = re.compile(
    r"^\s*(?:" + "|".join(map(re.escape, sorted(_NATIVE_ROLES, key=len, reverse=True)))
    + r")\s*[:：]\s*")


def parse_byline(text: str) -> Byline:
    """The authors named in ``text`` and the news agency it credits.

    Splits at ``;`` ``,`` ``|`` ``/`` (and at "and"/"&" between two names), and
    drops what is not a name: job titles and roles ("Senior Fellow", "CEO of X",
    "Staff Reporter"), credentials ("MS, RD", "Ph.D."), honorifics before a name
    ("Dr"), trailing dates, self-descriptions, placeholders ("Admin",
    "Unknown") and phrases that are not names ("the Russian and Syrian defense
    ministries").  An agency ("Associated Press", "Reuters", "AFP") is never
    part of a name: it is returned as :attr:`Byline.agency`.
    """
    names: list[str] = []
    agency = ""
    text = normalize_space(text)
    for aside in _PARENS.findall(text):  # "Jane Doe (AFP)", "Jean Aufranc (CNXSoft)"
        agency = agency or _take_agency(aside)[1]
    text = normalize_space(_DATED_LABEL.sub("", _PARENS.sub(" ", text)))  # "A (now) and B"
    text = _NATIVE_LABEL.sub("", text)  # "作者：刘晓燕", "글: 이민호"
    pieces = _SPLIT.split(_LABEL.sub("", text))
    for index, piece in enumerate(p for p in pieces if p):
        if _CREDIT.match(piece):
            continue  # "Photographs by X": a credit, not an author
        piece = _LABEL.sub("", _LEADING_AND.sub("", piece))
        both = [_FILED_IN.sub("", p) for p in _JOIN.split(piece)]
        for part in both if len(both) > 1 and all(map(_is_name, both)) \
                else [_FILED_IN.sub("", piece)]:
            part, found = _take_agency(part)
            agency = agency or found
            name = _clean(part, first=index == 0)
            if name and name.casefold() not in (n.casefold() for n in names):
                names.append(name)
    return Byline(without_variants(names), agency)


#: A Korean or Chinese wire story's lede names its reporter before the story:
#: "(서울=연합뉴스) 김민준 기자 = ...", "新华社北京3月12日电（记者 李晓明）...".
_LEDE_BYLINE = re.compile(
    r"\s*[(（][^()（）=]{1,15}=[^()（）]{1,30}[)）]\s*(?P<ko>[^=()（）]{2,40}?(?:기자|특파원))\s*="
    r"|.{0,40}?[（(](?P<zh>(?:记者|記者)[^（）()]{2,30})[）)]")


def lede_byline(text: str) -> str:
    """The reporter's part of a Korean or Chinese wire lede ("박서연 기자", "记者 刘晓东"),
    or ``""`` (:func:`parse_byline` reads the names in it)."""
    m = _LEDE_BYLINE.match(text)
    return (m.group("ko") or m.group("zh")) if m else ""


def author_names(text: str) -> list[str]:
    """The person (or organisation) names of a byline: :func:`parse_byline`'s names."""
    return parse_byline(text).names


def is_placeholder(value: str) -> bool:
    """Whether ``value`` is what software writes where a title or author is missing."""
    value = normalize_space(value)
    return not value or bool(_PLACEHOLDER.match(value)) or "\\" in value


def name_case(name: str) -> str:
    """A name written all in capitals in a name's case; any other name as written."""
    if any(c.islower() for c in name) or sum(c.isupper() for c in name) < 2:
        return name
    words = name.split()
    if len(words) == 1:
        return name  # an acronym or a handle ("CDC", "MECLABS")
    return " ".join(_word_case(w, first=i == 0) for i, w in enumerate(words))


def _word_case(word: str, first: bool) -> str:
    low = word.lower()
    if not first and low in _PARTICLES:
        return low
    parts = re.split(r"([-'’])", low)
    syllables = parts[::2]
    if "-" in word and len(syllables) > 1 and all(map(_KOREAN_SYLLABLE.match, syllables)):
        return low[:1].upper() + low[1:]  # a Korean given name: "Jong-un", "Min-ji"
    out = []
    for part in parts:
        if part.startswith("mc") and len(part) > 3:
            out.append("Mc" + part[2:].capitalize())
        else:
            out.append(part.capitalize())
    return "".join(out)


#: A reporter's role of two characters or more, also where an outlet is glued before it
#: ("新华社记者 李晓明": Xinhua's reporter Li Xiaoming).
_GLUED_ROLE = re.compile("(" + "|".join(map(re.escape, sorted(
    (r for r in _NATIVE_ROLES if len(r) >= 2), key=len, reverse=True))) + ")$")
_ROLE_THEN_NAME = re.compile(r"^(.*?)(记者|記者)(\S{2,4})$")  # "新华社记者李晓明", "記者黃志明"
_HAN_ONLY = re.compile(f"[{HAN}]+")  # a Chinese role: the name follows it


#: A newsroom's desk, section or bureau written before a Japanese or Chinese reporter's
#: name ("政治部 山田太郎", "ワシントン支局 佐藤花子", "国际部 李明", "編集委員 鈴木一郎"): a word
#: of three characters or more ending in a department's or bureau's sign (a surname such
#: as 阿部 has two), perhaps with a rank after it ("外信部次長", "北京支局長"), or one
#: naming the editorial staff.  Never part of a name.
_DESK = re.compile(f"[{HAN}{KANA}]{{2,12}}(?:部|局|社|室)(?:次長|副部長|部長|長|デスク|記者|记者|員|员)?"
                   f"|[{HAN}{KANA}]{{0,8}}(?:編集|编辑|編輯)[{HAN}{KANA}]{{0,4}}")


def _without_desk(piece: str) -> str:
    """A CJK byline piece without the desk or bureau before the name, where a name of
    two characters or more is left ("政治部 山田太郎" -> "山田太郎", "長谷部 誠" kept)."""
    words = piece.split()
    kept = [w for w in words if not _DESK.fullmatch(w)]
    return " ".join(kept) if kept != words and sum(map(len, kept)) >= 2 else piece


def _native_name(piece: str) -> str:
    """A Korean or Chinese byline piece's name: the roles left out, and where a role
    marks the name among other words (an outlet: "연합뉴스 김민준 기자", "新华社记者 李晓明"),
    the word it marks -- the one before a Korean role, the one after a Chinese one."""
    words: list[str] = []
    for w in piece.split():
        glued = _ROLE_THEN_NAME.match(w)
        if glued:
            words += [glued.group(2), glued.group(3)]
            continue
        m = _GLUED_ROLE.search(w)
        words += [m.group(1)] if m and m.start() >= 2 else [w]  # the outlet glued on: off
    roles = [i for i, w in enumerate(words) if w in _NATIVE_ROLES]
    names = [w for w in words if w not in _NATIVE_ROLES]
    if roles and len(names) > 1:
        i = roles[0]
        after = words[i + 1] if i + 1 < len(words) and words[i + 1] not in _NATIVE_ROLES \
            else ""
        before = words[i - 1] if i and words[i - 1] not in _NATIVE_ROLES else ""
        marked = after if _HAN_ONLY.fullmatch(words[i]) and after else before or after
        if marked:
            return marked
    return " ".join(names)


def _take_agency(piece: str) -> tuple[str, str]:
    """``piece`` without the agency it names, and the agency ("" if none).

    "Associated Press" alone, "ERIC TUCKER Associated Press" (the agency after
    a name) and "AP Auto Writer" (the agency opening a role) are recognised."""
    bare = re.sub(r"^the\s+", "", piece.strip(" .-–—()"), flags=re.I)
    for m in _AGENCY.finditer(bare):
        before, after = bare[:m.start()].strip(), bare[m.end():].strip(" .-–—()")
        if not m.start() and _GLUED_ROLE_AFTER.match(after):
            return after, _ALIASES[int(m.lastgroup[1:])][1]  # "新华社记者 李晓明"
        if m.start() and not bare[m.start() - 1].isspace() or \
                m.end() < len(bare) and bare[m.end()].isalnum():
            continue  # inside a word ("APril", "MAP")
        if after and after.split()[-1].lower() not in _ROLE_HEADS:
            continue  # "Bloomberg Philanthropies", "AP Moller"
        if not before or _is_name(before):
            return before, _ALIASES[int(m.lastgroup[1:])][1]  # "ERIC TUCKER AP", "AP Writer"
    if _AGENCY_ALONE.fullmatch(bare):
        return "", bare
    return piece, ""


#: A reporter's role written against the agency before it ("新华社记者", "연합뉴스 기자").
_GLUED_ROLE_AFTER = re.compile("(?:" + "|".join(map(re.escape, sorted(
    (r for r in NATIVE_BYLINE if len(r) >= 2), key=len, reverse=True))) + ")")


def _clean(piece: str, first: bool) -> str:
    """The name in one piece of a byline, or ``""``."""
    if CJK_CHAR.search(piece):  # "이민호 기자", "记者 刘晓燕": the name without "reporter"
        # "台北報導", "北京电": where it was filed, not who wrote it
        piece = _native_name(_without_desk(
            " ".join(w for w in piece.split() if not _FILED_FROM.match(w))))
    name = _SELF_DESCRIPTION.sub("", piece)
    dated = _DATE_WORDS.search(name)
    if dated:
        kept = name[:dated.start()]
        month = dated.group().split()[0].rstrip(".") if dated.group().strip() else ""
        if month in NAME_MONTHS and len(kept.split()) < 2:
            kept = f"{kept} {month}"  # "By Kim Jun 3, 2024": Kim Jun, not Kim
        name = kept
    name = _TRAILING_MONTH.sub("", name).strip(" .-–—:()")
    words = name.split()
    if not words or _DATE_ONLY.match(name):
        return ""
    if _is_role(words, first):
        return ""
    words = _without_role_tail(words)
    while len(words) > 1 and _is_credential(words[-1]):
        words = words[:-1]
    if all(_is_credential(w) for w in words) or not first and _is_initialism(words):
        return ""
    if len(words) == 1 and words[0] in ORG_WORDS:
        return ""  # what is left of "Institute for Strategic Dialogue" after a cut
    while len(words) > 2 and words[0].lower().rstrip(".") in _HONORIFICS:
        words = words[1:]
    name = " ".join(words).strip(" .,-–—")
    if not name or is_placeholder(name) or not _is_name(name) or name.lower() in _NOT_NAMES:
        return ""
    return name_case(name)


def _is_role(words: list[str], first: bool = False) -> bool:
    """Whether ``words`` are a job title rather than a name.

    A piece after the first that ends with a role ("Park Min-jun, Senior
    Fellow") is a title; the first piece only when it is the role alone or
    opens with a role's word ("Staff Reporter", "Chief Editor")."""
    lower = [w.lower().strip(".,") for w in words]
    if not lower:
        return False
    if "of" in lower[1:] or "at" in lower[1:]:
        cut = next(i for i, w in enumerate(lower) if w in ("of", "at") and i)
        if lower[cut - 1] in _ROLE_HEADS:
            return True  # "CEO of CaseBasix", "Professor of History at X"
    if lower[-1] not in _ROLE_HEADS:
        return False
    if len(lower) == 1 or lower[0] in _ROLE_MODIFIERS | _ROLE_HEADS:
        return True  # "Editor", "Staff Reporter", "Senior Fellow", "Editor in Chief"
    if not first and lower[-2] in _ROLE_MODIFIERS | _ROLE_HEADS:
        return True  # an outlet's or a section's word before a title: "Herald Staff Writer"
    return not first and lower[-1] not in _SURNAME_ROLES  # "Trial Attorney" after a name


#: Where a title says for whom or where ("Staff Writer for the Tribune", "at the Post").
_ROLE_FOR = re.compile(r"\s+(?:for|at|with|of)\s+.*$", re.I)


def is_role(text: str) -> bool:
    """Whether ``text``, written after a name, is a job title ("Staff Writer", "staff
    writer for the Tribune", "Herald Senior Correspondent"), not another name."""
    words = _ROLE_FOR.sub("", normalize_space(text)).split()
    return bool(words) and _is_role(words)


def _without_role_tail(words: list[str]) -> list[str]:
    """A name followed by its role in one piece: "Liz Kenny Former McKinsey
    Consultant" -> "Liz Kenny", "Jane Doe Editor" -> "Jane Doe"."""
    lower = [w.lower() for w in words]
    if len(words) < 3 or lower[-1] not in _ROLE_HEADS:
        return words
    for i in range(2, len(words)):
        if lower[i] in _ROLE_MODIFIERS:
            return words[:i]
    return words[:2] if len(words) == 3 else []


def _is_credential(word: str) -> bool:
    """Letters after a name as they are written: "MS", "Ph.D.", "PhD", "CEPF®" --
    never a capitalised word ("Ma" is a family name, "MA" a degree)."""
    plain = word.replace(".", "").replace("®", "").strip(",()")
    if plain.isdigit() or re.fullmatch(r"(?:[A-Z][a-z]?\.){2,}", word):
        return True
    return plain.lower() in _CREDENTIALS and (plain.isupper() or plain in _MIXED_CREDENTIALS)


def _is_initialism(words: list[str]) -> bool:
    """One word in capitals ("FAND", "CEPF"): letters after a name, when not first."""
    return len(words) == 1 and 2 <= len(words[0]) <= 6 and words[0].isupper() \
        and words[0].isalpha()


def _is_name(text: str) -> bool:
    """Up to seven words, none starting lower-case but name particles ("van", "de")."""
    if not _NAME_LIKE.match(text):
        return False
    words = text.split()
    return not any(w[0].islower() and w.lower() not in _PARTICLES and not _glued_name(w)
                   for w in words) \
        and not all(w.lower() in _PARTICLES for w in words)


_GLUED = re.compile(r"([a-z]+)[-'’][A-Z]")


def _glued_name(word: str) -> bool:
    """A name glued to its particle: "al-Rashidi", "d'Alembert" (not "e-commerce")."""
    m = _GLUED.match(word)
    return bool(m) and m.group(1) in _PARTICLES


def without_variants(names: list[str]) -> list[str]:
    """Names without shorter forms of another ("Tina Huffman" beside "Tina Flint Huffman")."""
    def words(n: str) -> list[str]:
        return n.casefold().split()

    out = []
    for name in names:
        w = words(name)
        if any(o != name and len(words(o)) > len(w) >= 2 and words(o)[0] == w[0]
               and words(o)[-1] == w[-1] and set(w) <= set(words(o)) for o in names):
            continue
        out.append(name)
    return out

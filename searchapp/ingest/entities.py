"""Persons and places: a curated registry and the rules that find them in text.

The registry (``corpus/persons.toml`` and ``corpus/places.toml``) gives each
person a canonical name, aliases (other spellings, native-script forms such
as 习近平/習近平/시진핑), a family name, the titles they are called by, and a
role.  Matching tolerates the ways romanized names vary: hyphens and spaces
inside given names ("Suk-yeol", "Suk Yeol", "Sukyeol"), their case, and
family-name-first or -last order ("Kishida Fumio" / "Fumio Kishida").

Short mentions ("Yoon", "President Yoon", "Mr. Xi", "Chairman Kim") are
resolved inside the document: to the person with that family name mentioned
most recently (or, failing that, next), then to the only registry person with
that family name whom the registry marks ``known_by_family``.  Titled
mentions of names the registry does not know are reported as unknown persons
for a curator, never silently dropped or guessed.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from searchapp.config import PERSONS_REGISTRY, PLACES_REGISTRY
from searchapp.ingest.metadata import read_toml
from searchapp.ingest.persons import names as nm
from searchapp.ingest.text import camel_parts
from searchapp.lexicon import CJK_CHAR as _CJK
from searchapp.lexicon import (
    HONORIFICS,
    MONTH_ABBREVIATIONS,
    MONTHS,
    NAME_HYPHEN_CHARS,
    NAME_HYPHENS,
    NAME_TOKEN,
    TITLE_WORDS,
    TITLES,
    WEEKDAYS,
)

# Words that start with a capital but are not parts of person names: these, the months
# and weekdays, and the titles' words (a title before a name is found by the titled
# pattern; on 393 news pages this drops 20 non-persons from the review queue, "Supreme
# Court", "Sustainable Finance", and two names ending in a title word, "Alexis King").
_NOT_NAME = {
    "The", "A", "An", "And", "Or", "Of", "In", "On", "At", "To", "For", "By", "With", "From",
    "This", "That", "These", "Those", "It", "He", "She", "They", "We", "I", "His", "Her", "Its",
    "Their", "Our", "But", "If", "As", "After", "Before", "While", "When", "Since", "Although",
    "However", "Moreover", "Meanwhile", "Nevertheless", "Therefore", "Yet", "Unlike", "Upon",
    "Between", "During", "Under", "Against", "Despite", "According", "Both", "Even", "Not",
    "Korean", "Chinese", "Japanese", "Russian", "American", "North", "South", "East", "West",
    "Northeast", "Western", "Eastern", "U.S.", "US", "UN", "EU", "Communist", "Party",
    "Release", "Date", "Writer", "View", "Related", "Articles", "Sponsored",
    "Content", "Back", "Close", "Available", "Amazon", "Prime", "Adblock", "Detected",
    "Please", "Research", "Department", "Center", "Centre", "Institute", "University",
    "College", "Ministry", "Office", "Council", "Commission", "Committee", "Agency", "Army",
    "Navy", "Force", "Forces", "Games", "Summit", "Declaration", "Initiative", "Agreement",
    "Treaty", "War", "Peninsula", "Sea", "Ocean", "Strait", "River", "Mountain", "Island",
    "Islands", "Republic", "Kingdom", "Empire", "Union", "Nations", "States", "Association",
    "Organization", "Bank", "Fund", "Times", "News", "Daily", "Post", "Journal", "Press",
    "Focus", "Global", "Security", "Development", "Civilization", "Asian", "Pacific", "Asia",
    "Free", "Trade", "Area", "Defense", "Terminal", "High", "Altitude", "State", "Affairs",
    "Workers", "People", "Liberation", "Foreign", "National", "Central", "Police",
    "Public", "Diplomacy", "International", "Relations", "Studies", "Contemporary",
    "Anniversary", "Cooperation", "Economic", "House", "Guest", "Camp", "Market",
    "Comparative", "Advantage", "Index", "Cosmodrome", "Fleet", "Politburo", "Analects",
    "Confucius", "Express", "Translator", "Translated", "English", "Adjunct", "Associate",
    "Director", "Fellow", "Principles",
    "Getty", "Images", "Reuters", "Handout", "Pool", "Photo", "Pro", "Md", "Hong", "Kong",
} | set(MONTHS) | set(WEEKDAYS) | set(MONTH_ABBREVIATIONS) | {
    w.rstrip(".") for w in TITLE_WORDS if w[:1].isupper()}


@dataclass(frozen=True)
class Person:
    name: str
    family: str = ""
    aliases: tuple[str, ...] = ()
    titles: tuple[str, ...] = ()
    role: str = ""
    known_by_family: bool = False


@dataclass(frozen=True)
class Place:
    name: str
    aliases: tuple[str, ...] = ()
    kind: str = ""


@dataclass(frozen=True)
class Mention:
    """A resolved mention: ``text[start:end]`` names ``name`` (a person or place)."""

    start: int
    end: int
    name: str
    kind: str  # "person" or "place"
    #: how a short or native-script mention was resolved ("" for a full name)
    why: str = ""


@dataclass
class Unknown:
    """A name that looks like a person's but is not in the registry."""

    name: str
    count: int = 0
    examples: list[str] = field(default_factory=list)
    titled: bool = False


def _key(text: str) -> str:
    """Matching key: case, spaces, hyphens, dots, apostrophes and accents ignored, the
    letters no accent makes folded as the index folds them ("Aydınlı" is "aydinli")."""
    return nm.plain(re.sub(rf"[\s{NAME_HYPHENS}.'’\u00a0]+", "", text))


def _alias_pattern(alias: str) -> str:
    """A regex for ``alias`` tolerant of romanization's hyphen/space/case variants."""
    if _CJK.search(alias):
        return re.escape(alias)
    tokens = alias.split()
    # The first token stands alone; later ones are given-name syllables that
    # may be joined by a space, a hyphen or nothing, in either case.
    sylls = [tokens[0]] + [s for tok in tokens[1:] for s in re.split(rf"[{NAME_HYPHENS}]", tok)]
    first_parts = re.split(rf"[{NAME_HYPHENS}]", tokens[0])
    pat = _syllable(first_parts[0], exact=True)
    for syl in first_parts[1:]:
        pat += rf"[{NAME_HYPHENS}\s]?" + _syllable(syl)
    for i, syl in enumerate(sylls[1:]):
        sep = r"[\s\u00a0]+" if i == 0 else rf"[{NAME_HYPHENS}\s\u00a0]?"
        pat += sep + _syllable(syl, exact=i == 0)
    return pat


def _syllable(syl: str, exact: bool = False) -> str:
    if not syl or exact or not syl[0].isalpha():
        return re.escape(syl)
    return f"[{syl[0].lower()}{syl[0].upper()}]" + re.escape(syl[1:])


def _variants(name: str) -> list[str]:
    """A name and its other order, for two- and three-part romanized names."""
    out = [name]
    tokens = name.split()
    if len(tokens) in (2, 3) and not _CJK.search(name):
        out.append(" ".join(tokens[1:] + tokens[:1]))
        out.append(" ".join(tokens[-1:] + tokens[:-1]))
    return out


class Registry:
    """Persons and places, and the rules that find them in paragraphs."""

    def __init__(self, persons: list[Person], places: list[Place]) -> None:
        self.persons = {p.name: p for p in persons}
        self.places = {p.name: p for p in places}
        self.problems: list[tuple[str, str]] = []  # (file name, reason) from load()
        #: Names a curator marked as not persons (``[[not_person]]`` in persons.toml):
        #: recognized names with these spellings are dropped.
        self.not_persons: tuple[str, ...] = ()
        self._keys: dict[str, tuple[str, str]] = {}
        latin: list[str] = []
        cjk: list[str] = []
        for kind, entities in (("place", places), ("person", persons)):
            for ent in entities:
                names = [ent.name, *ent.aliases]
                if kind == "person":
                    names = [v for n in names for v in _variants(n)]
                for alias in names:
                    self._keys.setdefault(_key(alias), (kind, ent.name))
                    (cjk if _CJK.search(alias) else latin).append(alias)
        latin = sorted(set(latin), key=len, reverse=True)
        cjk = sorted(set(cjk), key=len, reverse=True)
        # A name starts and ends at word boundaries, or where lost spacing glued it
        # to the next word ("Kim Il-sungMao Zedong"; checked by _glue_cut_ok)
        self._latin = re.compile(
            r"(?:(?<![\w.])|(?<=[a-z])(?=[A-Z]))(?:" + "|".join(_alias_pattern(a) for a in latin)
            + r")(?:(?![\w])|(?<=[a-z])(?=[A-Z]))"
        ) if latin else None
        self._cjk = re.compile("|".join(re.escape(a) for a in cjk)) if cjk else None
        self._by_family: dict[str, list[Person]] = {}
        for p in persons:
            if p.family:
                self._by_family.setdefault(p.family, []).append(p)
        families = sorted(self._by_family, key=len, reverse=True)
        self._short = re.compile(
            rf"(?:(?P<title>{TITLES})\s+)?(?P<family>"
            + "|".join(re.escape(f) for f in families)
            + rf")(?![\w{NAME_HYPHENS}])"
        ) if families else None
        self._titled_unknown = re.compile(
            rf"\b(?P<title>{TITLES})\s+(?P<name>{NAME_TOKEN}(?:\s+{NAME_TOKEN}){{0,2}})"
        )
        self._capitalized = re.compile(
            rf"(?<![\w.])(?P<name>{NAME_TOKEN}(?:\s+{NAME_TOKEN}){{1,2}})(?![\w])"
        )

    # -- loading ------------------------------------------------------------

    @classmethod
    def load(cls, folder: Path | str) -> Registry:
        """Load ``persons.toml`` and ``places.toml`` from ``folder`` (either may be absent)."""
        folder = Path(folder)
        problems: list[tuple[str, str]] = []

        def load(name: str, table: str, build) -> list:
            path = folder / name
            if not path.exists():
                return []
            data, problem = read_toml(path)
            if problem:
                problems.append((name, problem))
            out = []
            for i, row in enumerate(data.get(table, []), 1):
                try:
                    out.append(build(row))
                except (KeyError, TypeError, AttributeError):
                    problems.append((name, f"[[{table}]] number {i} has no usable name; "
                                           "it was skipped"))
            return out

        persons = load(PERSONS_REGISTRY, "person", lambda row: Person(
            name=row["name"], family=row.get("family", ""),
            aliases=tuple(row.get("aliases", ())), titles=tuple(row.get("titles", ())),
            role=row.get("role", ""), known_by_family=bool(row.get("known_by_family"))))
        places = load(PLACES_REGISTRY, "place", lambda row: Place(
            name=row["name"], aliases=tuple(row.get("aliases", ())), kind=row.get("kind", "")))
        not_persons = load(PERSONS_REGISTRY, "not_person", lambda row: str(row["name"]))
        registry = cls(persons, places)
        registry.problems = list(dict.fromkeys(problems))  # persons.toml is read twice
        registry.not_persons = tuple(not_persons)
        return registry

    @classmethod
    def load_layers(cls, folders) -> Registry:
        """The registries of ``folders`` combined, a later folder's person or place
        (same name) replacing an earlier one's: the data folder's curation, then a
        folder's own files."""
        layers = [cls.load(f) for f in dict.fromkeys(Path(f) for f in folders)]
        if len(layers) == 1:
            return layers[0]
        persons: dict[str, Person] = {}
        places: dict[str, Place] = {}
        for layer in layers:
            persons.update(layer.persons)
            places.update(layer.places)
        registry = cls(list(persons.values()), list(places.values()))
        registry.problems = [p for layer in layers for p in layer.problems]
        registry.not_persons = tuple(dict.fromkeys(n for layer in layers
                                                   for n in layer.not_persons))
        return registry

    # -- lookup -------------------------------------------------------------

    def canonical_person(self, name: str) -> str | None:
        """The canonical name for any alias or spelling of a registered person."""
        hit = self._keys.get(_key(name))
        if hit and hit[0] == "person":
            return hit[1]
        for variant in _variants(name.strip()):
            hit = self._keys.get(_key(variant))
            if hit and hit[0] == "person":
                return hit[1]
        family = self._by_family.get(name.strip())
        if family and len(family) == 1:
            return family[0].name
        return None

    def canonical_place(self, name: str) -> str | None:
        hit = self._keys.get(_key(name))
        return hit[1] if hit and hit[0] == "place" else None

    # -- finding mentions ---------------------------------------------------

    def query_mentions(self, text: str) -> list[Mention]:
        """The registered persons a query names as plain text."""
        return [m for m in self.find_mentions([text])[0] if m.kind == "person"]

    def find_mentions(self, paragraphs: list[str]) -> list[list[Mention]]:
        """Mentions of registered persons and places in each paragraph of one document."""
        full: list[list[Mention]] = []
        for text in paragraphs:
            found: list[Mention] = []
            for rx in (self._latin, self._cjk):
                if rx is None:
                    continue
                for m in rx.finditer(text):
                    hit = self._keys.get(_key(m.group(0)))
                    if hit and not _overlaps(found, m.start(), m.end()) \
                            and _glue_cut_ok(text, m.start(), m.end()):
                        found.append(Mention(m.start(), m.end(), hit[1], hit[0]))
            full.append(found)
        # Short and titled mentions, resolved against the document's full mentions.
        # Where each person is named in full, in document order, for bisecting.
        order: dict[str, list[tuple[int, int]]] = {}
        for i, ms in enumerate(full):
            for m in ms:
                if m.kind == "person":
                    order.setdefault(m.name, []).append((i, m.start))
        result: list[list[Mention]] = []
        for i, text in enumerate(paragraphs):
            mentions = list(full[i])
            if self._short is not None:
                for m in self._short.finditer(text):
                    start, end = m.span("family")
                    if _overlaps(mentions, start, end) or _names_someone_else(text, end):
                        continue
                    name = self._resolve(m.group("family"), m.group("title"), (i, start), order)
                    if name:
                        s = m.start("title") if m.group("title") else start
                        mentions.append(Mention(s, end, name, "person"))
            mentions.sort(key=lambda x: x.start)
            result.append(mentions)
        return result

    def _resolve(self, family: str, title: str | None, pos: tuple[int, int],
                 order: dict[str, list[tuple[int, int]]]) -> str | None:
        candidates = self._by_family.get(family, [])
        if title:
            t = title.rstrip(".").replace("-elect", "")
            titled = [p for p in candidates if any(x.rstrip(".") == t for x in p.titles)]
            if titled and t not in HONORIFICS:  # "Mr Kim" may be any Kim
                candidates = titled
        nearest = nearest_mention({p.name for p in candidates}, pos, order)
        if nearest:
            return nearest
        known = [p for p in candidates if p.known_by_family]
        return known[0].name if len(known) == 1 else None

    def unknown_persons(self, paragraphs: list[str], mentions: list[list[Mention]],
                        kinds: list[str] | None = None) -> list[Unknown]:
        """Names that look like persons' but are not registered, with examples.

        Titled names ("Foreign Minister Cho Tae-yul") count everywhere; other
        capitalized word runs only in body text, not in title-case headings.
        """
        found: dict[str, Unknown] = {}

        def add(name: str, text: str, titled: bool) -> None:
            tokens = name.split()
            while tokens and tokens[-1] in _NOT_NAME:
                tokens.pop()
            if not tokens or any(t in _NOT_NAME for t in tokens):
                return
            name = " ".join(tokens)
            if self._keys.get(_key(name)) or (len(tokens) == 1 and not titled):
                return
            u = found.setdefault(name, Unknown(name))
            u.count += 1
            u.titled = u.titled or titled
            if len(u.examples) < 3:
                u.examples.append(text[:160])

        kinds = kinds or ["body"] * len(paragraphs)
        for text, ms, kind in zip(paragraphs, mentions, kinds, strict=True):
            for m in self._titled_unknown.finditer(text):
                if not _overlaps(ms, *m.span("name")):
                    add(m.group("name"), text, True)
            if kind in ("title", "heading", "label"):
                continue
            for m in self._capitalized.finditer(text):
                if _overlaps(ms, *m.span("name")):
                    continue
                if m.start() > 0 and self._titled_unknown.search(text[max(0, m.start() - 30):m.end()]):
                    continue  # counted as titled above
                add(m.group("name"), text, False)
        return sorted(found.values(), key=lambda u: (-u.count, u.name))


_NEXT_TOKEN = re.compile(rf"[\s\u00a0]+([A-Z][\w{NAME_HYPHENS}]*)")


def nearest_mention(names: Iterable[str], pos: tuple[int, int],
                    order: dict[str, list[tuple[int, int]]]) -> str | None:
    """Which of ``names`` a short mention at ``pos`` means: the one whose full
    mention (``order``: each name's sorted positions in the document) comes nearest
    before it, else the one mentioned first after it; None if none is mentioned."""
    before: tuple[tuple[int, int], str] | None = None
    after: tuple[tuple[int, int], str] | None = None
    for name in names:
        spots = order.get(name)
        if not spots:
            continue
        k = bisect.bisect_left(spots, pos)
        if k and (before is None or spots[k - 1] > before[0]):
            before = (spots[k - 1], name)
        if after is None or spots[0] < after[0]:
            after = (spots[0], name)
    return (before or after)[1] if before or after else None


def _names_someone_else(text: str, end: int) -> bool:
    """Whether a family name is followed by a given name (an unregistered person)
    or by a word that makes it something else ("Han Chinese")."""
    m = _NEXT_TOKEN.match(text, end)
    if not m:
        return False
    token = m.group(1)
    return any(h in token for h in NAME_HYPHEN_CHARS) or token in {"Chinese", "Dynasty", "River"}


def _glue_cut_ok(text: str, start: int, end: int) -> bool:
    """Whether a match that starts or ends inside a word does so where the word's
    camel-case parts meet (``sung|Mao``, ``China|North``), never inside a name
    written in one word (``Mc|Donald``)."""
    for at, side in ((start, 0), (end, 1)):
        if 0 < at < len(text) and text[at - 1].isalnum() and text[at].isalnum():
            a, b = at, at
            while a > 0 and text[a - 1].isalnum():
                a -= 1
            while b < len(text) and text[b].isalnum():
                b += 1
            spans = camel_parts(text[a:b])
            if spans is None or at - a not in {span[side] for span in spans}:
                return False
    return True


def _overlaps(mentions: list[Mention], start: int, end: int) -> bool:
    return any(m.start < end and start < m.end for m in mentions)

"""The query language: Whoosh's syntax plus dates, persons and friendly errors.

Supported: words, ``"phrases"``, ``AND``/``OR``/``NOT``, ``-word`` and
``+word``, wildcards ``pres*`` / ``wom?n``, fuzzy ``word~`` / ``word~2``,
grouping with parentheses, and fields ``person:``, ``said:`` (a person quoted in the
paragraph), ``place:``, ``source:``, ``author:``, ``title:``, ``year:`` and ``date:`` (``date:2023``,
``date:2023-05``, ``date:[2023-01-01 TO 2023-06-30]``, open ends with ``*``
or nothing).

A field's value runs to the next space or closing parenthesis (``person:Vos-Baptiste``
is one name; Whoosh alone would read its hyphen as NOT); a field with no value is a
:class:`QueryError`.

Before Whoosh parses the text, these rewrites happen here:

* ``date:`` clauses become ranges on the sortable ``datenum`` field; a
  partial date covers its whole year or month.
* A person named in free text by any registered alias or spelling
  (``Yoon Seok-yeol``, ``习近平``) also matches every paragraph where that
  person is mentioned in any other form.
* Dangling operators (``AND`` with nothing on one side) are dropped with a
  notice, so a half-typed query still searches.

After parsing, ``person:``, ``said:``, ``place:`` and ``folder:`` terms are resolved
to canonical names through the registry and the facet values; a person value that is
no one's but part of persons' names finds nothing and names them.
"""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass, field

from whoosh import fields, qparser, query

from searchapp import dates
from searchapp.errors import QueryError
from searchapp.index.analysis import STOP_TERMS, fold, indexed_joined
from searchapp.index.schema import Values
from searchapp.ingest.entities import Registry
from searchapp.ingest.text import camel_parts, fold_letters
from searchapp.lexicon import NAME_HYPHENS, WORD_HYPHENS
from searchapp.model import FACET_BY_NAME, FACET_NAMES, FACETS
from searchapp.search.phrase import Parser


@dataclass
class ParsedQuery:
    query: query.Query | None  # None: no text query (filters only)
    text: str  # the string given to Whoosh, after the rewrites
    persons: list[str] = field(default_factory=list)  # canonical persons the query names
    places: list[str] = field(default_factory=list)
    notices: list[str] = field(default_factory=list)
    speakers: list[str] = field(default_factory=list)  # canonical persons of said:


#: fields a query may name: every facet of the one facet table, and the text fields
USER_FIELDS = (*FACET_NAMES, "title", "date", "body")
#: ... as a note lists them (``said:`` is how the speaker field is typed)
_NAMED_FIELDS = tuple("said" if n == "speaker" else n for n in USER_FIELDS)
_FIELD_ALIASES = {"persons": "person", "places": "place", "authors": "author", "text": "body",
                  "publisher": "source", "outlet": "source", "said": "speaker",
                  "quoted": "speaker"}

_DATE_CLAUSE = re.compile(r"(?<![\w:])date:(?:\[(?P<range>[^\]]*)(?P<close>\])?|(?P<single>[^\s)]*))",
                          re.I)
_FIELD_CLAUSE = re.compile(r"(?<![\w:])(\w+):(?:\"[^\"]*\"?|\[[^\]]*\]?|\([^)]*\)?|\S+)")
_OPERATOR = re.compile(r"^(?:AND|OR|NOT|ANDNOT|ANDMAYBE)$")
_SCHEMES = ("http", "https", "ftp", "mailto", "file")  # "https://…" is no field
# A field name with nothing after its colon: a space, a closing parenthesis, the end, or ""
# ("title:", "title:)", 'title:""', and a group with nothing in it: "title:(", "title:( )")
_EMPTY_FIELD = re.compile(r'(?<![\w:])(\w+):(?=\s|\)|$|""(?![^\s)])|\(\s*(?:\)|$))')
# An unquoted value with a hyphen inside (Vos-Baptiste, al-Rashidi, Jong-un): the value
# runs to the next space or closing parenthesis; wildcards, fuzzy and boosts are left alone
_HYPHENATED_VALUE = re.compile(rf"[^\s()\"*?~^\[{WORD_HYPHENS}]+"
                               rf"(?:[{WORD_HYPHENS}][^\s()\"*?~^\[{WORD_HYPHENS}]+)+")
#: fields whose values are exact names (persons, places, folders): Whoosh would read a
#: hyphen in them as NOT. Text fields (title, body, source, author) are analyzed and get
#: the hyphenated-word rewrite instead (:func:`rewrite_hyphens`).
_VALUE_FIELDS = ("person", "place", "speaker", "folder")
#: what each field's error message offers as an example
_FIELD_EXAMPLES = {"person": 'person:"Yoon Suk Yeol"', "speaker": "said:Xi",
                   "place": "place:Seoul", "source": 'source:"Epoch Times"',
                   "author": "author:Liou", "title": "title:summit", "year": "year:2023",
                   "folder": "folder:NAME", "body": "body:summit"}


QUOTED_MAX = 60  # characters of a query quoted in an error message


def _quoted(text: str) -> str:
    """``text`` in quotes for an error message: only its start when it is long
    (a pasted page must not become a page-long message)."""
    text = " ".join(text.split())
    if len(text) > QUOTED_MAX:
        text = text[: QUOTED_MAX - 1].rstrip() + "…"
    return "'" + text + "'"


class QueryBuilder:
    """Turns query strings into Whoosh queries for the paragraph schema."""

    def __init__(self, schema, registry: Registry, facet_values=None) -> None:
        self.schema = schema
        self.registry = registry
        # facet_values(field) -> known exact values, to match places/sources loosely
        self.facet_values = facet_values
        # (the person values, part -> [(name, its parts)]): see _part_of_names
        self._name_parts: tuple[object, dict[str, list[tuple[str, list[str]]]]] = (None, {})
        parser = Parser("body", _with_found_fields(schema),  # phrases keep their gaps
                        group=qparser.AndGroup)
        parser.add_plugin(qparser.FuzzyTermPlugin())
        parser.add_plugin(qparser.PlusMinusPlugin())
        parser.add_plugin(qparser.GtLtPlugin())
        self.parser = parser

    # -- public -------------------------------------------------------------

    def parse(self, text: str) -> ParsedQuery:
        text = (text or "").strip()
        if not text:
            return ParsedQuery(None, "")
        notices: list[str] = []
        persons: list[str] = []
        _check_tildes(text)
        rewritten = self._rewrite_fields(text, notices)
        rewritten = self._rewrite_dates(rewritten)
        rewritten = self._expand_persons(rewritten, persons)
        rewritten = rewrite_hyphens(rewritten)
        rewritten = rewrite_camel_case(rewritten)
        rewritten = self._drop_dangling(rewritten, notices)
        if rewritten.count('"') % 2:
            notices.append("A quote was not closed; its words were searched as a phrase "
                           "up to the end.")
            rewritten += '"'
        if rewritten.count("(") != rewritten.count(")"):
            notices.append("Parentheses were unbalanced; they were ignored.")
            # a field's group keeps its field: "title:(budget" searches title:budget
            rewritten = re.sub(r"(?<=:)\(", "", rewritten).replace("(", " ").replace(")", " ")
        if not rewritten.strip():
            raise QueryError(f"Nothing to search for in {_quoted(text)}: an operator needs words "
                             "on both sides, e.g. 'summit AND Seoul'.")
        try:
            q = self.parser.parse(rewritten)
        except Exception as exc:  # Whoosh's parser rarely raises, but never show a traceback
            raise QueryError(f"Cannot understand the query {_quoted(text)}: {exc}") from None
        places: list[str] = []
        speakers: list[str] = []
        q = q.accept(lambda node: self._resolve_entities(node, persons, places, notices,
                                                         speakers))
        q = q.accept(lambda node: _clamp_fuzzy(node, notices))
        if isinstance(q, type(query.NullQuery)):
            raise QueryError(f"Nothing to search for in {_quoted(text)}: only very common words "
                             "or operators were left.")
        return ParsedQuery(q, rewritten, _unique(persons), _unique(places), notices,
                           _unique(speakers))

    # -- rewrites on the text -------------------------------------------------

    def _rewrite_fields(self, text: str, notices: list[str]) -> str:
        """Field names to their canonical spelling (``said:`` -> ``speaker:``); a field
        with no value is an error; a hyphenated name in a value field is quoted, so its
        hyphen is part of the name, not NOT (``person:Vos-Baptiste``); a word before a
        colon that names no field (``foo:bar``) is searched as words, with a note."""
        _check_field_values(text)

        def repl(m: re.Match) -> str:
            name = m.group(1)
            canonical = _FIELD_ALIASES.get(name.lower(), name.lower())
            clause = m.group(0)
            if canonical not in USER_FIELDS:
                if any(c.isalpha() for c in name) and name.lower() not in _SCHEMES \
                        and not text.count('"', 0, m.start()) % 2:
                    notices.append(f"'{name}:' is not a field ({', '.join(_NAMED_FIELDS)}): "
                                   "its words were searched as text.")
                    return f"{name} {clause[len(name) + 1:]}"
                return clause
            value = clause[len(name) + 1:]
            if canonical in self.schema and isinstance(self.schema[canonical], fields.NUMERIC):
                _check_number(name, value)
            closing = len(value) - len(value.rstrip(")"))
            if canonical in _VALUE_FIELDS and closing < len(value) \
                    and _HYPHENATED_VALUE.fullmatch(value[:len(value) - closing]):
                value = f'"{value[:len(value) - closing]}"' + ")" * closing
            return f"{self._query_field(canonical)}:{value}"

        return _FIELD_CLAUSE.sub(repl, text)

    def _query_field(self, name: str) -> str:
        """The index field a query field searches: itself, or for a facet whose name is
        only stored in the index (``folder``), the facet's values field."""
        facet = FACET_BY_NAME.get(name)
        if facet is not None and facet.field in self.schema \
                and (name not in self.schema or not self.schema[name].indexed):
            return facet.field
        return name

    def _rewrite_dates(self, text: str) -> str:
        def repl(m: re.Match) -> str:
            if m.group("range") is not None:
                if not m.group("close"):
                    raise QueryError(f"The date range {_quoted(m.group(0))} is not closed: write "
                                     "date:[2023-01-01 TO 2023-06-30]")
                parts = re.fullmatch(r"(\S*?)\s*\bto\b\s*(\S*)", m.group("range").strip(), re.I)
                if parts is None:
                    raise QueryError(f"Cannot read the date range {_quoted(m.group(0))}: write "
                                     "date:[2023-01-01 TO 2023-06-30]")
                parts = parts.groups()
                lo, hi = dates.bound(parts[0], False), dates.bound(parts[1], True)
            else:
                single = m.group("single")
                if not single:
                    raise QueryError("'date:' needs a date, e.g. date:2023 or "
                                     "date:[2023-01-01 TO 2023-06-30]")
                lo, hi = dates.bound(single, False), dates.bound(single, True)
            if lo > hi:
                raise QueryError(f"The date range {_quoted(m.group(0))} ends before it starts")
            ranges = [f"datenum:[{a} TO {b}]" for a, b in dates.intervals(lo, hi)]
            return ranges[0] if len(ranges) == 1 else "(" + " OR ".join(ranges) + ")"

        return _DATE_CLAUSE.sub(repl, text)

    def _expand_persons(self, text: str, persons: list[str]) -> str:
        """``Yoon Seok-yeol`` -> ``("Yoon Seok-yeol" OR person:"Yoon Suk Yeol")``."""
        protected = [m.span() for m in _FIELD_CLAUSE.finditer(text)]
        mentions = self.registry.query_mentions(text)
        out = []
        pos = 0
        for m in sorted(mentions, key=lambda m: (m.start, -m.end)):
            start, end = m.start, m.end
            if start < pos or any(a <= start < b for a, b in protected):
                continue
            quotes_before = text.count('"', 0, start)
            if quotes_before % 2:  # inside a quoted phrase: only if the phrase is the name
                q_start = text.rfind('"', 0, start)
                q_end = text.find('"', end)
                if q_end < 0 or text[q_start + 1 : q_end].strip() != text[start:end]:
                    continue
                start, end = q_start, q_end + 1
            name = text[m.start : m.end].replace('"', "")
            persons.append(m.name)
            out.append(text[pos:start])
            out.append(f'("{name}" OR person:"{m.name}")')
            pos = end
        out.append(text[pos:])
        return "".join(out)

    def _drop_dangling(self, text: str, notices: list[str]) -> str:
        tokens = _split_keep_quotes(text)
        kept: list[str] = []
        dropped: list[str] = []
        for i, tok in enumerate(tokens):
            if _OPERATOR.match(tok):
                prev = kept[-1] if kept else None
                nxt = tokens[i + 1] if i + 1 < len(tokens) else None
                binary = tok != "NOT"
                if (binary and (prev is None or prev.endswith("(") or _OPERATOR.match(prev))) \
                        or nxt is None or nxt.startswith(")") or _OPERATOR.match(nxt or "") \
                        and nxt != "NOT":
                    dropped.append(tok)
                    continue
            kept.append(tok)
        if dropped:
            shown = _unique(dropped)
            notices.append("Ignored " + ", ".join(_quoted(d) for d in shown[:5])
                           + (" …" if len(shown) > 5 else "")
                           + ": an operator needs words on both sides.")
        return " ".join(kept)

    # -- resolution on the parsed tree ----------------------------------------

    def _resolve_entities(self, node, persons: list[str], places: list[str], notices: list[str],
                          speakers: list[str]):
        if isinstance(node, query.Term) and isinstance(node.text, str) \
                and node.fieldname in self.schema \
                and isinstance(self.schema[node.fieldname], fields.NUMERIC):
            try:  # year:"" becomes Term("year", ""), which Whoosh cannot encode
                self.schema[node.fieldname].to_bytes(node.text)
            except (ValueError, TypeError, OverflowError):
                given = f", not {_quoted(node.text)}" if node.text.strip() else ""
                raise QueryError(f"'{node.fieldname}:' needs a number, e.g. "
                                 f"{node.fieldname}:2023{given}") from None
        if isinstance(node, query.Term) and node.fieldname == "speaker":
            raw = node.text if isinstance(node.text, str) else node.text.decode("utf-8")
            name = self.registry.canonical_person(raw) or self._facet_match("person", raw) \
                or self._only_holder(raw, notices)
            if name:
                speakers.append(name)
                return query.Term("speaker", name, boost=node.boost)
            notices.append(f"'{raw}' is not a known person: no quotations of that name."
                           + self._part_of_names(raw, "said"))
            return query.Term("speaker", raw)  # matches nothing
        folder = FACET_BY_NAME["folder"].field
        if isinstance(node, query.Term) and node.fieldname == folder:
            raw = node.text if isinstance(node.text, str) else node.text.decode("utf-8")
            name = self._facet_match("folder", raw)
            if name is None:
                notices.append(f"No folder is called '{raw}' ('searchapp folders' lists "
                               "them).")
            return query.Term(folder, name or raw, boost=node.boost)
        if isinstance(node, query.Term) and node.fieldname in ("person", "place"):
            raw = node.text if isinstance(node.text, str) else node.text.decode("utf-8")
            if node.fieldname == "person":
                name = self.registry.canonical_person(raw) or self._only_holder(raw, notices)
                if name:
                    persons.append(name)
                    return query.Term("person", name, boost=node.boost)
                hint = self._part_of_names(raw, "person")
                if hint:  # searching the text would find those persons by part of their name
                    notices.append(f"'{raw}' is not a known person.{hint}")
                    return query.Term("person", raw)  # matches nothing
            else:
                name = self.registry.canonical_place(raw) or self._facet_match("place", raw)
                if name:
                    places.append(name)
                    return query.Term("place", name, boost=node.boost)
            notices.append(f"'{raw}' is not a known {node.fieldname}; searched the text "
                           "for it instead.")
            return self._text_query(raw)
        return node

    def _only_holder(self, raw: str, notices: list[str]) -> str | None:
        """The one person whose name holds ``raw`` as whole parts ("Lula" in "Luiz Inácio
        Lula da Silva", "von der Leyen" in "Ursula von der Leyen"), with a note saying
        so; None when no one's or several persons' names do."""
        holders = self.holders(raw)
        if len(holders) != 1:
            return None
        notices.append(f"'{raw}' taken as {holders[0]}, the only person whose name "
                       "holds it.")
        return holders[0]

    def _part_of_names(self, raw: str, field: str) -> str:
        """A sentence naming the persons whose names hold ``raw`` as whole parts
        ("Lindqvist" in "Ana Ferreira-Lindqvist"), or "" when none does."""
        holders = self.holders(raw)
        if not holders:
            return ""
        shown = " or ".join(holders[:3]) + (f" or {len(holders) - 3} more" if len(holders) > 3
                                            else "")
        return f" It is part of the name of {shown}: write the whole name, e.g. " \
               f'{field}:"{holders[0]}".'

    def holders(self, raw: str) -> list[str]:
        """The persons whose names hold ``raw`` as whole parts, in the order listed."""
        want = _name_parts(raw)
        if not want or self.facet_values is None:
            return []
        names = self.facet_values("person")
        if self._name_parts[0] is not names:  # split once per change of the persons
            by_part: dict[str, list[tuple[str, list[str]]]] = {}
            for name in names:
                parts = _name_parts(name)
                for part in set(parts):
                    by_part.setdefault(part, []).append((name, parts))
            self._name_parts = (names, by_part)
        n = len(want)
        return [name for name, parts in self._name_parts[1].get(want[0], ())
                if any(parts[i:i + n] == want for i in range(len(parts) - n + 1))]

    def _facet_match(self, fieldname: str, raw: str) -> str | None:
        if self.facet_values is None:
            return None
        want = fold_letters(raw)
        for value in self.facet_values(fieldname):
            if fold_letters(value) == want:
                return value
        return None

    def _text_query(self, raw: str):
        return self.parser.parse(f'"{raw}"')


# A hyphenated word: letters or digits joined by hyphens (ASCII, U+2010, U+2011), not part
# of a wildcard or fuzzy term.
_HYPHENATED = re.compile(
    rf"(?<![\w{WORD_HYPHENS}*?~])(?P<field>\w+:)?(?P<sign>[-+]?)"
    rf"(?P<word>\w+(?:\.\w+)*(?:\.?[{WORD_HYPHENS}]\w+(?:\.\w+)*)+)(?![\w*?~{WORD_HYPHENS}])")
_HYPHEN = re.compile(f"[{WORD_HYPHENS}]")
# fields whose values are analyzed text: a hyphenated value is rewritten there too
_TEXT_FIELDS = ("title:", "body:", "source:", "author:")
# ... of which names keep every word (their analyzer has no stop words)
_NAME_FIELDS = ("source:", "author:")


def _with_found_fields(schema):
    """The schema the parser reads: the index's, with the facets found beside the index
    (``said:``) as exact-value fields, so ``said:"Xi Jinping"`` parses as one term."""
    missing = [f for f in FACETS if f.found and f.field not in schema]
    if not missing:
        return schema
    schema = copy.deepcopy(schema)
    for f in missing:
        schema.add(f.field, Values())
    return schema


#: The most letters a fuzzy word may differ by (``fund~5`` matched nearly everything).
MAX_FUZZY = 2


def _clamp_fuzzy(node, notices: list[str]):
    """``korea~1/9``: a fuzzy prefix longer than the word is the whole word (Whoosh's
    automaton raises IndexError otherwise); ``fund~5``: at most :data:`MAX_FUZZY`
    letters apart, and a note says so."""
    if isinstance(node, query.FuzzyTerm) and isinstance(node.text, str):
        if node.prefixlength > len(node.text):
            node.prefixlength = len(node.text)
        if node.maxdist > MAX_FUZZY:
            notices.append(f"'{node.text}~{node.maxdist}': a word is matched at most "
                           f"{MAX_FUZZY} letters apart ({node.text}~{MAX_FUZZY}).")
            node.maxdist = MAX_FUZZY
    return node


def rewrite_hyphens(text: str) -> str:
    """``two-track`` -> ``("two track" OR twotrack)``: a hyphenated word matches itself
    (the analyzer indexes its parts at consecutive positions, so the phrase of its
    parts finds "two-track" and "two track"), and its joined form ("twotrack").  A
    ``-`` before a word is still NOT: ``-two-track`` -> ``-("two track" OR twotrack)``.
    Where a part is a stop word the index leaves out (``e-mail``, ``in-house``:
    the phrase would be "mail" or "house" alone) and fewer than two parts are left,
    only the joined form is searched; the index keeps it for every word hyphenated
    between letters or a letter and a digit, so "e-mail" and "email" are found and
    "mail" is not, and "F-35" finds "F-35" and "F35", never a "35" alone.
    A dotted abbreviation before the hyphen is a part ("U.S.-China": the phrase "U.S.
    China", not "U.S." AND NOT "China").
    Figures without a letter ("195-106", "2025-26", "2023-10-05") are the phrase of
    their parts, as printed (never "195 AND NOT 106").  Quoted phrases are left as they
    are (their words are already a phrase), and so are person, place, year and date
    fields."""
    out, pos = [], 0
    for m in _HYPHENATED.finditer(text):
        field = m.group("field") or ""
        word = m.group("word")
        if text.count('"', 0, m.start()) % 2 or (field and field.lower() not in _TEXT_FIELDS):
            continue
        parts = _HYPHEN.split(word)
        if not any(c.isalpha() for c in word):  # "195-106", "2025-26": the printed figure
            out.append(text[pos:m.start()])
            out.append(f'{field}{m.group("sign")}"{" ".join(parts)}"')
            pos = m.end()
            continue
        joined = "".join(parts)
        kept = [p for p in parts if fold(p) not in STOP_TERMS]
        if len(kept) == len(parts) or len(kept) >= 2 or field.lower() in _NAME_FIELDS \
                or not indexed_joined(word) or "." in word:  # "D-N.Y.": a dotted part
            either = f'("{" ".join(parts)}" OR {joined})'
        else:  # "e-mail": the phrase of its parts would be "mail" alone
            either = joined
        out.append(text[pos:m.start()])
        out.append(f'{field}{m.group("sign")}{either}')
        pos = m.end()
    out.append(text[pos:])
    return "".join(out)


# A word of letters and digits standing alone (not in a wildcard, fuzzy term, hyphenated
# or dotted word: those reach the analyzer as they are, which splits them into a phrase).
_BARE_WORD = re.compile(
    rf"(?<![\w{WORD_HYPHENS}*?~.])(?P<field>\w+:)?(?P<sign>[-+]?)"
    rf"(?P<word>[^\W_]+)(?![\w*?~{WORD_HYPHENS}:]|\.\w)")


def rewrite_camel_case(text: str) -> str:
    """``AirPods`` -> ``(airpods OR "AirPods")``: a camel-case word (see
    :func:`searchapp.index.analysis.camel_parts`) matches itself written in one word
    ("AirPods", "Airpods": the index keeps the whole word) and the phrase of its
    parts ("AirPods" split by the index, "Air Pods" written apart).  Quoted phrases
    are left as they are (a camel-case word there stands for its parts), and so are
    person, place, year and date fields."""
    out, pos = [], 0
    for m in _BARE_WORD.finditer(text):
        field = m.group("field") or ""
        word = m.group("word")
        if camel_parts(word) is None or text.count('"', 0, m.start()) % 2 \
                or (field and field.lower() not in _TEXT_FIELDS) or _OPERATOR.match(word):
            continue
        out.append(text[pos:m.start()])
        out.append(f'{field}{m.group("sign")}({word.lower()} OR "{word}")')
        pos = m.end()
    out.append(text[pos:])
    return "".join(out)


_NUMBER = r"\d{1,9}"
# what a number field (year:) takes: 2023, >2020, <=2024, [2020 TO 2024], [2020 TO], a
# group of those ((2023 OR 2024)), any of them quoted
_NUMBER_VALUE = re.compile(
    rf"[<>]=?{_NUMBER}|{_NUMBER}|[\[{{]\s*(?:{_NUMBER}\s+)?to(?:\s+{_NUMBER})?\s*[\]}}]", re.I)


def _check_number(name: str, value: str) -> None:
    """A number field's value (``year:abcd``, ``year:20x4``, ``year:[2020 TO x]``) that
    is no number, a comparison or a range of numbers is a :class:`QueryError` saying
    what is accepted, not a search for nothing."""
    bare = value.rstrip(")")
    if bare.startswith("(") and not bare.startswith("(("):
        parts = [w for w in bare[1:].split() if not _OPERATOR.match(w)]
    else:
        parts = [bare]
    for part in parts:
        if not _NUMBER_VALUE.fullmatch(part.strip('"')):
            raise QueryError(f"'{name}:{bare}' is not a year: {name}: takes a number, e.g. "
                             f"{name}:2023, {name}:>2020 or {name}:[2020 TO 2024]")


# a tilde after a word or a closing quote, outside quoted phrases, and what follows it
_TILDE = re.compile(r'(?P<before>"|[^\s"()~]+)~(?P<after>[^\s()"]*)')
_FUZZY_AFTER = re.compile(r"(?:\d+(?:/\d+)?)?")
_SLOP_AFTER = re.compile(r"[1-9]\d*(?:\^\d+(?:\.\d+)?)?")  # a boost may follow
_HYPHENATED_WORD = re.compile(rf"\w+(?:[{WORD_HYPHENS}]\w+)+")


def _check_tildes(text: str) -> None:
    """``~`` where it means nothing the user can want is a :class:`QueryError` naming
    what it takes: after a word, an edit distance (``Pyongyng~``, ``grain~2``, not
    ``grain~x``); after a phrase, how far apart its words may stand (``"…"~3``, not
    ``"…"~0`` or ``"…"~x``); never after a hyphenated word (``F-35~5``: searched as the
    phrase of its parts, which no edit distance applies to)."""
    for m in _TILDE.finditer(text):
        if text.count('"', 0, m.end("before")) % 2:
            continue  # a tilde inside a phrase is text
        before, after = m.group("before"), m.group("after")
        if before == '"':
            if not _SLOP_AFTER.fullmatch(after):
                raise QueryError(f"'\"…\"~{after}': ~ after a phrase takes how many places "
                                 "apart its words may stand, a number from 1, e.g. "
                                 '"grain talks"~3')
            continue
        word = before.lstrip("+-").split(":", 1)[-1]
        if "/" in word:
            continue  # a path or link ("example.com/~ann") is searched as written
        if _HYPHENATED_WORD.fullmatch(word):
            raise QueryError(
                f"'{word}~{after}': ~ (spelling tolerance) takes a single word, and {word} "
                f"is searched as its parts in a row; search {word} without ~, or its parts "
                f'as a phrase with ~N for nearness, e.g. "{_HYPHEN.sub(" ", word)}"~2')
        if not _FUZZY_AFTER.fullmatch(after):
            raise QueryError(f"'{word}~{after}': ~ after a word takes how many letters it may "
                             f"differ by, 1 or 2 (e.g. {word}~ or {word}~2), not '{after}'")


def _check_field_values(text: str) -> None:
    """A known field with nothing after its colon (``person:``, ``said: Xi``) is a
    :class:`QueryError` (one line naming the field and an example), never a silent
    search for nothing or for the field's name.  A colon inside a quoted phrase is
    text."""
    for m in _EMPTY_FIELD.finditer(text):
        name = m.group(1)
        canonical = _FIELD_ALIASES.get(name.lower(), name.lower())
        if canonical not in USER_FIELDS or canonical == "date" \
                or text.count('"', 0, m.start()) % 2:
            continue  # date: has its own message
        example = _FIELD_EXAMPLES.get(canonical, f"{name}:word")
        if canonical == "speaker":
            example = f"{name.lower()}:Xi"
        raise QueryError(f"'{name}:' needs a value right after the colon, e.g. {example}")


def _name_parts(name: str) -> list[str]:
    """A name's words and the parts of its hyphenated words, case- and letter-folded
    as person names are compared (:func:`searchapp.ingest.text.fold_letters`)."""
    return [p for p in re.split(rf"[\s{NAME_HYPHENS}]+", fold_letters(name)) if p]


def _split_keep_quotes(text: str) -> list[str]:
    """Whitespace tokens, keeping quoted phrases and bracketed ranges whole."""
    return re.findall(r'\S*"[^"]*"\S*|\S*\[[^\]]*\]\S*|\S+', text)


def _unique(items: list[str]) -> list[str]:
    return list(dict.fromkeys(items))

"""A lede's speaker named in the paragraph after it: delayed identification.

News often opens on a role and names its holder only in the next paragraph: "A former
captain told an Athens court on Thursday that the owner ordered him to ... / Captain
Andreas X, 58, who commanded the vessel for six years, said the call came ...".  The
role phrase of the first paragraph is the person the second opens on, when that person
is named there for the first time and speaks there in their own name -- the "delayed
identification" lede of news writing (a convention of wire and newspaper style guides).
The role's other quotations later ("the chief executive answered") are theirs too.

A source the lede marks as anonymous ("who spoke on condition of anonymity", "who asked
not to be named") is left unnamed: the next paragraph's person is someone else.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from searchapp.ingest.quotes import lexicon as lx
from searchapp.ingest.quotes.clauses import Para
from searchapp.ingest.quotes.quote import Quote

#: How many paragraphs (a headline, a standfirst) may come before the lede.
_LEDE_WITHIN = 3
#: Fewer words than this: a headline or a subhead, no lede.
_LEDE_WORDS = 20
#: A role phrase as written: an article or owner's word opening it.
_ROLE_PHRASE = re.compile(r"^(?:a|an|the|its|their)\s+(?P<role>[a-z][a-z\s-]*?[a-z])"
                          r"(?:\s+(?:of|at|for|in|from|on)\b.*)?$")
#: What marks a source as anonymous (the wording style guides ask for: AP, Reuters).
_ANONYMOUS = re.compile(r"anonymity|not (?:to be )?named|not authori[sz]ed|declined to be "
                        r"(?:named|identified)|familiar with|close to the|"
                        r"did not want (?:his|her|their) name", re.IGNORECASE)

#: A description apposed to a name: "X, a driver stuck at the crossing," / "X, the captain".
_APPOSED = re.compile(r",\s+(?:(?:a|an|the|its|his|her|their)\s+|[A-Z]\w*['’]s\s+)"
                      r"(?P<desc>[^,.;:\"“”]{2,80})")


def identify_ledes(paras: Sequence[Para], out: list[list[Quote]]) -> None:
    """The lede's quotations of an unnamed role become the person the next paragraph
    opens on and names first, when that person speaks there by name; later quotations
    of the same role ("the chief executive") are theirs too (``out`` changed in place)."""
    lede = next((i for i in range(min(_LEDE_WITHIN, len(paras) - 1))
                 if not paras[i].heading and len(paras[i].text.split()) >= _LEDE_WORDS), None)
    if lede is None or _ANONYMOUS.search(paras[lede].text):
        return
    roles = {q.source: m.group("role") for q in out[lede] if q.speaker is None
             and (m := _ROLE_PHRASE.match(q.source.lower())) is not None
             and lx.role_noun(m.group("role").split()[-1])}
    if not roles:
        return
    person = _opened_on(paras, out, lede + 1)
    if person is None or not _may_hold(paras[lede + 1], person, roles.values()):
        return
    out[lede] = [Quote(q.start, q.end, person, q.source, q.kind) if q.source in roles else q
                 for q in out[lede]]
    held = set(roles.values())
    for i in range(lede + 2, len(out)):
        out[i] = [Quote(q.start, q.end, person, q.source, q.kind)
                  if q.speaker is None and _role_of(q.source) in held else q for q in out[i]]


def _may_hold(para: Para, name: str, roles) -> bool:
    """Whether ``name``, as described where paragraph ``para`` names it, may hold the
    lede's role: the description apposed to the name ("X, the former captain,") carries
    the role's noun, or carries no role noun at all ("X, 58,"; a title before the name
    decides nothing).  "X, a driver stuck at the crossing," is another person."""
    p = next((p for p in para.persons_outside() if p.name == name), None)
    m = _APPOSED.match(para.text, p.end) if p is not None else None
    if m is None:
        return True
    nouns = [w.lower() for w in re.findall(r"[A-Za-z][\w'’-]*", m.group("desc"))
             if lx.role_noun(w)]
    return not nouns or any(r.split()[-1] in nouns for r in roles)


def _role_of(source: str) -> str | None:
    m = _ROLE_PHRASE.match(source.lower())
    return m.group("role") if m is not None and source.lower().startswith("the ") else None


def _opened_on(paras: Sequence[Para], out: list[list[Quote]], n: int) -> str | None:
    """The person paragraph ``n`` opens on -- its first word (a title or rank before
    it), or the speaker named after the quotation it opens with ('"...," X said') --
    named nowhere before it, who speaks there by their name."""
    para = paras[n]
    first = next(iter(para.persons_outside()), None)
    if first is None or any(p.name == first.name for q in paras[:n] for p in q.persons):
        return None  # named before: the lede's role is not this first naming
    named = para.text[first.start:first.end]
    spoken = [q for q in out[n] if q.speaker == first.name
              and named.endswith(q.source.split()[-1])]
    if not spoken:
        return None
    if len(para.text[:first.start].split()) <= 1 or any(
            q.start <= 1 and q.kind == "direct" for q in spoken):
        return first.name
    return None

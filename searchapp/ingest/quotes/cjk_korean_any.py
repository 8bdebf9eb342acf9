"""Korean persons of any family name, on the evidence of Korean spelling and the document.

:mod:`.cjk_names` finds a Korean full name by its first syllable: one of the common
family names.  Rarer families (빈, 옹, 견, ...) and foreign names written in Hangul
("바트수흐 간체첵") were no persons, so their quotations were left unnamed ("구단 대표
옹하람 씨는 “…”").  Three kinds of evidence need no list of families:

* **씨 written apart.** Korean spelling writes the honorific 씨 and a title apart from
  the name (한글 맞춤법 제48항: "김양수 씨", "서화담 선생"), while the words that end in
  씨 are written as one ("날씨", "솜씨", "아저씨").  A word of three syllables (or a
  Hangul word with an age in brackets) then a space and 씨 is a name.
* **An age in brackets** after a word before a particle ("수파르디(29)도", "바트수흐
  간체첵(34)은"): news gives a person's age so.  A foreign name's given part is the word
  before it when that word has a syllable no Korean name has (:data:`FOREIGN_SYLLABLES`
  of :mod:`.cjk_names`); the last word is what the article writes alone later
  ("간체첵 씨는").
* **The family syllable alone with a title elsewhere** ("빈소율 감독" ... "빈 감독은"):
  a name shaped word before a title is a person when the document also writes its
  first syllable alone, spaced, before a title or 씨 -- the other spelling of the same
  person, as round eleven reads English names.  A syllable that is also a determiner
  (:data:`DETERMINERS`: "새 감독", "각 대표") is no family name.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from searchapp.lexicon import HANGUL_SYLLABLES

_H = HANGUL_SYLLABLES

#: Korean determiners of one syllable (관형사), which stand before a title as a family
#: name does ("새 감독은" "the new coach", "각 대표" "each representative", "전 장관"
#: "the former minister"): the closed class of the grammar (표준국어대사전, 관형사),
#: numerals of one syllable included.
DETERMINERS = frozenset("새헌옛첫온뭇각매모몇두세네한이그저전현고본당동총양타제귀외순")

#: What may follow a name with its age or 씨: a particle, a space, punctuation, the end.
_AFTER = r"(?=[은는이가의도와과께에을를만]|\s|$|[,.·)”’\"])"
#: "견민결 씨", "옹하람 씨는": a three-syllable word, spaced 씨.
_SPACED_SSI = re.compile(rf"(?<![{_H}\w])(?P<name>[{_H}]{{3}}) 씨{_AFTER}")
#: "수파르디(29)도", "바트수흐 간체첵(34)은", "경윤호(58) 씨".
_AGED = re.compile(rf"(?<![{_H}\w])(?:(?P<given>[{_H}]{{2,5}}) )?(?P<name>[{_H}]{{2,5}})"
                   rf"\(\d{{1,3}}\)(?:\s?씨)?{_AFTER}")
#: Last syllables of a Korean word that ends in a particle or a verb's ending ("따르면",
#: "모르는"): no given name.
_ENDINGS = frozenset("면고며다는은을를에의서도로와과가이")
_WORD = re.compile(rf"(?<![{_H}\w])[{_H}]{{3}}(?![{_H}\w])")


def back_families(texts: Iterable[str], titles: Sequence[str]) -> frozenset[str]:
    """First syllables the document writes alone, spaced, before a title or 씨 ("빈
    감독은", "옹 대표는"), determiners left out."""
    alone = re.compile(rf"(?<![{_H}\w])(?P<fam>[{_H}]) (?:{'|'.join(map(re.escape, titles))}|씨)"
                       rf"(?=[{_H}]{{0,2}}(?:\s|$|[,.·)”’\"]))")
    return frozenset(m.group("fam") for t in texts for m in alone.finditer(t)
                     if m.group("fam") not in DETERMINERS)


def any_family_full(text: str, not_name, foreign: frozenset[str]
                    ) -> list[tuple[int, int, str, list[str]]]:
    """``(start, end, title, short forms)`` of names of any family in one paragraph: a
    three-syllable word with 씨 written apart, a word with an age in brackets (a foreign
    given name before it joined, its last word the short form).  ``not_name(word)``:
    common nouns and bodies the caller knows."""
    out: list[tuple[int, int, str, list[str]]] = []
    for m in _SPACED_SSI.finditer(text):
        if not not_name(m.group("name")):
            out.append((m.start("name"), m.end("name"), "씨", []))
    for m in _AGED.finditer(text):
        name, given = m.group("name"), m.group("given")
        if not_name(name) or len(name) == 2 and name[1] in "모씨" or any(
                a <= m.start("name") < b for a, b, _, _ in out):
            continue  # ("김모(52)씨": a withheld name)
        if given and foreign.intersection(given) and given[-1] not in _ENDINGS:
            # "바트수흐 간체첵(34)" (not "따르면 김모": a verb's ending)
            out.append((m.start("given"), m.end("name"), "", [name]))
        else:
            out.append((m.start("name"), m.end("name"), "", []))
    return out


def agreed_name(word: str, families: frozenset[str], not_name) -> bool:
    """A three-syllable word whose first syllable the document writes alone before a
    title (:func:`back_families`): a name whatever its family."""
    return bool(_WORD.fullmatch(word)) and word[0] in families and not not_name(word)


#: An apposition before a name: one or more words ending in the copula's 인 ("who is a
#: ..."): "부동산 전문가인", "선수의 에이전트인 브라질인" -- a word of three syllables or more
#: ("개인", "원인" are words of their own).
_APPOSITION = re.compile(rf"(?<![{_H}\w])[{_H}]{{2,}}인(?:\s+[{_H}]{{2,}}인)*\s+")
_TOKEN = re.compile(r"\S+")
_SUBJECT = ("은", "는", "이", "가")
_SENTENCE_END = re.compile(r"다\.(?:\s|$)")


def apposed_names(text: str, titles: Sequence[str], not_name, foreign: frozenset[str],
                  says: Sequence[str]) -> list[tuple[int, int, str, list[str]]]:
    """``(start, end, title, short forms)`` of names right after an apposition ending in
    인 ("who is a ..."): one word of three or four syllables before a title with at most
    two words of a body between ("부동산 전문가인 남궁지호 한빛대 교수는"), or a foreign
    name of two to four words (a syllable no Korean name has: :data:`FOREIGN_SYLLABLES`
    of :mod:`.cjk_names`) as the subject of a sentence a verb of ``says`` closes
    ("에이전트인 브라질인 하파엘 트리지누 바헤투는 … 밝혔다."); its last word the short form.
    ``not_name(word)``: common nouns and bodies the caller knows."""
    out: list[tuple[int, int, str, list[str]]] = []
    hangul = re.compile(rf"[{_H}]+")
    for m in _APPOSITION.finditer(text):
        toks = [t for _, t in zip(range(6), _TOKEN.finditer(text, m.end()))]
        if not toks or not hangul.fullmatch(toks[0].group(0)):
            continue
        first = toks[0].group(0)
        bare = next((first[:-len(p)] for p in _SUBJECT if first.endswith(p) and len(first) > 2),
                    first)
        if bare.endswith(tuple(titles)):
            continue  # "봉다인 의원은": a name ending in 인 before its title, no apposition
        # one name word, then a title (perhaps after a body's words)
        if 3 <= len(first) <= 4 and not not_name(first):
            for tok in toks[1:4]:
                core = tok.group(0).rstrip(",.)\"”’")
                core = next((core[:-len(p)] for p in _SUBJECT
                             if core.endswith(p) and len(core) > len(p) + 1), core)
                title = next((t for t in titles if core.endswith(t)), None) \
                    if hangul.fullmatch(core) else None
                if title is not None:
                    out.append((toks[0].start(), toks[0].end(), core, []))
                    break
                if not hangul.fullmatch(core) or core[-1] in _ENDINGS:
                    break
            if out and out[-1][0] == toks[0].start():
                continue
        # a foreign name of two to four words, the subject of a sentence of speech
        for k in range(1, min(4, len(toks))):
            last = toks[k].group(0)
            particle = next((p for p in _SUBJECT if last.endswith(p)), None)
            words = [t.group(0) for t in toks[:k]] + [last[:-1] if particle else last]
            if not all(hangul.fullmatch(w) and 2 <= len(w) <= 5 and not not_name(w)
                       for w in words):
                break
            if particle is None:
                continue
            stop = _SENTENCE_END.search(text, toks[k].end())
            tail = text[toks[k].end():stop.end() if stop else len(text)].split()
            if foreign.intersection("".join(words)) and tail \
                    and tail[-1].rstrip(".").endswith(tuple(says)):
                end = toks[k].end() - len(particle)
                out.append((toks[0].start(), end, "", [words[-1]] if len(words[-1]) >= 2 else []))
            break
    return out

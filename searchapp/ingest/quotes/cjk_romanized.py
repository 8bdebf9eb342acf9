"""A Korean or Chinese name followed by its romanized form in brackets: one person.

News in both languages gives a foreign or a native person's name in the Latin alphabet
right after the first mention: "欧盟贸易专员卡尔·布伦纳（Karl Brenner）表示", "조태오(Cho
Tae-oh) 장관", "마르틴 오이어바흐-카스텔라노스(Martin Auerbach-Castellanos) 집행위원".
The bracket says who the native spelling is, so both are the person of the romanized
name.  Where the native name starts is read from the text's own shape: the words of a
Hangul name as many as the romanized one has (a Korean name is one word), the parts of
a Chinese transliteration joined by a middle dot (its first part as long as reads
closest to the first romanized word), a Chinese name of two to four characters that
reads as the romanized one.  Read by :func:`.cjk_names.native_names`.
"""

from __future__ import annotations

import re
from difflib import SequenceMatcher

from searchapp.ingest.persons.names import loose_key, readings
from searchapp.ingest.quotes.lexicon import KO_SUBJECT
from searchapp.lexicon import HAN, HANGUL_SYLLABLES, NAME_PARTICLES

_H = HANGUL_SYLLABLES
_DOTS = "·・•‧"
#: A romanized name in brackets: two to five words, capitalised but for particles.
_BRACKETED = re.compile(r"[（(](?P<latin>[A-Z][\w'’.-]*(?:[ \t]+[\w'’.-]+){1,4})[)）]")
#: The native text right before such a bracket: Hangul words, or Chinese characters
#: with middle dots.
_HANGUL_BEFORE = re.compile(rf"(?:[{_H}]+(?:-[{_H}]+)*[ \t])*[{_H}]+(?:-[{_H}]+)*[ \t]*$")
_HAN_BEFORE = re.compile(rf"[{HAN}{_DOTS}]+$")
#: How closely a native name must read as the romanized one (loose keys, 0..1).
_SAME_READING = 0.6


def _similar(native: str, latin: str) -> float:
    """How closely ``native`` reads as ``latin``: the best ratio of their loose keys."""
    key = loose_key(latin)
    return max((SequenceMatcher(None, loose_key(r), key).ratio()
                for r in readings(native)), default=0.0)


def _latin_name(latin: str) -> list[str] | None:
    words = latin.split()
    if all(w[:1].isupper() or w.lower() in NAME_PARTICLES for w in words) \
            and any(c.islower() for c in latin):
        return words
    return None


def _han_start(run: str, words: list[str]) -> int | None:
    """Where a Chinese name ends ``run`` (a transliteration's parts joined by a dot, or a
    name of two to four characters), as an offset in ``run``; None: no name reads so."""
    parts = re.split(f"[{_DOTS}]", run)
    if len(parts) > 1:
        if not all(parts[1:]) or not parts[0]:
            return None
        first, head = words[0], parts[0]
        best = max(range(1, min(4, len(head)) + 1), key=lambda n: _similar(head[-n:], first))
        return len(head) - best
    latin = " ".join(words)
    fits = [(n, _similar(run[-n:], latin)) for n in range(2, min(4, len(run)) + 1)]
    n, score = max(fits, key=lambda f: f[1], default=(0, 0.0))
    return len(run) - n if score >= _SAME_READING else None


def _hangul_start(run: str, words: list[str]) -> int | None:
    """Where a Hangul name ends ``run``: one word reading as the whole romanized name (a
    Korean name), else as many words as the romanized name has."""
    tokens = list(re.finditer(r"\S+", run))
    if not tokens:
        return None
    last = tokens[-1].group(0)
    if "-" not in last and len(last) <= 4 and _similar(last, " ".join(words)) >= _SAME_READING:
        return tokens[-1].start()
    if len(tokens) >= len(words) and len(words) >= 2:
        return tokens[-len(words)].start()
    return None


def romanized_names(text: str) -> list[tuple[int, int, str, list[str]]]:
    """``(start, end, romanized, short forms)`` of native names followed by their
    romanized form in brackets; the short forms are the family part of a transliteration
    ("布伦纳" of "卡尔·布伦纳", "오이어바흐-카스텔라노스" and "카스텔라노스") that the
    document may write alone later."""
    out = []
    for m in _BRACKETED.finditer(text):
        words = _latin_name(m.group("latin"))
        if words is None:
            continue
        before = text[:m.start()]
        hangul = _HANGUL_BEFORE.search(before)
        han = None if hangul else _HAN_BEFORE.search(before)
        if hangul:
            run = hangul.group(0).rstrip()
            at = _hangul_start(run, words)
        elif han:
            run = han.group(0)
            at = _han_start(run, words)
        else:
            continue
        if at is None:
            continue
        start = (hangul or han).start() + at
        end = start + len(run) - at
        surface = text[start:end]
        short: list[str] = []
        if hangul and " " in surface:
            last = surface.split()[-1]
            short = [last, *([last.rsplit("-", 1)[1]] if "-" in last else [])]
        elif han and re.search(f"[{_DOTS}]", surface):
            short = [re.split(f"[{_DOTS}]", surface)[-1]]
        out.append((start, end, " ".join(words), [s for s in short if len(s) >= 2]))
    return out


#: A romanized name with its native form after it in brackets: "Seo Do-hyeon (서도현)",
#: "Wei Zijian（魏子健）": two to four capitalised words, then one Hangul word or two to
#: four Chinese characters.
_NATIVE_BRACKETED = re.compile(
    r"(?<![\w'’.-])(?P<latin>[A-Z][\w'’.-]*(?:[ \t]+[A-Z][\w'’.-]*){1,3})[ \t]*"
    rf"[（(](?P<native>[{_H}]{{2,5}}|[{HAN}]{{2,4}})[)）]")


def native_in_brackets(text: str) -> list[tuple[int, int, int, int]]:
    """``(latin start, latin end, native start, native end)`` of romanized names followed
    by their native form in brackets ("Seo Do-hyeon (서도현)", "Wei Zijian（魏子健）"):
    one person, when the native form reads as the romanized one -- a body's name in
    brackets ("Defense Ministry (국방부)") reads as nothing like it."""
    out = []
    for m in _NATIVE_BRACKETED.finditer(text):
        words = _latin_name(m.group("latin"))
        if words is None or _similar(m.group("native"), " ".join(words)) < _SAME_READING:
            continue
        out.append((m.start("latin"), m.end("latin"), m.start("native"), m.end("native")))
    return out


#: A foreign double-barrelled family name in Hangul ("산토로-브레넌", "오이어바흐-카스텔라노스"):
#: parts of two syllables or more, one of three or more (not "미국-중국", "서울-부산"),
#: maybe a particle after it.
_HANGUL_DOUBLE = re.compile(rf"(?<![{_H}\w-])(?P<given>[{_H}]{{2,4}})[ \t]+"
                            rf"(?P<family>[{_H}]{{2,}}(?:-[{_H}]{{2,}})+)")


#: An age in brackets and a subject particle after a name ("(41)는").
_AGE_THEN = re.compile(r"\(\d{1,3}\)\s?(?:씨)?(?P<p>[은는이가])")
#: The end of a Korean sentence: a verb's "-다." (a full stop after 다).
_SENTENCE_END = re.compile(r"다\.(?:\s|$)")


def hangul_foreign_names(text: str, titles: tuple[str, ...], particles: tuple[str, ...],
                         says: tuple[str, ...] = ()) -> list[tuple[int, int, list[str]]]:
    """``(start, end, short forms)`` of foreign names written in Hangul with a hyphenated
    family name, a title or role right before or within three words after them ("배우
    에밀리아 산토로-브레넌이", "마르틴 오이어바흐-카스텔라노스 EU 집행위원은"), or the subject of
    a sentence a verb of ``says`` closes ("트래비스 말로니-에체베리아는 … 말했다."); the short
    forms are the family name and its last part, which the document may write alone later."""
    out = []
    for m in _HANGUL_DOUBLE.finditer(text):
        given, family = m.group("given"), m.group("family")
        particle = ""
        for p in particles:  # "산토로-브레넌이": the particle is no part of the name
            if family.endswith(p) and len(family) - len(p) >= 5:
                family, particle = family[:-len(p)], p
                break
        aged = _AGE_THEN.match(text, m.end("family")) if not particle else None
        if aged is not None:  # "살렘 바와지르-알아물디(41)는": the particle after the age
            particle = aged.group("p")
        parts = family.split("-")
        if max(len(p) for p in parts) < 3 or len(parts[-1]) < 2 or given.endswith(titles) \
                or any(given.endswith(p) for p in particles):
            continue
        before = text[:m.start()].split()
        # "집행위원(통상 담당)은": an aside in brackets after the title stands between
        after = re.sub(r"\([^()]{0,40}\)", "", text[m.start("family") + len(family):]).split()[:3]
        cores = [w.rstrip(",.)\"”’") for w in after]
        titled = bool(before) and before[-1].endswith(titles) or any(
            any(c.endswith(t) or c.endswith(tuple(t + p for p in particles)) for t in titles)
            for c in cores)
        if not titled and particle in KO_SUBJECT and says:
            stop = _SENTENCE_END.search(text, m.end())
            last = text[m.end():stop.end() if stop else len(text)].split()
            titled = bool(last) and last[-1].rstrip(".").endswith(says)
        if titled:
            end = m.start("family") + len(family)
            out.append((m.start(), end, [family, *([parts[-1]] if len(parts[-1]) >= 3 else [])]))
    return out

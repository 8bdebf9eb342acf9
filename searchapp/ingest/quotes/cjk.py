"""Quotations and reported speech in Korean and Chinese news.

Korean puts the verb of speech last: ``박 장관은 “…”라고 말했다`` (the quotation,
then 라고/고, then 말했다, 밝혔다, 강조했다 ...), and reports speech as a clause
ending in 고 before the same verbs (``정부 소식통은 … 협의했다고 설명했다``); the
speaker is the topic or subject before it (은/는/이/가, after a title).  Chinese
puts the speaker and the verb first: ``中方表示，…。``, ``习近平强调：“…”``,
``据外交部介绍，…``.  A person is a mention the persons stage resolved (习近平,
시진핑, 윤석열); any other speaker ("中方", "정부 소식통", "한 전문가") is unnamed, and
他/她/그/그녀 are the person who spoke last.  :func:`titled_names` finds names with a
title ("정민호 차관", "董事长韩志远") for the speech-persons step.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from searchapp.ingest.persons.words import (
    CHINESE_FAMILY_NAMES,
    KOREAN_FAMILY_NAMES,
    KOREAN_RANKS,
    NATIVE_BYLINE,
    NATIVE_TITLES,
)
from searchapp.ingest.quotes import lexicon as lx
from searchapp.ingest.quotes.marks import quote_spans
from searchapp.ingest.quotes.quote import Quote
from searchapp.ingest.quotes.speakers import Person
from searchapp.lexicon import CJK_CHAR, HAN, HANGUL, HANGUL_SYLLABLES, STOPS

_HANGUL = re.compile(f"[{HANGUL}]")
# a sentence: up to its stops (a Latin full stop only before a space: not in "3.5")
_SENTENCE = re.compile(f"[^{STOPS}]*(?:[{STOPS.replace('.', '')}]+|\\.(?=\\s|$)|$)")
_KO_SAY = "|".join(sorted(map(re.escape, lx.KO_SAY), key=len, reverse=True))
_KO_QUOTE_TAIL = re.compile(rf"\s*(?:이?라고|고|이?라며|며|이?라면서|면서)\s*(?P<mid>.{{0,40}}?)\s*(?:{_KO_SAY})")
_KO_REPORTED = re.compile(rf"(?:다|라|냐|자|까)고\s*(?:{_KO_SAY})\s*[.。]?\s*$")
_KO_TOPIC = re.compile(rf"(?P<np>[{HANGUL}{HAN}A-Za-z0-9 ·]{{1,24}}?)(?:{'|'.join(lx.KO_SUBJECT)})"
                       r"(?=\s)")
_ZH_SAY = "|".join(sorted(map(re.escape, lx.ZH_SAY), key=len, reverse=True))
_ZH_SPEAKER = re.compile(rf"(?P<who>[^，,：:；;。！？“”「」『』]{{1,24}}?)(?P<verb>{_ZH_SAY})"
                         r"\s*[，,：:]\s*")
_ZH_ACCORDING = re.compile(rf"^(?:{'|'.join(lx.ZH_ACCORDING)})(?P<who>[^，,。]{{1,20}}?)"
                           rf"(?:{_ZH_SAY}|报道|報導|消息)?\s*[，,]")


def is_cjk(texts: Sequence[str]) -> bool:
    """Most of the document's letters are Chinese, Japanese or Korean."""
    sample = "".join(texts)[:4000]
    letters = sum(1 for c in sample if c.isalpha())
    return letters > 0 and sum(1 for c in sample if CJK_CHAR.match(c)) / letters > 0.5


def _person_in(persons: Sequence[Person], a: int, b: int) -> Person | None:
    hits = [p for p in persons if a <= p.start and p.end <= b]
    return hits[-1] if hits else None


def cjk_quotes(texts: Sequence[str], persons: Sequence[Sequence[Person]]) -> list[list[Quote]]:
    spans = quote_spans(list(texts))
    out: list[list[Quote]] = []
    last: tuple[int, str] | None = None  # (paragraph, person) of the last person speaker
    for n, (text, sp, ps) in enumerate(zip(texts, spans, persons, strict=True)):
        quotes = [(s.start, s.end) for s in sp]
        ps = [p for p in ps if not any(a <= p.start < b for a, b in quotes)]
        korean = bool(_HANGUL.search(text))
        found: list[Quote] = []
        for m in _SENTENCE.finditer(text):
            a, b = m.start(), m.end()
            if not text[a:b].strip():
                continue
            inside = [(s, e) for s, e in quotes if a <= s < b]
            here = _korean(text, a, b, inside, ps) if korean else _chinese(text, a, b, inside, ps)
            for q in here:
                if q.speaker is None and q.source.strip() in lx.CJK_PERSON_PRONOUNS:
                    # "他强调，…": the person who spoke last, in this paragraph or the one
                    # before; else nobody (a pronoun is no unnamed source)
                    if last is None or n - last[0] > 1:
                        continue
                    q = Quote(q.start, q.end, last[1], q.source, q.kind)
                found.append(q)
                if q.speaker:
                    last = (n, q.speaker)
        out.append(found)
    return out


def _speaker(text: str, a: int, b: int, persons: Sequence[Person]) -> tuple[str | None, str]:
    p = _person_in(persons, a, b)
    if p is not None:
        return p.name, text[p.start:p.end]
    return None, text[a:b].strip()


def _korean(text: str, a: int, b: int, quotes, persons) -> list[Quote]:
    out = []
    for s, e in quotes:
        m = _KO_QUOTE_TAIL.match(text, e, b)
        if not m:
            continue
        topic = None
        for t in _KO_TOPIC.finditer(text, a, s):
            if not any(qs <= t.start("np") < qe for qs, qe in quotes):
                topic = t  # not a word of an earlier quotation
        if topic is None:
            mid = m.group("mid")
            t = _KO_TOPIC.search(mid + " ")
            if t is None:
                continue
            base = m.start("mid")
            who = _speaker(text, base + t.start("np"), base + t.end("np"), persons)
        else:
            who = _speaker(text, topic.start("np"), topic.end("np"), persons)
        if who[1]:
            out.append(Quote(s, e, who[0], who[1], "direct"))
    if out or quotes:
        return out
    said = _KO_REPORTED.search(text, a, b)
    if said:
        topic = _KO_TOPIC.search(text, a, b)
        if topic is not None:
            who = _speaker(text, topic.start("np"), topic.end("np"), persons)
            start = topic.end()
            while start < b and text[start].isspace():
                start += 1
            end = said.start() + 1  # the clause, up to "...다" before "고 밝혔다"
            if who[1] and end - start > 4:
                out.append(Quote(start, end, who[0], who[1], "reported"))
    return out


def _chinese(text: str, a: int, b: int, quotes, persons) -> list[Quote]:
    sentence = text[a:b]
    m = _ZH_ACCORDING.match(sentence)
    if m and m.group("who") not in lx.ZH_NO_SOURCE:
        who = _speaker(text, a + m.start("who"), a + m.end("who"), persons)
        end = b - 1 if text[b - 1] in "。！？" else b
        return [Quote(a + m.end(), end, who[0], who[1], "reported")]
    m = _ZH_SPEAKER.search(text, a, b)
    if not m:
        for s, e in quotes:  # "“…”，习近平说。"
            tail = re.match(rf"\s*[，,]?\s*(?P<who>[^，,。“”]{{1,16}}?)(?:{_ZH_SAY})\s*[。.]?",
                            text[e:b])
            if tail:
                who = _speaker(text, e + tail.start("who"), e + tail.end("who"), persons)
                return [Quote(s, e, who[0], who[1], "direct")]
        return []
    who = _speaker(text, m.start("who"), m.end("who"), persons)
    if who[0] is None and len(who[1]) > 12:
        return []
    start = m.end()
    following = [(s, e) for s, e in quotes if s >= start - 1]
    if following and following[0][0] <= start + 1:
        s, e = following[0]
        return [Quote(s, e, who[0], who[1], "direct")]
    end = b - 1 if text[b - 1] in "。！？" else b
    return [Quote(start, end, who[0], who[1], "reported")] if end - start > 3 else []


# --- names with a title, for the speech-persons step --------------------------------

#: Korean titles after a name ("정민호 차관", "최영훈 교수"): the persons' titles and ranks
#: written in Hangul.
_KO_TITLES = tuple(t for t in (*NATIVE_TITLES, *KOREAN_RANKS)
                   if re.fullmatch(f"[{HANGUL_SYLLABLES} ]+", t)
                   and t not in NATIVE_BYLINE and t != "특파원")  # "김민준 기자 =": a credit
#: Chinese roles right before a name ("董事长韩志远", "退休教师郑国华", "教授吴承泽").
_ZH_ROLE_END = ("长", "長", "主任", "书记", "書記", "教授", "教师", "教師", "老师", "老師",
                "经理", "經理", "总裁", "總裁", "主席", "委员", "委員", "负责人", "負責人",
                "发言人", "發言人", "专家", "專家", "研究员", "研究員", "记者", "記者", "医生",
                "醫生", "律师", "律師", "工程师", "工程師", "董事", "代表", "总监", "總監",
                "居民", "村民", "市民", "学者", "學者", "总经理", "總經理", "司机", "司機")
_ZH_AFTER = ("在", "分析", *lx.ZH_SAY, "：", ":", "，", ",")
_KO_NAME = re.compile(rf"(?<![{HANGUL_SYLLABLES}])(?P<name>[{KOREAN_FAMILY_NAMES}][{HANGUL_SYLLABLES}]{{1,2}}) "
                      rf"(?P<title>{'|'.join(sorted(_KO_TITLES, key=len, reverse=True))})"
                      r"(?=[은는이가의께]|\s|$)")
_ZH_NAME = re.compile(rf"(?:{'|'.join(sorted(_ZH_ROLE_END, key=len, reverse=True))})"
                      rf"(?P<name>[{CHINESE_FAMILY_NAMES}][{HAN}]{{1,2}}?)"
                      rf"(?={'|'.join(map(re.escape, sorted(_ZH_AFTER, key=len, reverse=True)))})")
_CJK_SPEECH = re.compile("|".join(map(re.escape, (*lx.KO_SAY, *lx.ZH_SAY, "“", "「", '"'))))


def titled_names(text: str) -> list[tuple[int, int, str]]:
    """(start, end, title) of Korean and Chinese names with a title in a sentence of
    speech ("정민호 차관은 … 밝혔다", "董事长韩志远在…表示"): persons whatever the
    recognizer made of them (:mod:`searchapp.ingest.quotes.evidenced`)."""
    if not _CJK_SPEECH.search(text):
        return []
    out = [(m.start("name"), m.end("name"), m.group("title")) for m in _KO_NAME.finditer(text)]
    out += [(m.start("name"), m.end("name"), "") for m in _ZH_NAME.finditer(text)]
    return out


def ko_short_names(text: str, family: str, title: str) -> list[tuple[int, int]]:
    """"정 차관은": the family name and the title alone."""
    pat = re.compile(rf"(?<![{HANGUL_SYLLABLES}]){re.escape(family)} {re.escape(title)}(?=[은는이가의께]|\s|$)")
    return [(m.start(), m.start() + len(family) + 1 + len(title)) for m in pat.finditer(text)]

"""Japanese persons and Chinese bylines, on the evidence of how news names them.

The recognizer is an English model: in Japanese text it finds nobody.  Japanese news
names a person in fixed shapes, as Korean and Chinese news do (:mod:`.cjk_names`):

* a full name in kanji (three to five characters: a family name and a given name)
  right before a title or an honorific ("石丸浩二財務相は", "山田花子さんが", "田中一郎
  社長は", "鈴木太郎氏");
* a foreign name in katakana, its parts joined by a middle dot, before a title or an
  honorific ("エレン・マクファーソン財務長官", "マリア・ロッシ氏"); its last part is
  the family name the article writes alone later ("マクファーソン氏");
* a byline: a desk or a role, then the name alone ("経済部　森川千尋").

A family name with an honorific or a title ("石丸氏は", "田中社長が") is the person of
that family named so in the same document (:data:`JA_BACK`, read by
:func:`.cjk_names.native_names`).  Chinese bylines and credits name the reporter and
the editor: "記者 王小明／高雄報導", "（編輯：李大同）".
"""

from __future__ import annotations

import re

from searchapp.lexicon import HAN, KANA, KATAKANA, KATAKANA_LETTERS

#: Japanese cabinet portfolios as the press shortens them before 相 ("防衛相", "外相"),
#: and other states' ministers ("国防相").
_MINISTRIES = ("防衛", "外", "財務", "経産", "経済産業", "文科", "文部科学", "厚労", "厚生労働",
               "農水", "農林水産", "国交", "国土交通", "環境", "法", "総務", "復興", "経済再生",
               "デジタル", "国防", "内", "蔵", "首", "国家公安委員長", "官房長官")
#: Titles and honorifics after a Japanese name.
JA_TITLES = tuple(sorted({
    *(f"{m}相" for m in _MINISTRIES if not m.endswith("長官") and not m.endswith("長")),
    "官房長官", "国家公安委員長", "大臣", "副大臣", "政務官", "長官", "総理", "総理大臣", "首相",
    "大統領", "副大統領", "国務長官", "主席", "書記長", "社長", "副社長", "会長", "副会長", "専務",
    "常務", "取締役", "部長", "課長", "局長", "室長", "所長", "院長", "校長", "学長", "理事長",
    "知事", "市長", "町長", "村長", "区長", "議員", "議長", "委員長", "幹事長", "代表", "党首",
    "総裁", "教授", "准教授", "講師", "研究員", "弁護士", "医師", "記者", "特派員", "編集委員",
    "選手", "監督", "容疑者", "被告", "氏", "さん", "様", "君", "ちゃん", "被告人", "元首相",
    "大使", "報道官", "事務総長", "司令官", "将軍", "議長国", "首長",
    # the deputy of an office, 副 before its title ("副市長", "副知事", "副学長")
    *(f"副{t}" for t in ("知事", "市長", "町長", "村長", "区長", "議長", "委員長", "学長", "校長",
                        "院長", "所長", "部長", "局長", "理事長", "幹事長", "総裁", "総理", "長官",
                        "代表", "署長", "官房長官"))} - {"議長国"},
    key=len, reverse=True))
#: Honorifics and titles a family name takes alone in a back-reference ("石丸氏").
JA_BACK_TITLES = tuple(t for t in JA_TITLES if t not in ("君", "ちゃん", "代表", "記者"))
#: Last characters of a kanji word that is a body, a place or a thing, not a name
#: ("防衛省", "東京都", "自民党", "政府").
_NOT_NAME_END = frozenset("省庁局部課県都道府市区町村党社会院所室団隊軍国界府署館校園港駅線店業")
_K = KATAKANA
_BOUNDARY = rf"(?<![{HAN}{_K}])"
_TITLES = "|".join(map(re.escape, JA_TITLES))
#: After a name and its title: a particle, a bracket, punctuation or the end.
_AFTER = r"(?=[はがのもにとを、。，,（(「」・\s]|$|\d)"
_KANJI_NAME = re.compile(rf"{_BOUNDARY}(?P<name>[{HAN}]{{3,5}}?)[ \u3000]?(?P<title>{_TITLES}){_AFTER}")
#: A kanji name, a middle dot and the body of its title ("山田花子・東都大学教授"): the
#: name is what comes before the dot.
_KANJI_NAME_BODY = re.compile(rf"{_BOUNDARY}(?P<name>[{HAN}]{{3,5}}?)・"
                              rf"(?P<body>[{HAN}{_K}]{{2,12}}?)(?P<title>{_TITLES}){_AFTER}")
#: A kanji name of six or seven characters before a title ("五百旗頭真澄知事",
#: "勘解由小路七海さん"): a person only when the document writes its family part alone
#: before a title too (:func:`kanji_families`).
_LONG_KANJI_NAME = re.compile(rf"{_BOUNDARY}(?P<name>[{HAN}]{{6,7}}?)[ \u3000]?(?P<title>{_TITLES})"
                              rf"{_AFTER}")
_KATAKANA_NAME = re.compile(
    rf"(?<![{_K}])(?P<name>[{KATAKANA_LETTERS}]{{2,}}(?:[・＝=][{KATAKANA_LETTERS}]{{2,}})+)"
    rf"[ \u3000]?(?P<title>[{HAN}]{{0,4}}?(?:{_TITLES})){_AFTER}")  # (its body before: "財務長官")
#: A byline: a desk ("経済部", "社会部", "ワシントン支局") or a role, then the name alone.
_BYLINE = re.compile(rf"^(?:By[ \t]+)?(?:[{HAN}{_K}]{{1,8}}(?:部|局|支局|総局|記者|特派員|編集委員))[ \u3000]+"
                     rf"(?P<name>[{HAN}]{{3,5}})\s*$")
#: A back-reference: a family name (kanji or katakana) and an honorific or a title.
JA_BACK = re.compile(rf"{_BOUNDARY}(?P<fam>[{HAN}]{{1,3}}?|[{KATAKANA_LETTERS}]{{2,}})"
                     rf"(?P<title>{'|'.join(map(re.escape, JA_BACK_TITLES))}){_AFTER}")
_HAS_KANA = re.compile(f"[{KANA}]")
_KANJI_BACK = re.compile(rf"{_BOUNDARY}(?P<fam>[{HAN}]{{2,5}}?)"
                         rf"(?:{'|'.join(map(re.escape, JA_BACK_TITLES))}){_AFTER}")

#: Chinese bylines and credits: "記者 王小明／高雄報導", "（編輯：李大同）", "文／张伟".
_ZH_CREDIT = re.compile(
    rf"(?:^|(?<=[（(\s　]))(?:記者|记者|編輯|编辑|責任編輯|责任编辑|撰文|採訪|采访|攝影|摄影|"
    rf"文字|圖|图|文)[ \u3000]*[：:／/]?[ \u3000]*(?P<name>[{HAN}]{{2,4}}?)"
    rf"(?=[／/｜|）)\s　]|$)")


def japanese(text: str) -> bool:
    """Text written in Japanese (kana among its characters)."""
    return bool(_HAS_KANA.search(text))


def kanji_families(texts) -> frozenset[str]:
    """Kanji runs of two to five characters the document writes right before a title or
    an honorific ("五百旗頭知事は", "勘解由小路さん"): a family part, or a full name."""
    return frozenset(m.group("fam") for t in texts for m in _KANJI_BACK.finditer(t)
                     if m.group("fam")[-1] not in _NOT_NAME_END)


def japanese_full(text: str, families: frozenset[str] = frozenset()
                  ) -> list[tuple[int, int, str, list[str]]]:
    """``(start, end, title, short forms)`` of Japanese full names in one paragraph: a
    kanji name or a katakana one before a title or an honorific, a byline's name; the
    short forms are a katakana name's family part, which the article writes alone, and
    the family part of a long kanji name (six or seven characters) that the document
    writes alone before a title (one of ``families``: :func:`kanji_families`), the
    evidence such a name needs."""
    out: list[tuple[int, int, str, list[str]]] = []
    for m in _LONG_KANJI_NAME.finditer(text):
        name = m.group("name")
        if _title_longer(name, m.group("title")):
            continue  # "九十九和臣副市長": the name's last character opens a longer title
        family = next((f for f in sorted(families, key=len, reverse=True)
                       if name.startswith(f) and 1 <= len(name) - len(f) <= 3), None)
        if family is not None and name[-1] not in _NOT_NAME_END:
            out.append((m.start("name"), m.end("name"), m.group("title"),
                        [family] if len(family) >= 3 else []))
    for m in _KANJI_NAME.finditer(text):
        name = m.group("name")
        if name[-1] in _NOT_NAME_END or any(name.endswith(t) for t in JA_TITLES) \
                or _title_longer(name, m.group("title")) \
                or any(a <= m.start("name") < b for a, b, _, _ in out):
            continue
        out.append((m.start("name"), m.end("name"), m.group("title"), _family_of(name, families)))
    for m in _KANJI_NAME_BODY.finditer(text):
        name = m.group("name")
        if name[-1] in _NOT_NAME_END or any(a < m.end("name") and m.start("name") < b
                                            for a, b, _, _ in out):
            continue
        out.append((m.start("name"), m.end("name"), m.group("title"), _family_of(name, families)))
    for m in _KATAKANA_NAME.finditer(text):
        # its family part, and the parts between (a Brazilian or Spanish person goes by
        # any of their family names: "ピニェイロさん" of "ジョアン・ヴィトール・ピニェイロ・サカモト")
        parts = re.split("[・＝=]", m.group("name"))
        out.append((m.start("name"), m.end("name"), m.group("title"),
                    [p for p in (parts[-1], *parts[1:-1]) if len(p) >= 3]))
    m = _BYLINE.match(text)
    if m and m.group("name")[-1] not in _NOT_NAME_END:
        out.append((m.start("name"), m.end("name"), "記者", []))
    return out


def _family_of(name: str, families: frozenset[str]) -> list[str]:
    """The family part of a kanji full name that the document writes alone before a title,
    as a short form only where it reads as a name of its own (three characters or more:
    "小鳥遊会長"); "石丸氏" is a back-reference (JA_BACK)."""
    family = next((f for f in sorted(families, key=len, reverse=True)
                   if name.startswith(f) and 1 <= len(name) - len(f) <= 3), None)
    return [family] if family and len(family) >= 3 else []


def _title_longer(name: str, title: str) -> bool:
    """The name's last characters and the title read are a longer title ("…副" + "市長")."""
    return any(len(t) > len(title) and (name + title).endswith(t) for t in JA_TITLES)


def chinese_credits(text: str, family_names: str) -> list[tuple[int, int, str]]:
    """``(start, end, role)`` of names in a Chinese byline or credit ("記者 王小明／台北
    報導", "（編輯：李大同）"), when the name opens with a family name of
    ``family_names``."""
    return [(m.start("name"), m.end("name"), "記者") for m in _ZH_CREDIT.finditer(text)
            if m.group("name")[0] in family_names and len(m.group("name")) >= 2]


#: Japanese verbs of speech after a quotation and と ("「…」と述べた", "と指摘した").
JA_SAY = ("述べた", "述べる", "述べている", "話した", "話す", "話している", "語った", "語る",
          "指摘した", "強調した", "説明した", "明らかにした", "訴えた", "批判した", "答えた",
          "明かした", "付け加えた", "発言した", "表明した", "主張した", "反論した", "否定した",
          "認めた", "述べました", "話しました", "語りました", "コメントした", "呼びかけた")
_JA_QUOTE_TAIL = re.compile(
    rf"\s*と[^「」『』。]{{0,20}}?(?:{'|'.join(sorted(map(re.escape, JA_SAY), key=len, reverse=True))})")
#: The sentence's topic or subject before a quotation: a phrase ending in は or が
#: ("石丸氏は", "防衛省幹部は", "一方、マクファーソン氏は").
_JA_TOPIC = re.compile(r"(?:^|[、\s])?(?P<np>[^、。「」『』\s]{1,24}?)[はが](?=[^はが]|$)")


#: Where a topic phrase's head begins: after its last particle of place, time or
#: possession ("会見の最後に知事は": the head is "知事").
_JA_HEAD = re.compile(r"^.*(?:[のにでへ]|から|まで)(?=[^のにでへ])")


def japanese_speakers(text: str, a: int, b: int, quotes, persons, titled=lambda np: None
                      ) -> list[tuple[int, int, str | None, str]]:
    """``(start, end, speaker, source)`` of the quotations in the Japanese sentence
    ``text[a:b]`` followed by と and a verb of speech: the speaker is the person of the
    sentence's topic before the quotation ("石丸氏は…「…」と述べた"; the last phrase
    with は, the topic, before one with が, a subject perhaps of a clause inside:
    "人手が足りないのではないかと問われると、知事は「…」"), the one person a title
    topic stands for (``titled``: "知事は" after "五百旗頭真澄知事"), else the topic
    itself, unnamed ("防衛省幹部は「…」と話した")."""
    out = []
    for s, e in quotes:
        if not _JA_QUOTE_TAIL.match(text, e, b):
            continue
        named = [p for p in persons if a <= p.start and p.end <= s
                 and not any(qs <= p.start < qe for qs, qe in quotes)]
        topics = [t for t in _JA_TOPIC.finditer(text, a, s)
                  if not any(qs <= t.start("np") < qe for qs, qe in quotes)]
        wa = [t for t in topics if text[t.end("np")] == "は"]
        topic = wa[-1] if wa else topics[0] if topics else None
        if topic is not None:
            # (a person whose name runs into the topic: a long topic is read from its
            # last 24 characters, "…代表のジョアン・ヴィトール・…さん（44）は")
            inside = [p for p in named if topic.start("np") < p.end and p.start < topic.end()]
            head = _JA_HEAD.sub("", topic.group("np"))
            who = titled(head) if not inside else None
            if inside:
                p = inside[0]
                out.append((s, e, p.name, text[p.start:p.end]))
            elif who is not None:
                out.append((s, e, who, head))
            else:
                out.append((s, e, None, topic.group("np")))
        elif named:
            p = named[-1]
            out.append((s, e, p.name, text[p.start:p.end]))
        else:  # no subject: Japanese leaves out the one that goes on (the caller's)
            out.append((s, e, None, ""))
    return out


_JA_SAY_ALT = "|".join(sorted(map(re.escape, JA_SAY), key=len, reverse=True))
#: A clause reported without quotation marks: "…と明かした。", "…方針だと明らかにした".
_JA_REPORTED = re.compile(rf"と(?:[^、。「」『』]{{0,8}}?)(?:{_JA_SAY_ALT})(?:という)?[。．]?\s*$")
#: "小鳥遊会長によると、…": according to a source, the rest of the sentence is theirs.
_JA_ACCORDING = re.compile(r"(?P<np>[^、。「」『』\s]{1,24}?)によると[、，]?")


def japanese_reported(text: str, a: int, b: int, persons, titled=lambda np: None
                      ) -> list[tuple[int, int, str | None, str]]:
    """``(start, end, speaker, source)`` of speech reported without quotation marks in
    the Japanese sentence ``text[a:b]``: a clause after the sentence's topic and before
    と and a verb of speech ("会長は、…を超えていると明かした"), the rest of a sentence
    after "Xによると".  The speaker is read as for a quotation; an unnamed topic is kept
    as the source."""
    named = [p for p in persons if a <= p.start < b]
    m = _JA_ACCORDING.match(text, a, b)
    if m:
        who = next((p for p in named if p.start < m.end("np")), None)
        head = _JA_HEAD.sub("", m.group("np"))
        end = b - 1 if text[b - 1] in "。．" else b
        if end - m.end() > 4:
            name = who.name if who else titled(head)
            return [(m.end(), end, name, text[who.start:who.end] if who else head)]
        return []
    said = _JA_REPORTED.search(text, a, b)
    if not said:
        return []
    topics = [t for t in _JA_TOPIC.finditer(text, a, said.start()) if text[t.end("np")] == "は"]
    if not topics:
        return []
    topic = topics[0]
    start = topic.end()
    while start < said.start() and text[start] in "、， 　":
        start += 1
    if said.start() - start <= 4:
        return []
    inside = [p for p in named if topic.start("np") < p.end and p.start < topic.end()]
    head = _JA_HEAD.sub("", topic.group("np"))
    if inside:
        return [(start, said.start(), inside[0].name, text[inside[0].start:inside[0].end])]
    who = titled(head)
    return [(start, said.start(), who, head)] if who else [
        (start, said.start(), None, topic.group("np"))]

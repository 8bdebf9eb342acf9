"""Korean and Chinese persons in running text, on the evidence of how news names them.

The persons stage's recognizer is an English model: in Hangul or Chinese text it
finds nobody, and the stage links a native-script name only when it reads as a
romanized person found elsewhere (시진핑 -> Xi Jinping).  A speaker named only in
Korean or Chinese was therefore no person, and their quotations were left unnamed.
News in both languages names a person in a few fixed shapes, and the shape is the
evidence:

* **Korean**: a full name (a family syllable and one or two more) then a title, with
  at most two words of an organisation between ("한지원 금융위원회 위원장은", "오세린
  은행연합회장은", "정민호 차관"); a name then 씨, an age between or not ("김도윤(52)씨",
  "이하은 씨");
* **Chinese**: a role right before a name ("董事长韩志远在", "衛生福利部長林怡君昨日表示",
  "教授陈立新认为"); a three-character name opening a clause before a verb of speech
  ("王海峰表示，", "。黃建宏說：", "”韩志远说。").

A name found so is the same person wherever the document writes it again, and the
back-references of both languages stand for it: the family name and a title ("한
위원장은", "박 국장에 따르면", "王组长强调", "林部長強調") or 씨 ("김씨는", "이 씨는").
A back-reference goes to the person of that family named with that title (the title
the person was given ends with it: "교통국장" for "국장"), else to the only person of
that family (any first syllable of a person's name: "시 주석" for 시진핑) -- never by a family syllable that is also a word ("한 교통 전문가는": "a
traffic expert") unless the title matches.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from searchapp.ingest.persons.words import (
    CHINESE_COMPOUND_FAMILY_NAMES,
    CHINESE_FAMILY_NAMES,
    KOREAN_FAMILY_NAMES,
    KOREAN_RANKS,
    NATIVE_BYLINE,
    NATIVE_TITLES,
)
from searchapp.ingest.quotes import lexicon as lx
from searchapp.ingest.quotes.cjk_japanese import (
    JA_BACK,
    chinese_credits,
    japanese,
    japanese_full,
    kanji_families,
)
from searchapp.ingest.quotes.cjk_korean_any import (
    agreed_name,
    any_family_full,
    apposed_names,
    back_families,
)
from searchapp.ingest.quotes.cjk_romanized import (
    hangul_foreign_names,
    native_in_brackets,
    romanized_names,
)
from searchapp.ingest.quotes.interviews import KO_INTERVIEWER
from searchapp.lexicon import HAN, HANGUL_SYLLABLES

_H = HANGUL_SYLLABLES

#: The commonest Korean family names (one syllable) and Chinese ones (one character).
KO_FAMILY = KOREAN_FAMILY_NAMES
ZH_FAMILY = CHINESE_FAMILY_NAMES
#: Korean family names of two syllables.
_KO_FAMILY2 = ("남궁", "제갈", "선우", "황보", "독고", "사공", "서문")

#: Korean titles after a name: the persons' list's (NATIVE_TITLES) and office and
#: company ranks.  A title word may carry its body glued in front ("교통국장",
#: "서울시의원", "은행연합회장"): a word ending with one of these is a title.
KO_TITLES = tuple(sorted({t for t in (*NATIVE_TITLES, *KOREAN_RANKS) if re.fullmatch(f"[{_H}]+", t)
                          and t not in ("씨", "군", "양", "님", "외교부", "특파원", *NATIVE_BYLINE)
                          } | {  # (a reporter's title: "김민준 기자 =" credits the story)
    "연구위원", "위원", "차장", "군수", "교육감", "부총리",
    "비서관", "수석", "대변인", "감독", "코치", "교사", "변호사", "회계사", "연구관", "사무총장",
    "이사장", "조합장", "위원장", "전 장관", "의원", "후보", "특보", "고문", "주무관", "사무관",
    "서기관", "경위", "경감", "경정", "총경", "간호사", "의사", "약사", "목사", "신부", "스님",
    "서장", "이사관", "수석연구원", "책임연구원", "애널리스트", "이코노미스트", "파트너", "매니저",
    # a team's captain and an acting officer ("주장 경도하는", "감독대행", "탁 대행은")
    "주장", "대행"}, key=len, reverse=True))
#: Chinese titles: what a role before a name ends with ("董事长韩志远", "退休教师郑国华"),
#: and what follows a family name in a back-reference ("王部长", "林女士").
ZH_ROLE_END = ("长", "長", "主任", "书记", "書記", "教授", "教师", "教師", "老师", "老師",
               "经理", "經理", "总裁", "總裁", "主席", "委员", "委員", "负责人", "負責人",
               "发言人", "發言人", "专家", "專家", "研究员", "研究員", "记者", "記者", "医生",
               "醫生", "律师", "律師", "工程师", "工程師", "董事", "代表", "总监", "總監",
               "居民", "村民", "市民", "学者", "學者", "总经理", "總經理", "司机", "司機",
               "创始人", "創始人", "创办人", "創辦人", "合伙人", "合夥人", "议员", "議員",
               "总理", "總理", "总统", "總統", "大使", "部长", "部長", "主编", "主編", "官员", "官員",
               "立委", "主委", "特首", "院士", "总干事", "總幹事", "分析师", "分析師", "学家", "學家",
               "主持人", "首席", "议长", "議長", "法官", "检察官", "檢察官", "警官", "艺人", "藝人",
               "演员", "演員", "导演", "導演", "作家", "球员", "球員", "教练", "教練",
               "农", "農", "渔民", "漁民", "店主", "老板", "老闆", "工人", "学生", "學生", "家长",
               "家長", "志愿者", "志工", "财务官", "財務官", "外交官", "行政官", "执行官", "執行官",
               "员", "員",
               # a trade before a name ("商人恩贡迪·穆坦巴-伊隆加"): merchant, trader, vendor
               "商人", "商户", "商戶", "摊贩", "攤販", "摊商", "攤商")
#: Honorifics after a family name alone ("冼伯說", "陳太太表示", "林小姐"): the only person of
#: that family.
_ZH_HONORIFICS = ("先生", "女士", "小姐", "太太", "伯", "叔", "姨", "婆")
_ZH_BACK_TITLES = tuple(sorted({*ZH_ROLE_END, "先生", "女士", "博士", "部长", "部長", "局长",
                                "局長", "组长", "組長", "市长", "市長", "院长", "院長", "署长",
                                "署長", "校长", "校長", "会长", "會長", "董事长", "董事長",
                                "处长", "處長", "所长", "所長", "行长", "行長", "主任",
                                *_ZH_HONORIFICS}
                               - {"长", "長", "员", "員", "居民", "村民", "市民", "代表", "专家", "專家",
                                  "学者", "學者", "官员", "官員", "首席", "学家", "學家"},
                               key=len, reverse=True))
#: Words of time between a name and its verb ("林怡君昨日表示").
_ZH_TIME = (r"(?:昨日|昨天|今天|今日|日前|近日|前日|当天|當天|上午|下午|晚间|晚間|\d{1,2}月\d{1,2}日|"
            r"\d{1,2}日|(?:接受)?(?:记者)?(?:采访|採訪|受访|受訪)时|(?:接受)?(?:記者)?(?:採訪|受訪)時)")
_ZH_WHEN = (rf"{_ZH_TIME}?"
            r"(?:[则則也又还還并並]|同时|同時)?")  # (并/並 "and": "林怡君並指出")
_ZH_SAY = "|".join(sorted(map(re.escape, lx.ZH_SAY), key=len, reverse=True))
#: What follows a Chinese name that is a speaker: a verb of speech, "在" (the place of
#: the speech), a colon or a comma (the role's clause).
_ZH_AFTER = rf"{_ZH_WHEN}(?:在|{_ZH_SAY}|分析|质疑|質疑|批评|批評|[：:，,])"
#: A time word, then what the person did, then speech in the same clause ("交通部長魏子健
#: 下午視察災區時表示"): the time word right after the name says where the name ends.
_ZH_LATER_SAY = rf"{_ZH_TIME}[^，,。：:“「」！？]{{0,20}}?(?:{_ZH_SAY})"
#: Last characters of a three-character word that is a body or a title, not a name
#: ("林业局", "郑州市", "林部长").
_ZH_NOT_NAME_END = frozenset("省市县縣区區镇鎮村乡鄉局部委会會院司厂廠所社队隊党黨处處组組署办辦业業"
                             "界网網报報台行团團校馆館方长長员員授任记記师師总總理生士")
_ZH_NOT_NAMES = frozenset("周一 周二 周三 周四 周五 周六 周日 周末 方面 高层 高層 万一 金融 石油 黄金 "
                          "龙头 龍頭 江湖 马上 馬上 何时 何時 程序 任何 钟点 曾经 曾經 于是 於是 "
                          "向来 向來 包括 管理 关于 關於 易于 習慣 习惯 季度 温度 溫度 康复 康復 "
                          "宁可 寧可 左右 齐心 高度 乔治 喬治".split())
#: Words after a family character that make a phrase, not a name ("向记者表示").
_ZH_NOT_GIVEN = ("记者", "記者", "媒体", "媒體", "外界", "大家", "公众", "公眾", "各方", "国际",
                 "國際", "本报", "本報")
#: Korean family syllables that are also words before a noun: 한 "one", 이 "this",
#: 전 "former", 고 "the late", 현 "current", 각 "each", 모 "a certain", 두 "two".
_KO_ALSO_WORDS = frozenset("한이전고현각모두")
#: Last syllables of a three-syllable word that is a body or a place ("이사회", "김포시",
#: "경기도", "한양대", "공정위").
_KO_NOT_NAME_END = frozenset("시군구회청처당단실협측들부차도대위의")
#: Syllables of foreign names written in Hangul, never of a Korean given name ("도널드
#: 트럼프": 도널드 is no Korean family name and given name).
_FOREIGN_SYLLABLES = frozenset("드트프크스즈브르츠")
#: Common nouns of persons of three syllables that open with a family syllable: no names.
_KO_NOT_NAMES = frozenset("""
전문가 조합원 관계자 연구원 학부모 교육감 이사회 위원회 정부는 이번에 최근에 이날은 사업자 소비자
피해자 가해자 노동자 이용자 신청자 지원자 경영자 기술자 공무원 은행원 진행자 사회자 주최자 제작자
설립자 유가족 목격자 용의자 방문객 신도들 고령자 장애인 여성들 남성들 노인들 주민들 시민들 학생들
선수들 가입자 구매자 판매자 소유자 임차인 임대인 채무자 채권자 대리인 변호인 고소인 피고인 원고측
금감원 한수원 국정원 감사원 전경련 한국은 정치권 경제계 산업계 재계는 노동계 시민단
""".split())
_KO_PARTICLES = ("에게서", "께서", "에게", "에서", "으로", "측은", "측이", "은", "는", "이", "가",
                 "의", "도", "와", "과", "을", "를", "에", "로")
#: A Korean word that ends a phrase (a particle of case, a verb's ending): no word of a
#: body's name between a person's name and title.
_KO_PHRASE_END = re.compile(r"(?:에서|에게|으로|은|는|을|를|고|며|다|서|면|에|도|의)$")

_KO_WORD = re.compile(r"\S+")
_KO_NAME_WORD = re.compile(
    rf"^(?:(?:{'|'.join(_KO_FAMILY2)})[{_H}]{{2}}|[{KO_FAMILY}][{_H}]{{2}})$")
_KO_SSI = re.compile(rf"(?<![{_H}\w])(?P<name>(?:{'|'.join(_KO_FAMILY2)})[{_H}]{{2}}"
                     rf"|[{KO_FAMILY}][{_H}]{{1,2}})(?:\(\d{{1,3}}\))?\s?씨"
                     rf"(?=[은는이가의도와께에]|\s|$|[,.·)])")
#: "문태오(27)가": a full name with an age in brackets, then a particle -- news gives a
#: person's age so.
_KO_AGED = re.compile(rf"(?<![{_H}\w])(?P<name>(?:{'|'.join(_KO_FAMILY2)}|[{KO_FAMILY}])[{_H}]{{2}})"
                      rf"\(\d{{1,3}}\)"
                      rf"(?=[은는이가의도와]|\s|,)")
_KO_BACK = re.compile(
    rf"(?<![{_H}\w])(?P<fam>{'|'.join(_KO_FAMILY2)}|[{_H}])\s?(?P<title>{'|'.join(KO_TITLES)}|씨)"
    rf"(?=(?:{'|'.join(_KO_PARTICLES)}|에 따르면)?(?:\s|$|[,.·)]))")
#: A Chinese name after a role: a family name of two characters or one, then one or two.
_ZH_NAME = (rf"(?:(?:{'|'.join(CHINESE_COMPOUND_FAMILY_NAMES)})[{HAN}]{{1,2}}?"
            rf"|[{ZH_FAMILY}][{HAN}]{{1,2}}?)")
_ZH_ROLE_NAME = re.compile(
    rf"(?P<role>{'|'.join(sorted(ZH_ROLE_END, key=len, reverse=True))})"
    rf"(?P<name>{_ZH_NAME})(?={_ZH_AFTER}|{_ZH_LATER_SAY})")
_ZH_OPENING_NAME = re.compile(
    rf"(?:^|(?<=[，,。！？；;：:、\s”」』\"]))(?P<name>(?:{'|'.join(CHINESE_COMPOUND_FAMILY_NAMES)})"
    rf"[{HAN}]{{1,2}}|[{ZH_FAMILY}][{HAN}]{{2}})"
    rf"(?={_ZH_WHEN}(?:{_ZH_SAY}|在[^，,。：:“「]{{0,20}}?(?:{_ZH_SAY})))")
#: Titles after a Chinese name ("习近平主席", "王毅外长", "李静女士").
_ZH_TITLES_AFTER = "|".join(sorted({*_ZH_BACK_TITLES, "外长", "外長", "首相", "总书记", "總書記"},
                                   key=len, reverse=True))
_ZH_NAME_TITLE = re.compile(
    rf"(?:^|(?<=[，,。！？；;：:、\s”」』\"]))(?P<name>[{ZH_FAMILY}][{HAN}]{{1,2}}?)"
    rf"(?P<title>{_ZH_TITLES_AFTER})(?={_ZH_AFTER})")
#: "的冼振邦（六十八歲）": a Chinese full name with an age in brackets -- news gives a
#: person's age so.
_ZH_AGED = re.compile(
    rf"(?:^|(?<=[的，,。：:、\s]))(?P<name>(?:{'|'.join(CHINESE_COMPOUND_FAMILY_NAMES)})[{HAN}]{{1,2}}"
    rf"|[{ZH_FAMILY}][{HAN}]{{1,2}})[（(](?:\d{{1,3}}|[一二三四五六七八九十]{{1,4}})[歲岁][）)]")
#: A name of two or three characters of any family opening a clause of speech ("闕明慧
#:說：", "辻本遥当天在东京称"): a person when the document also writes it after a role.
_ZH_OPENING_ANY = re.compile(
    rf"(?:^|(?<=[，,。！？；;：:、\s”」』\"]))(?P<name>[{HAN}]{{2,3}}?)"
    rf"(?={_ZH_WHEN}(?:{_ZH_SAY}|在[^，,。：:“「]{{0,20}}?(?:{_ZH_SAY})))")
#: Ends of a role written before a verb ("研究员指出"): no name.
_ZH_ROLE_TAILS = tuple(ZH_ROLE_END)
_ZH_ROLES = "|".join(sorted({*ZH_ROLE_END, "大臣"}, key=len, reverse=True))
_ZH_BACK = re.compile(rf"(?P<fam>[{HAN}])(?P<title>{'|'.join(_ZH_BACK_TITLES)})"
                      rf"(?={_ZH_AFTER}|[的也则則还還])")


@dataclass(frozen=True)
class NativeName:
    """A person's full name as written, the title it was given, and its canonical person."""

    surface: str
    title: str
    canonical: str


def _korean_name(word: str) -> bool:
    """A word that may be a Korean full name: a family syllable and two more, no common
    noun, body, title or foreign name ("조리원", "경기도", "위원장", "도널드")."""
    return bool(_KO_NAME_WORD.match(word)) and word not in _KO_NOT_NAMES \
        and word[-1] not in _KO_NOT_NAME_END and not word.endswith(KO_TITLES) \
        and not _FOREIGN_SYLLABLES.intersection(word)


def _not_any_name(word: str) -> bool:
    """A common noun, body or title, whatever its first syllable."""
    return word in _KO_NOT_NAMES or word[-1] in _KO_NOT_NAME_END or word.endswith(KO_TITLES)


def _korean_full(text: str, families: frozenset[str] = frozenset()
                 ) -> list[tuple[int, int, str]]:
    """(start, end, title) of Korean full names with a title or 씨 after them; a name of
    a family syllable in ``families`` (written alone before a title elsewhere in the
    document) whatever that syllable."""
    out = []
    # "정태호(더불어민주당·서울 관악을) 의원은": an aside in brackets stands between
    plain = re.sub(r"\([^()]{0,40}\)", lambda m: " " * len(m.group(0)), text)
    tokens = list(_KO_WORD.finditer(plain))
    candidates = [_korean_name(t.group(0)) or agreed_name(t.group(0), families, _not_any_name)
                  for t in tokens]
    for n, tok in enumerate(tokens):
        if not candidates[n]:
            continue
        for m in range(n + 1, min(n + 4, len(tokens))):
            later = tokens[m].group(0).rstrip(",.·)\"”’")
            core = later
            for p in _KO_PARTICLES:
                if core.endswith(p) and len(core) > len(p) + 1:
                    core = core[:-len(p)]
                    break
            title = next((t for t in KO_TITLES if core.endswith(t)), None)
            if title is not None and len(core) <= 10:
                out.append((tok.start(), tok.end(), core))
                break
            if candidates[m]:
                break  # "급식 조리원 노조의 홍성민 위원장": the name nearest the title
            if not re.fullmatch(rf"[{_H}A-Za-z0-9·]+", later) or _KO_PHRASE_END.search(later):
                break  # a phrase of its own: no body's name before a title
    out += _trade_before(tokens, out, families)
    for m in _KO_AGED.finditer(text):
        if _korean_name(m.group("name")) and not any(a <= m.start() < b for a, b, _ in out):
            out.append((m.start("name"), m.end("name"), ""))
    for m in _KO_SSI.finditer(text):
        name = m.group("name")
        if len(name) == 2 and name[1] in "모씨":  # "김모(52)씨": a withheld name
            continue
        if name not in _KO_NOT_NAMES and not any(a <= m.start() < b for a, b, _ in out):
            out.append((m.start("name"), m.end("name"), "씨"))
    return out


def _trade_before(tokens: Sequence[re.Match], out: Sequence[tuple[int, int, str]],
                  families: frozenset[str] = frozenset()) -> list[tuple[int, int, str]]:
    """(start, end, title) of Korean full names right after a title or trade (a word
    ending in one: "수석코치 탁서온이") and before a particle ("배우 금솔아는"), not
    already in ``out``."""
    found = []
    for n, tok in enumerate(tokens[1:], 1):
        word = tok.group(0).rstrip(",.·)\"”’")
        core = next((word[:-len(p)] for p in _KO_PARTICLES
                     if word.endswith(p) and len(word) > len(p) + 1), None)
        trade = tokens[n - 1].group(0)
        # a word ending in a title ("수석코치"): only before a subject's particle, the
        # speaker's slot ("자유계약선수 최대어로" "as the biggest catch" is no name)
        titled = trade in KO_TITLES or trade.endswith(KO_TITLES) and core is not None \
            and word[len(core):] in ("은", "는", "이", "가", "도", "께서")
        if core is not None and titled and (
                _korean_name(core) or agreed_name(core, families, _not_any_name)) \
                and not any(a <= tok.start() < b for a, b, _ in out):
            found.append((tok.start(), tok.start() + len(core), tokens[n - 1].group(0)))
    return found


def _zh_name(name: str) -> bool:
    """Not a withheld name ("李某"), a word ("曾经", "方面") or a phrase ("向记者")."""
    return "某" not in name and name not in _ZH_NOT_NAMES and name[:2] not in _ZH_NOT_NAMES \
        and not name[1:].startswith(_ZH_NOT_GIVEN) and not re.fullmatch(_ZH_TITLES_AFTER,
                                                                         name[1:])


#: A name of three characters of any family right after a role and before its verb of
#: speech ("議員寇明達則在臉書寫道"): the role (a word of two characters or more: not the
#: "长" of "增长") and the verb vouch for it together.
_ZH_LONG_ROLES = "|".join(sorted((r for r in {*ZH_ROLE_END, "大臣"} if len(r) >= 2),
                                 key=len, reverse=True))
_ZH_ROLE_ANY = re.compile(
    rf"(?P<role>{_ZH_LONG_ROLES})(?P<name>[{HAN}]{{3}})"
    rf"(?={_ZH_WHEN}(?:在|{_ZH_SAY}|[：:])|{_ZH_LATER_SAY})")
#: Last characters of a word of three that is no name: a body, a title, a group, an
#: office or a time ("辦公室", "質詢時").
_ZH_ROLE_ANY_NOT_END = _ZH_NOT_NAME_END | frozenset("人们們者家方众眾室时時")


def _chinese_full(text: str) -> list[tuple[int, int, str]]:
    """(start, end, title) of Chinese names after a role or opening a clause of speech."""
    out = []
    for m in _ZH_ROLE_NAME.finditer(text):
        name = m.group("name")
        if not _zh_name(name):
            continue
        out.append((m.start("name"), m.end("name"), m.group("role")))
    for m in _ZH_OPENING_NAME.finditer(text):
        name = m.group("name")
        if not _zh_name(name) or name[-1] in _ZH_NOT_NAME_END:
            continue
        if not any(a < m.end() and m.start() < b for a, b, _ in out):
            out.append((m.start("name"), m.end("name"), ""))
    for m in _ZH_AGED.finditer(text):  # "冼振邦（六十八歲）"
        name = m.group("name")
        if _zh_name(name) and not any(a < m.end("name") and m.start() < b for a, b, _ in out):
            out.append((m.start("name"), m.end("name"), ""))
    for m in _ZH_ROLE_ANY.finditer(text):  # "議員寇明達則在臉書寫道": any family character
        name = m.group("name")
        if _zh_name(name) and name[-1] not in _ZH_ROLE_ANY_NOT_END \
                and name[0] not in "他她它我你们們这這那该該此其" and not name.endswith(_ZH_ROLE_TAILS) \
                and not any(a < m.end("name") and m.start("name") < b for a, b, _ in out):
            out.append((m.start("name"), m.end("name"), m.group("role")))
    for m in _ZH_NAME_TITLE.finditer(text):  # "习近平主席表示", "王毅外长说"
        name = m.group("name")
        if _zh_name(name) and not any(a < m.end("name") and m.start() < b for a, b, _ in out):
            out.append((m.start("name"), m.end("name"), m.group("title")))
    return out


#: A foreign name in Chinese script: its parts joined by a middle dot, the family part
#: perhaps hyphenated ("若昂·卡瓦略-恩万科沃", "约翰・史密斯"), after a role or before a verb
#: of speech.
_ZH_DOTTED = re.compile(
    rf"(?P<name>[{HAN}]{{1,6}}(?:[·・‧•][{HAN}]{{1,4}}?)+(?:-[{HAN}]{{1,4}}?)*)"
    rf"(?=(?:[本上下]周|[本上下]月|今年|去年|明年|此前)?{_ZH_AFTER}|[还還也则則的（(、]"
    rf"|[^{HAN}\-·・‧•]|$)")
_ZH_DOTTED_ROLE = re.compile(rf"(?:{_ZH_ROLES})$")
_ZH_DOTTED_SAYS = re.compile(_ZH_AFTER)


def _zh_dotted(text: str) -> list[tuple[int, int, str]]:
    """``(start, end, family part)`` of foreign names written in Chinese script with a
    middle dot, a role right before them ("农业部长若昂·卡瓦略-恩万科沃") or a verb of speech
    right after ("若昂·卡瓦略-恩万科沃表示"); the family part (after the last dot) is what
    the document writes alone later ("卡瓦略-恩万科沃还表示").  See :func:`_zh_dotted_given`
    for the given part."""
    out = []
    for m in _ZH_DOTTED.finditer(text):
        a, b = m.span("name")
        given = re.split("[·・‧•]", m.group("name"))[0]
        # the role glued before the given name ("农业部长若昂"), or the 的 of a clause
        # describing the person ("来自金沙萨的若昂"): the name starts after it
        cut = max((given.rfind(r) + len(r) for r in (*ZH_ROLE_END, "的")
                   if 0 <= given.rfind(r) and given.rfind(r) + len(r) < len(given)), default=0)
        role = cut > 0 or bool(_ZH_DOTTED_ROLE.search(text, 0, a))
        if not role and (not _ZH_DOTTED_SAYS.match(text, b) or a > 0
                         and re.match(f"[{HAN}]", text[a - 1])):
            continue  # no role, and the given name's start not sure
        a += cut
        family = re.split("[·・‧•]", text[a:b])[-1]
        if len(family) >= 2:
            out.append((a, b, family))
    return out


def _zh_dotted_given(texts: Sequence[str]) -> dict[str, str]:
    """Full dotted names by their given part (before the first dot), for the given parts
    only one full name of the document opens: news writes some foreign persons again by
    the given part alone ("若昂说" after "若昂·卡瓦略-恩万科沃")."""
    by_given: dict[str, set[str]] = {}
    for text in texts:
        for a, b, _ in _zh_dotted(text):
            given = re.split("[·・‧•]", text[a:b])[0]
            by_given.setdefault(given, set()).add(text[a:b])
    return {g: full.pop() for g, full in by_given.items() if len(g) >= 2 and len(full) == 1}


_HAS_HANGUL = re.compile(f"[{_H}]")
_HAS_HAN = re.compile(f"[{HAN}]")
_HAS_CJK = re.compile(f"[{_H}{HAN}]")


def native_names(texts: Sequence[str],
                 known: Sequence[Sequence[tuple[int, int, str]]] = (),
                 canonical=lambda surface: surface) -> list[list[tuple[int, int, str]]]:
    """Per paragraph of one document, ``(start, end, canonical)`` of the Korean and
    Chinese persons the shapes above vouch for: their full names wherever written and
    the back-references that stand for them.  ``known``: per paragraph, the persons the
    stage already resolved (``(start, end, canonical)``), whose native spellings
    back-references may stand for too; ``canonical`` gives the person a full name is
    (a spelling already known), "" for a name never to add."""
    names: dict[str, NativeName] = {}
    order: list[str] = []
    in_japanese = any(japanese(t) for t in texts)
    dotted_given = {} if in_japanese else _zh_dotted_given(texts)
    families = back_families(texts, KO_TITLES) if any(_HAS_HANGUL.search(t) for t in texts[:3]) \
        else kanji_families(texts) if in_japanese else frozenset()
    # "Seo Do-hyeon (서도현)": the bracket says who the native form is, wherever in the
    # document the native form is first written (so first, before the shapes below)
    for text in texts:
        for la, lb, na, nb in native_in_brackets(text) if _HAS_CJK.search(text) else ():
            latin = " ".join(text[la:lb].split())
            canon = canonical(latin)
            if canon == "":
                continue
            for surface in (text[na:nb], latin):
                if surface not in names:
                    names[surface] = NativeName(surface, "", canon or latin)
                    order.append(surface)
    for n, text in enumerate(texts):
        korean = bool(_HAS_HANGUL.search(text))
        if not korean and not _HAS_HAN.search(text):
            continue
        for a, b, canon in (known[n] if n < len(known) else ()):
            surface = text[a:b]
            if (_HAS_HANGUL.search(surface) or _HAS_HAN.search(surface)) and surface not in names:
                names[surface] = NativeName(surface, _title_before(text, a, korean), canon)
                order.append(surface)
        for a, b, latin, short in romanized_names(text):  # "조태오(Cho Tae-oh)": who the
            canon = canonical(latin)  # bracket says, and the family part written alone
            if canon == "":
                continue
            for surface in (text[a:b], *short):
                if surface not in names:
                    names[surface] = NativeName(surface, _title_before(text, a, korean),
                                                canon or latin)
                    order.append(surface)
        for a, b, short in (hangul_foreign_names(text, KO_TITLES, _KO_PARTICLES, lx.KO_SAY)
                            if korean else ()):  # "배우 에밀리아 산토로-브레넌이"
            for surface in (text[a:b], *short):
                canon = canonical(surface)
                if surface not in names and canon != "":
                    names[surface] = NativeName(surface, _title_before(text, a, korean),
                                                canon or text[a:b])
                    order.append(surface)
        for a, b, short in (() if korean else _zh_dotted(text)):  # "若昂·卡瓦略-恩万科沃"
            given = re.split("[·・‧•]", text[a:b])[0]
            alone = (given,) if dotted_given.get(given) == text[a:b] else ()
            for surface in (text[a:b], short, *alone):
                canon = canonical(surface)
                if surface not in names and canon != "":
                    names[surface] = NativeName(surface, _title_before(text, a, korean),
                                                canon or text[a:b])
                    order.append(surface)
        if korean:
            full = [(a, b, t, []) for a, b, t in _korean_full(text, families)]
            full += [f for f in any_family_full(text, _not_any_name, _FOREIGN_SYLLABLES)
                     if not any(a < f[1] and f[0] < b for a, b, _, _ in full)]
            # "부동산 전문가인 남궁지호 한빛대 교수는": a name after an apposition in 인
            full += [f for f in apposed_names(text, KO_TITLES, _not_any_name, _FOREIGN_SYLLABLES,
                                              lx.KO_SAY)
                     if not any(a < f[1] and f[0] < b for a, b, _, _ in full)]
            # "견하율 기자가 만났다": a reporter who acts in the story (an interviewer)
            full += [(m.start("name"), m.end("name"), "기자", [])
                     for m in KO_INTERVIEWER.finditer(text)
                     if not any(a < m.end("name") and m.start() < b for a, b, _, _ in full)]
        elif in_japanese:  # (a byline in kanji alone is Japanese too)
            full = japanese_full(text, families)
        else:
            full = [(a, b, t, []) for a, b, t in (*_chinese_full(text),
                                                  *chinese_credits(text, ZH_FAMILY))]
        for a, b, title, short in full:
            surface = text[a:b]
            if surface in names:
                continue
            canon = canonical(surface)
            if canon == "":
                continue
            for spelled in (surface, *short):
                if spelled not in names:
                    names[spelled] = NativeName(spelled, title, canon or surface)
                    order.append(spelled)
                elif spelled != surface and names[spelled].canonical == spelled:
                    # "五百旗頭知事" read first as a name of its own: the family part
                    names[spelled] = NativeName(spelled, names[spelled].title, canon or surface)
    for surface, role in _zh_twice_vouched(texts):  # "研究员谷雨桐指出" ... "谷雨桐说："
        if surface not in names and canonical(surface) != "":
            names[surface] = NativeName(surface, role, canonical(surface) or surface)
            order.append(surface)
    if not names:
        return [[] for _ in texts]
    longest = sorted(names, key=len, reverse=True)
    out: list[list[tuple[int, int, str]]] = []
    for text in texts:
        spans: list[tuple[int, int, str]] = []
        for surface in longest:
            start = text.find(surface)
            while start >= 0:
                end = start + len(surface)
                if not any(a < end and start < b for a, b, _ in spans) and not _inside_word(
                        text, start, end):
                    spans.append((start, end, names[surface].canonical))
                start = text.find(surface, end)
        back = _KO_BACK if _HAS_HANGUL.search(text) else JA_BACK if in_japanese else _ZH_BACK
        for m in back.finditer(text):
            a, b = m.start(), m.end()
            if any(s < b and a < e for s, e, _ in spans) or (
                    m.group("fam") + m.group("title")) in KO_TITLES:
                continue  # "위원장": a title of its own, no family name before one
            who = _family_person(names, order, m.group("fam"), m.group("title"))
            if who is not None:
                spans.append((a, b, who.canonical))
        out.append(sorted(spans))
    return out


#: Last characters of a word of three that is a group or a kind of person ("许多人",
#: "研究者", "我们"): no name opening speech twice.
_ZH_NOT_PERSON_END = frozenset("人们們者家方众眾")


def _zh_twice_vouched(texts: Sequence[str]) -> list[tuple[str, str]]:
    """Chinese names whatever their family character (one the list of family names
    lacks: "闕", "谷", a Japanese "辻本"), on two pieces of evidence: the name opens a
    clause of speech in one place and stands right after a role ("董事長闕明慧",
    "外务大臣辻本遥15日") in another, or a name of three characters opens clauses of
    speech in two paragraphs.  Words that end as bodies, titles or places do and
    the phrases :func:`_zh_name` refuses are none."""
    if any(_HAS_HANGUL.search(t) for t in texts[:3]):
        return []
    found: dict[str, str] = {}
    opening: dict[str, set[int]] = {}  # the paragraphs where a name opens speech
    for n, text in enumerate(texts):
        for m in _ZH_OPENING_ANY.finditer(text):
            name = m.group("name")
            if name in found or not _zh_name(name) or name[-1] in _ZH_NOT_NAME_END \
                    or name[0] in "他她它我你们們这這那该該此其" or name.endswith(_ZH_ROLE_TAILS):
                continue
            if len(name) == 3 and name[-1] not in _ZH_NOT_PERSON_END:
                opening.setdefault(name, set()).add(n)
                if len(opening[name]) >= 2:  # "蒲詠晴16日在臉書發文" ... "蒲詠晴在貼文中表示"
                    found[name] = ""
                    continue
            after_role = re.compile(rf"(?P<role>{_ZH_ROLES}){re.escape(name)}"
                                    rf"(?:(?![{HAN}])|(?={_ZH_AFTER}|[（(]))")
            role = next((r.group("role") for t in texts for r in after_role.finditer(t)), None)
            if role is not None:
                found[name] = role
    return list(found.items())


def _inside_word(text: str, start: int, end: int) -> bool:
    """A Korean name glued inside a longer word ("한지원" in "한지원센터"); a name
    followed by a particle or a title is not."""
    if not _HAS_HANGUL.match(text[start:start + 1]):
        return False
    before = text[start - 1:start]
    return bool(before) and bool(re.match(f"[{_H}]", before))


def _title_before(text: str, a: int, korean: bool) -> str:
    """The title a native name already known is given: the word after it (Korean) or the
    role right before it (Chinese)."""
    if korean:
        m = re.compile(rf"[^\s]*\s+([{_H}]+)").match(text, a)
        return m.group(1) if m else ""
    m = re.search(rf"({'|'.join(sorted(ZH_ROLE_END, key=len, reverse=True))})$", text[:a])
    return m.group(1) if m else ""


def _family_person(names: Mapping[str, NativeName], order: Sequence[str], family: str,
                   title: str) -> NativeName | None:
    """The person a family name and a title stand for: the one of that family given that
    title (their title ends with it), else the only one of that family -- unless the
    family syllable is also a word ("한 위원장" may be "one chairman")."""
    of_family = [names[s] for s in order if s.startswith(family) and len(s) > len(family)
                 and not s.startswith(tuple(f for f in _KO_FAMILY2 if f != family))]
    persons = list({p.canonical: p for p in of_family}.values())
    titled = [p for p in persons if p.title and (p.title.endswith(title) or title == "씨"
                                                 and p.title == "씨")]
    if len({p.canonical for p in titled}) == 1:
        return titled[0]
    if len(persons) == 1 and family not in _KO_ALSO_WORDS:
        return persons[0]
    if len(persons) == 1 and (title == "씨" or title in _ZH_HONORIFICS):
        return persons[0]
    return None

"""Korean and Chinese attribution: persons named only in Hangul or Chinese characters,
found by the shapes news names them in (:mod:`searchapp.ingest.quotes.cjk_names`), their
back-references and pronouns.  No model runs and no person is given: the persons come
from the text alone, as the persons stage's recognizer (an English model) finds none."""

from __future__ import annotations

from quotes_fixtures import by as _by
from quotes_fixtures import quotes as _quotes

from searchapp.ingest.quotes.cjk_names import native_names


def _found(paragraphs: list[str]):
    return _quotes(paragraphs, speech_persons=True)


# --- Korean ---------------------------------------------------------------------------

def test_a_korean_full_name_with_a_body_and_a_title_is_the_speaker_and_so_are_its_back_references():
    found = _found([
        "남도윤 해양수산부 차관은 8일 브리핑에서 “항만 자동화를 서두르겠다”고 말했다.",
        "남 차관은 “예산은 이미 확보했다”며 “내년 초 발주하겠다”고 강조했다.",
        "그는 또 노조와 협의를 계속하겠다고 덧붙였다.",
    ])
    said = _by(found, "남도윤")
    assert "“항만 자동화를 서두르겠다”" in said
    assert "“예산은 이미 확보했다”" in said and "“내년 초 발주하겠다”" in said
    assert any("노조와 협의를 계속하겠다" in q for q in said)  # 그는: the one just quoted
    assert _by(found, None) == []


def test_a_title_glued_to_its_body_is_still_a_title():
    found = _found(["추경민 수산업협동조합장은 “어민 부담이 너무 크다”고 밝혔다."])
    assert _by(found, "추경민") == ["“어민 부담이 너무 크다”"]


def test_ssi_after_a_name_and_an_age_and_the_family_name_with_ssi_later():
    found = _found([
        "부산 영도구에서 식당을 하는 탁유나(47)씨는 “손님이 절반으로 줄었다”고 전했다. "
        "탁씨는 “이런 겨울은 처음”이라고 말했다.",
    ])
    assert _by(found, "탁유나") == ["“손님이 절반으로 줄었다”", "“이런 겨울은 처음”"]


def test_according_to_a_back_reference_and_a_clause_after_a_quotation():
    found = _found([
        "변재희 국토교통부 도로국장은 “공사가 늦어졌다”며 개통이 내년으로 미뤄진다고 밝혔다.",
        "변 국장에 따르면 남은 공사비는 300억원이다.",
    ])
    said = _by(found, "변재희")
    assert "“공사가 늦어졌다”" in said
    assert "개통이 내년으로 미뤄진다" in said
    assert "남은 공사비는 300억원이다" in said


def test_a_family_syllable_that_is_also_a_word_is_no_back_reference_without_the_title():
    # 한 is a family name and "one": "한 교통 전문가" is an unnamed expert, not 한수빈
    found = _found([
        "한수빈 시의원은 “예산을 다시 짜야 한다”고 말했다.",
        "한 교통 전문가는 “요금보다 배차 간격이 문제”라고 지적했다.",
    ])
    assert _by(found, "한수빈") == ["“예산을 다시 짜야 한다”"]
    assert [src for _, who, _, src, _ in found if who is None] == ["한 교통 전문가"]


def test_withheld_names_and_bodies_are_no_korean_persons():
    found = _found([
        "경찰에 따르면 김모(52)씨는 “기억나지 않는다”고 진술했다고 전했다.",
        "이사회 의장은 “결정을 존중한다”고 말했다.",
        "신규 사업자 대표는 “규제가 과하다”고 말했다.",
        "도널드 트럼프 미국 대통령은 “관세를 올리겠다”고 말했다.",  # a foreign given name
        "경기도 지사는 “예산이 부족하다”고 말했다.",
        "한양대 교수는 “연구가 필요하다”고 말했다.",
    ])
    assert _by(_found(["급식 조리원 노조의 홍성민 위원장은 “인력이 없다”고 전했다."]),
               "홍성민") == ["“인력이 없다”"]
    assert native_names(["급식 조리원 노조의 홍성민 위원장은 “인력이 없다”고 전했다."])[0] == [
        (11, 14, "홍성민")]  # not 조리원 nor 노조의: the name nearest the title
    assert all(who is None for _, who, _, _, _ in found)


# --- Chinese ----------------------------------------------------------------------------

def test_a_chinese_name_opening_a_clause_of_speech_is_the_speaker_and_he_said_goes_to_them():
    found = _found([
        "邵文涛表示，新方案将在下月公布。作为方案的牵头人，他说，各方意见已经基本一致。",
        "邵组长强调：“我们会听取更多意见。”",
    ])
    said = _by(found, "邵文涛")
    assert "新方案将在下月公布" in said
    assert "各方意见已经基本一致" in said
    assert "“我们会听取更多意见。”" in said


def test_a_role_before_a_chinese_name_with_a_time_word_and_corner_brackets():
    found = _found([
        "交通運輸部長潘柏翰昨日在記者會上表示：「票價不會調漲。」",
        "潘部長強調，新路線將於年底通車。",
    ])
    said = _by(found, "潘柏翰")
    assert "「票價不會調漲。」" in said and "新路線將於年底通車" in said


def test_she_said_after_a_quotation_goes_to_the_woman_just_quoted():
    found = _found([
        "退休教师闫秀兰告诉记者：「楼下的水一夜就涨到了窗台。」她说，邻居们都搬走了。",
        "“我们只希望早点修好。”她补充道。",
    ])
    said = _by(found, "闫秀兰")
    assert "「楼下的水一夜就涨到了窗台。」" in said
    assert "邻居们都搬走了" in said
    assert "“我们只希望早点修好。”" in said


def test_an_unnamed_chinese_source_however_long_stays_unnamed_and_bodies_are_no_persons():
    found = _found([
        "一位不愿透露姓名的铁路系统人士称，部分列车将停运三天。",
        "林业局表示，山火已经得到控制。",
        "李某称，他当时并不在场。",
    ])
    assert all(who is None for _, who, _, _, _ in found)
    assert {src for _, _, _, src, _ in found} >= {"一位不愿透露姓名的铁路系统人士", "林业局"}


def test_native_names_are_every_mention_of_the_person_and_their_back_references():
    texts = ["税务总局局长钱瑞安表示，改革将分三步走。", "钱局长说，第一步明年启动。钱瑞安还提到了试点。"]
    spans = native_names(texts)
    assert [texts[0][a:b] for a, b, _ in spans[0]] == ["钱瑞安"]
    assert [(texts[1][a:b], who) for a, b, who in spans[1]] == [("钱局长", "钱瑞安"),
                                                                 ("钱瑞安", "钱瑞安")]


def test_a_chinese_name_with_its_title_after_it_and_a_korean_name_with_an_aside():
    found = _found(["顾晓岚主席表示，中方愿意扩大合作。", "“合作是唯一的选择。”顾晓岚说。"])
    assert _by(found, "顾晓岚") == ["中方愿意扩大合作", "“合作是唯一的选择。”"]
    found = _found(["채윤석(미래당·부산 해운대갑) 의원은 “법안을 다시 내겠다”고 말했다."])
    assert _by(found, "채윤석") == ["“법안을 다시 내겠다”"]


def test_a_family_character_before_a_phrase_is_no_chinese_name():
    texts = ["发布会后，向记者表示，会议取得了成果。", "曾经表示，方案仍在研究。",
             "王部长表示，政策不变。"]  # a back-reference to nobody named
    assert native_names(texts) == [[], [], []]
    assert native_names(["部长王立群表示，政策不变。", *texts])[3] != []


def test_a_korean_quotation_with_no_subject_goes_on_with_the_last_speaker():
    found = _found(["염태준 산업부 장관은 “수출이 회복되고 있다”고 말했다.",
                    "“하반기에는 더 좋아질 것”이라고 덧붙였다.",
                    "업계 관계자는 “체감은 다르다”고 말했다. “재고가 많다”고 전했다."])
    assert _by(found, "염태준") == ["“수출이 회복되고 있다”", "“하반기에는 더 좋아질 것”"]
    assert _by(found, None) == ["“체감은 다르다”", "“재고가 많다”"]


def test_a_pronoun_for_nobody_named_nearby_is_no_speaker_not_an_unnamed_one():
    found = _found(["市政府昨天召开会议。", "会议持续了三个小时。", "他说，方案还需要修改。",
                    "그는 “다시 검토하겠다”고 말했다."])
    assert found == []


def test_a_back_reference_to_a_person_the_stage_resolved_in_native_script():
    texts = ["시진핑 중국 국가주석은 “협력하자”고 말했다.", "시 주석은 “평화가 중요하다”고 강조했다.",
             "国家主席习近平强调，要坚持改革。", "习主席指出，合作共赢。"]
    spans = native_names(texts, [[(0, 3, "Xi Jinping")], [], [(4, 7, "Xi Jinping")], []])
    assert [(texts[1][a:b], who) for a, b, who in spans[1]] == [("시 주석", "Xi Jinping")]
    assert [(texts[3][a:b], who) for a, b, who in spans[3]] == [("习主席", "Xi Jinping")]


def test_a_connective_before_a_korean_pronoun_or_source_is_no_part_of_it():
    found = _found(["옥지훈 교육부 차관은 “학급 수를 줄이겠다”고 말했다. 그러면서 그는 “교사는 늘린다”고 "
                    "덧붙였다.", "이날 교육부 관계자는 “예산은 확보됐다”고 전했다."])
    assert _by(found, "옥지훈") == ["“학급 수를 줄이겠다”", "“교사는 늘린다”"]
    assert [src for _, who, _, src, _ in found if who is None] == ["교육부 관계자"]


def test_rami_is_saying_whatever_verb_closes_and_a_two_syllable_family_name_back_reference():
    found = _found(["피해자 모임 선우진 대표는 “이제 시작”이라며 고개를 숙였다. 선우 대표에 따르면 "
                    "모임 회원은 300명이 넘는다."])
    said = _by(found, "선우진")
    assert "“이제 시작”" in said
    assert "모임 회원은 300명이 넘는다" in said


def test_a_term_called_so_is_nobodys_words():
    found = _found(["이른바 “깡통전세”라고 불리는 주택이 늘었다.",
                    "주민들은 “깡통전세”라고 불리는 주택을 피했다."])
    assert found == []


# --- issue 33 (session 18): Japanese quotations and their speakers ---------------------

def test_japanese_quotations_go_to_the_person_of_the_sentences_topic():
    from quotes_fixtures import by, quotes

    found = quotes(["石丸浩二財務相は3日、都内で米国のエレン・マクファーソン財務長官と会談した。",
                    "石丸氏は会談後、記者団に「円安は注視している」と述べた。一方、マクファーソン氏は"
                    "「協調が必要だ」と指摘した。",
                    "財務省幹部は「介入はしない」と話した。"], speech_persons=True)
    assert by(found, "石丸浩二") == ["「円安は注視している」"]
    assert by(found, "エレン・マクファーソン") == ["「協調が必要だ」"]
    assert [q for q in found if q[2] == "「介入はしない」"][0][1] is None  # unnamed

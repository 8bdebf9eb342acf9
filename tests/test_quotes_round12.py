"""Round twelve: Korean names of any family and Japanese names and topics, read from the
spelling rules of each language and the document's own other spelling of a name.  No
model runs and no person is given: the persons come from the text alone.  Invented
names; family syllables outside the common list (팽, 엽) on purpose."""

from __future__ import annotations

from quotes_fixtures import by as _by
from quotes_fixtures import quotes as _quotes


def _found(paragraphs: list[str]):
    return _quotes(paragraphs, speech_persons=True)


# --- Korean ---------------------------------------------------------------------------

def test_a_name_of_a_rare_family_with_ssi_written_apart_is_the_speaker():
    found = _found([
        "지역 상인회 대표 팽서아 씨는 “임대료가 두 배로 올랐다”고 말했다.",
        "팽 대표는 구청이 대책을 내놓아야 한다고 강조했다.",
    ])
    said = _by(found, "팽서아")
    assert "“임대료가 두 배로 올랐다”" in said
    assert any("구청이 대책을 내놓아야 한다" in q for q in said)
    assert _by(found, None) == []


def test_a_rare_family_before_a_title_is_a_name_when_the_family_alone_takes_a_title():
    found = _found([
        "구단은 엽도율 감독을 새로 선임했다고 밝혔다.",
        "엽 감독은 “수비부터 다시 세우겠다”고 말했다.",
    ])
    assert _by(found, "엽도율") == ["“수비부터 다시 세우겠다”"]


def test_a_determiner_before_a_title_is_no_family_name():
    # "새 대표" is "the new representative": 새마을 is no person on that evidence
    found = _found([
        "새마을 대표는 “조직을 새로 꾸리겠다”고 말했다.",
        "새 대표는 “당장 바뀌는 것은 없다”고 말했다.",
    ])
    assert _by(found, "새마을") == []


def test_a_foreign_name_with_an_age_in_brackets_and_its_last_word_with_ssi_later():
    found = _found([
        "몽골에서 온 오트곤 다리마(28)는 “석 달째 월급을 못 받았다”고 말했다.",
        "다리마 씨는 다음 달 귀국할 예정이라고 했다.",
    ])
    said = _by(found, "오트곤 다리마")
    assert "“석 달째 월급을 못 받았다”" in said
    assert any("다음 달 귀국할 예정이" in q for q in said)


def test_a_quoted_question_before_neun_is_no_topic():
    # "…느냐는 질문에": the question modifies 질문; the topic is 그는
    found = _found([
        "길서우 감독은 이날 훈련을 마친 뒤 취재진을 만났다.",
        "그는 어떤 전술을 쓰겠느냐는 질문에 “그건 비밀이다”라고 답했다.",
    ])
    assert _by(found, "길서우") == ["“그건 비밀이다”"]
    assert _by(found, None) == []


def test_a_trade_ending_in_a_title_before_a_name_gives_the_name():
    found = _found(["수석코치 길하랑은 “선수들이 지쳐 있다”고 말했다."])
    assert _by(found, "길하랑") == ["“선수들이 지쳐 있다”"]


# --- Japanese -------------------------------------------------------------------------

def test_a_long_kanji_name_is_a_person_when_its_family_part_stands_alone_before_a_title():
    found = _found([
        "大八木堂千秋知事は8日、緊急対策を発表した。",
        "大八木堂知事は「対策を急ぐ必要がある」と述べた。",
    ])
    assert _by(found, "大八木堂千秋") == ["「対策を急ぐ必要がある」"]
    assert _by(found, "大八木堂") == []


def test_a_bare_title_as_topic_is_the_one_person_given_that_title():
    found = _found([
        "森崎一平知事は8日の記者会見で、新たな対策を発表した。",
        "予算が足りないのではないかと問われると、知事は「十分に足りている」と答えた。",
        "会見の最後に知事は「まず逃げてほしい」と呼びかけた。",
    ])
    assert _by(found, "森崎一平") == ["「十分に足りている」", "「まず逃げてほしい」"]


# --- interviews printed without "Q:" and "A:" ------------------------------------------

def test_an_unlabelled_english_interview_gives_questions_and_answers_to_their_speakers():
    found = _quotes([
        "Ottoline Marchbanks-Oyelaran has run the lighthouse museum for a decade. "
        "Ottoline Marchbanks-Oyelaran spoke to Bertrand Quillfeather about the winter.",
        "How did the museum survive the storm?",
        "Barely. I slept in the office for a week and we moved the lenses twice.",
        "Your trustees wanted to close it. Why did you refuse?",
        "Because the town would not forgive me. My father kept the light for thirty years.",
        "What comes next?",
        "A new roof, and then I retire.",
    ], {"Ottoline Marchbanks-Oyelaran": "Ottoline Marchbanks-Oyelaran",
        "Bertrand Quillfeather": "Bertrand Quillfeather"})
    assert _by(found, "Bertrand Quillfeather") == [
        "How did the museum survive the storm?",
        "Your trustees wanted to close it. Why did you refuse?", "What comes next?"]
    answers = _by(found, "Ottoline Marchbanks-Oyelaran")
    assert answers[0].startswith("Barely. I slept") and answers[1].startswith("Because the town")
    assert _by(found, None) == []


def test_questions_and_answers_in_narration_make_no_interview():
    # a feature with a rhetorical question and first-person quotations: no turns
    found = _quotes([
        "Ottoline Marchbanks-Oyelaran has run the lighthouse museum for a decade.",
        "Why does anyone keep a lighthouse?",
        "The answer, for her, is the town.",
    ], {"Ottoline Marchbanks-Oyelaran": "Ottoline Marchbanks-Oyelaran"})
    assert found == []


def test_a_korean_interview_with_dash_questions_gives_the_reporter_and_the_interviewee():
    found = _found([
        "부산에서 공방을 운영하는 팽서아(41)는 올해 공예대전에서 대상을 받았다. 지난 3일 공방에서 "
        "길도윤 기자가 만났다.",
        "―상을 받은 소감은.",
        "“아직 실감이 안 난다. 공방 식구들 덕분이다.”",
        "―앞으로 계획은.",
        "“젊은 공예가들과 함께 전시를 열고 싶다.”",
    ])
    assert _by(found, "길도윤") == ["상을 받은 소감은.", "앞으로 계획은."]
    assert _by(found, "팽서아") == ["“아직 실감이 안 난다. 공방 식구들 덕분이다.”",
                                 "“젊은 공예가들과 함께 전시를 열고 싶다.”"]


def test_the_interviewer_after_spoke_to_is_a_person_whatever_the_recognizer_typed():
    found = _quotes([
        "Ottoline Marchbanks-Oyelaran has run the lighthouse museum for a decade. She "
        "spoke to Bertrand Quillfeather in the keeper's cottage.",
        "How did the museum survive the storm?",
        "Barely. I slept in the office for a week.",
        "Why did you refuse to close it?",
        "Because my father kept the light for thirty years.",
        "Will you retire?",
        "Next year, I hope.",
    ], {"Ottoline Marchbanks-Oyelaran": "Ottoline Marchbanks-Oyelaran"},
        labels={"Bertrand Quillfeather": "ORG"}, speech_persons=True)
    assert _by(found, "Bertrand Quillfeather") == [
        "How did the museum survive the storm?", "Why did you refuse to close it?",
        "Will you retire?"]


# --- Chinese and Japanese, more -------------------------------------------------------

def test_a_chinese_name_of_a_rare_family_opening_speech_twice_is_a_person():
    found = _found([
        "美食作家「小闞」闞詠芝3日在臉書發文，批評一家餐廳的服務。",
        "闞詠芝在貼文中表示，店員態度冷淡，沒有道歉。",
        "她在貼文中寫道：「我只想要一句對不起。」",
    ])
    said = _by(found, "闞詠芝")
    assert any("店員態度冷淡" in q for q in said)
    assert "「我只想要一句對不起。」" in said
    assert "「小闞」" not in said  # a nickname in marks before the name is no quotation


def test_japanese_speech_reported_without_marks_and_a_quotation_with_no_subject():
    found = _found([
        "県漁協の森崎一平会長（70）は取材に対し、組合員の半数が80歳を超えていると明かした。"
        "「もう若い人は来ない」と話した。",
        "森崎会長によると、今年の漁獲量は昨年の半分にとどまった。",
    ])
    said = _by(found, "森崎一平")
    assert any("組合員の半数が80歳を超えている" in q for q in said)
    assert "「もう若い人は来ない」" in said
    assert any("今年の漁獲量は昨年の半分にとどまった" in q for q in said)

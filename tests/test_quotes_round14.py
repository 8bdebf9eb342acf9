"""Round fourteen of issue 30: a speaker's name cut at the wrong place -- a trade or a
clause's 的 glued before a Chinese foreign name, a conjunction after a name, the given
part of a dotted name written alone, a Gaelic family prefix in capitals ("Ó").
Invented names and sentences; no model runs (the recognizer's labels are given, as the
persons stage passes them on)."""

from __future__ import annotations

from quotes_fixtures import by as _by
from quotes_fixtures import quotes as _quotes

# --- Chinese: what is glued before and after a name ----------------------------------------


def test_a_trade_before_a_dotted_foreign_name_is_not_the_name():
    found = _quotes(["经营了六年的商人阿玛杜·基恩戈-洛泰告诉记者：“今年的货还没到。”"],
                    speech_persons=True)
    assert _by(found, "阿玛杜·基恩戈-洛泰") == ["“今年的货还没到。”"]


def test_the_de_of_a_clause_before_a_dotted_foreign_name_is_not_the_name():
    found = _quotes(["同样来自达喀尔的莫哈梅杜·萨尔-恩迪亚耶认为，“排队的时间太长了。”",
                     "莫哈梅杜介绍，协会有会员两百人。"],
                    speech_persons=True)
    assert _by(found, "莫哈梅杜·萨尔-恩迪亚耶") == ["“排队的时间太长了。”", "协会有会员两百人"]


def test_the_given_part_of_two_dotted_names_is_nobodys_alone():
    # guard: two persons open with the same given part: written alone, it is neither's
    found = _quotes(["商人阿玛杜·基恩戈-洛泰表示，货还没到。",
                     "商人阿玛杜·萨尔-恩迪亚耶表示，钱还没付。",
                     "阿玛杜介绍，协会有会员两百人。"],
                    speech_persons=True)
    assert "协会有会员两百人" not in _by(found, "阿玛杜·基恩戈-洛泰") + _by(
        found, "阿玛杜·萨尔-恩迪亚耶")


def test_a_conjunction_after_a_name_opening_speech_does_not_hide_it():
    # 並 "and" between the name and its verb, as 也/則/還 are: the name still opens speech
    found = _quotes(["管理處發言人闞思妤表示，租金已多年未調整。",
                     "闞思妤並指出，公司願意分兩年逐步調整。"],
                    speech_persons=True)
    assert _by(found, "闞思妤") == ["租金已多年未調整", "公司願意分兩年逐步調整"]


def test_a_name_of_any_family_between_a_role_and_its_verb_of_speech():
    # 寇 is no family character of the list; the role and the verb vouch for the name
    found = _quotes(["議員寇宇澄則在臉書寫道，市府不能袖手旁觀。"], speech_persons=True)
    assert _by(found, "寇宇澄") == ["市府不能袖手旁觀"]


def test_a_growth_figure_after_a_role_character_is_no_name():
    # guard: "增长近四成，" -- 长 of 增长 is no role, and a comma no verb of speech
    found = _quotes(["工作人员表示，今年续签申请同比增长近四成，窗口已经增加。"],
                    speech_persons=True)
    assert all(who is None for _, who, _, _, _ in found)


# --- a Gaelic family prefix in capitals -------------------------------------------------------


def test_the_gaelic_prefix_o_is_part_of_the_speakers_name():
    found = _quotes(['"We have a loan on the boat," said Cathán Ó Murchadha, who fishes '
                     "out of Dingle.",
                     "Ó Murchadha said his crew had already lost two men."],
                    labels={"Cathán Ó Murchadha": "ORG", "Ó Murchadha": "ORG"},
                    speech_persons=True)
    assert _by(found, "Cathán Ó Murchadha") == ['"We have a loan on the boat,"',
                                                "his crew had already lost two men."]


# --- Japanese: a long topic, a deputy's title, a name before its body and title -----------


def test_a_katakana_name_in_a_long_topic_is_read_whole():
    found = _quotes(["要望書を手渡した保護者会代表のマテウス・エンリケ・ファリアス・ナカムラさん（41）は"
                     "「子どもたちの居場所がない」と訴えた。",
                     "ファリアスさんによると、長男は学校になじめなかったという。"],
                    speech_persons=True)
    full = "マテウス・エンリケ・ファリアス・ナカムラ"
    assert _by(found, full) == ["「子どもたちの居場所がない」", "長男は学校になじめなかったという"]


def test_a_deputy_title_after_a_kanji_name_and_a_relative_clause():
    found = _quotes(["要望書を受け取った五十嵐公彦副知事は「早急に検討したい」と述べた。"
                     "五十嵐副知事は、市内の学校に教員を増やすと明らかにした。"],
                    speech_persons=True)
    assert _by(found, "五十嵐公彦") == ["「早急に検討したい」", "市内の学校に教員を増やす"]


def test_a_kanji_name_then_a_dot_a_body_and_a_title():
    found = _quotes(["教育に詳しい水無瀬早苗・南東京大学教授は「受け皿が消える」と指摘した。"
                     "水無瀬教授によると、学校は半数に減ったという。"],
                    speech_persons=True)
    assert _by(found, "水無瀬早苗") == ["「受け皿が消える」", "学校は半数に減ったという"]


# --- Korean: a name after an apposition in 인 ------------------------------------------------


def test_a_four_syllable_name_after_an_apposition_and_before_a_title():
    found = _quotes(["교통 전문가인 여울채하 한결대 교수는 “노선 절반이 적자”라고 지적했다."],
                    speech_persons=True)
    assert _by(found, "여울채하") == ["“노선 절반이 적자”"]


def test_a_foreign_name_after_two_appositions_speaking():
    found = _quotes(["선수의 대리인인 페루인 세바스티안 크루스 트레호는 녹음 파일이 있다고 밝혔다. "
                     "그는 “필요하면 제출하겠다”고 말했다."],
                    speech_persons=True)
    assert _by(found, "세바스티안 크루스 트레호") == ["녹음 파일이 있다", "“필요하면 제출하겠다”"]


def test_a_name_ending_in_in_before_its_title_is_no_apposition():
    # guard: "봉다인 의원은" -- the 인 closes a name, not an apposition
    found = _quotes(["질의에 나선 탁세인 의원은 “장관이 똑같은 답을 했다”고 따져 물었다."],
                    speech_persons=True)
    assert [who for _, who, _, _, _ in found] == ["탁세인"]

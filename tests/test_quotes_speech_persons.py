"""Who said what, round four: speakers the recognizer missed taken as persons on the
evidence of a clear pattern of speech, and the patterns read since (role-signed
quotations, interview answers, subordinate clauses before the speaker, an unclosed
quotation mark, Korean and Chinese names with a title).

Invented names throughout.  ``labels`` give what the recognizer said of a name where a
rule reads it (a place, an organisation); ``speech_persons=True`` adds the persons a
pattern vouches for as the persons stage does before attribution.
"""

from __future__ import annotations

from quotes_fixtures import by, quotes

from searchapp.ingest.entities import Mention
from searchapp.ingest.quotes.evidenced import speech_persons
from searchapp.ingest.quotes.speakers import trusted


def _added(paragraphs, labels=None, persons=None):
    items = [(f"p{i}", "body", t) for i, t in enumerate(paragraphs)]
    mentions = {}
    for pid, _, text in items:
        mentions[pid] = [Mention(text.index(s), text.index(s) + len(s), n, "person")
                         for s, n in (persons or {}).items() if s in text]
    raw = {}
    for pid, _, text in items:
        raw[pid] = [type("L", (), {"start": text.index(s), "end": text.index(s) + len(s),
                                   "label": lab})() for s, lab in (labels or {}).items()
                    if s in text]
    out = speech_persons(items, mentions, raw)
    return {m.name for ms in out.values() for m in ms}


# --- persons on the evidence of a pattern of speech --------------------------------------

def test_said_then_a_role_and_a_name_the_recognizer_missed_is_a_person():
    found = quotes(["“We are not selling,” said councillor Magnus Lindqvist-Ahola."],
                   speech_persons=True)
    assert by(found, "Magnus Lindqvist-Ahola") == ["“We are not selling,”"]


def test_a_name_typed_as_a_place_with_a_role_before_it_and_who_after_it_speaks():
    found = quotes(["Conservative councillor Jasper ten Brink, who voted against, said the "
                    "decision had been rushed through."], labels={"Jasper": "GPE"},
                   speech_persons=True)
    assert by(found, "Jasper ten Brink") == ["the decision had been rushed through."]


def test_a_single_given_name_with_a_role_in_apposition_is_a_person():
    found = quotes(["Yvonne, a retired nurse who lives on the road, said she had not ridden a "
                    "bicycle since 1980."], labels={"Yvonne": "GPE"}, speech_persons=True)
    assert by(found, "Yvonne") == ["she had not ridden a bicycle since 1980."]


def test_an_organisation_that_speaks_is_no_person():
    assert _added(["Harcastle Estates said it remained interested in the site.",
                   "“We're disappointed,” said Harcastle's managing director Pieter Vos.",
                   "Opponents said the plan would fail. Brightwell said it would appeal."],
                  labels={"Harcastle Estates": "ORG", "Brightwell": "ORG"}) == {"Pieter Vos"}


def test_a_name_and_role_line_above_a_quotation_signs_it():
    found = quotes(["Declan Furey, passenger, travelling to a conference:",
                    "\"I slept better than I expected. I'd do it again.\""],
                   labels={"Declan Furey": "GPE"}, speech_persons=True)
    assert by(found, "Declan Furey") == ["\"I slept better than I expected. I'd do it again.\""]


def test_the_family_name_alone_later_is_the_same_person():
    found = quotes(["“Sell it and you sell the town,” said councillor Marit van der Linde-Osei.",
                    "“We will fight on,” van der Linde-Osei said."], speech_persons=True)
    assert len(by(found, "Marit van der Linde-Osei")) == 2


def test_a_family_name_with_a_glued_particle_is_a_name_as_names_are_written():
    assert trusted("Farouk el-Masri") and trusted("Hamid al-Rashidi")
    found = quotes(["Its chair, Farouk el-Masri, told the committee that shops had lost trade."],
                   {"Farouk el-Masri": "Farouk el-Masri"})
    assert by(found, "Farouk el-Masri") == ["shops had lost trade."]


# --- patterns ----------------------------------------------------------------------------

def test_a_quotation_signed_by_a_role_on_the_next_line_is_an_unnamed_sources():
    found = quotes(["Engineers told us about alerts.",
                    "\"Half the pages I get at night fix themselves.\"",
                    "-- Senior engineer at a payments company",
                    "“We deleted two thirds of our alerts.”",
                    "— Care worker, 41, Station Road"])
    assert [(n, who) for n, who, *_ in found] == [(1, None), (3, None)]


def test_a_quotation_signed_by_a_named_person_on_the_next_line_is_theirs():
    found = quotes(["“Nobody reads the manual.”", "— Tomas Vell, librarian"],
                   {"Tomas Vell": "Tomas Vell"})
    assert by(found, "Tomas Vell") == ["“Nobody reads the manual.”"]


def test_interview_answers_signed_by_the_family_name_are_the_interviewees():
    found = quotes(["Solveig Armitage-Rhys became director in March. We met in her office.",
                    "Why did you cancel the show?",
                    "Armitage-Rhys: It was a beautiful show. But the roof was leaking.",
                    "What are you reading?",
                    "Armitage-Rhys: A history of the paperclip."],
                   labels={"Solveig Armitage-Rhys": "ORG"}, speech_persons=True)
    assert by(found, "Solveig Armitage-Rhys") == [
        "It was a beautiful show. But the roof was leaking.", "A history of the paperclip."]


def test_q_and_a_answers_are_the_words_of_the_one_person_the_introduction_names():
    found = quotes(["Nkechi Obi runs the leak programme. She spoke to us about sensors.",
                    "Q: How bad is it?", "A: Bad, but not unusual.",
                    "Q: What next?", "A: New pipes under Canal Street."],
                   {"Nkechi Obi": "Nkechi Obi"})
    assert by(found, "Nkechi Obi") == ["Bad, but not unusual.", "New pipes under Canal Street."]


def test_the_speaker_after_a_subordinate_clause_naming_another_person():
    found = quotes(["When the vice chair, Lionel Ashby, questioned officers about the cost, the "
                    "highways manager, Renata Obu, said the scheme would cost £2 million."],
                   {"Lionel Ashby": "Lionel Ashby", "Renata Obu": "Renata Obu"})
    assert by(found, "Renata Obu") == ["the scheme would cost £2 million."]
    assert by(found, "Lionel Ashby") == []


def test_a_relative_clause_who_told_introduces_that_persons_quotation():
    found = quotes(["She should listen to the author Imogen Farrow-Bell, who told the meeting in "
                    "January: “You can close a library in a day.”"],
                   {"Imogen Farrow-Bell": "Imogen Farrow-Bell"})
    assert by(found, "Imogen Farrow-Bell") == ["“You can close a library in a day.”"]


def test_she_after_an_indefinite_role_spoken_to_is_that_unnamed_person():
    found = quotes(["Councillor Paula Ostrow announced the closures.",
                    "When I put this to a council officer at a meeting, she told me that "
                    "“footfall is footfall”."], {"Paula Ostrow": "Paula Ostrow"})
    assert by(found, "Paula Ostrow") == []
    assert by(found, None) == ["“footfall is footfall”"]


def test_critics_among_them_a_named_person_argue_is_that_persons():
    found = quotes(["Critics, among them the economist Yusra el-Amir, argue that the rule leaves "
                    "no room for investment."], {"Yusra el-Amir": "Yusra el-Amir"})
    assert by(found, "Yusra el-Amir") == ["the rule leaves no room for investment."]


def test_coordinator_replied_that_is_reported_speech():
    found = quotes(["Its coordinator, Barnaby Wex, replied that the projections showed cuts."],
                   {"Barnaby Wex": "Barnaby Wex"})
    assert by(found, "Barnaby Wex") == ["the projections showed cuts."]


def test_a_role_of_another_body_is_not_the_one_named_with_the_same_role():
    found = quotes(["Opponents say parking will go. Its chair, Farid Mansur, told the committee "
                    "that trade had fallen.",
                    "The committee's chair replied that there had been two consultations."],
                   {"Farid Mansur": "Farid Mansur"})
    assert by(found, "Farid Mansur") == ["trade had fallen."]


def test_a_quotation_never_closed_ends_where_its_attribution_starts():
    found = quotes(["Maren Lyk sees a problem. “The numbers are fine. The next government will "
                    "change the definitions, she told the Review.", "Business groups agree."],
                   {"Maren Lyk": "Maren Lyk"})
    assert by(found, "Maren Lyk") == ["“The numbers are fine. The next government will change "
                                      "the definitions"]


# --- Korean and Chinese -------------------------------------------------------------------

def test_a_korean_name_with_a_title_is_a_person_and_the_title_alone_later_is_them():
    found = quotes(["산업부 정민혁 차관은 \"교육 과정을 도입하겠다\"고 밝혔다.",
                    "정 차관은 \"문제가 아니다\"라며 \"정부가 나서야 할 때\"라고 강조했다."],
                   speech_persons=True)
    assert len(by(found, "정민혁")) == 3


def test_a_chinese_name_after_a_title_before_a_verb_of_speech_is_a_person():
    found = quotes(["港口集团董事长韩志强在仪式上表示，一期工程将在年内完成。",
                    "项目负责人孙力强调，夜间施工将严格控制。"], speech_persons=True)
    assert by(found, "韩志强") == ["一期工程将在年内完成"]
    assert by(found, "孙力") == ["夜间施工将严格控制"]


def test_a_quotation_signed_by_a_role_in_its_own_paragraph_is_an_unnamed_sources():
    found = quotes(['"If it compiles, it usually runs." -- Senior engineer working in automotive',
                    '"You sleep more." -- Rust consultant and framework developer'])
    assert [(n, who) for n, who, *_ in found] == [(0, None), (1, None)]


def test_says_and_one_name_the_recognizer_typed_as_nothing_closing_the_sentence():
    found = quotes(["Lunch was late. “One expects the still life to depict objects,” says Ritterby.",
                    "“Apples are apples,” says Ritterby."], speech_persons=True)
    assert len(by(found, "Ritterby")) == 2
    assert by(quotes(["“Prices will rise,” says Nasdaq."], labels={"Nasdaq": "ORG"},
                     speech_persons=True), "Nasdaq") == []


def test_a_quotation_signed_by_a_name_alone_is_that_persons_never_an_unnamed_source():
    found = quotes(['"The stylist got to know my style fast." - Jennifer'], speech_persons=True)
    assert by(found, "Jennifer") == ['"The stylist got to know my style fast."']
    assert by(quotes(['"The stylist got to know my style fast." - Jennifer']), None) == []


def test_a_key_quote_box_names_nobody_its_quotation_is_an_unnamed_sources():
    found = quotes(["Revenue rose 9 %.", "Key quote",
                    "“There is a new demand in town, and it is ours.”"])
    assert found == [(2, None, "“There is a new demand in town, and it is ours.”", "Key quote",
                      "direct")]


def test_the_persons_stage_step_adds_speakers_of_every_document_and_keeps_curation():
    from searchapp.index.speakers import add_speech_persons
    from searchapp.ingest.entities import Person as Registered
    from searchapp.ingest.entities import Registry
    from searchapp.ingest.persons.people import DocText, Persons

    docs = [DocText("a", (("a1", "body", "“No,” said councillor Magnus Lindqvist-Ahola."),), ""),
            DocText("b", (("b1", "body", "“Yes,” said councillor Orla Brenwick-Tay."),
                          ("b2", "body", "“Later,” said councillor Tomas Hidden-Name.")), "")]
    found = Persons(mentions={}, persons={})
    registry = Registry([Registered("Orla Brenwick Tay", aliases=("Orla Brenwick-Tay",))], [])
    registry.not_persons = ("Tomas Hidden-Name",)
    add_speech_persons(docs, found, {}, registry)
    names = {m.name for ms in found.mentions.values() for m in ms}
    assert names == {"Magnus Lindqvist-Ahola", "Orla Brenwick Tay"}
    assert "Magnus Lindqvist-Ahola" in found.persons


def test_a_speaker_taken_from_the_speech_pattern_has_evidence_of_where_it_comes_from():
    """The Persons tab and ``persons --json`` said "0 documents" and no spelling for a
    person only the pattern of speech found."""
    from searchapp.index.speakers import SPEECH_WHY, add_speech_persons
    from searchapp.ingest.persons.people import DocText, Persons

    docs = [DocText("a", (("a1", "body", "“No,” said councillor Magnus Lindqvist-Ahola."),
                          ("a2", "body", "“Never,” Lindqvist-Ahola said.")), ""),
            DocText("b", (("b1", "body", "“Again no,” said councillor Magnus Lindqvist-Ahola."),),
                    "")]
    found = Persons(mentions={}, persons={})
    add_speech_persons(docs, found, {}, None)
    ev = found.evidence["Magnus Lindqvist-Ahola"]
    assert ev["documents"] == ["a", "b"]
    full = next(r for r in ev["spellings"] if r["text"] == "Magnus Lindqvist-Ahola")
    assert (full["mentions"], full["documents"], full["why"]) == (2, 2, SPEECH_WHY)


def test_the_recognizers_labels_count_when_the_raw_store_has_loaded_nothing_yet():
    """A second run reads raw mentions lazily (its memo answers the rest): an empty-looking
    store is not "no labels", or a firm the model labelled became a person ("Big Machine
    has denied ..., saying ...") on every run after the first."""
    from searchapp.ingest.persons.memo import RawStore

    text = "“We will wait,” said Harcastle Estates."
    start = text.index("Harcastle")
    label = type("L", (), {"start": start, "end": start + len("Harcastle Estates"),
                           "label": "ORG"})()
    items = [("p0", "body", text)]
    eager = speech_persons(items, {"p0": []}, {"p0": [label]})
    lazy = speech_persons(items, {"p0": []}, RawStore({}, lambda pid: {pid: [label]}))
    assert eager == lazy
    assert not any(m.name == "Harcastle Estates" for ms in lazy.values() for m in ms)


def test_a_full_name_with_a_role_whose_family_name_speaks_later_is_a_person():
    found = quotes(["Critics, among them the economist Yusra el-Amir of the Centre for Public "
                    "Finance, argue that the rule leaves no room for investment. “A rule that "
                    "forces cuts makes a recession worse,” el-Amir wrote last week."],
                   labels={"Yusra el-Amir": "FAC"}, speech_persons=True)
    assert len(by(found, "Yusra el-Amir")) == 2


def test_bodies_of_of_phrases_and_bodies_speaking_of_themselves_are_no_persons():
    assert _added(["The Federation of Industry said in a statement that it welcomed the rule.",
                   "A spokeswoman for the Association of Insurers said that claims were settled.",
                   "The developer, Harcastle Homes, said it remained interested in the site."]
                  ) == set()


def test_a_single_name_with_an_age_in_apposition_is_a_person_he_then_stands_for():
    found = quotes(["The council's leader, Graham Tull, said the delay would cost money.",
                    "Kwabo, 24, who sells phone repairs by the east door, was more cautious. "
                    "“A year is nothing,” he said."], {"Graham Tull": "Graham Tull"},
                   speech_persons=True)
    assert by(found, "Kwabo") == ["“A year is nothing,”"]
    assert by(found, "Graham Tull") == ["the delay would cost money."]


def test_he_after_a_clause_opened_by_a_persons_name_is_that_person():
    found = quotes(["Minister Oskar Halvor spoke in June.",
                    "When Halvor met with central bank governor Ingrid Solvang in August, he said "
                    "the two institutions were aligned on debt."],
                   {"Oskar Halvor": "Oskar Halvor", "Halvor": "Oskar Halvor",
                    "Ingrid Solvang": "Ingrid Solvang"})
    assert by(found, "Oskar Halvor") == ["the two institutions were aligned on debt."]


def test_a_sentence_opened_by_a_role_makes_its_holder_the_one_he_stands_for():
    found = quotes(["Finance Minister Oskar Halvor called it a reform.",
                    "Critics, among them the economist Yusra el-Amir, argue that it is too tight.",
                    "The minister rejects that reading. Speaking on Tuesday, he said the rule "
                    "had an escape clause."],
                   {"Oskar Halvor": "Oskar Halvor", "Yusra el-Amir": "Yusra el-Amir"})
    assert by(found, "Oskar Halvor") == ["the rule had an escape clause."]


def test_the_returning_officer_then_her_name_is_her():
    found = quotes(["The returning officer, Mairi Colqu, said the recount would begin on Monday."],
                   {"Mairi Colqu": "Mairi Colqu"})
    assert by(found, "Mairi Colqu") == ["the recount would begin on Monday."]


def test_ju_xi_it_is_learned_names_no_source():
    assert quotes(["据悉，工程施工期间港区将正常运营。"]) == []


def test_a_korean_reporters_dateline_credit_is_no_speaker_person():
    """"(서울=한빛뉴스) 박서연 기자 = 정부는 … 밝혔다": the reporter's credit opens the story;
    the minister named with his title is the person who speaks."""
    added = _added(["(서울=한빛뉴스) 박서연 기자 = 정부는 3일 수출 지원을 확대한다고 밝혔다.",
                    "산업통상자원부 안덕근 장관은 \"지원을 늘리겠다\"고 말했다."])
    assert added == {"안덕근"}


# --- session 16: a full name between commas after a role, typed as a body ---------------

def test_a_full_name_after_a_role_in_apposition_speaks_though_typed_as_a_body():
    found = quotes(["The chief financial officer, Dashko Vuković-Amankwah, said the cuts would "
                    "save money. “The savings are real,” he said.",
                    "Vuković-Amankwah answered that the range assumed no recovery."],
                   labels={"Dashko Vuković-Amankwah": "ORG", "Vuković-Amankwah": "ORG"},
                   speech_persons=True)
    assert by(found, "Dashko Vuković-Amankwah") == [
        "the cuts would save money.", "“The savings are real,”",
        "the range assumed no recovery."]


def test_a_body_named_after_a_role_word_and_speaking_of_itself_is_no_person():
    assert _added(["The developer, Harcastle Homes, said it would appeal the decision."],
                  labels={"Harcastle Homes": "ORG"}) == set()


def test_a_firm_after_a_role_a_firm_takes_is_no_person_though_it_speaks():
    assert _added(["The developer, Calder Reach Homes, says market conditions have not been "
                   "right."], labels={"Calder Reach Homes": "ORG"}) == set()


# --- session 16: Chinese compound family names ------------------------

def test_a_chinese_name_of_a_compound_family_before_a_verb_of_speech_is_a_person():
    found = quotes(["闻人思远表示，双方将加强合作。", "赫连子墨说：“我们会继续努力。”",
                    "聞人思遠說：「會議很順利。」"], speech_persons=True)
    assert by(found, "闻人思远") == ["双方将加强合作"]
    assert by(found, "赫连子墨") == ["“我们会继续努力。”"]
    assert by(found, "聞人思遠") == ["「會議很順利。」"]



# --- session 16: a native name and its romanized form in brackets are one person ----------

def test_a_chinese_transliteration_with_its_romanized_form_in_brackets_is_that_person():
    found = quotes(["欧盟贸易专员卡尔·布伦纳（Karl Brenner）表示，调查将在六个月内完成。",
                    "布伦纳说：“我们对所有伙伴一视同仁。”"], speech_persons=True)
    assert by(found, "Karl Brenner") == ["调查将在六个月内完成", "“我们对所有伙伴一视同仁。”"]


def test_korean_names_with_their_romanized_form_in_brackets_are_those_persons():
    assert _added(['외교부 장관 한도윤(Han Do-yun)은 "협상은 끝나지 않았다"고 말했다.',
                   '라파엘 베르뮐렌-오소리오(Rafael Vermeulen-Osorio) EU 집행위원은 "협상은 '
                   '끝나지 않았다"고 말했다.']) == {"Han Do-yun", "Rafael Vermeulen-Osorio"}


def test_a_body_with_its_english_name_in_brackets_is_no_person():
    assert _added(["한국거래소(Korea Exchange)는 \"거래를 재개한다\"고 밝혔다.",
                   "商务部（Ministry of Commerce）表示，将继续调查。"]) == set()


def test_a_named_role_who_told_a_known_person_is_read_for_a_speaker():
    # the person right after "told" is the listener: the paragraph is still read
    found = quotes(["The special envoy, Oriana Makgoba-Thorsen, has told our reporter Lukas "
                    "Fenwright that a fund is “not off the table”."],
                   persons={"Lukas Fenwright": "Lukas Fenwright"},
                   labels={"Oriana Makgoba-Thorsen": "ORG"}, speech_persons=True)
    assert by(found, "Oriana Makgoba-Thorsen") == ["a fund is “not off the table”."]


def test_a_foreign_name_in_hangul_with_a_hyphenated_family_name_and_a_title_is_a_person():
    found = quotes(['이에 대해 라파엘 베르뮐렌-오소리오 EU 집행위원(통상 담당)은 "협상은 끝나지 않았다"고 말했다.',
                    '베르뮐렌-오소리오 집행위원은 "다시 만나자"고 말했다.',
                    '배우 로잘린 맥고완-피츠제럴드가 출연한다.',
                    '맥고완-피츠제럴드는 "대본이 너무 어려웠다"고 말했다.'], speech_persons=True)
    assert by(found, "라파엘 베르뮐렌-오소리오") == ['"협상은 끝나지 않았다"', '"다시 만나자"']
    assert by(found, "로잘린 맥고완-피츠제럴드") == ['"대본이 너무 어려웠다"']


def test_two_places_joined_by_a_hyphen_in_hangul_are_no_person():
    assert _added(['미국 워싱턴-베이징 노선은 "재개된다"고 밝혔다.',
                   '한미 서울-부산 구간 담당자는 "괜찮다"고 말했다.']) == set()


# --- issue 33 (session 18): a romanized name with its native form after it in brackets ----

def test_a_romanized_name_with_its_hangul_form_in_brackets_is_one_person():
    found = _names(['서도현 외교부 장관은 "협상은 계속된다"고 말했다.',
                    "Seo Do-hyeon (서도현), the foreign minister, told reporters the talks "
                    "would go on."])
    assert found == {"Seo Do-hyeon"}  # not 서도현 as a person of its own


def test_a_body_with_its_native_name_in_brackets_is_no_person():
    assert _names(["The Unification Ministry (통일부) said the talks would go on.",
                   '통일부는 "대화는 계속된다"고 밝혔다.']) == set()


def _names(paragraphs):
    items = [(f"p{i}", "body", t) for i, t in enumerate(paragraphs)]
    out = speech_persons(items, {}, {})
    return {m.name for ms in out.values() for m in ms}


# --- issue 33 (session 18): Japanese names, Chinese bylines and credits ------------------

def test_japanese_names_before_a_title_or_an_honorific_are_persons():
    found = _names(["By 経済部 森川千尋",
                    "石丸浩二財務相は3日、都内で米国のエレン・マクファーソン財務長官と会談した。",
                    "石丸氏は「円安は注視している」と述べた。マクファーソン氏も同意した。"])
    assert found == {"森川千尋", "石丸浩二", "エレン・マクファーソン"}


def test_a_japanese_family_name_with_an_honorific_is_the_person_named_so_before():
    items = [(f"p{i}", "body", t) for i, t in enumerate([
        "石丸浩二財務相は3日に会見した。", "石丸氏は「注視している」と述べた。"])]
    out = speech_persons(items, {}, {})
    assert [(items[1][2][m.start:m.end], m.name) for m in out["p1"]] == [("石丸氏", "石丸浩二")]


def test_japanese_bodies_and_places_before_a_title_are_no_persons():
    assert _names(["防衛省幹部は「見直しは避けられない」と話した。",
                   "自民党幹事長は会見で述べた。東京都知事は出席しなかった。"]) == set()


def test_chinese_bylines_and_credits_name_reporters_and_editors():
    assert _names(["記者 范詠晴／高雄報導", "颱風今日登陸，造成多處淹水。",
                   "（編輯：鄭家豪）"]) == {"范詠晴", "鄭家豪"}


def test_a_chinese_role_and_name_then_a_time_word_and_speech_later_in_the_clause():
    assert _names(["交通部長魏子健下午視察高雄市前鎮區時表示，「補助下週發放」。",
                   "中央氣象署預報員蔡明哲指出，颱風明天仍會帶來豪雨。",
                   "立法委員盧思涵則批評，「每年都一樣」。"]) == {"魏子健", "蔡明哲", "盧思涵"}

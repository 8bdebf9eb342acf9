"""Who said what, round five: interview turns signed by a family name with a particle,
a person and the body they speak for ("X of Y"), a role in apposition without an
article, a one-word name with a short trade, a role a verb gives ("X chairs the
committee"), and bodies the persons stage kept as persons.

Invented names throughout; ``labels`` give what the recognizer said of a name, and
``speech_persons=True`` adds the persons a pattern of speech vouches for, as the persons
stage does before attribution.
"""

from __future__ import annotations

import pytest
from quotes_fixtures import by, quotes

_HALF = {"Femke van der Wal": "Femke van der Wal", "Wal": "Femke van der Wal",
         "Joost Kramer": "Joost Kramer", "Kramer": "Joost Kramer"}


@pytest.mark.parametrize(("intro", "label", "persons"), [
    ("Femke van der Wal runs the dyke board's climate office.", "Van der Wal", _HALF),
    ("Tomás de la Fuente is the chief economist of a rice mill.", "de la Fuente",
     {"Tomás de la Fuente": "Tomás de la Fuente", "Fuente": "Tomás de la Fuente",
      "Joost Kramer": "Joost Kramer"}),
    ("Interview: Samira al-Haddadi, architect of the new market.", "al-Haddadi",
     {"Samira al-Haddadi": "Samira al-Haddadi", "Haddadi": "Samira al-Haddadi",
      "Joost Kramer": "Joost Kramer"}),
])
def test_interview_turns_signed_with_a_particle_family_name_are_the_interviewees(
        intro, label, persons):
    name = next(n for n in persons.values() if n != "Joost Kramer")
    found = quotes([intro, "Q: Why did it take so long?",
                    f"{label}: Because nobody paid. Joost Kramer kept saying the state "
                    "would pay, and it did not.",
                    "Q: And now?", f"{label}: Now we build."], persons)
    answers = by(found, name)
    assert any(a.startswith("Because nobody paid.") for a in answers)
    assert "Now we build." in answers
    assert not any(a.startswith("Because") for a in by(found, "Joost Kramer"))


def test_a_turn_label_that_names_two_persons_of_the_document_is_nobodys():
    found = quotes(["Femke van der Wal and Bram van der Wal run the farm.",
                    "Van der Wal: We sold the cows.", "Van der Wal: And the barn."],
                   {"Femke van der Wal": "Femke van der Wal",
                    "Bram van der Wal": "Bram van der Wal"})
    assert by(found, "Femke van der Wal") == by(found, "Bram van der Wal") == []


def test_a_person_of_a_body_who_told_me_is_the_speaker_not_the_body():
    found = quotes(["I spoke to Grace Okwuosa-Lind of Harwell Sachs, who told me: "
                    "“The selling ends on Friday.”",
                    "Harwell Sachs said in a note that it expected rates to fall."],
                   {"Harwell Sachs": "Harwell Sachs"},
                   labels={"Grace Okwuosa-Lind": "ORG", "Harwell Sachs": "ORG"},
                   speech_persons=True)
    assert by(found, "Grace Okwuosa-Lind") == ["“The selling ends on Friday.”"]
    assert by(found, "Harwell Sachs") == []
    assert by(found, None) == ["it expected rates to fall."]


def test_a_name_of_a_body_said_is_the_named_person():
    found = quotes(["“We are buying,” Oriel Kasprzak of Stonebridge Capital told me.",
                    "Ines Tovstoles of Vantor Securities said the worst was over."],
                   labels={"Stonebridge Capital": "ORG", "Vantor Securities": "ORG"},
                   speech_persons=True)
    assert by(found, "Oriel Kasprzak") == ["“We are buying,”"]
    assert by(found, "Ines Tovstoles") == ["the worst was over."]


def test_a_role_in_apposition_without_an_article_belongs_to_the_name():
    found = quotes(["Octavia Brumby-Tenet, chief executive of Larkspur Foods, said: "
                    "“It is a hard day.”"],
                   labels={"Octavia": "GPE", "Larkspur Foods": "ORG"}, speech_persons=True)
    assert by(found, "Octavia Brumby-Tenet") == ["“It is a hard day.”"]
    assert by(found, None) == []


def test_a_one_word_name_with_a_short_trade_in_apposition_is_a_person():
    found = quotes(["Tariq, a delivery rider, said: “The app pays me less every month.”",
                    "Bashir, a baker, said bread prices had doubled."],
                   labels={"Tariq": "ORG", "Bashir": "ORG"}, speech_persons=True)
    assert by(found, "Tariq") == ["“The app pays me less every month.”"]
    assert by(found, "Bashir") == ["bread prices had doubled."]


def test_a_body_with_a_short_apposition_is_no_person():
    found = quotes(["Harcastle, a property company, said it would appeal."],
                   labels={"Harcastle": "ORG"}, speech_persons=True)
    assert all(who is None for _, who, _, _, _ in found)


def test_the_committees_chair_is_the_person_who_chairs_it():
    found = quotes(["Hilary Crosswaite chairs the transport committee.",
                    "The committee's chair replied that the report was premature.",
                    "“We will look again,” the chair said."],
                   {"Hilary Crosswaite": "Hilary Crosswaite"})
    assert by(found, "Hilary Crosswaite") == ["the report was premature.",
                                              "“We will look again,”"]


_BLOCKQUOTES = """<!doctype html><html><head><title>Quay plan approved</title></head><body>
<article><h1>Quay plan approved after a long fight</h1>
<p>The council approved the quay plan on Tuesday after a debate that lasted nine hours and
split the ruling group down the middle.</p>
<p>Opponents had argued for two years that the new quay would drive out the fishing fleet,
and a petition against it gathered four thousand names.</p>
<blockquote><p>“We have waited a generation for this. The quay will finally work for the
people who live beside it.”</p>
<footer class="blockquote-footer">— <cite>Marisol Ekwueme-Hart, quay master</cite></footer>
</blockquote>
<p>The first works are due to start in the spring, with the quay finished by the end of
next year if the weather holds, the council said.</p>
<figure><blockquote><p>“It is a sad day for the fleet. Nobody listened.”</p></blockquote>
<figcaption>— Dermot Fairweather-Olu, skipper</figcaption></figure>
<p>The council said the cost would be met from the port's own reserves and from a
national grant awarded last year.</p>
</article></body></html>"""


def test_a_blockquotes_signature_is_kept_by_extraction_and_signs_the_quotation(tmp_path):
    from searchapp.ingest.pipeline import load_document

    page = tmp_path / "quay.html"
    page.write_text(_BLOCKQUOTES, encoding="utf-8")
    paras = [p.text for p in load_document(page).paragraphs if p.kind != "byline"]
    assert "— Marisol Ekwueme-Hart, quay master" in paras
    assert "— Dermot Fairweather-Olu, skipper" in paras
    found = quotes(paras, speech_persons=True)
    assert by(found, "Marisol Ekwueme-Hart") == [
        next(p for p in paras if p.startswith("“We have waited"))]
    assert by(found, "Dermot Fairweather-Olu") == ["“It is a sad day for the fleet. "
                                                   "Nobody listened.”"]


# --- features, blogs and listicles ------------------------------------------------------

def test_as_a_person_explains_the_clause_after_the_comma_is_theirs():
    found = quotes(["As Dr. Imelda Castellanos, a sleep physician with Harlow Health, "
                    "explains, the key to good sleep is a fixed wake time.",
                    "As Imelda Castellanos notes, naps are no substitute for a night's rest.",
                    "As a Ledgerline article on the tool explains, orchestrating several "
                    "models can catch errors."],
                   {"Imelda Castellanos": "Imelda Castellanos", "Harlow Health": "Harlow Health"},
                   labels={"Harlow Health": "ORG", "Ledgerline": "ORG"})
    assert by(found, "Imelda Castellanos") == [
        "the key to good sleep is a fixed wake time",
        "naps are no substitute for a night's rest"]
    assert by(found, None) == ["orchestrating several models can catch errors"]


def test_as_a_person_told_a_paper_before_a_quotation_leaves_it_to_the_quotation_rules():
    found = quotes(["As Halvard Brunstrom told a newspaper, “What we are is machines made "
                    "of machines.”", "As prices rose, analysts said, the market fell."],
                   {"Halvard Brunstrom": "Halvard Brunstrom"})
    assert by(found, "Halvard Brunstrom") == ["“What we are is machines made of machines.”"]
    assert not any(text.startswith("the market") and who for _, who, text, _, _ in found)


def test_a_two_word_adverbial_before_the_speaker_is_no_speaker_phrase():
    found = quotes(["More recently, Lumeo CEO Andrej Kovalenko shared that Lumeo will spend "
                    "over $100 million on data centres."],
                   {"Andrej Kovalenko": "Andrej Kovalenko"}, labels={"Lumeo": "ORG"})
    assert by(found, "Andrej Kovalenko") == [
        "Lumeo will spend over $100 million on data centres."]


def test_a_role_then_the_name_after_according_to_and_says():
    found = quotes(["According to Lumeo's Senior Brand Manager, Odile Marchetti-Baptiste, "
                    "that is exactly what the company is doing on video apps.",
                    "“Our goal is to listen first,” says Co-Founder, Brenna Kovalczyk."],
                   {"Odile Marchetti-Baptiste": "Odile Marchetti-Baptiste",
                    "Brenna Kovalczyk": "Brenna Kovalczyk"},
                   labels={"Lumeo": "ORG", "Co-Founder": "PERSON"})
    assert by(found, "Odile Marchetti-Baptiste") == [
        "that is exactly what the company is doing on video apps"]
    assert by(found, "Brenna Kovalczyk") == ["“Our goal is to listen first,”"]


def test_a_body_with_a_short_apposition_of_a_charity_or_startup_is_no_person():
    found = quotes(["Brightwell, a local charity, said it would appeal.",
                    "Quillion, a fintech startup, said its app was safe."],
                   labels={"Brightwell": "ORG", "Quillion": "ORG"}, speech_persons=True)
    assert all(who is None for _, who, _, _, _ in found)


def test_saying_after_a_sentence_whose_verb_has_the_person_as_object_is_not_theirs():
    persons = {"Bruno Castellane": "Bruno Castellane"}
    found = quotes(["Police arrested Bruno Castellane on Monday, saying he had driven "
                    "through a red light.",
                    "The retired teacher Bruno Castellane wrote to the council, saying the "
                    "plan would fail."], persons)
    assert by(found, "Bruno Castellane") == ["the plan would fail."]


_GOVERNOR = ["Others disagree. Tomasz Wierzbicki of Ostrava Capital argued that the labour "
             "market was cooling on its own.",
             "The governor, Beatriz Olmedo-Ruiz, is due to speak on Thursday. Last month she "
             "warned that rates would stay high for as long as it takes.",
             "“We are not in a hurry,” the governor said at the time."]


def test_she_after_a_role_named_in_apposition_is_never_a_man_named_before():
    found = quotes(_GOVERNOR, {"Tomasz Wierzbicki": "Tomasz Wierzbicki"},
                   labels={"Olmedo": "GPE", "Ostrava Capital": "ORG"})
    assert by(found, "Tomasz Wierzbicki") == ["the labour market was cooling on its own."]


def test_a_name_in_apposition_to_a_role_that_speaks_is_a_person():
    found = quotes(_GOVERNOR, {"Tomasz Wierzbicki": "Tomasz Wierzbicki"},
                   labels={"Olmedo": "GPE", "Ostrava Capital": "ORG"}, speech_persons=True)
    assert by(found, "Beatriz Olmedo-Ruiz") == [
        "rates would stay high for as long as it takes.", "“We are not in a hurry,”"]


def test_a_role_with_a_bodys_name_in_apposition_is_an_unnamed_source():
    found = quotes(["The operator, Northway Buses, said in a statement that it would review "
                    "the routes after six weeks."], labels={"Northway Buses": "ORG"},
                   speech_persons=True)
    assert by(found, None) == ["it would review the routes after six weeks."]


def test_who_chairs_the_committee_makes_the_person_its_chair():
    found = quotes(["“There will be teething problems,” said Councillor Ingrid Sollander, "
                    "who chairs the transport committee.",
                    "The committee's chair said she would ask officers for a report."],
                   {"Ingrid Sollander": "Ingrid Sollander"})
    assert by(found, "Ingrid Sollander") == ["“There will be teething problems,”",
                                             "she would ask officers for a report."]


def test_a_quotation_inside_a_sentence_opened_by_as_x_put_it_is_xs():
    found = quotes(["As the writer Zadie Okafor once put it, a library is “the one place "
                    "where nobody asks you to buy anything.”"],
                   {"Zadie Okafor": "Zadie Okafor"})
    assert by(found, "Zadie Okafor") == ["“the one place where nobody asks you to buy "
                                         "anything.”"]


@pytest.mark.parametrize("share", ["Sixty-two percent", "Half of respondents",
                                   "One in five nurses", "Two-thirds of users"])
def test_a_share_of_respondents_in_words_is_an_unnamed_source(share):
    found = quotes(["We surveyed 1,200 nurses about their work.",
                    f"{share} said staffing had worsened since 2022."])
    assert by(found, None) == ["staffing had worsened since 2022."]


def test_a_chinese_or_korean_pronoun_speaker_is_the_person_who_spoke_last():
    zh = quotes(["港口扩建工程昨日正式启动。",
                 "市交通局局长王建国在开工仪式上表示：“新码头将在两年内投入使用。”",
                 "他强调，工程将严格保护周边湿地。"], {"王建国": "王建国"})
    assert by(zh, "王建国") == ["“新码头将在两年内投入使用。”", "工程将严格保护周边湿地"]
    ko = quotes(["정부가 계획을 발표했다.",
                 "산업통상자원부 박서준 차관은 이날 “전문 인력 5만 명을 키우겠다”고 밝혔다.",
                 "그는 “대학과 기업이 함께 만들 것”이라고 덧붙였다."], {"박서준": "박서준"})
    assert by(ko, "박서준") == ["“전문 인력 5만 명을 키우겠다”", "“대학과 기업이 함께 만들 것”"]
    nobody = quotes(["港口扩建工程昨日正式启动。", "他强调，工程将严格保护周边湿地。"])
    assert nobody == []


def test_a_q_and_a_whose_one_named_interviewee_the_recognizer_missed():
    paras = ["Q&A: the new head of the national archive",
             "Tobiah Lindgren-Afolabi took over the national archive in January. He spoke "
             "to us about digitisation and budgets.",
             "Q: What is your first priority?",
             "A: Getting the catalogue online. Half of it is still on paper cards.",
             "Q: Is the budget enough?", "A: No. But no director has ever said yes to it."]
    found = quotes(paras, labels={"Lindgren-Afolabi": "ORG"}, speech_persons=True)
    assert by(found, "Tobiah Lindgren-Afolabi") == [
        "Getting the catalogue online. Half of it is still on paper cards.",
        "No. But no director has ever said yes to it."]
    two = quotes([paras[0], "Tobiah Lindgren-Afolabi and Maren Holt run the archive.",
                  *paras[2:]], labels={"Lindgren-Afolabi": "ORG"}, speech_persons=True)
    assert all(who is None for _, who, _, _, _ in two)


_ORCHARD = ["On a cold morning, Hélène Marchal unlocks the gate of the orchard she founded.",
            "“People thought we were mad,” she says. “Apples in a car park.”",
            "Marchal, a former accountant, keeps the books herself.",
            "Marchal shrugs. “We have been reviewed before.",
            "“The trees will still be here when the lawyers have gone home.”",
            "Marchal resigned from the board in 2020. “Nobody will miss the meetings.”"]


def test_a_full_name_whose_family_name_has_a_personal_apposition_is_a_person():
    found = quotes(_ORCHARD, labels={"Hélène Marchal": "ORG"}, speech_persons=True)
    assert "“People thought we were mad,”" in by(found, "Hélène Marchal")


def test_a_gesture_sentence_before_a_quotation_gives_it_its_person():
    found = quotes(_ORCHARD, {"Hélène Marchal": "Hélène Marchal", "Marchal": "Hélène Marchal"})
    said = by(found, "Hélène Marchal")
    assert "“We have been reviewed before." in said
    assert "“The trees will still be here when the lawyers have gone home.”" in said
    assert "“Nobody will miss the meetings.”" not in said  # "resigned" is no gesture


def test_a_quotation_signed_after_a_dash_by_a_name_and_role_in_its_paragraph():
    found = quotes(["The council approved the harbour plan on Tuesday.",
                    "“We have waited a generation for this.” — Marisol Ekwueme-Hart, harbour "
                    "master", "“The quay floods every winter.” — Retired teacher, 67"],
                   speech_persons=True)
    assert by(found, "Marisol Ekwueme-Hart") == ["“We have waited a generation for this.”"]
    assert by(found, None) == ["“The quay floods every winter.”"]


def test_a_turn_label_resolves_to_the_full_name_not_a_half_kept_apart():
    found = quotes(["Femke van der Wal runs the dyke board.", "Q: Why so slow?",
                    "Van der Wal: Nobody paid.", "Q: And now?", "Van der Wal: We build."],
                   {"Femke van der Wal": "Femke van der Wal", "Van der Wal": "Van der Wal"})
    assert by(found, "Femke van der Wal") == ["Nobody paid.", "We build."]


def test_a_name_between_commas_after_a_role_that_speaks_is_a_person():
    found = quotes(["A company spokesperson, Lara Voss, said talks would resume on Monday."],
                   speech_persons=True)
    assert by(found, "Lara Voss") == ["talks would resume on Monday."]


def test_she_after_a_sentence_whose_when_clause_names_her_is_her():
    found = quotes(["When Ottilie Brenner opened her bakery in 2019, she priced everything "
                    "low. “That was a mistake,” she told me."],
                   {"Ottilie Brenner": "Ottilie Brenner"})
    assert by(found, "Ottilie Brenner") == ["“That was a mistake,”"]


def test_turns_signed_with_a_capitalised_particle_find_the_name_written_in_lower_case():
    found = quotes(["Marieke van der Linde runs the port's climate office.",
                    "Q: Why so slow?", "Van der Linde: Nobody paid.", "Q: And now?",
                    "Van der Linde: We build."], labels={"Marieke van der Linde": "ORG"},
                   speech_persons=True)
    assert by(found, "Marieke van der Linde") == ["Nobody paid.", "We build."]

"""Places a user expects in the Place facet (issue 33, session 18): places in Chinese,
Japanese and Korean documents where news writes them, places written with diacritics
as the model reads them without, a state's officials no thing's belongings, and a body
that sits (a parliament) no place.  Invented names and places throughout."""

from __future__ import annotations

import pytest

from searchapp.ingest.persons.people import find_persons
from searchapp.ingest.persons.recognize import fold_marks
from searchapp.ingest.persons.resolve import DocText
from tests.test_persons_trust import FILLER, collection, places_of


def _native(language: str, *texts: str) -> tuple[list[DocText], dict]:
    doc = DocText("doc0", tuple((f"p{i}", "body", t) for i, t in enumerate(texts)), language)
    return [doc], {f"p{i}": [] for i in range(len(texts))}


def test_a_chinese_bylines_place_and_places_before_a_unit_are_places():
    docs, raw = _native("zh", "記者 范詠晴／高雄報導",
                        "颱風今日清晨從宜蘭登陸。交通部長下午視察岡山市前鎮區時表示，補助下週發放。",
                        "「每年都說要加強」，市府已開設二十處收容所。")
    assert places_of(find_persons(docs, raw), docs[0]) == {"高雄", "岡山", "前鎮"}


def test_japanese_places_before_a_unit_and_no_ministry():
    docs, raw = _native("ja", "石丸浩二財務相は3日、長浜県内で会見した。",
                        "外務省幹部は「見直しは避けられない」と話した。札沼市の会場で述べた。")
    assert places_of(find_persons(docs, raw), docs[0]) == {"長浜", "札沼"}


def test_a_korean_datelines_place_is_a_place():
    docs, raw = _native("ko", "(한솔=한빛일보) 이서연 기자 = 첫 양산기가 인도됐다.")
    assert places_of(find_persons(docs, raw), docs[0]) == {"한솔"}


def test_cjk_words_that_only_look_like_a_place_and_its_unit_are_no_places():
    docs, raw = _native("zh", "科學園區的廠商表示，北部地區的股市和社區都受影響。",
                        "該市官員說，全市停班。")
    assert places_of(find_persons(docs, raw), docs[0]) == set()
    docs, raw = _native("ko", "(사진=한빛일보) 인도식에서 기념 촬영을 하고 있다.")
    assert places_of(find_persons(docs, raw), docs[0]) == set()  # a photo's credit


def test_a_states_officials_are_no_things_belongings():
    docs, raw = collection([
        ("Varnholm accuses Kestria of stalling on a returns agreement.",
         [("Varnholm", "GPE"), ("Kestria", "GPE")]),
        ("Varnholm's interior minister said the talks had failed.", [("Varnholm", "GPE")]),
        (FILLER, [])])
    assert "Varnholm" in places_of(find_persons(docs, raw), docs[0])


@pytest.mark.parametrize("text", [
    "The infrastructure minister defended the plan in the Volskar, saying the line was late.",
    "Speaking in the Volskar on Thursday, the minister said the line was late.",
])
def test_a_body_that_sits_is_no_place(text):
    docs, raw = collection([(text, [("Volskar", "LOC")]), (FILLER, [])])
    assert places_of(find_persons(docs, raw), docs[0]) == set()


def test_a_region_written_after_the_is_still_a_place():
    docs, raw = collection([("Storms hit fishing villages in the Velmarra last week.",
                             [("Velmarra", "LOC")]), (FILLER, [])])
    assert places_of(find_persons(docs, raw), docs[0]) == {"Velmarra"}


def test_the_model_reads_latin_letters_without_their_marks_offsets_kept():
    text = "ŁÓDŹ — Planners in Żarów hope the line will reach Tromsø and Đà Lạt."
    folded = fold_marks(text)
    assert folded == "LODZ — Planners in Zarow hope the line will reach Tromso and Da Lat."
    assert len(folded) == len(text)
    assert fold_marks("Straße, Ærø") == "Straße, Æro"  # no single base letter: as written


@pytest.mark.slow
def test_the_recognizers_spans_are_the_text_as_written():
    from searchapp.ingest.persons.recognize import Recognizer

    rec = Recognizer()
    if not rec.available:
        pytest.skip(rec.reason)
    text = "Mayor Agnieszka Wiśniewska-Żak said the tunnel would reach Kraków by 2030."
    spans = rec.recognize_texts([text])[0]
    assert spans and all(text[m.start:m.end] == m.text for m in spans)
    assert any("ś" in m.text for m in spans)


def test_a_dateline_in_capitals_the_model_typed_otherwise_vouches_for_the_place():
    docs, raw = collection([
        ("VØRSKA — Planners in Tarnow hope a tunnel will turn Vørska into a hub.",
         [("VØRSKA", "ORG"), ("Tarnow", "GPE"), ("Vørska", "GPE")]),
        ("The mayor said Vørska was the natural centre of the network.",
         [("Vørska", "PERSON")]),
        ("Critics said the budget of Vørska was too high.", [("Vørska", "GPE")]),
        (FILLER, [])])
    found = find_persons(docs, raw)
    assert "Vørska" in places_of(found, docs[0])
    assert [m.name for m in found.mentions["d0p0"] if m.kind == "place"][0] == "Vørska"


def test_capitals_opening_a_paragraph_that_name_no_place_of_the_document_stay_out():
    docs, raw = collection([
        ("ANALYSIS — Planners in Tarnow hope a tunnel will help.", [("Tarnow", "GPE")]),
        (FILLER, [])])
    assert places_of(find_persons(docs, raw), docs[0]) == {"Tarnow"}


def test_an_institutions_first_word_cut_from_its_name_is_no_place():
    docs, raw = collection([
        ("Shows at the Musée d'Art Contemporain de Varnes and in Tarnow drew crowds.",
         [("Musée", "GPE"), ("Tarnow", "GPE")]),
        (FILLER, [])])
    assert places_of(find_persons(docs, raw), docs[0]) == {"Tarnow"}


def test_a_place_listed_with_names_with_marks_the_model_typed_firms_stays_a_place():
    docs, raw = collection([
        ("A network linking Żarnów, Chęciny and Tarnow was planned in Varsk.",
         [("Żarnów", "ORG"), ("Chęciny", "ORG"), ("Tarnow", "GPE"), ("Varsk", "GPE")]),
        (FILLER, [])])
    assert "Tarnow" in places_of(find_persons(docs, raw), docs[0])


def test_a_place_listed_with_firms_is_still_judged_so():
    docs, raw = collection([
        ("Investors in Acmetech, Brightlyne and Tarnow rose.",
         [("Acmetech", "ORG"), ("Brightlyne", "ORG"), ("Tarnow", "GPE")]),
        (FILLER, [])])
    assert "Tarnow" not in places_of(find_persons(docs, raw), docs[0])

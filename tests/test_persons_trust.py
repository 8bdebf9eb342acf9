"""A person must be a person, a place a place; merges need evidence and keep it.

Each test is a general case of an error class seen in real collections, written with
invented names: the model's spans are given as raw mentions (what the recognizer
stores), so the rules are tested on exactly the input they get.
"""

from __future__ import annotations

import re

import pytest

from searchapp.ingest.persons import names as nm
from searchapp.ingest.persons.people import DocText, find_persons
from searchapp.ingest.persons.recognize import RawMention


def collection(*docs: list[tuple[str, list[tuple[str, str]]]]):
    """Documents from ``[(paragraph text, [(span text, label), ...]), ...]``: each span
    is the first place its text occurs in the paragraph that is not yet taken."""
    out, raw = [], {}
    for d, paras in enumerate(docs):
        rows = []
        for p, (text, spans) in enumerate(paras):
            pid = f"d{d}p{p}"
            rows.append((pid, "body", text))
            ms, pos = [], {}
            for span, label in spans:
                k = text.index(span, pos.get(span, 0))
                pos[span] = k + len(span)
                ms.append(RawMention(k, k + len(span), span, label))
            raw[pid] = ms
        out.append(DocText(f"doc{d}", tuple(rows), "en"))
    return out, raw


def persons_of(found, doc) -> set[str]:
    return {n for pid, _, _ in doc.paragraphs for n in found.paragraph_persons(pid)}


def places_of(found, doc) -> set[str]:
    return {m.name for pid, _, _ in doc.paragraphs for m in found.mentions.get(pid, ())
            if m.kind == "place"}


FILLER = ("The committee met on Tuesday and we blame nobody for the delay. Voters will "
          "enter the hall early, and a rival group left.")


def test_sentence_opening_word_glued_to_a_family_name():
    docs, raw = collection(
        [("Senator Maria Ostrander spoke in Dayton on Monday.",
          [("Maria Ostrander", "PERSON"), ("Dayton", "GPE")]),
         (FILLER, [])],
        [("Blame Ostrander for the late bridge, residents wrote. Ostrander smiled.",
          [("Blame Ostrander", "PERSON"), ("Ostrander", "PERSON")])],
    )
    found = find_persons(docs, raw)
    assert "Blame Ostrander" not in found.persons
    assert persons_of(found, docs[1]) == {"Maria Ostrander"}  # the family's bare mentions
    assert "glued" in found.rejected["Blame Ostrander"]


def test_a_given_name_mid_sentence_is_not_a_glued_word():
    docs, raw = collection([
        ("Will Harrow said the plan works.", [("Will Harrow", "PERSON")]),
        ("Yesterday Will Harrow and others left.", [("Will Harrow", "PERSON")]),
        (FILLER + " It will rain.", []),
    ])
    assert "Will Harrow" in find_persons(docs, raw).persons


@pytest.mark.parametrize("text,span", [
    ("The company launched the Nova Kestrel rocket from Texas on Friday.", "Nova Kestrel"),
    ("Engineers tested the Blue Falcon lander twice.", "Blue Falcon"),
    ("Orin Vale for $299 is the best deal of the week.", "Orin Vale"),
    ("The new Pixel Orbit 3 arrives in May.", "Pixel Orbit"),
    ("Tarn Mosley cosmetics were handed out at the door.", "Tarn Mosley"),
    ("They watched “Margo Lindqvist” at the cinema.", "Margo Lindqvist"),
])
def test_products_vehicles_and_works_with_person_shaped_names(text, span):
    docs, raw = collection([(text, [(span, "PERSON")])])
    found = find_persons(docs, raw)
    assert span not in found.persons, found.rejected


@pytest.mark.parametrize("text,span", [
    ("Harbor Lane Productions signed the deal.", "Harbor Lane Productions"),
    ("Kestrel Robotics raised money.", "Kestrel Robotics"),
    ("The story ran in the Hartwell Courant on Sunday.", "Hartwell Courant"),
    ("Carver Lynde Studios made the film.", "Carver Lynde Studios"),
])
def test_companies_studios_and_newspapers(text, span):
    docs, raw = collection([(text, [(span, "PERSON")])])
    assert not find_persons(docs, raw).persons


def test_a_venue_cut_short_by_the_model():
    docs, raw = collection([("Crews gathered at Arlen Space Center before dawn.",
                             [("Arlen Space", "PERSON")])])
    assert not find_persons(docs, raw).persons


def test_a_name_the_collection_writes_as_one_word():
    docs, raw = collection([
        ("Fact checkers at Politi Fact rated the claim false.", [("Politi Fact", "PERSON")]),
        ("PolitiFact has rated many claims.", []),
    ])
    assert not find_persons(docs, raw).persons
    docs, raw = collection([("BrightLoop said it would expand.", [("BrightLoop", "PERSON")])])
    assert not find_persons(docs, raw).persons  # one camel-case word: a brand


def test_agency_credit_is_not_part_of_a_name():
    docs, raw = collection(
        [("By Dana Whitlock AP", [("Dana Whitlock AP", "PERSON")]),
         ("COLUMBIA, S.C. (AP) — Voters lined up early.", [])],
        [("Dana Whitlock said turnout was high.", [("Dana Whitlock", "PERSON")])],
    )
    found = find_persons(docs, raw)
    assert "Dana Whitlock AP" not in found.persons
    second = docs[0].paragraphs[1]
    assert not [m for m in found.mentions.get(second[0], ()) if m.kind == "person"]


def test_a_list_of_titles_is_not_a_list_of_persons():
    text = ("The launch titles include Harlow Drift 2, Verity Moss: Final Act, Ember Row 2019, "
            "Castle Lune, and Silver Quay 3.")
    docs, raw = collection([(text, [("Verity Moss", "PERSON"), ("Castle Lune", "PERSON")])])
    assert not find_persons(docs, raw).persons


def test_a_disease_and_a_product_feature():
    docs, raw = collection([
        ("Doctors say Garland Pike disease is rare.", [("Garland Pike", "PERSON")]),
        ("Phones now have Night Vale mode for dark rooms.", [("Night Vale", "PERSON")]),
    ])
    assert not find_persons(docs, raw).persons


def test_a_role_played_is_not_a_person():
    docs, raw = collection([("She agreed to play Rosa Delmont in the film.",
                             [("Rosa Delmont", "PERSON")])])
    assert not find_persons(docs, raw).persons


def test_venues_listed_with_their_cities_are_not_persons():
    text = ("Her work was shown at the Museum of Modern Art, New York; Harlen Voss, Vienna "
            "(2017); Orsolya Kertland, Budapest; Pellmark Haus; and the Tate, London.")
    docs, raw = collection([(text, [("Harlen Voss", "PERSON"), ("Orsolya Kertland", "PERSON"),
                                    ("Pellmark Haus", "PERSON")])])
    assert not find_persons(docs, raw).persons


def test_the_tail_of_a_foreign_name_cut_at_its_small_word():
    docs, raw = collection([("She studied at the Museum für Gestalte Kunde in Bonn.",
                             [("Gestalte Kunde", "PERSON")])])
    assert not find_persons(docs, raw).persons


def test_an_enumeration_of_things_is_not_of_persons():
    docs, raw = collection([
        ("Examples include ZapTrack VR, Lumen Saber, and Wanderly. They run on headsets.",
         [("ZapTrack VR", "PERSON"), ("Lumen Saber", "PERSON"), ("Wanderly", "PERSON")]),
        ("The panel included Maria Ostrander, Carl Wendt and Dana Pellworth.",
         [("Maria Ostrander", "PERSON"), ("Carl Wendt", "PERSON"), ("Dana Pellworth", "PERSON")]),
    ])
    found = find_persons(docs, raw)
    assert set(found.persons) == {"Maria Ostrander", "Carl Wendt", "Dana Pellworth"}


def test_a_reference_list_names_no_persons():
    docs, raw = collection([
        ("Quell ME, Dorran DL, Chen Y. Kindness under stress. Motiv Emot 2009;33:88-97.",
         [("Quell ME", "PERSON"), ("Chen Y. Kindness", "PERSON")]),
        ("Dr. Lina Quell said the study was small.", [("Lina Quell", "PERSON")]),
    ])
    found = find_persons(docs, raw)
    assert set(found.persons) == {"Lina Quell"}
    assert not found.mentions.get(docs[0].paragraphs[0][0])


def test_a_company_that_speaks_is_still_a_company():
    docs, raw = collection([
        ("Ferrow Catering says every menu is different. Our catering team cooks.",
         [("Ferrow Catering", "PERSON")]),
    ])
    assert not find_persons(docs, raw).persons


def test_a_titles_small_words_are_not_in_a_persons_name():
    docs, raw = collection([("Grants came from Nobody Was A Painter (2006).",
                             [("Nobody Was A Painter", "PERSON")])])
    assert not find_persons(docs, raw).persons


@pytest.mark.parametrize("text,span", [
    ("We don’t know yet.", "n’t"),  # the model's place "n't"
    ("Paranoia spread quickly. The paranoia of the crowd grew.", "Paranoia"),
    ("Ukrainian officials denied it.", "Ukrainian"),
])
def test_not_places(text, span):
    docs, raw = collection([(text, [(span, "GPE")])])
    assert not places_of(find_persons(docs, raw), docs[0])


def test_a_list_of_brands_is_not_a_city_and_its_state():
    docs, raw = collection(
        [("The tool runs on Quorra, Lintex and more without changes.", [("Quorra", "GPE")])],
        [("Offices opened in Dunmore, Vermont and in Vermont again.",
          [("Dunmore", "GPE"), ("Vermont", "GPE"), ("Vermont", "GPE")])],
    )
    found = find_persons(docs, raw)
    assert places_of(found, docs[0]) == set()
    assert places_of(found, docs[1]) == {"Dunmore", "Vermont"}


def test_an_acronym_is_not_the_word_in_lower_case():
    docs, raw = collection([
        ("Troops left the US in May. Tell us more, she said.", [("US", "GPE")]),
        ("Trade with the US grew.", [("US", "GPE")]),
    ])
    assert places_of(find_persons(docs, raw), docs[0]) == {"US"}


def test_a_family_in_the_plural_and_a_persons_family_name_are_not_places():
    docs, raw = collection([
        ("Senator Maria Ostrander met donors.", [("Maria Ostrander", "PERSON")]),
        ("Critics targeted the Ostranders and Ostrander's record in Ohio.",
         [("Ostranders", "GPE"), ("Ostrander", "GPE"), ("Ohio", "GPE")]),
    ])
    found = find_persons(docs, raw)
    assert places_of(found, docs[0]) == {"Ohio"}
    assert found.paragraph_persons("d0p1") == ["Maria Ostrander"]  # her family name


def test_a_company_the_model_mostly_calls_a_company_is_not_a_place():
    docs, raw = collection([
        ("Streamflix posted results.", [("Streamflix", "GPE")]),
        ("Streamflix said subscribers grew, and Streamflix shares rose.",
         [("Streamflix", "ORG"), ("Streamflix", "ORG")]),
        ("Troops moved into Dorvia from the north.", [("Dorvia", "GPE")]),
    ])
    assert places_of(find_persons(docs, raw), docs[0]) == {"Dorvia"}


def test_abbreviations_keep_their_dots_and_sentences_lose_theirs():
    docs, raw = collection([("HAYWARD, Calif. (AP) — Talks with the U.S. went well in Chile.",
                             [("HAYWARD", "GPE"), ("Calif", "GPE"), ("U.S.", "GPE"),
                              ("Chile", "GPE")])])
    assert places_of(find_persons(docs, raw), docs[0]) == {"Hayward", "Calif.", "U.S.", "Chile"}


# --- merges need evidence ---------------------------------------------------------------


def test_similar_spellings_in_different_documents_stay_apart():
    docs, raw = collection(
        [("Analyst John Smyth said prices rose.", [("John Smyth", "PERSON")])],
        [("Analyst Jon Smith said prices fell.", [("Jon Smith", "PERSON")])],
    )
    found = find_persons(docs, raw)
    assert {"John Smyth", "Jon Smith"} <= set(found.persons)


def test_romanization_merges_across_documents_and_says_so():
    docs, raw = collection(
        [("Prime Minister Han Duck-soo spoke.", [("Han Duck-soo", "PERSON")])],
        [("Prime Minister Han Deok-soo left.", [("Han Deok-soo", "PERSON")])],
    )
    found = find_persons(docs, raw)
    (name,) = [n for n in found.persons if n.startswith("Han")]
    why = {r["text"]: r["why"] for r in found.evidence[name]["spellings"]}
    assert sorted(why.values()) == ["name", "romanization"] and set(why) == {
        "Han Duck-soo", "Han Deok-soo"}


def test_a_middle_name_merges_when_unambiguous():
    docs, raw = collection(
        [("Novelist Mary Ann Evans spoke.", [("Mary Ann Evans", "PERSON")])],
        [("Novelist Mary Evans signed books.", [("Mary Evans", "PERSON")])],
    )
    found = find_persons(docs, raw)
    assert set(found.persons) == {"Mary Ann Evans"}
    why = {r["text"]: r["why"] for r in found.evidence["Mary Ann Evans"]["spellings"]}
    assert why["Mary Evans"] == "middle name"
    docs, raw = collection(
        [("Novelist Mary Ann Evans spoke.", [("Mary Ann Evans", "PERSON")])],
        [("Painter Mary Jane Evans spoke.", [("Mary Jane Evans", "PERSON")])],
        [("Novelist Mary Evans signed books.", [("Mary Evans", "PERSON")])],
    )
    assert len(find_persons(docs, raw).persons) == 3  # which Mary? not merged


def test_a_middle_initial_never_splits_a_person():
    docs, raw = collection(
        [("Governor Paul R. Lindgren spoke.", [("Paul R. Lindgren", "PERSON")])],
        [("Governor Paul Lindgren left.", [("Paul Lindgren", "PERSON")])],
    )
    assert len(find_persons(docs, raw).persons) == 1


def test_nickname_and_initials_merge_in_one_article_only():
    docs, raw = collection(
        [("Patrick Lorne, 55, pleaded guilty.", [("Patrick Lorne", "PERSON")]),
         ("“Pat Lorne is sorry,” his lawyer said.", [("Pat Lorne", "PERSON")]),
         ("Benjamin Okafor spoke, and B. U. Okafor signed.",
          [("Benjamin Okafor", "PERSON"), ("B. U. Okafor", "PERSON")])],
        [("Pat Lorne, a dentist, said hello.", [("Pat Lorne", "PERSON")])],
    )
    found = find_persons(docs, raw)
    (lorne,) = [n for n, sp in found.persons.items() if "Patrick Lorne" in sp]
    assert "Pat Lorne" in found.persons[lorne]
    assert "B. U. Okafor" in found.persons["Benjamin Okafor"]
    why = {r["text"]: r["why"] for r in found.evidence[lorne]["spellings"]}
    assert "nickname (same article)" in why.values()
    assert persons_of(found, docs[1]) == {lorne}  # the same spelling: one person


def test_an_initial_never_joins_two_given_names_each_written_out():
    """"R. Velan Pillai" and "Rajendran Pillai" in one article: the initial is the
    father's name in Tamil usage, and each spelling writes out a given name the other
    lacks -- two persons; "R. Velan Pillai" / "Rajendran Velan Pillai" stay one."""
    docs, raw = collection([
        ("R. Velan Pillai, the auctioneer, met Rajendran Pillai, his father.",
         [("R. Velan Pillai", "PERSON"), ("Rajendran Pillai", "PERSON")]),
        ("J. Tobias Arnett and Julius Arnett both signed; K. Mara Stolz, that is "
         "Kristin Mara Stolz, did not.",
         [("J. Tobias Arnett", "PERSON"), ("Julius Arnett", "PERSON"),
          ("K. Mara Stolz", "PERSON"), ("Kristin Mara Stolz", "PERSON")]),
    ])
    found = find_persons(docs, raw)
    assert not any({"R. Velan Pillai", "Rajendran Pillai"} <= set(sp)
                   for sp in found.persons.values())
    assert not any({"J. Tobias Arnett", "Julius Arnett"} <= set(sp)
                   for sp in found.persons.values())
    assert any({"K. Mara Stolz", "Kristin Mara Stolz"} <= set(sp)
               for sp in found.persons.values())


def test_a_suffix_keeps_father_and_son_apart_and_short_names_go_to_the_right_one():
    docs, raw = collection([
        # (spans at their own places: "Robert Vance" is not the start of "Robert Vance Jr.")
        ("His father Robert Vance and Robert Vance Jr. arrived.",
         [("Robert Vance", "PERSON"), ("Robert Vance Jr.", "PERSON")]),
    ], [
        ("Robert Vance Jr., 40, spoke. Later Vance left.", [("Robert Vance Jr.", "PERSON")]),
    ])
    found = find_persons(docs, raw)
    assert {"Robert Vance Jr", "Robert Vance"} <= {n.rstrip(".") for n in found.persons}
    later = [m for m in found.mentions["d1p0"] if docs[1].paragraphs[0][2][m.start:m.end]
             == "Vance"]
    assert later and later[0].name.startswith("Robert Vance Jr")


# --- bare family names --------------------------------------------------------------------


def test_bare_family_name_goes_to_the_collections_only_such_person():
    docs, raw = collection(
        [("Senator Maria Ostrander voted no.", [("Maria Ostrander", "PERSON")])],
        [("Ostrander said the bill was flawed.", [("Ostrander", "PERSON")])],
    )
    found = find_persons(docs, raw)
    assert persons_of(found, docs[1]) == {"Maria Ostrander"}
    (row,) = [r for r in found.evidence["Maria Ostrander"]["spellings"] if r["text"] == "Ostrander"]
    assert row["why"] == "family name (the only one in the collection)"


def test_bare_name_with_two_such_persons_or_a_given_name_is_not_guessed():
    docs, raw = collection(
        [("Senator Maria Ostrander voted no.", [("Maria Ostrander", "PERSON")])],
        [("Judge Carl Ostrander ruled.", [("Carl Ostrander", "PERSON")])],
        [("Ostrander said the bill was flawed. Maria agreed.",
          [("Ostrander", "PERSON"), ("Maria", "PERSON")])],
    )
    found = find_persons(docs, raw)
    assert persons_of(found, docs[2]) == set()


def test_a_bare_name_never_goes_to_a_rejected_candidate():
    docs, raw = collection(
        [("Engineers tested the Nova Kestrel rocket.", [("Nova Kestrel", "PERSON")])],
        [("Kestrel said the test went well.", [("Kestrel", "PERSON")])],
    )
    found = find_persons(docs, raw)
    assert not found.persons and persons_of(found, docs[1]) == set()


def test_a_bare_name_after_an_article_needs_a_person_named_in_more_than_one_place():
    listed = [("Instructors: Dana Pellworth, Omar Quist.",
               [("Dana Pellworth", "PERSON"), ("Omar Quist", "PERSON")])]
    docs, raw = collection(
        listed,
        [("The crew was struck with the Pellworth condition early on.",
          [("Pellworth", "PERSON")])],
    )
    assert persons_of(find_persons(docs, raw), docs[1]) == set()
    docs, raw = collection(
        listed, [("Senator Dana Pellworth voted.", [("Dana Pellworth", "PERSON")])],
        [("Critics of the Pellworth plan spoke.", [("Pellworth", "PERSON")])],
    )
    assert persons_of(find_persons(docs, raw), docs[2]) == {"Dana Pellworth"}


def test_a_lone_given_name_is_not_cut_out_of_a_longer_name():
    docs, raw = collection(
        [("The study by Min Soo Park of Seoul found more.", [("Min Soo Park", "PERSON")]),
         ('"We were surprised," says Soo.', [("Soo", "PERSON")])],
    )
    found = find_persons(docs, raw)
    assert "Min Soo" not in found.persons
    assert persons_of(found, docs[0]) <= {"Min Soo Park"}


def test_short_words_match_family_names_exactly():
    docs, raw = collection(
        [("Singer Ally Brooke performed.", [("Ally Brooke", "PERSON")])],
        [("Reviewer Ali wrote: great show.", [("Ali", "PERSON")])],
    )
    assert persons_of(find_persons(docs, raw), docs[1]) == set()


# --- native script ------------------------------------------------------------------------


KOREAN_TEXT = "올해 여름은 이상 기온이 계속되었다. 기상청은 이상 현상이 늘었다고 밝혔다."
ENGLISH = [("Pianist Lee Sang said the concert would go ahead.", [("Lee Sang", "PERSON")])]


def native_mentions(found, doc):
    return [(t[m.start:m.end], m.name, m.why) for pid, _, t in doc.paragraphs
            for m in found.mentions.get(pid, ()) if nm.HANGUL.search(t[m.start:m.end])]


def test_native_script_common_word_is_not_a_person():
    docs, raw = collection(ENGLISH, [(KOREAN_TEXT, [])])
    found = find_persons(docs, raw)
    assert nm.native_keys("이상") & nm.romanized_keys("Lee Sang")  # it reads like him
    assert native_mentions(found, docs[1]) == []


def test_native_script_beside_the_romanized_name():
    docs, raw = collection([("Pianist Lee Sang (이상) said the concert would go ahead.",
                             [("Lee Sang", "PERSON")]), (FILLER, [])])
    assert native_mentions(find_persons(docs, raw), docs[0]) == [
        ("이상", "Lee Sang", "native script (beside the romanized name)")]


@pytest.mark.parametrize("korean,why", [
    ("이상 교수는 공연을 마쳤다.", "native script (with a title)"),
    ("글 이상", "native script (byline)"),
])
def test_native_script_with_a_title_or_in_a_byline(korean, why):
    docs, raw = collection(ENGLISH, [(korean, [])])
    assert native_mentions(find_persons(docs, raw), docs[1]) == [("이상", "Lee Sang", why)]


def test_native_script_shown_as_a_name_counts_in_the_rest_of_its_document():
    docs, raw = collection(ENGLISH, [("이상 교수는 공연을 마쳤다.", []), ("이상은 웃었다.", [])])
    found = find_persons(docs, raw)
    assert [w for _, _, w in native_mentions(found, docs[1])] == [
        "native script (with a title)", "native script (same article)"]


def test_korean_staff_credits_keep_their_family_names():
    text = ("STAFF Choreographer_Jeong Hye Jin, Director_Oh Kyeong Taek, "
            "Art Director_Park Dong Woo")
    docs, raw = collection([(text, [("Hye Jin", "PERSON"), ("Kyeong Taek", "PERSON"),
                                    ("Art Director_Park Dong Woo", "PERSON")])])
    found = find_persons(docs, raw)
    assert {"Jeong Hye Jin", "Oh Kyeong Taek", "Park Dong Woo"} <= set(found.persons)


# --- evidence -----------------------------------------------------------------------------


def test_every_person_carries_its_evidence():
    docs, raw = collection(
        [("Senator Maria Ostrander voted no. Ostrander said so.",
          [("Maria Ostrander", "PERSON"), ("Ostrander", "PERSON")])],
        [("Maria Ostrander spoke again.", [("Maria Ostrander", "PERSON")])],
    )
    ev = find_persons(docs, raw).evidence["Maria Ostrander"]
    assert ev["documents"] == ["doc0", "doc1"]
    rows = {(r["text"], r["why"]): (r["mentions"], r["documents"]) for r in ev["spellings"]}
    assert rows[("Maria Ostrander", "name")] == (2, 2)
    assert rows[("Ostrander", "short name (same article)")] == (1, 1)


def test_rejected_names_say_why():
    docs, raw = collection([("Engineers tested the Nova Kestrel rocket.",
                             [("Nova Kestrel", "PERSON")])])
    why = find_persons(docs, raw).rejected["Nova Kestrel"]
    assert re.search(r"context against: .*thing", why)


def test_a_family_name_goes_to_no_other_documents_person_when_its_own_names_another():
    """Doc B credits "Ebbe Castle" (a photo credit: not a person of the text) and then says
    "Castle": that is not Jorun Castle of doc A, the collection's only Castle."""
    docs, raw = collection(
        [("Jorun Castle, the harbour master, said the pier would reopen.",
          [("Jorun Castle", "PERSON")])],
        [("Photo: Ebbe Castle", [("Ebbe Castle", "PERSON")]),
         ("Castle said the light over the bay was poor that week.", [("Castle", "PERSON")])],
    )
    found = find_persons(docs, raw)
    assert "Jorun Castle" in found.persons
    assert "Jorun Castle" not in persons_of(found, docs[1])


def test_a_monarchs_given_name_is_no_family_name():
    """"Queen Maribel" in one document is not Maribel Ostrander of another: a queen's,
    a knight's, a pope's title is followed by a given name."""
    docs, raw = collection(
        [("Maribel Ostrander, the curator, said the show opens in May.",
          [("Maribel Ostrander", "PERSON")])],
        [("A portrait of Queen Maribel hangs in the hall.", [("Maribel", "PERSON")]),
         ("Sir Maribel was knighted in the spring.", [])],
    )
    found = find_persons(docs, raw)
    assert "Maribel Ostrander" in found.persons
    assert "Maribel Ostrander" not in persons_of(found, docs[1])


def test_a_family_name_with_its_particle_capitalized_is_the_same_person():
    """"Van Drossel" alone (the particle capitalized, as a family name standing alone is
    written) is "Pieter van Drossel" of the same page, not a second person."""
    docs, raw = collection([
        ("Pieter van Drossel’s presence runs through the show.",
         [("Pieter van Drossel", "PERSON")]),
        ("Drawings by Van Drossel hang beside the later works.", [("Van Drossel", "PERSON")]),
        ("Van Drossel said the last paintings were made in 1890.", [("Van Drossel", "PERSON")]),
        ("The route follows Van Drossel’s walks through the town.", [("Van Drossel", "PERSON")]),
    ])
    found = find_persons(docs, raw)
    assert set(found.persons) == {"Pieter van Drossel"}
    assert persons_of(found, docs[0]) == {"Pieter van Drossel"}


# --- things known by the company their words keep (round three) ---------------------------

COMMON = ("We compose letters, enjoy the view and climb every hill. Nobody can ban the "
          "wind or check the clouds.")


def test_a_product_line_sharing_its_last_word_is_no_person():
    docs, raw = collection([
        ("Zorblat Onramp from Quillworks", [("Zorblat Onramp", "PERSON")]),
        ("Vantrix Onramp from Quillworks", [("Vantrix Onramp", "PERSON")]),
        ("Signal Processing Onramp from Quillworks", [("Signal Processing Onramp", "ORG")]),
        ("Each course takes two hours; signal processing is hard.", []),
    ])
    found = find_persons(docs, raw)
    assert "Zorblat Onramp" not in found.persons and "Vantrix Onramp" not in found.persons
    assert "ends several names" in found.rejected["Zorblat Onramp"]


def test_a_family_sharing_its_last_word_stays_persons():
    docs, raw = collection([
        ("Dorit Quellmann, Ansel Quellmann and Tove Quellmann ran the farm.",
         [("Dorit Quellmann", "PERSON"), ("Ansel Quellmann", "PERSON"),
          ("Tove Quellmann", "PERSON")]),
        (COMMON, []),
    ])
    assert {"Dorit Quellmann", "Ansel Quellmann", "Tove Quellmann"} <= set(
        find_persons(docs, raw).persons)


@pytest.mark.parametrize("text,span", [
    ("Teams now build screens in Vextra Compose.", "Vextra Compose"),
    ("The report compares dashboards made in Qorvin View.", "Qorvin View"),
])
def test_a_common_last_word_after_no_known_given_name_is_a_things(text, span):
    docs, raw = collection([(text, [(span, "PERSON")]), (COMMON, [])])
    found = find_persons(docs, raw)
    assert span not in found.persons
    assert "no known given name" in found.rejected[span]


def test_a_common_last_word_keeps_a_known_given_name_an_initial_or_a_family():
    docs, raw = collection([
        ("The album came from Marla View in 1980.", [("Marla View", "PERSON")]),
        ("Marla Quist joined the band later.", [("Marla Quist", "PERSON")]),
        ("T.J. Hill caught the pass.", [("T.J. Hill", "PERSON")]),
        ("Brennic Check was on the list. Check spoke first.",
         [("Brennic Check", "PERSON"), ("Check", "PERSON")]),
        (COMMON, []),
    ])
    found = find_persons(docs, raw)
    assert {"Marla View", "T.J. Hill", "Brennic Check"} <= set(found.persons), found.rejected


def test_the_first_of_a_papers_authors_is_a_person():
    from searchapp.ingest.persons import evidence as ev
    text = "Vellacott et al., Section 3: the method is new."
    assert "authors" in ev.cues(text, 0, len("Vellacott"))
    assert "authors" in ev.STRONG


def test_a_place_the_model_sees_in_a_software_name_is_judged_on_all_its_uses():
    docs, raw = collection(
        [("Both tutors and learners meet on Plimsoll every day.", [("Plimsoll", "GPE")]),
         ("Every teacher listed on Plimsoll has a profile.", [("Plimsoll", "GPE")]),
         ("Plimsoll offers trial lessons for new learners.", []),
         ("Plimsoll is an education platform that connects teachers with learners.", []),
         ("Plimsoll provides a calendar for bookings.", [])],
        [("Flights to Dunmore were late. In Dunmore, it rained.",
          [("Dunmore", "GPE"), ("Dunmore", "GPE")]),
         ("Dunmore offers cheap housing.", [])],
    )
    found = find_persons(docs, raw)
    assert "Plimsoll" not in places_of(found, docs[0])
    assert places_of(found, docs[1]) == {"Dunmore"}


def test_a_company_the_model_calls_a_place_is_no_place():
    uses = [("Teams plan their work in Brackwater every week.", [("Brackwater", "GPE")])] * 6
    docs, raw = collection(
        uses + [("The founder of Brackwater wrote a book.", [("Brackwater", "GPE")]),
                ("Customers of Brackwater pay monthly.", [("Brackwater", "GPE")])],
        [("Flights to Dunmore were late. In Dunmore, it rained.",
          [("Dunmore", "GPE"), ("Dunmore", "GPE")]),
         ("The founder of Dunmore Mills, Ann Roe, spoke.", [])],
    )
    found = find_persons(docs, raw)
    assert "Brackwater" not in places_of(found, docs[0])
    assert places_of(found, docs[1]) == {"Dunmore"}


def test_one_paragraph_copied_in_two_documents_is_one_vote_for_a_place():
    page = [("I swear by my Tollund secateurs for roses.", [("Tollund", "GPE")])]
    docs, raw = collection(page, page, [
        ("Storms hit Vermont again.", [("Vermont", "GPE")]),
        ("Vermont farmers lost crops.", [("Vermont", "GPE")]),
    ])
    found = find_persons(docs, raw)
    assert not places_of(found, docs[0]) and not places_of(found, docs[1])
    assert places_of(found, docs[2]) == {"Vermont"}


def test_a_product_family_is_no_list_of_persons():
    docs, raw = collection([
        ("It ships AI assistants like Quorra Orchestrate and Quorra Assistant to banks.",
         [("Quorra Orchestrate", "ORG"), ("Quorra Assistant", "PERSON")]),
        ("Every assistant needs an orchestrator. " + COMMON, []),
    ])
    found = find_persons(docs, raw)
    assert "Quorra Orchestrate" not in found.persons
    # two persons listed together still vouch for each other
    docs, raw = collection([
        ("Marcel Okonjo and Felix Brandauer won the doubles.",
         [("Marcel Okonjo", "ORG"), ("Felix Brandauer", "PERSON")]),
    ])
    assert "Marcel Okonjo" in find_persons(docs, raw).persons


@pytest.mark.parametrize("text,span", [
    ("Harlan Grove is ideal for authors seeking a small press.", "Harlan Grove"),
    ("Orrin Bexley is also suitable for large teams.", "Orrin Bexley"),
    ("“Benchmarking Study 2025.” Dalton Greaves, https://example.com/study. Accessed 4 Nov. "
     "2025.", "Dalton Greaves"),
])
def test_what_a_product_is_for_and_a_cited_website(text, span):
    docs, raw = collection([(text, [(span, "PERSON")])])
    found = find_persons(docs, raw)
    assert span not in found.persons, found.rejected

"""A person needs something in the collection that says person; a place, something that
says place (issue 33, round two).

Each test is a general case of an error class seen on modern pages (product reviews,
company blogs, software notes, gallery biographies), written with invented names: the
model's spans are given as raw mentions, as the recognizer stores them.
"""

from __future__ import annotations

import pytest

from searchapp.ingest.persons.evidence import cues
from searchapp.ingest.persons.people import find_persons
from tests.test_persons_trust import collection, persons_of, places_of


def _cues_of(text: str, name: str) -> frozenset[str]:
    start = text.index(name)
    return cues(text, start, start + len(name))


# --- persons: what says person ----------------------------------------------------------


@pytest.mark.parametrize("text,name,cue", [
    ("Orla Brennick (b. 1950, Cork) began photographing harbours in 1968.", "Orla Brennick",
     "life"),
    ("Tomas Elverum (1921–2007, Danish) made landscapes.", "Tomas Elverum", "life"),
    ("Thanks to Wenna Sollis, Ph.D., for her review.", "Wenna Sollis", "credential"),
    ("Quoted by Ilse Marrow, CPA, EA on Tuesday.", "Ilse Marrow", "credential"),
    ("Pia Tarrant is an experienced illustrator and teacher.", "Pia Tarrant", "apposition"),
    ("Jasper Holm – Harbour Music Festival (Instructor: Ada Lindqvist)", "Ada Lindqvist", "role"),
    ("Corin Abbe wrote the first draft. She then rewrote it twice.", "Corin Abbe",
     "pronoun_next"),
    ("By Ruth Okafor", "Ruth Okafor", "byline"),
    ("Small Gardens (2004) by Edwin Castell", "Edwin Castell", "byline"),
    ("Regenerate the tables (thanks to Milo Vanterpool!)", "Milo Vanterpool", "thanked"),
])
def test_what_says_person(text, name, cue):
    assert cue in _cues_of(text, name)


@pytest.mark.parametrize("text,name,cue", [
    ("At Kestrel Maids, we clean with care.", "Kestrel Maids", "at_org"),
    ("Quillo Sense offers dashboards for teams.", "Quillo Sense", "thing_verb"),
    ("Teams keep notes using Nimbo Ledger every day.", "Nimbo Ledger", "used"),
    ("Ferro Lingua's pricing is fair.", "Ferro Lingua", "belongings"),
    ("Vexa Cloud: a note-taking app for students", "Vexa Cloud", "thing_apposition"),
])
def test_what_says_thing(text, name, cue):
    assert cue in _cues_of(text, name)


@pytest.mark.parametrize("text,name", [
    ("Managed Ferro Flux adds stateful stream processing.", "Ferro Flux"),
    ("The update notes the date of each change, Delta Quill continues the list.", "Delta Quill"),
    ("A dress by Mira Lond arrived.", "Mira Lond"),  # a maker, not a byline: weak only
])
def test_not_strong_for_a_person(text, name):
    from searchapp.ingest.persons.evidence import STRONG

    assert not _cues_of(text, name) & STRONG


def test_an_apposition_and_a_gloss_read_as_written():
    # a capitalized title after a dash names the person's work, not what she is
    text = "Evelin Sarr – Harbour Music Festival (Instructor: Ada Lindqvist)"
    assert "thing_apposition" not in _cues_of(text, "Evelin Sarr")
    # an introductory phrase, not an apposition: "..., the show blended"
    text = "Based on the novel by Juno Marr, the show blended romance with science fiction."
    assert "thing_apposition" not in _cues_of(text, "Juno Marr")
    # "head" is a verb here, not a role
    text = "For more from Sorrel Ledge, head to our article."
    assert "apposition" not in _cues_of(text, "Sorrel Ledge")


REVIEW = [
    ("Brisa Lingua is among the best language courses on the market.",
     [("Brisa Lingua", "PERSON")]),
    ("Brisa Lingua lowered the price of a year of lessons.", [("Brisa Lingua", "PERSON")]),
    ("With Brisa Lingua you learn ten words a day.", [("Brisa Lingua", "PERSON")]),
    ("Tessa Varga, a teacher in Leeds, uses many apps.", [("Tessa Varga", "PERSON"),
                                                          ("Leeds", "GPE")]),
]


def test_a_name_mentioned_often_with_nothing_for_a_person_is_not_one():
    docs, raw = collection(REVIEW)
    found = find_persons(docs, raw)
    assert "Brisa Lingua" not in found.persons
    assert "nothing that says person" in found.rejected["Brisa Lingua"]
    assert "Tessa Varga" in found.persons


def test_a_person_named_once_with_nothing_around_keeps_the_models_label():
    docs, raw = collection([("The panel included Ilona Brask and others from the city.",
                             [("Ilona Brask", "PERSON")])])
    assert "Ilona Brask" in find_persons(docs, raw).persons


def test_the_family_name_alone_vouches_for_a_person():
    docs, raw = collection([
        ("Neuroscientist Halvard Quist studies worms.", [("Halvard Quist", "PERSON")]),
        ("Quist has spent a decade on the problem.", []),
        ("Halvard Quist thinks memory lives outside the brain.",
         [("Halvard Quist", "PERSON")]),
        ("Halvard Quist keeps planaria in the basement.", [("Halvard Quist", "PERSON")]),
    ])
    found = find_persons(docs, raw)
    assert "Halvard Quist" in found.persons
    assert "family name alone" in (found.rejected.get("Halvard Quist") or "family name alone")


def test_the_family_name_alone_used_as_a_things_counts_against():
    docs, raw = collection([
        ("Corvo Lens adds filters to photos.", [("Corvo Lens", "PERSON")]),
        ("Lens offers a free plan.", []),
        ("At Lens, we build cameras.", []),
        ("Users keep albums using Lens.", []),
    ])
    assert "Corvo Lens" not in find_persons(docs, raw).persons


def test_a_firm_speaking_in_the_first_person_plural():
    docs, raw = collection([
        ("At Harwick Maids, we use green products.", [("Harwick Maids", "ORG")]),
        ("At Harwick Maids, we train our staff, says the owner.", [("Harwick Maids", "PERSON")]),
        ("Harwick Maids serves the whole county.", [("Harwick Maids", "PERSON")]),
    ])
    assert "Harwick Maids" not in find_persons(docs, raw).persons


def test_an_ordinary_word_glued_to_a_name_written_alone_again_and_again():
    docs, raw = collection([
        ("Summary:Plans and Pricing Zentrix is a good choice for long trips.",
         [("Pricing Zentrix", "PERSON")]),
        ("Zentrix covers rental cars.", [("Zentrix", "ORG")]),
        ("Zentrix has three plans.", [("Zentrix", "ORG")]),
        ("We like Zentrix for families.", [("Zentrix", "ORG")]),
        ("Nothing here is priced by the hour, and pricing is clear.", []),
    ])
    found = find_persons(docs, raw)
    assert "Pricing Zentrix" not in found.persons


def test_a_given_name_that_is_a_word_is_not_cut_when_the_model_calls_the_rest_a_person():
    docs, raw = collection([
        ("The lesson that Rich Telford (a pioneer) taught us still holds.",
         [("Rich Telford", "PERSON")]),
        ("Telford argued for scale.", [("Telford", "PERSON")]),
        ("Telford was right, many think.", [("Telford", "PERSON")]),
        ("They grew rich on it.", []),
    ])
    assert "Rich Telford" in find_persons(docs, raw).persons


def test_a_titled_name_is_a_person_and_a_generation_is_not():
    docs, raw = collection([
        ("King Aldric III's portrait opens the show.", [("King Aldric", "PERSON")]),
        ("Visitors queued to see King Aldric on the first day.", [("King Aldric", "PERSON")]),
        ("The portrait of King Aldric hangs in the hall.", [("King Aldric", "PERSON")]),
        ("The app is popular with Gen Q users.", [("Gen Q", "PERSON")]),
        ("Gen Q makes up most of its audience.", [("Gen Q", "PERSON")]),
        ("Brands court Gen Q with short videos.", [("Gen Q", "PERSON")]),
    ])
    found = find_persons(docs, raw)
    assert "King Aldric" in found.persons
    assert "Gen Q" not in found.persons


def test_a_name_of_ordinary_words_is_no_name_in_a_heading_either():
    docs, raw = collection([("Dashboard Templates", [("Dashboard Templates", "PERSON")]),
                            ("Pick from many dashboard templates for your reports.", [])])
    assert not find_persons(docs, raw).persons


def test_a_name_ending_in_a_landform():
    docs, raw = collection([("Rovers landed near Talbeck Crater last year.",
                             [("Talbeck Crater", "PERSON")])])
    assert not find_persons(docs, raw).persons


# --- places ---------------------------------------------------------------------------


def test_a_firm_is_not_a_place():
    docs, raw = collection([
        ("Anja Roll, CEO of Zorbix, spoke first.", [("Anja Roll", "PERSON"), ("Zorbix", "GPE")]),
        ("France-based Zorbix expanded its services.", [("Zorbix", "GPE")]),
        ("Teams at Zorbix use many tools.", [("Zorbix", "GPE")]),
        ("Flights to Dunmore on Dunmore Airlines were cheap.", [("Dunmore", "GPE"),
                                                               ("Dunmore", "GPE")]),
    ])
    assert "Zorbix" not in places_of(find_persons(docs, raw), docs[0])


def test_software_with_a_firms_first_word_or_a_common_last_word_is_not_a_place():
    docs, raw = collection([
        ("Quorra released new tools.", [("Quorra", "ORG")]),
        ("Quorra bought a startup.", [("Quorra", "ORG")]),
        ("Keep it in Quorra Docs or in Quorra Photos.", [("Quorra Docs", "GPE"),
                                                         ("Quorra Photos", "GPE")]),
        ("Run it on Zephyr Server at home, and keep the logs in photos.",
         [("Zephyr Server", "GPE")]),
        ("Install it with Velo.js in minutes.", [("Velo.js", "GPE")]),
        ("Our server keeps docs.", []),
    ])
    places = places_of(find_persons(docs, raw), docs[0])
    assert not places & {"Quorra Docs", "Quorra Photos", "Zephyr Server", "Velo.js"}, places


def test_a_degree_after_a_name_is_not_a_place():
    docs, raw = collection([
        ("Written by Hana Ostrova, M.A., a counsellor in Brno.",
         [("Hana Ostrova", "PERSON"), ("M.A.", "GPE"), ("Brno", "GPE")]),
    ])
    places = places_of(find_persons(docs, raw), docs[0])
    assert "M.A." not in places and "Brno" in places


def test_places_with_their_own_head_word_and_venue_cities():
    docs, raw = collection([
        ("We spent a month in Calder City and on the Tarn River.",
         [("Calder City", "GPE"), ("Tarn River", "LOC")]),
        ("Her work hangs in the Museum of Modern Art, Kelston; and elsewhere.",
         [("the Museum of Modern Art", "ORG"), ("Kelston", "GPE")]),
    ])
    places = places_of(find_persons(docs, raw), docs[0])
    assert {"Calder City", "Tarn River", "Kelston"} <= places, places


def test_a_word_the_model_also_calls_a_person_is_not_a_town():
    docs, raw = collection([
        ("Covers range from Soft Tide to Marisol.", [("Marisol", "GPE")]),
        ("Marisol sang the chorus.", [("Marisol", "PERSON")]),
    ])
    assert "Marisol" not in places_of(find_persons(docs, raw), docs[0])


def test_a_place_the_model_cut_from_a_firms_name():
    docs, raw = collection([
        ("Harlow Airlines cut fares, and Harlow flights now show up in every search.",
         [("Harlow", "GPE"), ("Harlow", "GPE")]),
        ("We booked Harlow Airlines again.", [("Harlow", "GPE")]),
    ])
    assert "Harlow" not in places_of(find_persons(docs, raw), docs[0])


def test_persons_of_a_review_page_keep_their_short_names():
    docs, raw = collection([
        ("Lorna Vell, a designer from Bristol, leads the course.",
         [("Lorna Vell", "PERSON"), ("Bristol", "GPE")]),
        ("Vell's lessons cover colour and type.", []),
    ])
    found = find_persons(docs, raw)
    assert persons_of(found, docs[0]) == {"Lorna Vell"}


def test_a_name_cut_before_its_last_word_is_the_longer_name():
    docs, raw = collection([
        ("Kaia Rue Danforth (b. 1953, Salem) photographs families.",
         [("Kaia Rue Danforth", "PERSON")]),
        ("Her work hung beside Kaia Rue Danforth: Rooms, a show of 2012.",
         [("Kaia Rue", "PERSON")]),
    ])
    found = find_persons(docs, raw)
    assert "Kaia Rue" not in found.persons
    assert persons_of(found, docs[0]) == {"Kaia Rue Danforth"}


def test_a_word_of_the_page_glued_after_a_name():
    docs, raw = collection([
        ("Photographer Wren Haldane said the light was right.", [("Wren Haldane", "PERSON")]),
        ("Wren Haldane Subject of the week: harbours.", [("Wren Haldane Subject", "PERSON")]),
        ("Wren Haldane Through the Years opens in May.", [("Wren Haldane Through", "PERSON")]),
        ("Pick a subject you like.", []),
    ])
    found = find_persons(docs, raw)
    assert set(found.persons) == {"Wren Haldane"}


def test_a_gallery_is_not_a_person():
    docs, raw = collection([("Her prints sold at Lotte Varga Art Projects in May.",
                             [("Lotte Varga Art Projects", "PERSON")])])
    assert not find_persons(docs, raw).persons


def test_a_region_the_model_calls_a_person():
    docs, raw = collection([
        ("Schools in Varan Desh reopened, and clinics across Varan Desh too.",
         [("Varan Desh", "PERSON"), ("Varan Desh", "PERSON")]),
    ])
    assert not find_persons(docs, raw).persons


def test_a_name_opening_with_a_common_word_is_no_person():
    """A flavour, a plugin, a threat group: the first word is a word the collection writes in
    lower case and no name it knows begins with it; nothing says person."""
    docs, raw = collection([
        ("Try the Marzipan Quell tonight, or the Pepper Oolong for breakfast.",
         [("Marzipan Quell", "PERSON"), ("Pepper Oolong", "PERSON")]),
        ("Add marzipan and a pinch of pepper to the dough.", []),
        ("Orla Brennick said the recipe came from her aunt.", [("Orla Brennick", "PERSON")]),
    ])
    found = find_persons(docs, raw)
    assert set(found.persons) == {"Orla Brennick"}
    assert "common word" in found.rejected["Marzipan Quell"]


def test_a_common_word_as_a_given_name_the_collection_knows_stays():
    """"Dawn" is a common word, but the model calls another "Dawn ..." a person: a given name
    here.  A common family name ("Wall", "Guest") never counts against a name anything
    speaks for (here a pronoun; with nothing at all for it and a first word the collection
    knows as no given name it is a thing's, see test_persons_trust)."""
    docs, raw = collection([
        ("At dawn the boats left, and Dawn Pellow painted the harbour.", [("Dawn Pellow", "PERSON")]),
        ("Dawn Ashgrove, the curator, chose the works.", [("Dawn Ashgrove", "PERSON")]),
        ("Linnea Wall painted the pier, and she hung it on a wall of the gallery.",
         [("Linnea Wall", "PERSON")]),
    ])
    found = find_persons(docs, raw)
    assert {"Dawn Pellow", "Dawn Ashgrove", "Linnea Wall"} <= set(found.persons)


def test_a_preposition_before_a_possessive_says_no_place():
    """"from Quarla's review", "from the Vendo brothers' foundry": whose, not where."""
    docs, raw = collection([
        ("Pictures from Quarla's review of the box.", [("Quarla", "GPE")]),
        ("The type comes from the Vendo brothers' foundry.", [("Vendo", "GPE")]),
        ("The parcel came from Tarvik.", [("Tarvik", "GPE")]),
    ])
    places = places_of(find_persons(docs, raw), docs[0])
    assert places == {"Tarvik"}

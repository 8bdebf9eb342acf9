"""Field values in the query language: a hyphenated name is one value, an empty field is
a readable error.

A small folder written here (invented persons, place, author and source with hyphens in
their names), indexed and resolved by the persons stage; searched through the engine and
through ``searchapp search``.
"""

from __future__ import annotations

import pytest
from conftest import run_cli

from searchapp.config import Settings
from searchapp.errors import QueryError
from searchapp.model import SearchRequest

# slow: a real index build and the persons stage's resolution over it
pytestmark = pytest.mark.slow

PERSONS = """
[[person]]
name = "Marta Okonkwo-Salas"
family = "Okonkwo-Salas"

[[person]]
name = "Tomas Reyes-Okonkwo"
family = "Reyes-Okonkwo"

[[person]]
name = "Idris al-Fahoum"
family = "al-Fahoum"
"""

PLACES = """
[[place]]
name = "Port-Salvane"
kind = "city"

[[place]]
name = "Salvane Bay"
kind = "region"
"""

CATALOG = """
[[document]]
path = "pier.txt"
source = "Harbour-Side Weekly"
authors = ["Ines Duarte-Lund"]
date = "2024-03-02"

[[document]]
path = "ferry.txt"
source = "Coast Ledger"
authors = ["Paul Lund"]
date = "2024-03-09"
"""

PIER = """Harbour board votes on the new pier in Port-Salvane

Marta Okonkwo-Salas, the harbour director, said: "The pier will open in spring, and the ferries will follow."

Tomas Reyes-Okonkwo, a councillor, said the vote was rushed. "Nobody read the plan," Reyes-Okonkwo said.

Idris al-Fahoum, the market manager, said: "We were never asked."
"""

FERRY = """Ferry timetable for Salvane Bay

The ferry to Salvane Bay leaves twice a day in summer. Okonkwo Salas is the name of the new boat.

Salas and Okonkwo were the two captains of the old ferry.
"""


@pytest.fixture(scope="module")
def folder(tmp_path_factory) -> Settings:
    from searchapp.index.persons_stage import resolve_persons
    from searchapp.index.update import update_index

    root = tmp_path_factory.mktemp("fields")
    corpus = root / "harbour-files"  # the folder's name: folder:harbour-files
    corpus.mkdir()
    for name, text in [("persons.toml", PERSONS), ("places.toml", PLACES),
                       ("catalog.toml", CATALOG), ("pier.txt", PIER), ("ferry.txt", FERRY)]:
        (corpus / name).write_text(text, encoding="utf-8")
    s = Settings(corpus=corpus, index=root / "index", data_dir=root / "data")
    update_index(s)
    resolve_persons(s)
    return s


@pytest.fixture(scope="module")
def engine(folder):
    from searchapp.search.engine import SearchEngine

    with SearchEngine.open(folder) as eng:
        yield eng


def _env(s: Settings) -> dict:
    return {"SEARCHAPP_CORPUS": str(s.corpus), "SEARCHAPP_INDEX": str(s.index),
            "SEARCHAPP_DATA_DIR": str(s.data_dir)}


def _starts(result) -> set[str]:
    return {h.text.split(",")[0] for h in result.hits}


@pytest.mark.parametrize("query", ["person:Okonkwo-Salas", "person:Marta-Okonkwo-Salas",
                                   'person:"Okonkwo-Salas"', "persons:okonkwo-salas"])
def test_a_hyphenated_person_is_one_name(engine, query):
    r = engine.search(SearchRequest(query=query))
    assert _starts(r) == {"Marta Okonkwo-Salas"} and not r.notices


@pytest.mark.parametrize("query", ["said:Okonkwo-Salas", 'said:"Okonkwo-Salas"',
                                   "quoted:Marta-Okonkwo-Salas"])
def test_a_hyphenated_speaker_is_one_name(engine, query):
    r = engine.search(SearchRequest(query=query))
    assert _starts(r) == {"Marta Okonkwo-Salas"} and not r.notices
    assert engine.search(SearchRequest(query=query)).total == \
        engine.search(SearchRequest(speakers=["Okonkwo-Salas"])).total


def test_a_particle_name_and_a_name_in_parentheses(engine):
    # (the quote rules do not yet attribute quotations to a name with a lower-case particle,
    # so al-Fahoum is searched as a person here)
    r = engine.search(SearchRequest(query="person:al-Fahoum"))
    assert _starts(r) == {"Idris al-Fahoum"} and not r.notices
    r = engine.search(SearchRequest(query="said:Reyes-Okonkwo"))
    assert _starts(r) == {"Tomas Reyes-Okonkwo"} and not r.notices
    r = engine.search(SearchRequest(query="(pier OR person:Reyes-Okonkwo)"))
    assert "Tomas Reyes-Okonkwo" in _starts(r) and r.total == 3  # the two with "pier"


@pytest.mark.parametrize("field", ["person", "said"])
def test_an_unknown_hyphenated_name_says_so_and_matches_no_part_of_another(engine, field):
    # "Salas-Okonkwo" is no one: never Marta Okonkwo-Salas, Tomas Reyes-Okonkwo, or the
    # text "Okonkwo Salas" read as "Salas NOT Okonkwo"
    r = engine.search(SearchRequest(query=f"{field}:Salas-Okonkwo"))
    assert r.total == 0
    assert any("'Salas-Okonkwo' is not a known person" in n for n in r.notices)


@pytest.mark.parametrize("field", ["person", "said"])
def test_part_of_a_persons_name_is_not_a_person_and_names_who_it_is_part_of(engine, field):
    r = engine.search(SearchRequest(query=f"{field}:Okonkwo"))
    assert r.total == 0  # neither Okonkwo-Salas nor Reyes-Okonkwo, nor the text's "Okonkwo"
    [note] = r.notices
    assert note.startswith("'Okonkwo' is not a known person")
    assert "Marta Okonkwo-Salas" in note and "Tomas Reyes-Okonkwo" in note
    assert f'{field}:"' in note and "\n" not in note
    # a word that is part of no one's name is still searched as text, with the note
    boat = engine.search(SearchRequest(query="person:boat"))
    assert boat.total == 1 and "not a known person" in boat.notices[0]


@pytest.mark.parametrize(("query", "who"), [("person:Salas", "Marta Okonkwo-Salas"),
                                             ("said:Reyes", "Tomas Reyes-Okonkwo"),
                                             ("person:Fahoum", "Idris al-Fahoum"),
                                             ('person:"al Fahoum"', "Idris al-Fahoum")])
def test_part_of_one_persons_name_only_is_that_person_with_a_note(engine, query, who):
    """"Lula", "von der Leyen": a part of exactly one person's name is that person (a
    note says so); a part several names hold stays a note naming them (above)."""
    r = engine.search(SearchRequest(query=query))
    whole = engine.search(SearchRequest(query=f'{query.split(":")[0]}:"{who}"'))
    assert r.total == whole.total > 0 and _starts(r) == _starts(whole)
    [note] = r.notices
    assert note.startswith(f"'{query.split(':')[1].strip(chr(34))}' taken as {who}")


def test_a_person_filter_takes_part_of_one_name_and_names_the_holders_of_a_shared_one(engine):
    """``--person Lula`` (the CLI's and the app's person filter) as ``person:Lula``."""
    r = engine.search(SearchRequest(persons=["Salas"]))
    assert _starts(r) == _starts(engine.search(SearchRequest(persons=["Marta Okonkwo-Salas"])))
    assert any(n.startswith("'Salas' taken as Marta Okonkwo-Salas") for n in r.notices)
    with pytest.raises(QueryError, match="part of the name of .*Okonkwo"):
        engine.search(SearchRequest(persons=["Okonkwo"]))


def test_exclusion_still_works_before_a_term_and_with_not(engine):
    everyone = engine.search(SearchRequest(query="said")).total
    minus = engine.search(SearchRequest(query="said -person:Reyes-Okonkwo"))
    assert "Tomas Reyes-Okonkwo" not in _starts(minus) and minus.total == everyone - 1
    with_not = engine.search(SearchRequest(query="said NOT said:Okonkwo-Salas"))
    assert "Marta Okonkwo-Salas" not in _starts(with_not) and with_not.total == everyone - 1


def test_hyphenated_place_author_and_source(engine):
    place = engine.search(SearchRequest(query="place:Port-Salvane"))
    assert place.total == 1 and "Port-Salvane" in place.hits[0].places and not place.notices
    author = engine.search(SearchRequest(query="author:Duarte-Lund"))
    assert author.total > 0 and {tuple(h.authors) for h in author.hits} == {("Ines Duarte-Lund",)}
    source = engine.search(SearchRequest(query="source:Harbour-Side"))
    assert source.total > 0 and {h.source for h in source.hits} == {"Harbour-Side Weekly"}


def test_a_folder_by_its_hyphenated_name(engine):
    everything = engine.search(SearchRequest(query="ferry OR pier")).total
    r = engine.search(SearchRequest(query="(ferry OR pier) folder:harbour-files"))
    assert r.total == everything > 0 and not r.notices
    assert engine.search(SearchRequest(query="pier folder:Harbour-Files")).total > 0
    other = engine.search(SearchRequest(query="pier folder:harbour-notes"))
    assert other.total == 0 and other.notices == [
        "No folder is called 'harbour-notes' ('searchapp folders' lists them)."]


@pytest.mark.parametrize("query", ["person:", "said:", "place:", "author:", "source:",
                                   "title:", "year:", "folder:", "pier person:", "person: Okonkwo",
                                   "(pier OR said:)", 'person:""', "Quoted:"])
def test_a_field_without_a_value_is_one_readable_error(engine, query):
    with pytest.raises(QueryError) as err:
        engine.search(SearchRequest(query=query))
    field = query.split(":")[0].split()[-1].lstrip("(")
    assert f"'{field}:' needs a value" in str(err.value) and "\n" not in str(err.value)


def test_a_colon_inside_a_phrase_is_text(engine):
    r = engine.search(SearchRequest(query='"director, said: the pier"'))
    assert _starts(r) == {"Marta Okonkwo-Salas"}


def test_cli_hyphenated_said_and_empty_field(folder):
    proc = run_cli("search", "said:Okonkwo-Salas", env=_env(folder))
    assert proc.returncode == 0, proc.stderr
    assert "Okonkwo-Salas, the harbour director" in proc.stdout
    assert "not a known person" not in proc.stdout + proc.stderr
    empty = run_cli("search", "person:", env=_env(folder))
    assert empty.returncode == 2 and empty.stdout == ""
    assert empty.stderr.strip().splitlines() == [
        "searchapp: 'person:' needs a value right after the colon, "
        "e.g. person:\"Yoon Suk Yeol\""]


@pytest.mark.parametrize("query,start", [
    ("year:abcd", "searchapp: 'year:abcd' is not a year: year: takes a number"),
    ("F-35~5", "searchapp: 'F-35~5': ~ (spelling tolerance) takes a single word"),
    ("date:2024-13-01", "searchapp: '2024-13-01' is not a real date (there is no month 13)"),
    ('"the pier"~x', "searchapp: '\"…\"~x': ~ after a phrase takes")])
def test_cli_a_bad_year_tilde_or_date_is_one_line_and_exit_2(folder, query, start):
    proc = run_cli("search", query, env=_env(folder))
    assert proc.returncode == 2 and proc.stdout == ""
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(start), proc.stderr

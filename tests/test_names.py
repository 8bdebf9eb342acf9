"""Name variants without a registry: spellings, order, romanization, native script."""

from __future__ import annotations

from collections import Counter

import pytest

from searchapp.index.analysis import name_analyzer, text_analyzer
from searchapp.ingest.entities import Person, Registry
from searchapp.ingest.persons import names as nm
from searchapp.ingest.persons.people import merge_persons
from searchapp.search.found import FoundPersons


@pytest.mark.parametrize("a,b", [
    ("Yoon Suk Yeol", "Yoon Seok-yeol"),
    ("Yoon Suk Yeol", "Yoon Suk-yeol"),
    ("Yoon Suk Yeol", "Yoon Seok-yue"),  # a misspelling cut short in one seed
    ("Han Duck-soo", "Han Deok-soo"),
    ("Han Duck-soo", "Han Deok-su"),
    ("Kim Jong-un", "Kim Jong Un"),
    ("Kishida Fumio", "Fumio Kishida"),
    ("Chung Jae-hung", "Jae-hung Chung"),
    ("Chung Jae-hung", "Chung Jaehung"),
    ("Volodymyr Zelensky", "Volodymyr Zelenskiy"),
    ("Volodymyr Zelensky", "Volodymyr Zelenskyy"),
    ("Muammar Gaddafi", "Muammar Qaddafi"),
    ("Donald Trump", "Donald J. Trump"),
])
def test_same_person(a, b):
    assert nm.same_person(a, b)
    assert nm.same_person(b, a)


@pytest.mark.parametrize("a,b", [
    ("Kim Jong-un", "Kim Jong-il"),
    ("Kim Jong-un", "Kim Il-sung"),
    ("Kim Jong-un", "Kim Yo-jong"),
    ("Park Jin", "Park Geun-hye"),
    ("Jake Sullivan", "Jane Sullivan"),  # similar strings, different consonants
    ("Joe Biden", "Hunter Biden"),
    ("Donald Trump", "Donald Trump Jr."),
    ("Xi Jinping", "Xi Mingze"),
])
def test_different_persons(a, b):
    assert not nm.same_person(a, b)
    assert not nm.same_person(b, a)


def test_initials_are_kept_when_they_are_the_given_name():
    assert nm.tokens("J.J. Abrams") == ["J.J.", "Abrams"]
    assert nm.tokens("Donald J. Trump") == ["Donald", "Trump"]


def test_cluster_names_picks_the_most_frequent_full_form():
    counts = Counter({"Yoon Suk Yeol": 5, "Yoon Seok-yeol": 2, "Yoon Seok-yue": 1,
                      "Kim Jong-un": 3, "Kim Jong Un": 4, "Kim Jong-il": 2, "Park Jin": 1,
                      "Park Geun-hye": 2})
    groups = nm.cluster_names(counts)
    assert sorted(groups["Yoon Suk Yeol"]) == ["Yoon Seok-yeol", "Yoon Seok-yue", "Yoon Suk Yeol"]
    assert sorted(groups["Kim Jong Un"]) == ["Kim Jong Un", "Kim Jong-un"]
    assert groups["Kim Jong-il"] == ["Kim Jong-il"]
    assert "Park Jin" in groups and "Park Geun-hye" in groups


@pytest.mark.parametrize("native,romanized", [
    ("习近平", "Xi Jinping"), ("習近平", "Xi Jinping"), ("시진핑", "Xi Jinping"),
    ("尹錫悅", "Yoon Suk Yeol"), ("윤석열", "Yoon Suk Yeol"), ("한덕수", "Han Duck-soo"),
    ("韓悳洙", "Han Duck-soo"), ("김정은", "Kim Jong-un"), ("金正恩", "Kim Jong-un"),
    ("毛泽东", "Mao Zedong"),
])
def test_native_script_reads_as_the_romanized_name(native, romanized):
    assert nm.native_keys(native) & nm.romanized_keys(romanized)


def test_native_script_does_not_link_other_persons():
    assert not nm.native_keys("习近平") & nm.romanized_keys("Xi Mingze")
    assert not nm.native_keys("김정은") & nm.romanized_keys("Kim Jong-il")
    assert not nm.native_keys("尹錫悅") & nm.romanized_keys("Moon Jae-in")


def test_hangul_romanization():
    assert [nm.hangul_syllable(ch) for ch in "윤석열"] == ["yun", "seok", "yeol"]
    assert nm.hangul_syllable("x") == ""


def test_merge_persons_uses_the_registry_as_curation():
    registry = Registry([
        Person("Han Duck-soo", family="Han", aliases=("Han Deok-su",)),
        Person("Kishida Fumio", family="Kishida"),
    ], [])
    registry.not_persons = ("Sejong Focus",)
    found = merge_persons(Counter({"Han Deok-soo": 3, "Han Deok-su": 1, "Fumio Kishida": 2,
                                   "Sejong Focus": 1, "Robert Daly": 1}), registry)
    assert sorted(found["Han Duck-soo"]) == ["Han Deok-soo", "Han Deok-su", "Han Duck-soo"]
    assert found["Han Duck-soo"][0] == "Han Duck-soo"
    assert "Fumio Kishida" in found["Kishida Fumio"]
    assert "Sejong Focus" not in found and "Robert Daly" in found


def test_not_person_entries_load_from_persons_toml(tmp_path):
    (tmp_path / "persons.toml").write_text(
        '[[person]]\nname = "Xi Jinping"\n\n[[not_person]]\nname = "Sejong Focus"\n',
        encoding="utf-8")
    registry = Registry.load(tmp_path)
    assert registry.not_persons == ("Sejong Focus",)
    assert "Xi Jinping" in registry.persons and not registry.problems


# Letters Unicode does not decompose (ı ł ø đ þ) and those a reader types as two (ß æ œ):
# a name is found however it is typed, as the index's text search finds it.
@pytest.mark.parametrize("written,typed", [
    ("Kerem Aydınlı", "Kerem Aydinli"), ("Lech Wałęsa", "Lech Walesa"),
    ("Lars Løkke Rasmussen", "Lars Lokke Rasmussen"), ("Zoran Đinđić", "Zoran Dindic"),
    ("Jóhanna Þórðardóttir", "Johanna Thordardottir"), ("Ingrid Weiß", "Ingrid Weiss"),
    ("Ægir Bjørnsson", "Aegir Bjornsson"), ("Édith Cœurdacier", "Edith Coeurdacier"),
])
def test_a_name_typed_without_its_letters_is_the_same_person(written, typed):
    assert nm.same_person(written, typed) and nm.exact_keys(written) & nm.exact_keys(typed)
    registry = Registry([Person(written, family=written.split()[-1])], [])
    assert registry.canonical_person(typed) == written
    assert registry.canonical_person(typed.upper()) == written
    found = FoundPersons({"persons": [{"name": written, "aliases": []}], "places": [],
                          "paragraphs": {}})
    assert found.canonical(typed) == written
    assert found.canonical(typed.split()[-1]) == written  # the family name alone


def test_the_persons_keys_fold_letters_as_the_index_does():
    """One table for both sides: what the text analyzer indexes a name as is what the
    persons' keys compare it by."""
    for written, typed in [("Aydınlı", "Aydinli"), ("Weiß", "Weiss"), ("Ærø", "Aero"),
                           ("Wałęsa", "WALESA"), ("Œuvre", "oeuvre"), ("Þór", "Thor")]:
        names = [t.text for t in name_analyzer()(written)]
        assert names == [t.text for t in name_analyzer()(typed)] == [nm.plain(typed)]
        assert [t.text for t in text_analyzer()(written)] == \
            [t.text for t in text_analyzer()(typed)]
        assert nm.plain(written) == nm.plain(typed)

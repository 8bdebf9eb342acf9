"""Person and place resolution: every spelling to one canonical person."""

from __future__ import annotations

import pytest
from conftest import run_cli


def persons_in(registry, *paragraphs):
    mentions = registry.find_mentions(list(paragraphs))
    return [sorted({m.name for m in ms if m.kind == "person"}) for ms in mentions]


@pytest.mark.parametrize("variant", [
    "Yoon Suk Yeol", "Yoon Suk-yeol", "Yoon Seok-yeol", "Yoon Seok-yue", "윤석열", "尹錫悅",
])
def test_yoon_variants(registry, variant):
    assert persons_in(registry, f"Yesterday {variant} spoke in Seoul.") == [["Yoon Suk Yeol"]]
    assert registry.canonical_person(variant) == "Yoon Suk Yeol"


def test_short_and_titled_yoon_and_hanja(registry):
    assert persons_in(registry, "President Yoon arrived.", "尹 “North Korea must stop”") == [
        ["Yoon Suk Yeol"], ["Yoon Suk Yeol"]]


@pytest.mark.parametrize("variant,name", [
    ("Han Duck-soo", "Han Duck-soo"), ("Han Deok-soo", "Han Duck-soo"),
    ("Kishida Fumio", "Kishida Fumio"), ("Fumio Kishida", "Kishida Fumio"),
    ("Xi Jinping", "Xi Jinping"), ("习近平", "Xi Jinping"), ("習近平", "Xi Jinping"),
    ("시진핑", "Xi Jinping"), ("Kim Jong Un", "Kim Jong-un"), ("Kim Jong-un", "Kim Jong-un"),
])
def test_name_variants_resolve(registry, variant, name):
    assert persons_in(registry, f"On Monday {variant} met officials.") == [[name]]


def test_titled_mentions_resolve_within_document(registry):
    paras = ["Kim Il-sung founded the state.", "Kim Jong-un met Xi Jinping in Beijing.",
             "Chairman Kim then left, and Mr. Xi saw him off."]
    assert persons_in(registry, *paras)[2] == ["Kim Jong-un", "Xi Jinping"]
    # Prime Minister Han in a document that named him before.
    assert persons_in(registry, "Han Duck-soo flew in.", "Han noted the risks.")[1] == ["Han Duck-soo"]


def test_ambiguous_short_name_without_context_is_not_guessed(registry):
    assert persons_in(registry, "Mr. Kim declined to comment.") == [[]]
    assert persons_in(registry, "Han Chinese make up most of the population.") == [[]]


def test_events_institutions_places_are_never_persons(registry):
    text = ("The summit at Camp David, the Asian Games, the Korean Peninsula and the UN "
            "Security Council were all discussed.")
    assert persons_in(registry, text) == [[]]
    places = {m.name for m in registry.find_mentions([text])[0] if m.kind == "place"}
    assert {"Camp David", "Korean Peninsula"} <= places
    unknown = {u.name for u in registry.unknown_persons([text], registry.find_mentions([text]))}
    assert not unknown & {"Camp David", "Asian Games", "Korean Peninsula", "Security Council"}


def test_seed_documents_persons(seed_docs):
    assert "Yoon Suk Yeol" in seed_docs["001"].persons  # spelled Yoon Seok-yue
    assert "Yoon Suk Yeol" in seed_docs["004"].persons  # Yoon Seok-yeol, President Yoon, 尹
    assert "Han Duck-soo" in seed_docs["004"].persons  # Han Deok-soo
    assert "Kishida Fumio" in seed_docs["002"].persons
    kim = [p for p in seed_docs["003"].paragraphs if "Chairman Kim" in p.text]
    assert kim and all("Kim Jong-un" in p.persons for p in kim)
    for doc in seed_docs.values():
        for name in doc.persons:
            assert name not in {"Camp David", "Asian Games", "Korean Peninsula", "Security Council"}


def test_unknown_persons_are_reported(tmp_path):
    import shutil

    from conftest import CORPUS

    shutil.copy(CORPUS / "persons.toml", tmp_path)
    (tmp_path / "a.txt").write_text(
        "Envoys meet\n\nSpecial envoy Sung Kim met Foreign Minister Cho Tae-yul in Seoul, "
        "while Professor Lee Sang-hyun of the Sejong Institute watched. Xi Jinping was absent.\n",
        encoding="utf-8")
    proc = run_cli("persons", "--unknown", "--json", "--corpus", str(tmp_path))
    assert proc.returncode == 0, proc.stderr
    import json

    names = {u["name"] for u in json.loads(proc.stdout)["unknown"]}
    assert {"Cho Tae-yul", "Lee Sang-hyun"} <= names
    assert "Xi Jinping" not in names and "Sejong Institute" not in names

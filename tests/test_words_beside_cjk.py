"""A hyphenated word written against Japanese, Korean or Chinese text ("F-35の",
"KF-21은", "J-20战机") is found as it is written elsewhere: searched alone, joined, and
with the word after it; it still does not find a bare number."""

from __future__ import annotations

import pytest

from searchapp.config import Settings
from searchapp.index.update import update_index
from searchapp.model import SearchRequest
from searchapp.search.engine import SearchEngine

TEXT = """Defence procurement in East Asia

防衛省はF-35の追加調達を決めた。中国のJ-20や新型機への対応を急ぐ。

국방부는 "KF-21은 우리 손으로 만든 전투기"라고 밝혔다.

中方表示，J-20战机已完成新一轮训练，COVID-19疫情后首次公开亮相。

방역 당국은 COVID-19로 미뤄진 행사를 재개했다.

The air force counted 35 aircraft on the ramp, none of them new.
"""


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    root = tmp_path_factory.mktemp("cjk_words")
    folder = root / "docs"
    folder.mkdir()
    (folder / "procurement.txt").write_text(TEXT, encoding="utf-8")
    settings = Settings(corpus=folder, index=root / "index", data_dir=root / "data")
    update_index(settings, jobs=1)
    with SearchEngine.open(settings) as eng:
        yield eng


def _found(engine, query: str) -> list[str]:
    return [h.text for h in engine.search(SearchRequest(query=query, page_size=20)).hits]


@pytest.mark.parametrize(("query", "expected"), [
    ("F-35", "F-35の追加調達"), ("F35", "F-35の追加調達"),
    ("KF-21", "KF-21은"), ("KF21", "KF-21은"), ("KF-21은", "KF-21은"),
    ("J-20", "J-20战机"), ("J-20", "J-20や"), ("J-20战机", "J-20战机"),
    ("COVID-19", "COVID-19로"), ("COVID-19", "COVID-19疫情"),
])
def test_a_hyphenated_word_against_cjk_text_is_found(engine, query, expected):
    assert any(expected in text for text in _found(engine, query)), (query, expected)


def test_the_hyphenated_word_does_not_find_a_bare_number(engine):
    assert any("35 aircraft" in text for text in _found(engine, "35"))  # (it is there)
    assert all("35 aircraft" not in text for text in _found(engine, "F-35"))


def test_cjk_words_are_still_found_by_their_characters(engine):
    for query, expected in (("追加調達", "F-35の追加調達"), ("전투기", "KF-21은"),
                            ("战机", "J-20战机"), ("중국", None)):
        hits = _found(engine, query)
        if expected is None:
            assert not hits
        else:
            assert any(expected in text for text in hits), query

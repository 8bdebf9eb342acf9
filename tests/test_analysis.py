"""The text analyzer's positions and the token cache highlighting uses (index/analysis.py)."""

from __future__ import annotations

from conftest import SEEDS
from hypothesis import given, settings
from hypothesis import strategies as st

from searchapp.index.analysis import TokenCache, text_analyzer

ANALYZER = text_analyzer()


def whole(text: str) -> list[tuple[int, str, int, int]]:
    return [(t.pos, t.text, t.startchar, t.endchar)
            for t in ANALYZER(text, chars=True, positions=True, mode="index")]


def test_a_stop_word_keeps_its_place():
    """"all the time": time stands two places after all (the phrase "all time" must
    not reach it); "Bank of America": america two places after bank."""
    assert [(p, w) for p, w, _s, _e in whole("all the time")] == [(0, "all"), (2, "time")]
    assert [(p, w) for p, w, _s, _e in whole("The Bank of America")] == \
        [(1, "bank"), (3, "america")]
    # a CJK run's bigrams take one place each, and the words after them follow on
    assert [(p, w) for p, w, _s, _e in whole("习近平 of Seoul")] == \
        [(0, "习近"), (1, "近平"), (3, "seoul")]


def test_the_token_cache_gives_the_analyzers_tokens_on_the_seed_articles():
    cache = TokenCache(ANALYZER)
    for path in SEEDS.values():
        for para in path.read_text("utf-8").split("\n\n"):
            assert cache(para) == whole(para)
    assert cache.memo  # words were remembered
    for path in SEEDS.values():  # and give the same tokens from memory
        text = path.read_text("utf-8")
        assert cache(text) == whole(text)


_words = st.sampled_from(["the", "of", "a", "Summit", "summits", "Séoul", "习近平", "정상회의",
                          "two-track", "U.S.", "don't", "1950", "x", "Kim's", "東京タワー",
                          "naïve", "—", "...", "A", "I"])


@given(st.lists(_words, max_size=30), st.sampled_from([" ", "  ", ", ", "\n", "-"]))
@settings(max_examples=200, deadline=None)
def test_the_token_cache_equals_the_analyzer(words, sep):
    cache = TokenCache(ANALYZER, limit=8)  # a small memory: cleared on the way too
    text = sep.join(words)
    assert cache(text) == whole(text)
    assert cache(text) == whole(text)


def test_traditional_and_simplified_chinese_are_one_term_at_the_same_offsets():
    """賴清德 (as Taiwan and Hong Kong print it) and 赖清德 (as the mainland does) are the
    same words to the index; the offsets stay the text's, for highlighting."""
    trad, simp = whole("總統賴清德發表談話"), whole("总统赖清德发表谈话")
    assert [t[1] for t in trad] == [t[1] for t in simp]
    assert [(t[2], t[3]) for t in trad] == [(t[2], t[3]) for t in simp]
    assert whole("日本") == whole("日本")  # a character with one form stays itself

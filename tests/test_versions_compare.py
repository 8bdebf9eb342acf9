"""Two versions of a wire story side by side: what :func:`compare` marks and counts
(own documents: a headline rewritten, the same dateline, one word changed, one
paragraph only one version has)."""

from __future__ import annotations

from searchapp.search.copies import compare, differences

DATELINE = "LISBON, June 2 (AP) - "
BODY = [
    "Ferry crews at the Tagus river terminals voted on Monday to end a nine-day stoppage "
    "that had stranded thousands of commuters on both banks, union officials said.",
    "\"We wanted rest days that are not cancelled by a text message,\" said Odalys "
    "Ferreira-Quist, who leads the crews' union, speaking outside the Cais do Sodre pier.",
    "The operator said the agreement would cost about nine million euros a year and "
    "that full service would resume on Wednesday morning after safety checks.",
]


def doc(title: str, body: list[str]) -> list[dict]:
    paras = [{"para": 1, "kind": "title", "body": title}]
    paras += [{"para": i + 2, "kind": "body", "body": b} for i, b in enumerate(body)]
    return paras


def marked(paras: list[dict], diffs: dict) -> dict[int, list[str]]:
    return {p["para"]: [p["body"][s:e] for s, e in diffs.get(p["para"], [])] for p in paras
            if p["para"] in diffs}


def test_identical_dateline_is_never_marked_and_a_new_headline_is_not_missing():
    one = doc("Lisbon ferry strike ends after nine days",
              [DATELINE + BODY[0], *BODY[1:]])
    two = doc("Ferry crews return to work in Lisbon",
              [DATELINE + BODY[0].replace("stoppage", "walkout"), *BODY[1:]])
    diffs, missing = compare(one, two)
    words = marked(one, diffs)
    assert missing == []  # every passage has its counterpart
    assert words[2] == ["stoppage"]  # the dateline both have is not marked
    # the headlines are paired (a rewording, not a missing passage): a word they share
    # in the same order stays unmarked
    assert words[1] and words[1] != [one[0]["body"]]
    assert set(words) == {1, 2}  # identical paragraphs carry no mark
    assert differences(one, two) == diffs


def test_a_dateline_only_one_version_has_and_a_paragraph_it_lacks_are_marked():
    extra = ("Commuter groups said they would seek compensation for the days lost, and "
             "the city council promised a hearing on the ferry contracts next month.")
    one = doc("Lisbon ferry strike ends", [DATELINE + BODY[0], *BODY[1:], extra])
    two = doc("Lisbon ferry strike ends", BODY)
    diffs, missing = compare(one, two)
    assert missing == [5]
    words = marked(one, diffs)
    assert words[5] == [extra[:-1]]  # the whole paragraph (up to its last word)
    assert words[2] == ["LISBON, June 2 (AP"]  # the dateline only it has
    back, back_missing = compare(two, one)
    assert back_missing == [] and back == {}  # the other has nothing this one lacks

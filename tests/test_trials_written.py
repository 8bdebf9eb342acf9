"""The written fresh sets of the persons trials (``fresh3`` to ``fresh10``) are
whole: their labels load, every page a set names is in the repository and reads as a
document, and every name labeled true is made of words its pages hold.  Nothing here runs
the persons rules (each set is measured once, by
``benchmarks/bench_persons_trials.py --set fresh3|fresh4|...|fresh10``)."""

from __future__ import annotations

import json
import re
import sys

import pytest
from conftest import ROOT

from searchapp.ingest.pipeline import load_document

sys.path.insert(0, str(ROOT))
from benchmarks import bench_persons_trials as trials  # noqa: E402

#: Each written set and the folder its page ids name.
WRITTEN = {"fresh3": ("written3", "persons_fresh3"), "fresh4": ("written4", "persons_fresh4"),
           "fresh5": ("written5", "persons_fresh5"), "fresh6": ("written6", "persons_fresh6"),
           "fresh7": ("written7", "persons_fresh7"), "fresh8": ("written8", "persons_fresh8"),
           "fresh9": ("written9", "persons_fresh9"),
           "fresh10": ("written10", "persons_fresh10")}
SETS = json.loads(trials.TRIALS.read_text("utf-8"))["sets"]


def _path(page: str):
    folder, name = page.split("/")
    return trials.FOLDERS[folder] / f"{name}.html"


@pytest.fixture(scope="module", params=sorted(WRITTEN))
def written(request) -> tuple[str, dict, dict[str, str]]:
    """A set's name, its entry, and each page's text as the index reads it (the extraction
    pipeline)."""
    chosen = SETS[request.param]
    texts = {}
    for page in chosen["pages"]:
        doc = load_document(_path(page), _path(page).parent)
        texts[page] = "\n".join(p.text for p in doc.paragraphs)
    return request.param, chosen, texts


def test_pages_are_in_the_repository_and_read_as_articles(written):
    name, chosen, texts = written
    folder, directory = WRITTEN[name]
    assert len(chosen["pages"]) == len(set(chosen["pages"])) >= 14
    assert all(p.startswith(f"{folder}/") for p in chosen["pages"])
    assert trials.FOLDERS[folder] == ROOT / "benchmarks" / directory
    on_disk = {f"{folder}/{f.stem}" for f in trials.FOLDERS[folder].glob("*.html")}
    assert on_disk == set(chosen["pages"])  # no page left out, none missing
    for page, text in texts.items():
        assert len(text.split("\n")) >= 8, page  # headline, byline and the article's paragraphs
        assert len(text.split()) >= 300, page


def test_labels_load_with_the_shape_the_benchmark_judges_by(written):
    _, chosen, _ = written
    persons, places = chosen["labels"]["persons"], chosen["labels"]["places"]
    assert set(chosen["labels"]) == {"persons", "places"}
    assert all(isinstance(v, bool) for v in persons.values())  # a person or not
    assert all(v in (True, False, None) for v in places.values())  # None: a venue
    assert sum(persons.values()) >= 200 and list(persons.values()).count(False) >= 200
    assert sum(1 for v in places.values() if v) >= 150
    assert sum(1 for v in places.values() if v is False) >= 100
    assert None in places.values()
    assert all(n == n.strip() and n for n in [*persons, *places])


def test_every_name_labeled_true_is_made_of_words_of_one_page(written):
    """A label is read off the pages: its words are all on one page (catches a typo in a
    label, which would silently count a real find as unlabeled)."""
    _, chosen, texts = written
    folded = {page: text.casefold() for page, text in texts.items()}
    labels = chosen["labels"]
    for kind in ("persons", "places"):
        for name, value in labels[kind].items():
            if value:
                words = re.findall(r"[\w'’-]+", name.casefold())
                assert any(all(w in t for w in words) for t in folded.values()), (kind, name)


def test_a_label_is_written_on_the_page_or_is_a_shorter_form_of_one(written):
    """Most labels stand on a page letter for letter; the others (a list may show a name
    without its middle name) are few."""
    _, chosen, _ = written
    raw = "\n".join(_path(p).read_text("utf-8") for p in chosen["pages"])
    names = [*chosen["labels"]["persons"], *chosen["labels"]["places"]]
    verbatim = [n for n in names if n.replace("&", "&amp;").replace('"', "&quot;") in raw]
    assert len(verbatim) >= 0.9 * len(names)


def test_the_trials_bench_offers_every_written_set(monkeypatch, capsys):
    """``--set`` takes its choices from persons_trials.json; its help and docstring name
    every written set."""
    monkeypatch.setattr(sys, "argv", ["bench_persons_trials.py", "--help"])
    with pytest.raises(SystemExit) as stop:
        trials.main()
    assert stop.value.code == 0
    shown = capsys.readouterr().out
    assert all(name in shown for name in WRITTEN)
    assert all(f"|{name}" in trials.__doc__ for name in WRITTEN)

"""The third fresh set of the persons trials (``fresh3``) is whole: its labels load, every
page it names is in the repository and reads as a document, and every name labeled true is
made of words its pages hold.  Nothing here runs the persons rules (the set is measured once,
by ``benchmarks/bench_persons_trials.py --set fresh3``)."""

from __future__ import annotations

import json
import re
import sys

import pytest
from conftest import ROOT

from searchapp.ingest.pipeline import load_document

sys.path.insert(0, str(ROOT))
from benchmarks import bench_persons_trials as trials  # noqa: E402

FRESH3 = json.loads(trials.TRIALS.read_text("utf-8"))["sets"]["fresh3"]


def _path(page: str):
    folder, name = page.split("/")
    return trials.FOLDERS[folder] / f"{name}.html"


@pytest.fixture(scope="module")
def texts() -> dict[str, str]:
    """Each page's text as the index reads it (the extraction pipeline)."""
    out = {}
    for page in FRESH3["pages"]:
        doc = load_document(_path(page), _path(page).parent)
        out[page] = "\n".join(p.text for p in doc.paragraphs)
    return out


def test_pages_are_in_the_repository_and_read_as_articles(texts):
    assert len(FRESH3["pages"]) == len(set(FRESH3["pages"])) >= 14
    assert all(p.startswith("written3/") for p in FRESH3["pages"])
    assert trials.FOLDERS["written3"] == ROOT / "benchmarks" / "persons_fresh3"
    on_disk = {f"written3/{f.stem}" for f in trials.FOLDERS["written3"].glob("*.html")}
    assert on_disk == set(FRESH3["pages"])  # no page left out, none missing
    for page, text in texts.items():
        assert len(text.split("\n")) >= 8, page  # headline, byline and the article's paragraphs
        assert len(text.split()) >= 300, page


def test_labels_load_with_the_shape_the_benchmark_judges_by():
    persons, places = FRESH3["labels"]["persons"], FRESH3["labels"]["places"]
    assert set(FRESH3["labels"]) == {"persons", "places"}
    assert all(isinstance(v, bool) for v in persons.values())  # a person or not
    assert all(v in (True, False, None) for v in places.values())  # None: a venue
    assert sum(persons.values()) >= 200 and list(persons.values()).count(False) >= 200
    assert sum(1 for v in places.values() if v) >= 150
    assert sum(1 for v in places.values() if v is False) >= 100
    assert None in places.values()
    assert all(n == n.strip() and n for n in [*persons, *places])


def test_every_name_labeled_true_is_made_of_words_of_one_page(texts):
    """A label is read off the pages: its words are all on one page (catches a typo in a
    label, which would silently count a real find as unlabeled)."""
    folded = {page: text.casefold() for page, text in texts.items()}
    labels = FRESH3["labels"]
    for kind in ("persons", "places"):
        for name, value in labels[kind].items():
            if value:
                words = re.findall(r"[\w'’-]+", name.casefold())
                assert any(all(w in t for w in words) for t in folded.values()), (kind, name)


def test_a_label_is_written_on_the_page_or_is_a_shorter_form_of_one():
    """Most labels stand on a page letter for letter; the others (a list may show a name
    without its middle name) are few."""
    raw = "\n".join(_path(p).read_text("utf-8") for p in FRESH3["pages"])
    names = [*FRESH3["labels"]["persons"], *FRESH3["labels"]["places"]]
    verbatim = [n for n in names if n.replace("&", "&amp;").replace('"', "&quot;") in raw]
    assert len(verbatim) >= 0.9 * len(names)

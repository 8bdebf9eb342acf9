"""Cleaning of the seed articles: boilerplate, captions, credits, glued words kept as written."""

from __future__ import annotations

from conftest import SEEDS, extract_json

from searchapp.ingest.text import classify, repair_glued_words, split_blocks


def _blocks(doc):
    return doc.paragraphs


def test_glued_words_in_seeds_are_kept_as_written(seed_docs):
    """A text file cannot tell glue from a word written that way: the words stay as
    the file has them (the index finds them whole and by their parts), and the
    persons and places glued to a neighbour are still found."""
    text0 = " ".join(p.text for p in seed_docs["000"].paragraphs)
    assert "International RelationsCICIR, published" in text0
    text3 = " ".join(p.text for p in seed_docs["003"].paragraphs)
    assert "Kim Il-sungMao Zedong (毛泽东)" in text3  # the parenthesis is spaced
    assert "ChinaNorth Korea Friendship" in text3
    glued = next(p for p in seed_docs["003"].paragraphs if "sungMao" in p.text)
    assert {"Kim Il-sung", "Mao Zedong"} <= set(glued.persons)
    friendship = next(p for p in seed_docs["003"].paragraphs if "ChinaNorth" in p.text)
    assert {"China", "North Korea"} <= set(friendship.places)


def test_glue_repair_never_splits_a_word():
    assert repair_glued_words("McDonald and DeSantis use an iPhone, AirPods and YouTube") == \
        "McDonald and DeSantis use an iPhone, AirPods and YouTube"
    assert repair_glued_words("BeijingPyongyang") == "BeijingPyongyang"
    assert repair_glued_words("Aug.18, 2023") == "Aug. 18, 2023"
    assert repair_glued_words("Mao Zedong(毛泽东)") == "Mao Zedong (毛泽东)"


def test_boilerplate_lines_are_dropped(seed_docs):
    texts = [p.text for p in seed_docs["002"].paragraphs]
    for junk in ("Related Articles", "Sponsored Content", "Back to top button", "Adblock Detected",
                 "Available for Amazon Prime", "Close"):
        assert junk not in texts
    joined = " ".join(texts)
    assert "Amazon Associate" not in joined
    assert "does not always share or support the views" not in joined
    assert "disabling your ad blocker" not in joined
    assert "does not reflect the views of the Sejong Institute" not in " ".join(
        p.text for p in seed_docs["003"].paragraphs)


def test_captions_and_credits_are_marked_not_body(seed_docs):
    kinds = {p.text[:30]: p.kind for p in seed_docs["002"].paragraphs}
    assert kinds["(L-R) Korean President Yoon Su"] == "caption"
    assert kinds["A Terminal High Altitude Area "] == "caption"
    body = seed_docs["002"].body
    assert not any("Getty Images" in p for p in body)
    doc0 = seed_docs["000"]
    credits = [p.text for p in doc0.paragraphs if p.kind == "credit"]
    assert "(Translated to English by Cindy Li)" in credits
    assert any(c.startswith("Chiu-lung Huang, Adjunct Associate Professor") for c in credits)
    assert not any("Translated to English" in p for p in doc0.body)
    credits3 = [p.text for p in seed_docs["003"].paragraphs if p.kind == "credit"]
    assert credits3 == ["Dr. Chung Jaehung", "Research Fellow, The Sejong Institute",
                        "(jameschung@sejong.org)"]
    assert [p.kind for p in seed_docs["001"].paragraphs][-1] == "credit"


def test_headings_kept_as_their_own_paragraphs(seed_docs):
    headings = [p.text for p in seed_docs["002"].paragraphs if p.kind == "heading"]
    assert headings == [
        "Concerns in Beijing",
        "US-Korea-Japan Alignment Intensifies Over THAAD",
        "Policy Reversal Under Yoon",
        "Kim Jong Un’s Russian Rendezvous",
        "Xi Grapples with Mounting Domestic Pressures",
    ]


def test_whitespace_and_nbsp_collapsed(seed_docs):
    for doc in seed_docs.values():
        for p in doc.paragraphs:
            assert "\u00a0" not in p.text
            assert "  " not in p.text
            assert p.text == p.text.strip() and p.text


def test_one_paragraph_per_line_file_keeps_lines_apart(seed_docs):
    doc = seed_docs["004"]
    assert doc.paragraphs[1].text.startswith("North Korea-Russia military cooperation is")
    assert doc.paragraphs[2].text.startswith("Chinese President Xi Jinping requested")
    assert len(doc.body) > 20


def test_lines_broken_inside_a_paragraph_are_joined():
    text = ("The two leaders agreed to apply a sophisticated strategic approach and\n"
            "consider long-term political risks.\n\nA second paragraph.\n")
    assert split_blocks(text) == [
        "The two leaders agreed to apply a sophisticated strategic approach and consider "
        "long-term political risks.",
        "A second paragraph.",
    ]


def test_classify_marks_section_tags_and_bullets():
    blocks = classify(["[APEC 정상회의]", "● China’s announcement excludes cooperation.",
                       "An ordinary sentence of body text that goes on for a while."])
    assert [b.kind for b in blocks] == ["label", "heading", "body"]


def test_title_and_labels_of_seeds(seed_docs):
    p2 = seed_docs["002"].paragraphs
    assert (p2[0].kind, p2[0].text) == ("label", "The epoch times")
    assert p2[1].kind == "title"
    p3 = seed_docs["003"].paragraphs
    assert (p3[0].kind, p3[0].text) == ("label", "Sejong Focus")
    # The repeated (glued) title line is dropped, not kept as body text.
    assert sum(1 for p in p3 if "Future Prospects" in p.text) == 1


def test_extract_json_shape_for_seeds():
    docs = extract_json(*SEEDS.values())
    assert len(docs) == 5
    for d in docs:
        for key in ("path", "title", "source", "url", "date", "authors", "language",
                    "paragraphs", "persons"):
            assert key in d
        assert all(isinstance(p, str) and p for p in d["paragraphs"])
        assert d["title"] not in d["paragraphs"]


def test_a_wire_storys_end_mark_is_no_body_text():
    """Agencies end a story with the reporter's address and "(END)": the address is a
    credit, a lone end mark is dropped; neither is article text."""
    from searchapp.ingest.text import classify

    blocks = classify(["SEOUL, Nov. 5 (Agency) -- The ministry said on Tuesday it would "
                       "review the plan.", "abc@agency.example.kr (END)", "(END)",
                       "The end of the talks (END) was near, an aide said."])
    kinds = [(b.kind, b.text) for b in blocks]
    assert ("credit", "abc@agency.example.kr (END)") in kinds
    assert all(t != "(END)" for _, t in kinds)
    assert kinds[0][0] == "body" and kinds[-1][0] == "body"

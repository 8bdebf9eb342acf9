"""A folder with wire-style copies, for the copies tests and screenshots.

The five seed articles plus two versions of the Epoch Times article (seed 002) as
other outlets would run it: one with a new headline, a dateline, straight quotes,
a few words changed, its last paragraphs dropped and a credit line; one cut short
with an agency dateline and one paragraph rewritten around a single sentence (that
paragraph must not fold).  And an unrelated article that quotes one sentence of it
and ends in the same boilerplate as the first copy (nothing of it may fold).
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
ORIGINAL = "002_6bafb76b517a826e.txt"
BOILERPLATE = ("This material may not be published, broadcast, rewritten or redistributed "
               "without permission. All rights reserved by the publisher and its licensors.")
REWRITTEN_PARA = 6  # in the second copy: one sentence of the original's paragraph kept


def _paragraphs(path: Path) -> list[str]:
    return [p for p in path.read_text("utf-8").split("\n\n") if p.strip()]


def _straight(text: str) -> str:
    return (text.replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"')
            .replace("—", "--"))


def make_copies(folder: Path) -> dict[str, str]:
    """Write the seeds and the copies into ``folder``; the copies' file names by role."""
    folder.mkdir(parents=True, exist_ok=True)
    for f in CORPUS.iterdir():
        if f.is_file():
            shutil.copy2(f, folder / f.name)
    paras = _paragraphs(CORPUS / ORIGINAL)
    body = paras[2:]  # after the source line and the headline
    one = [_straight(p) for p in body[:-3]]
    one[0] = "WASHINGTON — " + one[0]
    one[1] = one[1].replace("Experts are of the view", "Analysts believe")
    one[3] = re.sub(r"\bsignificant\b", "major", one[3])
    (folder / "cnd_xi_seeks_ties.txt").write_text(
        "\n\n".join(["Xi courts Seoul as Pyongyang moves closer to Moscow", *one, BOILERPLATE]),
        "utf-8")
    two = list(body[:max(8, int(len(body) * 0.6))])
    two[0] = "SEOUL, March 5 (Yonhap) -- " + two[0]
    sentences = re.split(r"(?<=[.!?])\s+", body[REWRITTEN_PARA])
    two[REWRITTEN_PARA] = (sentences[0] + " South Korean officials said on Sunday they had "
                           "not received a formal proposal and that any visit would depend on "
                           "progress in talks between the two foreign ministries.")
    two[2] = two[2].replace("China", "Beijing", 1)
    (folder / "herald_xi_state_visit.txt").write_text(
        "\n\n".join(["China's Xi proposes state visit to South Korea", *two]), "utf-8")
    quoted = re.split(r"(?<=[.!?])\s+", body[0])[0]
    (folder / "other_story.txt").write_text("\n\n".join([
        "Japan and South Korea resume shuttle diplomacy",
        "Tokyo and Seoul agreed on Thursday to resume regular visits by their leaders, "
        "ending a pause of more than a decade caused by disputes over wartime history "
        "and trade restrictions imposed in 2019.",
        "The two governments also agreed to restart a security dialogue. Commentators "
        f"noted a report from earlier in the year: “{quoted}”",
        BOILERPLATE]), "utf-8")
    with open(folder / "catalog.toml", "a", encoding="utf-8") as f:
        f.write('\n[[document]]\npath = "cnd_xi_seeks_ties.txt"\nsource = "Conservative News '
                'Daily"\ndate = "2023-03-03"\n\n[[document]]\npath = "herald_xi_state_visit.txt"'
                '\nsource = "The Korea Herald"\ndate = "2023-03-05"\n\n[[document]]\npath = '
                '"other_story.txt"\nsource = "Asia Times"\ndate = "2023-03-10"\n')
    return {"original": ORIGINAL, "cnd": "cnd_xi_seeks_ties.txt",
            "herald": "herald_xi_state_visit.txt", "other": "other_story.txt"}

"""Realistic synthetic corpora of N paragraphs, for the benchmarks (never committed).

    python benchmarks/corpus.py --paragraphs 100000 --out /tmp/corpus-100k

Text comes from real articles (the bodies in ``../shared/bench/extraction/
ground-truth.json`` and the seed corpus), re-mixed by a word-level Markov chain
of order 2 so that the vocabulary and its frequencies are those of news
writing.  Each paragraph names 0–3 registered persons, written the way
articles write them (any alias or native-script form, or a title and the family
name, "President Yoon"), and 0–2 registered places.  Articles of 8–30
paragraphs get one of ~50 sources, 1–2 of ~300 authors and a date in
2000–2025, all stated in a generated ``catalog.toml``; the person and place
registries are copied from the bundled corpus.  Deterministic for a seed.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import shutil
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
GROUND_TRUTH = ROOT.parent / "shared" / "bench" / "extraction" / "ground-truth.json"

SOURCES = [f"{a} {b}" for a in ("The Seoul", "Beijing", "Pacific", "The Asia", "Global",
                                "The Korea", "East Asia", "The Northern", "Yellow Sea",
                                "The Daily") for b in ("Herald", "Review", "Times", "Monitor",
                                                       "Observer")]
GIVEN = ["Min-jun", "Seo-yeon", "Wei", "Li", "Anna", "David", "Ji-woo", "Hao", "Sarah", "Tomás",
         "Yuki", "Kenji", "Priya", "Omar", "Elena", "Jae-won", "Mei", "Lucas", "Hana", "Ivan"]
FAMILY = ["Park", "Lee", "Choi", "Zhang", "Wang", "Chen", "Smith", "Garcia", "Tanaka", "Sato",
          "Kumar", "Haddad", "Petrova", "Jung", "Liu", "Moreau", "Kowalski", "Nakamura",
          "Okafor", "Silva"]


def _english(text: str) -> bool:
    letters = [c for c in text[:3000] if c.isalpha()]
    return bool(letters) and sum(c.isascii() for c in letters) / len(letters) > 0.97


def training_texts() -> list[str]:
    """English article bodies (the benchmark pages are in several languages)."""
    texts = []
    if GROUND_TRUTH.is_file():
        for page in json.loads(GROUND_TRUTH.read_text("utf-8")).values():
            body = page.get("articleBody") if isinstance(page, dict) else None
            if body and _english(body):
                texts.append(body)
    for seed in sorted((ROOT / "corpus").glob("*.txt")):
        texts.append(seed.read_text("utf-8"))
    return texts


class Markov:
    """Order-2 word chain over sentences; generates sentences of real-looking prose."""

    def __init__(self, texts: list[str]) -> None:
        self.next: dict[tuple[str, str], list[str]] = defaultdict(list)
        self.starts: list[tuple[str, str]] = []
        for text in texts:
            for sentence in re.split(r"(?<=[.!?])\s+", text):
                words = sentence.split()
                if len(words) < 6:
                    continue
                self.starts.append((words[0], words[1]))
                for a, b, c in zip(words, words[1:], words[2:] + ["\0"], strict=False):
                    self.next[(a, b)].append(c)

    def sentence(self, rng: random.Random, limit: int = 40) -> str:
        a, b = rng.choice(self.starts)
        out = [a, b]
        while len(out) < limit:
            options = self.next.get((a, b))
            if not options:
                break
            c = rng.choice(options)
            if c == "\0":
                break
            out.append(c)
            a, b = b, c
        text = " ".join(out)
        return text if text[-1] in ".!?\"”" else text + "."


def load_names() -> tuple[list[list[str]], list[list[str]]]:
    """How each registered person and place may be written."""
    from searchapp.ingest.entities import Registry

    reg = Registry.load(ROOT / "corpus")
    persons = []
    for p in reg.persons.values():
        forms = [p.name, *p.aliases]
        forms += [f"{t} {p.family}" for t in p.titles if p.family]
        persons.append(forms)
    places = []
    for name, place in getattr(reg, "places", {}).items():
        places.append([name, *getattr(place, "aliases", ())])
    return persons, places


def paragraph(rng: random.Random, chain: Markov, persons, places) -> str:
    sentences = [chain.sentence(rng) for _ in range(rng.randint(2, 4))]
    for _ in range(rng.choices((0, 1, 2, 3), weights=(35, 35, 20, 10))[0]):
        i = rng.randrange(len(sentences))
        who = rng.choice(rng.choice(persons))
        sentences[i] = f"{who} {rng.choice(('said', 'met', 'warned', 'noted', 'added'))} that " \
            + sentences[i][0].lower() + sentences[i][1:]
    for _ in range(rng.choices((0, 1, 2), weights=(50, 35, 15))[0]):
        if places:
            i = rng.randrange(len(sentences))
            sentences[i] = sentences[i].rstrip(".") + f" in {rng.choice(rng.choice(places))}."
    return " ".join(sentences)


def generate(out: Path, paragraphs: int, seed: int = 1) -> dict:
    rng = random.Random(seed)
    chain = Markov(training_texts())
    persons, places = load_names()
    authors = [f"{rng.choice(GIVEN)} {rng.choice(FAMILY)}" for _ in range(300)]
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    for name in ("persons.toml", "places.toml"):
        shutil.copy(ROOT / "corpus" / name, out / name)
    catalog = ["# generated by benchmarks/corpus.py\n"]
    written = files = 0
    while written < paragraphs:
        n = min(rng.randint(8, 30), paragraphs - written)
        title = chain.sentence(rng, limit=12).rstrip(".")
        body = [paragraph(rng, chain, persons, places) for _ in range(n - 1)]
        path = f"a{files // 1000:03}/article{files:07}.txt"
        (out / path).parent.mkdir(exist_ok=True)
        (out / path).write_text(title + "\n\n" + "\n\n".join(body) + "\n", "utf-8")
        date = f"{rng.randint(2000, 2025)}-{rng.randint(1, 12):02}-{rng.randint(1, 28):02}"
        who = ", ".join(json.dumps(a, ensure_ascii=False) for a in rng.sample(authors, rng.choice((1, 1, 1, 2))))
        catalog.append(f'\n[[document]]\npath = "{path}"\ntitle = {json.dumps(title, ensure_ascii=False)}\n'
                       f'source = {json.dumps(rng.choice(SOURCES), ensure_ascii=False)}\ndate = "{date}"\n'
                       f"authors = [{who}]\nlanguage = \"en\"\n")
        written += n  # the title is a paragraph too
        files += 1
    (out / "catalog.toml").write_text("".join(catalog), "utf-8")
    return {"paragraphs": written, "files": files, "path": str(out)}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--paragraphs", type=int, default=10_000)
    ap.add_argument("--out", required=True)
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args(argv)
    print(json.dumps(generate(Path(args.out), args.paragraphs, args.seed)))
    return 0


if __name__ == "__main__":
    sys.exit(main())

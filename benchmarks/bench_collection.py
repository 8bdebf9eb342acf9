"""A folder of mixed documents, from *Add folder* to searchable, on 2 cores.

    python benchmarks/bench_collection.py [--files 1000] [--repeat 3] [--jobs 2]
                                          [--keep DIR] [--no-formats] [--json]

Generates ``--files`` files in a temporary folder (or ``--keep DIR``, reused
when it already holds a collection of that size): the 88 real news pages of
``../shared/bench/extraction/html`` (skipped, with the reason printed, when
that folder is absent) and PDFs (2-14 pages, one or two columns, a running
header and page numbers), DOCX (headings, tables, core properties), ODT, EPUB
(3-8 chapters), e-mail (.eml newsletters, .mbox of 4-12 messages, .mhtml),
RTF and a few MP3s (unsupported: reported as skipped).  Their text is real:
paragraphs of the seed corpus and of the news pages, never lorem ipsum.

**Searchable**: a fresh process (as the app's indexer is) calls
``searchapp.api.update(Settings.resolve(corpus=..., index=..., data_dir=...), jobs=2)``,
then opens the index and runs a first search (a phrase from a PDF page past the
first); the figure is the time from the call to the first results, and the
process's wall time from its start.  Peak memory is the largest RSS of that
process and of its worker processes (``getrusage`` SELF and CHILDREN); CPU
seconds are those of all of them (on a shared machine, wall time follows the load).

**Per format** (one process, the same generated files): ``load_documents`` per
file (loader, cleaning, paragraphs), files/s per format; for PDF also pages/s
beside pypdfium2's raw text (``get_textpage().get_text_range()`` per page) over
the same PDFs in the same run, and their ratio.

Figures are medians of ``--repeat`` passes (the index is rebuilt from scratch
each pass); ratios are between figures of the same run.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import random
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

PAGES = ROOT.parent / "shared" / "bench" / "extraction" / "html"
SEED_CORPUS = ROOT / "corpus"

#: Share of the generated (non-HTML) files per kind; the rest of the 1,000 are the pages.
MIX = {"pdf": 0.30, "docx": 0.20, "odt": 0.07, "epub": 0.11, "eml": 0.15, "mbox": 0.03,
       "mhtml": 0.02, "rtf": 0.11, "mp3": 0.01}


# --- real text --------------------------------------------------------------------------


def real_paragraphs() -> list[str]:
    """Paragraphs of the seed corpus and of the bench news pages (>= 120 characters)."""
    paras: list[str] = []
    for path in sorted(SEED_CORPUS.glob("*.txt")):
        paras += [p for p in re.split(r"\n\s*\n", path.read_text(encoding="utf-8"))]
    if PAGES.is_dir():
        import lxml.html

        for path in sorted(PAGES.glob("*.html.gz")):
            try:
                tree = lxml.html.fromstring(gzip.decompress(path.read_bytes()))
            except Exception:  # a page that does not parse gives nothing
                continue
            paras += [p.text_content() for p in tree.iter("p")]
    seen: set[str] = set()
    out = []
    for p in paras:
        p = " ".join(p.replace("|", " ").split())
        if len(p) >= 120 and p not in seen:
            seen.add(p)
            out.append(p)
    return out


def _title(para: str) -> str:
    words = re.sub(r"[^\w\s'-]", "", para).split()[:8]
    return " ".join(words).title() or "Untitled"


AUTHORS = ["Min-ji Park", "Jane Doe", "Hae-won Lee", "Soo-ah Kim", "Ji-ho Choi",
           "Daniel Sneider", "Victor Cha", "Sue Mi Terry", "Andrei Lankov", "Kim Tae-woo"]


def _date(rng: random.Random) -> tuple[int, int, int]:
    return rng.randint(2015, 2025), rng.randint(1, 12), rng.randint(1, 28)


# --- generators -------------------------------------------------------------------------


def make_pdf(path: Path, paras: list[str], rng: random.Random) -> Path:
    import format_fixtures as fx

    y, m, d = _date(rng)
    months = ["January", "February", "March", "April", "May", "June", "July", "August",
              "September", "October", "November", "December"]
    return fx.make_pdf(path, paras, title=_title(paras[0]), columns=rng.choice((1, 2, 2)),
                       info_title=rng.choice(("Microsoft Word - draft3.docx", _title(paras[0]))),
                       byline=f"By {rng.choice(AUTHORS)}",
                       dateline=f"{months[m - 1]} {d}, {y}", column_lines=40)


def make_docx(path: Path, paras: list[str], rng: random.Random) -> Path:
    import datetime

    import docx

    d = docx.Document()
    title = _title(paras[0])
    d.core_properties.title = title
    d.core_properties.author = rng.choice(AUTHORS)
    d.core_properties.created = datetime.datetime(*_date(rng), 9, 30)
    d.add_heading(title, level=1)
    for i, p in enumerate(paras):
        if i and i % 5 == 0:
            d.add_heading(_title(p)[:40], level=2)
        d.add_paragraph(p)
        if i == 2 and rng.random() < 0.5:
            table = d.add_table(rows=3, cols=3)
            for r in range(3):
                for c in range(3):
                    table.cell(r, c).text = p.split()[(r * 3 + c) % len(p.split())]
    d.save(str(path))
    return path


def make_odt(path: Path, paras: list[str], rng: random.Random) -> Path:
    from odf import dc, meta, table, text
    from odf.opendocument import OpenDocumentText

    doc = OpenDocumentText()
    title = _title(paras[0])
    doc.meta.addElement(dc.Title(text=title))
    doc.meta.addElement(dc.Creator(text=rng.choice(AUTHORS)))
    y, m, d = _date(rng)
    doc.meta.addElement(meta.CreationDate(text=f"{y}-{m:02}-{d:02}T10:00:00"))
    doc.text.addElement(text.H(outlinelevel=1, text=title))
    for i, p in enumerate(paras):
        doc.text.addElement(text.P(text=p))
        if i == 1:
            t = table.Table(name="Figures")
            t.addElement(table.TableColumn(numbercolumnsrepeated=2))
            for a, b in (("Year", "Count"), (str(y), str(rng.randint(2, 900)))):
                tr = table.TableRow()
                for v in (a, b):
                    tc = table.TableCell()
                    tc.addElement(text.P(text=v))
                    tr.addElement(tc)
                t.addElement(tr)
            doc.text.addElement(t)
    doc.save(str(path))
    return path


def make_epub(path: Path, paras: list[str], rng: random.Random) -> Path:
    from xml.sax.saxutils import escape

    chapters = max(3, min(8, len(paras) // 4))
    per = max(1, len(paras) // chapters)
    y, m, d = _date(rng)
    items = "".join(f'<item id="c{i}" href="text/c{i}.xhtml" '
                    'media-type="application/xhtml+xml"/>' for i in range(chapters))
    spine = "".join(f'<itemref idref="c{i}"/>' for i in range(chapters))
    opf = f"""<?xml version="1.0" encoding="utf-8"?>
<package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="id">
 <metadata xmlns:dc="http://purl.org/dc/elements/1.1/">
  <dc:identifier id="id">urn:uuid:{rng.getrandbits(64):016x}</dc:identifier>
  <dc:title>{escape(_title(paras[0]))}</dc:title><dc:creator>{rng.choice(AUTHORS)}</dc:creator>
  <dc:date>{y}-{m:02}-{d:02}</dc:date><dc:language>en</dc:language>
 </metadata><manifest>{items}</manifest><spine>{spine}</spine></package>"""
    container = ('<?xml version="1.0"?><container version="1.0" '
                 'xmlns="urn:oasis:names:tc:opendocument:xmlns:container"><rootfiles>'
                 '<rootfile full-path="OEBPS/content.opf" '
                 'media-type="application/oebps-package+xml"/></rootfiles></container>')
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("mimetype", "application/epub+zip", compress_type=zipfile.ZIP_STORED)
        zf.writestr("META-INF/container.xml", container)
        zf.writestr("OEBPS/content.opf", opf)
        for i in range(chapters):
            chunk = paras[i * per:(i + 1) * per] or paras[-1:]
            body = "".join(f"<p>{escape(p)}</p>" for p in chunk)
            zf.writestr(f"OEBPS/text/c{i}.xhtml", (
                '<?xml version="1.0" encoding="utf-8"?>\n<html xmlns="http://www.w3.org/1999/'
                f'xhtml"><head><title>c{i}</title></head><body><h1>Chapter {i + 1}: '
                f"{escape(_title(chunk[0]))}</h1>{body}</body></html>"))
    return path


def _message(paras: list[str], rng: random.Random, n: int):
    import datetime
    from email.message import EmailMessage
    from email.utils import format_datetime
    from xml.sax.saxutils import escape

    msg = EmailMessage()
    msg["Subject"] = _title(paras[0])
    author = rng.choice(AUTHORS)
    msg["From"] = f"{author} <{author.split()[-1].lower()}@brief.example>"
    msg["To"] = "reader@example.org"
    msg["Date"] = format_datetime(datetime.datetime(*_date(rng), 8, 0,
                                                    tzinfo=datetime.timezone.utc))
    msg["Message-ID"] = f"<m{n}-{rng.getrandbits(32):x}@brief.example>"
    footer = ["Unsubscribe | Manage preferences", "Peninsula Brief, 123 Main Street, Seoul"]
    msg.set_content("\n\n".join(paras + footer) + "\n")
    if rng.random() < 0.7:  # a newsletter: text and HTML alternatives
        html = "".join(f"<p>{escape(p)}</p>" for p in paras + footer)
        msg.add_alternative(f"<html><body><h1>{escape(_title(paras[0]))}</h1>{html}"
                            "</body></html>", subtype="html")
    return msg


def make_eml(path: Path, paras: list[str], rng: random.Random) -> Path:
    path.write_bytes(bytes(_message(paras, rng, 0)))
    return path


def make_mbox(path: Path, paras: list[str], rng: random.Random) -> Path:
    chunks = []
    for n in range(rng.randint(4, 12)):
        msg = _message(rng.sample(paras, min(len(paras), 3)), rng, n)
        body = bytes(msg).decode("utf-8", "replace")
        body = re.sub(r"(?m)^(>*From )", r">\1", body)
        chunks.append(f"From news@brief.example Mon Apr  1 09:00:00 2024\n{body}\n")
    path.write_text("".join(chunks), encoding="utf-8")
    return path


def make_mhtml(path: Path, paras: list[str], rng: random.Random) -> Path:
    from email.message import EmailMessage
    from xml.sax.saxutils import escape

    msg = EmailMessage()
    title = _title(paras[0])
    msg["Subject"] = f"Saved page: {title}"
    msg["From"] = "<Saved by Blink>"
    msg["Date"] = "Fri, 09 Feb 2024 12:00:00 +0000"
    msg.make_related()
    body = "".join(f"<p>{escape(p)}</p>" for p in paras)
    msg.add_related(f"<html><head><title>{escape(title)}</title></head><body><article>"
                    f"<h1>{escape(title)}</h1>{body}</article></body></html>", subtype="html",
                    headers=["Content-Location: https://news.example/page"])
    path.write_bytes(bytes(msg))
    return path


def _rtf_escape(text: str) -> str:
    out = []
    for ch in text:
        o = ord(ch)
        if ch in "\\{}":
            out.append("\\" + ch)
        elif o < 128:
            out.append(ch)
        else:
            out.append(f"\\u{o if o < 32768 else o - 65536}?")
    return "".join(out)


def make_rtf(path: Path, paras: list[str], rng: random.Random) -> Path:
    y, m, d = _date(rng)
    title = _rtf_escape(_title(paras[0]))
    body = "".join(f"{_rtf_escape(p)}\\par\\par " for p in paras)
    path.write_text(r"{\rtf1\ansi\ansicpg1252\deff0{\fonttbl{\f0 Times New Roman;}}"
                    rf"{{\info{{\title {title}}}{{\author {rng.choice(AUTHORS)}}}"
                    rf"{{\creatim\yr{y}\mo{m}\dy{d}}}}}\f0\fs24 {title}\par\par {body}}}",
                    encoding="ascii")
    return path


def make_mp3(path: Path, paras: list[str], rng: random.Random) -> Path:
    path.write_bytes(b"ID3\x03" + rng.randbytes(256))
    return path


MAKERS = {"pdf": make_pdf, "docx": make_docx, "odt": make_odt, "epub": make_epub,
          "eml": make_eml, "mbox": make_mbox, "mhtml": make_mhtml, "rtf": make_rtf,
          "mp3": make_mp3}
#: Paragraphs per file (a range); a PDF gets 2-14 pages of about nine paragraphs each.
SIZES = {"pdf": (18, 126), "docx": (5, 30), "odt": (4, 16), "epub": (12, 40), "eml": (3, 8),
         "mbox": (6, 20), "mhtml": (3, 10), "rtf": (3, 12), "mp3": (1, 1)}


def plan(files: int, with_pages: bool) -> dict[str, int]:
    """How many files of each kind make ``files`` (the 88 pages included when present)."""
    pages = len(list(PAGES.glob("*.html.gz"))) if with_pages and PAGES.is_dir() else 0
    pages = min(pages, files // 5)
    rest = files - pages
    counts = {k: int(rest * share) for k, share in MIX.items()}
    counts["mp3"] = max(1, counts["mp3"])  # at least one file to report as skipped
    counts["pdf"] += rest - sum(counts.values())
    counts["html"] = pages
    return counts


def make_collection(out: Path, files: int, seed: int = 21) -> dict:
    """Write the mixed folder; returns what was written (counts per kind, skips)."""
    rng = random.Random(seed)
    paras = real_paragraphs()
    counts = plan(files, with_pages=True)
    skipped = [] if counts["html"] else [f"no bench HTML pages in {PAGES}"]
    out.mkdir(parents=True, exist_ok=True)
    sources = sorted(PAGES.glob("*.html.gz"))[:counts["html"]] if counts["html"] else []
    for src in sources:
        shutil.copy(src, out / f"page-{src.name[:12]}.html.gz")
    for kind, n in counts.items():
        if kind == "html":
            continue
        sub = out / kind  # a folder per kind, as people keep them
        sub.mkdir(exist_ok=True)
        lo, hi = SIZES[kind]
        for i in range(n):
            k = rng.randint(lo, hi)
            start = rng.randrange(len(paras))
            chosen = [paras[(start + j) % len(paras)] for j in range(k)]
            MAKERS[kind](sub / f"{kind}-{i:04}.{kind}", chosen, rng)
    (out / ".bench-collection.json").write_text(json.dumps({"files": files, "counts": counts}))
    return {"counts": counts, "skipped": skipped, "paragraph_pool": len(paras)}


# --- from Add folder to searchable --------------------------------------------------------


def pdf_phrase(folder: Path) -> str:
    """A five-word phrase from page 2 or later of a generated PDF (the first search)."""
    import pypdfium2 as pdfium

    for path in sorted((folder / "pdf").glob("*.pdf")):
        pdf = pdfium.PdfDocument(str(path))
        try:
            if len(pdf) < 3:
                continue
            text = pdf[1].get_textpage().get_text_range()
        finally:
            pdf.close()
        for line in text.splitlines():
            words = line.split()
            for i in range(1, len(words) - 4):
                run = words[i:i + 4]
                if all(w.isalpha() and len(w) >= 3 for w in run):
                    return '"' + " ".join(run) + '"'
    return "Korea"


def child(corpus: str, index: str, data: str, query: str, jobs: int) -> None:
    """Runs in its own process: index the folder, then the first search."""
    start = time.perf_counter()
    from searchapp import api
    from searchapp.config import Settings
    from searchapp.search.engine import SearchEngine, SearchRequest

    settings = Settings.resolve(corpus=corpus, index=index, data_dir=data)
    t = time.perf_counter()
    report = api.update(settings, jobs=jobs)
    indexed = time.perf_counter()
    with SearchEngine.open(settings) as engine:
        # the folder holds the same few texts in every format, so their copies would
        # fold under one of them: every copy is asked for, to see the PDF's own page
        result = engine.search(SearchRequest(query=query, page_size=20, all_copies=True))
    searched = time.perf_counter()
    pdf_pages = sorted({(h.path, h.page) for h in result.hits if h.path.endswith(".pdf")})
    me, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    rss_self, rss_children = me.ru_maxrss / 1024, kids.ru_maxrss / 1024
    cpu = me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime
    skipped = [p for p, why in report.failed if "unsupported" in why]
    print(json.dumps({
        "imports_s": t - start, "index_s": indexed - t, "first_search_s": searched - indexed,
        "searchable_s": searched - t, "files": report.total_files,
        "paragraphs": report.total_paragraphs, "failed": len(report.failed) - len(skipped),
        "failed_examples": [f for f in report.failed if "unsupported" not in f[1]][:5],
        "skipped": len(skipped), "query": query, "hits": result.total,
        "pdf_hits_with_page": [list(x) for x in pdf_pages[:3]],
        "rss_self_mb": rss_self, "rss_children_mb": rss_children, "cpu_s": cpu,
        "cpu_self_s": me.ru_utime + me.ru_stime, "cpu_children_s": kids.ru_utime + kids.ru_stime,
        "load_average": os.getloadavg()[0]}))


def searchable(folder: Path, work: Path, jobs: int, repeat: int, query: str) -> dict:
    runs = []
    for k in range(repeat):
        index, data = work / f"index-{k}", work / f"data-{k}"
        t = time.perf_counter()
        proc = subprocess.run(
            [sys.executable, __file__, "--child", str(folder), str(index), str(data), query,
             str(jobs)], capture_output=True, text=True, timeout=1800)
        wall = time.perf_counter() - t
        if proc.returncode:
            raise SystemExit(proc.stderr[-3000:])
        row = json.loads(proc.stdout.strip().splitlines()[-1])
        row["process_wall_s"] = wall
        runs.append(row)
        shutil.rmtree(index, ignore_errors=True)
        shutil.rmtree(data, ignore_errors=True)

    def med(key: str) -> float:
        return round(statistics.median(r[key] for r in runs), 2)

    last = runs[-1]
    return {"jobs": jobs, "runs": len(runs),
            "searchable_s": med("searchable_s"), "index_s": med("index_s"),
            "first_search_s": round(statistics.median(r["first_search_s"] for r in runs), 3),
            "process_wall_s": med("process_wall_s"), "cpu_s": med("cpu_s"),
            "cpu_self_s": med("cpu_self_s"), "cpu_children_s": med("cpu_children_s"),
            "load_average_each": [round(r["load_average"], 1) for r in runs],
            "searchable_s_each": [round(r["searchable_s"], 2) for r in runs],
            "peak_rss_self_mb": med("rss_self_mb"), "peak_rss_children_mb": med("rss_children_mb"),
            "files": last["files"], "paragraphs": last["paragraphs"], "failed": last["failed"],
            "failed_examples": last["failed_examples"], "skipped": last["skipped"],
            "query": query, "hits": last["hits"], "pdf_hits_with_page": last["pdf_hits_with_page"]}


# --- per format, one process ------------------------------------------------------------


def pdfium_raw(path: Path) -> int:
    """pypdfium2's raw text of a PDF file (bench_formats' reference); its page count."""
    from bench_formats import pdfium_raw as raw_text

    return raw_text(path.read_bytes())


def per_format(folder: Path, repeat: int) -> dict:
    from searchapp.ingest.pipeline import load_documents

    kinds = {"pdf": ["pdf"], "docx": ["docx"], "odt": ["odt"], "epub": ["epub"],
             "e-mail": ["eml", "mbox", "mhtml"], "rtf": ["rtf"], "html": []}
    out: dict[str, dict] = {}
    for kind, subs in kinds.items():
        paths = sorted(p for s in subs for p in (folder / s).glob(f"*.{s}"))
        if kind == "html":
            paths = sorted(folder.glob("*.html.gz"))
        if not paths:
            continue
        ours, raw, docs = [], [], 0
        pages = sum(pdfium_raw(p) for p in paths) if kind == "pdf" else 0
        for _ in range(repeat):  # ours and raw alternate, so both see the same machine
            t = time.perf_counter()
            docs = sum(len(load_documents(p, folder)) for p in paths)
            ours.append(time.perf_counter() - t)
            if kind == "pdf":
                t = time.perf_counter()
                for p in paths:
                    pdfium_raw(p)
                raw.append(time.perf_counter() - t)
        s = statistics.median(ours)
        row = {"files": len(paths), "documents": docs, "files_per_s": round(len(paths) / s, 1)}
        if kind == "pdf":
            r = statistics.median(raw)
            row.update(pages=pages, ours_pages_per_s=round(pages / s, 1),
                       pypdfium2_raw_pages_per_s=round(pages / r, 1),
                       ours_vs_raw=round(r / s, 2),
                       ratio_each=[round(b / a, 2) for a, b in zip(ours, raw, strict=True)])
        out[kind] = row
    return out


# --- main ----------------------------------------------------------------------------------


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv and argv[0] == "--child":
        child(*argv[1:5], int(argv[5]))
        return 0
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--files", type=int, default=1000)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--jobs", type=int, default=2, help="indexing processes (2 cores)")
    ap.add_argument("--keep", metavar="DIR", help="generate the folder here and reuse it")
    ap.add_argument("--no-formats", action="store_true", help="skip the per-format figures")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args(argv)
    work = Path(tempfile.mkdtemp(prefix="bench-collection-"))
    try:
        folder = Path(args.keep) if args.keep else work / "collection"
        stamp = folder / ".bench-collection.json"
        t = time.perf_counter()
        if stamp.exists() and json.loads(stamp.read_text())["files"] == args.files:
            made = {"counts": json.loads(stamp.read_text())["counts"], "skipped": [],
                    "reused": True}
        else:
            if folder.exists():
                shutil.rmtree(folder)
            made = make_collection(folder, args.files)
        made["generate_s"] = round(time.perf_counter() - t, 1)
        if not args.json:
            print(f"{args.files} files in {folder} ({made['generate_s']} s to make): "
                  + ", ".join(f"{k} {v}" for k, v in made["counts"].items()), flush=True)
            for why in made["skipped"]:
                print(f"  skipped: {why}")
        result = {"collection": made, "files": args.files,
                  "searchable": searchable(folder, work, args.jobs, args.repeat,
                                           pdf_phrase(folder))}
        if not args.no_formats:
            result["formats"] = per_format(folder, args.repeat)
        result["cores"] = os.cpu_count()
        result["load_average"] = os.getloadavg()[0]
    finally:
        shutil.rmtree(work, ignore_errors=True)
    if args.json:
        print(json.dumps(result))
        return 0
    s = result["searchable"]
    print(f"From Add folder to searchable, {s['jobs']} processes, median of {s['runs']}: "
          f"{s['searchable_s']} s (index {s['index_s']} s + first search "
          f"{s['first_search_s'] * 1000:.0f} ms; each run {s['searchable_s_each']}; "
          f"process wall {s['process_wall_s']} s; CPU {s['cpu_s']} s in all processes: "
          f"{s['cpu_self_s']} s indexing process, {s['cpu_children_s']} s its worker; "
          f"load average after each run {s['load_average_each']})")
    print(f"  {s['files']} files indexed, {s['paragraphs']} paragraphs, {s['skipped']} skipped "
          f"(unsupported), {s['failed']} failed {s['failed_examples'][:2]}")
    print(f"  first search {s['query']}: {s['hits']} hits, PDF pages {s['pdf_hits_with_page']}")
    print(f"  peak RSS: indexing process {s['peak_rss_self_mb']:.0f} MB, largest worker "
          f"{s['peak_rss_children_mb']:.0f} MB")
    for kind, row in result.get("formats", {}).items():
        line = f"  {kind:>7}: {row['files_per_s']:7.1f} files/s ({row['files']} files"
        if kind == "pdf":
            line += (f", {row['pages']} pages): ours {row['ours_pages_per_s']:.0f} pages/s, "
                     f"pypdfium2 raw {row['pypdfium2_raw_pages_per_s']:.0f} pages/s, ours/raw "
                     f"{row['ours_vs_raw']:.2f} (each pass {row['ratio_each']})")
        else:
            line += ")"
        print(line)
    print(f"  load average {result['load_average']:.1f} on {result['cores']} cores")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

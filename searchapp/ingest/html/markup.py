"""What a page's markup says that every extractor would lose, put into its text before
extraction: two texts a tag sets apart get a space between them
(:func:`separate_glued_texts`), and who signs a quotation becomes a paragraph
(:func:`keep_quotation_signatures`).  Both change the parsed tree in place
(:mod:`searchapp.ingest.html.extract` calls them once per page)."""

from __future__ import annotations

from lxml import etree

_SIGNATURES = etree.XPath("//blockquote//footer | //figure[.//blockquote]/figcaption")
_QUOTE_FIGURES = etree.XPath("//figure[.//blockquote and not(.//img | .//video)]")


def keep_quotation_signatures(tree) -> int:
    """Keep who signs a quotation as a paragraph of its own: HTML writes it as a
    ``<footer>`` inside the ``<blockquote>`` (``<footer>— <cite>Name, role</cite>
    </footer>``) or as the ``<figcaption>`` of a ``<figure>`` holding one, and every
    extractor drops footers and captions as page furniture -- the quotation would
    lose its speaker.  The elements become ``<p>``; how many did."""
    found = _SIGNATURES(tree)
    for el in found:
        el.tag = "p"
        el.attrib.clear()  # a class such as "blockquote-footer" reads as furniture
    for el in _QUOTE_FIGURES(tree):  # a figure is an image's to extractors: dropped whole
        el.tag = "div"
    return len(found)


def separate_glued_texts(tree) -> int:
    """Put a space where two texts meet at a tag with none between them and a
    lower-case letter or a digit runs into a capital (``International
    <a>Relations</a>CICIR``, ``<b>Stay</b><span>Protein</span>``,
    ``<span>1</span>Look for a deal``): the page set them apart with markup (a
    link, a label, a list number, a cell styled as a block) and every extractor
    would glue them into one word.  The texts are changed in ``tree``; how many were.

    Only where the markup ends one text and starts the next: a word the page
    writes in one text (``AirPods``, ``WikiLeaks``, ``watchOS``) is never split.
    On the 388 benchmark pages the ground truth writes ~2,600 such pairs apart and
    16 together (table cells and footnote numbers it ran together itself)
    (``benchmarks/RESULTS.md``).  A capital run into a lower-case letter (a drop
    cap: ``<span>H</span>ong Kong``) or two lower-case letters
    (``<a>MacBook</a>s``) stay joined.
    """
    body = tree.find("body")
    if body is None:
        return 0
    changed = 0
    prev = ""
    # the body's texts in document order (an element's text at its start, its tail
    # at its end): as ``//body//text()``, without a string object per text node
    for event, el in etree.iterwalk(body, events=("start", "end")):
        if event == "end" and el is body:
            break
        tail = event == "end"
        text = el.tail if tail else el.text
        if not text:
            continue
        if text[:1].isupper() and (prev[-1:].islower() or prev[-1:].isdigit()):
            if tail:
                el.tail = " " + text
            else:
                el.text = " " + text
            changed += 1
        prev = text
    return changed

"""Bounded reading of zip containers and XML parts (DOCX, ODT, EPUB).

Hostile or broken files must cost bounded time and memory and end in a
:class:`~searchapp.ingest.read.LoadError` with a readable reason:

* zip bombs: the uncompressed sizes declared in the zip directory are summed
  and checked before anything is inflated, and every member is then read in
  chunks with a cap, since the directory can lie;
* XML: lxml parses with entities unresolved (no "billion laughs"), no DTD
  loading, no network, and libxml2's default limits (nesting depth 256, no
  "huge tree"), so deeply nested XML is refused rather than recursed into;
* truncated or damaged zips are reported as such.
"""

from __future__ import annotations

import io
import zipfile
import zlib

from lxml import etree

from searchapp.ingest.read import LoadError

#: Most bytes all members of one container may inflate to.
MAX_UNZIPPED = 128 * 1024 * 1024
#: Most bytes one XML part may have.
MAX_PART = 32 * 1024 * 1024
#: Most members one container may list.
MAX_MEMBERS = 20_000

_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False,
                          huge_tree=False, remove_comments=True, remove_pis=True)
_RECOVERING = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False,
                              huge_tree=False, remove_comments=True, remove_pis=True,
                              recover=True)


def open_zip(raw: bytes, what: str) -> zipfile.ZipFile:
    """The zip container in ``raw``, its directory checked against the caps."""
    try:
        zf = zipfile.ZipFile(io.BytesIO(raw))
        infos = zf.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError) as exc:
        raise LoadError(f"damaged or truncated {what} (not a readable zip container: {exc})") \
            from exc
    if len(infos) > MAX_MEMBERS:
        raise LoadError(f"{what} has too many parts ({len(infos)}, limit {MAX_MEMBERS})")
    total = sum(i.file_size for i in infos)
    if total > MAX_UNZIPPED:
        raise LoadError(f"{what} would unpack to {total / 2**20:.0f} MiB (limit "
                        f"{MAX_UNZIPPED >> 20} MiB): refused as a possible zip bomb")
    return zf


def read_member(zf: zipfile.ZipFile, name: str, what: str, limit: int = MAX_PART) -> bytes:
    """One member's bytes, read in chunks and refused past ``limit`` whatever
    the directory says; a missing member raises :class:`LoadError`."""
    try:
        info = zf.getinfo(name)
    except KeyError as exc:
        raise LoadError(f"damaged {what}: part {name!r} is missing") from exc
    if info.file_size > limit:
        raise LoadError(f"{what} part {name!r} is too large ({info.file_size / 2**20:.0f} MiB, "
                        f"limit {limit >> 20} MiB)")
    out = bytearray()
    try:
        with zf.open(info) as fh:
            while chunk := fh.read(1 << 16):
                out += chunk
                if len(out) > limit:
                    raise LoadError(f"{what} part {name!r} inflates past {limit >> 20} MiB "
                                    "(its declared size is false): refused as a zip bomb")
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError, NotImplementedError) as exc:
        raise LoadError(f"damaged or truncated {what}: part {name!r} cannot be read ({exc})") \
            from exc
    return bytes(out)


def has_member(zf: zipfile.ZipFile, name: str) -> bool:
    """Whether the container lists ``name``."""
    try:
        zf.getinfo(name)
    except KeyError:
        return False
    return True


def parse_xml(data: bytes, what: str, recover: bool = False) -> etree._Element:
    """The root element of an XML part, parsed safely (see the module docstring).

    ``recover`` lets libxml2 repair sloppy markup (EPUB chapters); the limits
    on depth and entities hold either way."""
    try:
        root = etree.fromstring(data, _RECOVERING if recover else _PARSER)
    except etree.XMLSyntaxError as exc:
        msg = str(exc)
        if "depth" in msg.lower():
            raise LoadError(f"{what}: XML nested too deeply (limit 256 levels)") from exc
        raise LoadError(f"{what}: broken XML ({msg})") from exc
    if root is None:
        raise LoadError(f"{what}: empty XML")
    return root


def local(tag: object) -> str:
    """An element's tag without its namespace (``""`` for comments and the like)."""
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""

"""RSS and Atom feeds: a dump of stories, each item (entry) a document of its own.

An item is read as a JSON record is (`readers.read_record`): its title, its date fields (RSS `pubDate`,
Dublin Core `dc:date`, Atom `published` and `updated`), its link, author and language (the item's own
`xml:lang`, else the channel's `<language>` or the feed's), and its text: `content:encoded`, Atom `content`,
else the description or summary, HTML read as paragraphs. Its row is `path#guid` (or the Atom `id`), which
stays the same as the feed moves on and old items drop off; `path#itemN` where it has none.

A file that is not well-formed XML is one unreadable row; an XML file whose root is no feed (a sitemap, a
project file) is read as text, as any file named on the command line is. A folder's walk takes `.rss` and
`.atom` files, and `.xml` files whose first bytes show a feed (`is_feed`).
"""
from __future__ import annotations

import re
from typing import Iterator, Optional

from checker.ids import SeenIds
from checker.model import Document, ProblemCode

# the roots of RSS 2.0 (and 0.9x), Atom and RSS 1.0 (RDF)
ROOTS = ("rss", "feed", "RDF")
_SNIFF = re.compile(rb"<(?:[\w-]+:)?(?:rss|feed|RDF)\b")
_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")
SNIFF_BYTES = 4096
# item child -> the record field it fills, in order of preference
_FIELDS = {
    "text": ("encoded", "content", "description", "summary"),  # content:encoded, Atom content, RSS, Atom
    "title": ("title",),
    "author": ("creator", "author"),  # Dublin Core, RSS and Atom
    "id": ("guid", "id"),
}
# date fields, kept under their own names (the JSON reader's published and updated fields), so a finding says
# where its date came from: RSS pubDate, Atom published and updated, Dublin Core date and modified
DATE_FIELDS = ("pubDate", "published", "date", "updated", "modified")
# HTML elements that begin a paragraph of their own in an item's text
_BLOCKS = {"p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "tr", "table",
           "section", "article", "figure", "figcaption", "pre", "hr", "dd", "dt"}
_SKIP = {"script", "style", "noscript", "template", "svg"}
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def is_feed(head: bytes) -> bool:
    """Whether a file's first bytes open a feed: an `<rss`, Atom `<feed` or RSS 1.0 `<rdf:RDF` element."""
    return bool(_SNIFF.search(head[:SNIFF_BYTES]))


def _local(tag) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def read_feed(doc_id: str, path: str, text: str) -> Iterator[Document]:
    """The feed's items, one document each; a file that is no feed is read as text."""
    from lxml import etree

    from checker.ingest.readers import read_record, read_text, record_id, unreadable

    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False, remove_comments=True)
    try:
        # the text is decoded already (from the bytes, whatever the declaration says): the declaration goes
        root = etree.fromstring(_DECLARATION.sub("", text, count=1), parser)
    except etree.XMLSyntaxError as exc:
        if is_feed(text[:SNIFF_BYTES].encode("utf-8", "replace")):
            yield unreadable(doc_id, path, "feed", ProblemCode.IN001,
                             f"The feed is not well-formed XML: {exc.msg.rstrip('.')}.", text)
        else:
            yield read_text(doc_id, path, text)
        return
    kind = _local(root.tag)
    if kind not in ROOTS:
        yield read_text(doc_id, path, text)
        return
    prefix = "atom" if kind == "feed" else "rss"
    channel = next((c for c in root if _local(c.tag) == "channel"), root)
    language = _first_text(channel, "language") or root.get(XML_LANG) or channel.get(XML_LANG)
    items = [el for el in root.iter() if _local(el.tag) in ("item", "entry")]
    if not items:
        yield unreadable(doc_id, path, "feed", ProblemCode.IN001, f"The {prefix.upper()} feed holds no items.", text)
        return
    seen = SeenIds()
    for n, item in enumerate(items, 1):
        rid = f"{path}#item{n}"
        try:
            record = _record(item, language)
            rid = record_id(path, record, n, seen, unit="item")
            if not record.get("text"):
                yield unreadable(rid, path, "feed", ProblemCode.IN001, f"Item {n} of the feed has no text (no content, "
                                                                       f"description or summary); nothing to check.")
                continue
            yield read_record(rid, path, record, "feed", prefix)
        except Exception as exc:  # one item's failure is its own row; the feed goes on
            from checker.ingest import failed

            yield failed(rid, path, "feed", exc)


def _record(item, language: Optional[str]) -> dict:
    """An item's fields under the names the JSON reader knows."""
    by_name: dict[str, list] = {}
    for child in item:
        by_name.setdefault(_local(child.tag), []).append(child)
    record: dict = {}
    for field, names in _FIELDS.items():
        read = {"text": _html_text, "author": _author, "title": _title}.get(field, _plain)
        value = next((v for name in names for v in map(read, by_name.get(name, ())) if v), None)
        if value:
            record[field] = value
    for name in DATE_FIELDS:
        value = next((v for v in map(_plain, by_name.get(name, ())) if v), None)
        if value:
            record[name] = value
    link = _link(by_name.get("link", ()))
    if link:
        record["url"] = link
    lang = item.get(XML_LANG) or language
    if lang:
        record["language"] = lang.strip()
    return record


def _plain(el) -> str:
    return " ".join("".join(el.itertext()).split())


def _title(el) -> str:
    """A title as written: plain text ("Q&A: rates under <5%"), unless Atom says it holds HTML."""
    return _html_text(el) if el.get("type") in ("html", "xhtml") else _plain(el)


def _author(el) -> str:
    """An RSS author (often "mail (Name)") or Dublin Core creator; an Atom author's name."""
    name = next((c for c in el if _local(c.tag) == "name"), None)
    value = _plain(name if name is not None else el)
    inside = re.search(r"\(([^)]+)\)\s*$", value)
    return inside.group(1).strip() if inside and "@" in value else value


def _link(links) -> Optional[str]:
    """RSS `<link>` text, or the Atom link of rel "alternate" (the default)."""
    for el in links:
        href = el.get("href")
        if href and el.get("rel", "alternate") == "alternate":
            return href.strip()
        if not href and _plain(el):
            return _plain(el)
    return None


def _first_text(el, name: str) -> Optional[str]:
    child = next((c for c in el if _local(c.tag) == name), None)
    if child is None:
        return None
    return _plain(child) or None


def _html_text(el) -> str:
    """An element's text; where it holds HTML (escaped, in CDATA, or as XHTML children), the text a browser
    shows, one paragraph per block element."""
    if len(el):  # Atom's type="xhtml": the markup is the element's children
        return _paragraphs(_walk_blocks(el))
    return fragment_text(el.text or "")


def fragment_text(raw: str) -> str:
    """The text a browser shows of a fragment of HTML, one paragraph per block element; text without markup
    or entities, its words as they are."""
    if "<" not in raw and "&" not in raw:  # no markup and no entity left to decode
        return " ".join(raw.split())
    import lxml.html
    from lxml import etree

    try:
        frag = lxml.html.fragment_fromstring(raw, create_parent="div")
    except (etree.ParserError, ValueError):
        return " ".join(re.sub(r"<[^>]+>", " ", raw).split())
    return _paragraphs(_walk_blocks(frag))


def _walk_blocks(root) -> list[str]:
    parts: list[str] = []

    def walk(el):
        tag = _local(el.tag).lower()
        if not tag or tag in _SKIP:  # a comment or a processing instruction (its tail is the parent's to read)
            return
        block = tag in _BLOCKS
        if block:
            parts.append("\n")
        if el.text:
            parts.append(el.text)
        for child in el:
            walk(child)
            if child.tail:
                parts.append(child.tail)
        if block:
            parts.append("\n")

    walk(root)
    return parts


def _paragraphs(parts: list[str]) -> str:
    lines = (" ".join(line.split()) for line in "".join(parts).split("\n"))
    return "\n\n".join(line for line in lines if line)

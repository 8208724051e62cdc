"""HTML reader.

The page is parsed with lxml's HTML parser, which repairs unclosed tags the way browsers do
and records the source line of every element. Site furniture (scripts, navigation, menus,
banners, sidebars, cookie notices, site footers) is dropped; the `<main>` element (or a
single `<article>` holding most of the text) is preferred to the whole body. Block elements
become blocks with whitespace collapsed as a browser renders it: headings with their level,
paragraphs, list items with nesting level and `<ol>` numbering ("3.", written into the text
as the text reader does for numbered items), and data tables as cells. `<br>` is a new line
inside a block and `<br><br>` a paragraph break. Bold comes from `<b>`, `<strong>` and inline
`font-weight`. Every block keeps the 1-based source line of its text.
"""
from __future__ import annotations

import codecs
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

import lxml.html
from lxml import etree

from extractor.errors import DocumentTooLarge, UnreadableDocument
from models.document import Block, Cell, Document, TextLine

MAX_BYTES = 20 * 1024 * 1024  # markup included; parsed, it takes ~50x in memory

# never content: dropped with everything inside
_NEVER = {"script", "style", "noscript", "template", "svg", "button", "iframe", "object", "embed", "canvas",
          "select", "textarea", "input", "title", "head", "meta", "link", "map", "audio", "video"}
# site furniture by tag, unless it holds the page's content (see `_holds_content`)
_FURNITURE_TAGS = {"nav", "aside", "form"}
_SCOPED_TAGS = {"header", "footer"}  # furniture only outside article/main/section, as ARIA maps them
_FURNITURE_ROLES = {"navigation", "banner", "contentinfo", "complementary", "search", "menu", "menubar",
                    "dialog", "alertdialog"}
_FURNITURE_NAME = re.compile(
    r"(?i)^(?:[a-z0-9]+[-_]){0,2}(?:nav|navbar|navigation|menu|menubar|breadcrumbs?|sidebar|side[-_]bar|"
    r"cookies?|consent|gdpr|skip(?:links?|nav)?|footer|header|masthead|topbar|toolbar|share|social)(?:$|[-_])")
_HEADINGS = {f"h{i}": i for i in range(1, 7)}
_LISTS = {"ul", "ol", "menu", "dir"}
_TABLE_PARTS = {"table", "thead", "tbody", "tfoot", "tr", "td", "th", "caption", "colgroup", "col"}
_BLOCKS = {"address", "article", "blockquote", "body", "center", "dd", "details", "dialog", "div", "dl", "dt",
           "fieldset", "figcaption", "figure", "footer", "form", "header", "hgroup", "legend", "main", "nav",
           "p", "pre", "section", "summary", "aside", "caption", "td", "th", "tr", "noframes", "html"}
_BOLD_STYLE = re.compile(r"(?i)font-weight\s*:\s*(?:bold|bolder|[6-9]00)\b")
_HIDDEN_STYLE = re.compile(r"(?i)display\s*:\s*none|visibility\s*:\s*hidden")
_SKIP_TEXT = re.compile(r"(?i)^\s*skip\s+(?:to|navigation)\b")
_COPYRIGHT = re.compile(r"(?i)\ball rights reserved\b|^\s*(?:copyright\s*)?(?:©|\(c\))\s*(?:\d{4}|copyright\b)")
_SPACE = " \t\n\r\f\xa0"
_INVISIBLE = {"\u200b", "\xad", "\ufeff"}

_MAGIC = [(b"%PDF", "a PDF file"), (b"PK\x03\x04", "a zip archive (DOCX or similar)"),
          (b"\xd0\xcf\x11\xe0", "an old Microsoft Office file"), (b"\x89PNG", "a PNG image"),
          (b"\xff\xd8\xff", "a JPEG image"), (b"GIF8", "a GIF image"), (b"{\\rtf", "an RTF file")]
_META_CHARSET = re.compile(rb"""<meta[^>]+?charset\s*=\s*["']?\s*([\w.:-]+)""", re.IGNORECASE)
_XML_ENCODING = re.compile(rb"""^\s*<\?xml[^>]*?encoding\s*=\s*["']([\w.:-]+)""")
_XML_DECL = re.compile(r"^\s*<\?xml[^>]*\?>")


# ---------------------------------------------------------------- bytes to text

def _decode(data: bytes, path: Path) -> tuple[str, list[str]]:
    """The page as text: BOM, then declared charset, then UTF-8, then Windows-1252."""
    for bom, enc in ((b"\xef\xbb\xbf", "utf-8"), (b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be")):
        if data.startswith(bom):
            try:
                return data[len(bom):].decode(enc), []
            except UnicodeDecodeError:
                raise UnreadableDocument(str(path), f"the file starts with a {enc} byte-order mark but is not {enc}")
    for magic, what in _MAGIC:
        if data.startswith(magic):
            raise UnreadableDocument(str(path), f"{what}, not an HTML page")
    if b"\x00" in data[:4096]:
        raise UnreadableDocument(str(path), "binary content, not an HTML page")
    head = data[:4096]
    m = _XML_ENCODING.match(head) or _META_CHARSET.search(head)
    declared, warnings = None, []
    if m:
        name = m.group(1).decode("ascii", "replace").lower()
        try:
            declared = codecs.lookup(name).name
        except LookupError:
            warnings.append(f"unknown charset {name!r} declared; read as UTF-8")
        if declared in ("latin-1", "iso8859-1", "ascii"):
            declared = "cp1252"  # as browsers read them
        elif declared and declared.startswith(("utf-16", "utf-32")):
            declared = None  # a declaration readable as ASCII is not UTF-16
    for enc in dict.fromkeys(e for e in (declared, "utf-8", "cp1252") if e):
        try:
            text = data.decode(enc)
        except UnicodeDecodeError:
            if enc == declared:
                warnings.append(f"the page declares {declared} but is not; read as UTF-8 or Windows-1252")
            continue
        controls = sum(1 for ch in text[:65536] if ord(ch) < 32 and ch not in "\t\n\r\f")
        if controls > len(text[:65536]) // 100:
            raise UnreadableDocument(str(path), "binary content, not an HTML page")
        return text, warnings
    raise UnreadableDocument(str(path), "not readable as text (neither UTF-8 nor Windows-1252)")


# ---------------------------------------------------------------- source lines

def _source_lines(root: etree._Element) -> tuple[dict, dict]:
    """Line where each element's own text starts, and where its tail starts.

    lxml gives an element's line at the end of its start tag (a comment's at its end); text
    inside is counted on from there.
    """
    text_at: dict = {}
    tail_at: dict = {}

    def walk(el, line: int) -> int:
        start = el.sourceline or line
        if not isinstance(el.tag, str):  # comment or processing instruction
            return start
        text_at[el] = start
        line = start + (el.text or "").count("\n")
        for child in el:
            end = walk(child, line)
            tail_at[child] = end
            line = end + (child.tail or "").count("\n")
        return line

    walk(root, 1)
    return text_at, tail_at


# ---------------------------------------------------------------- furniture

def _text_len(el: etree._Element) -> int:
    return sum(len(" ".join(t.split())) for t in el.xpath(".//text()[not(ancestor::script or ancestor::style)]"))


def _names(el: etree._Element) -> list[str]:
    return (el.get("class") or "").split() + (el.get("id") or "").split()


def _hidden(el: etree._Element) -> bool:
    return (el.get("hidden") is not None or el.get("aria-hidden", "").lower() == "true"
            or bool(_HIDDEN_STYLE.search(el.get("style") or "")))


def _furniture(el: etree._Element, tag: str) -> str | None:
    """How the element plainly marks site navigation, a banner, sidebar, cookie notice or footer:
    "tag" (nav, aside, a page-level header or footer), "name" (its class, id or role), or None."""
    if tag in _FURNITURE_TAGS:
        return "tag"
    if tag in _SCOPED_TAGS and not any(a.tag in ("article", "main", "section") for a in el.iterancestors()):
        return "tag"
    if (el.get("role") or "").lower() in _FURNITURE_ROLES:
        return "name"
    if tag == "a" and (el.get("href") or "").startswith("#") and _SKIP_TEXT.match(el.text_content()):
        return "name"
    if tag not in _TABLE_PARTS and tag not in _HEADINGS and any(_FURNITURE_NAME.match(n) for n in _names(el)):
        return "name"
    return None


def _holds_content(el: etree._Element, total: int, how: str) -> bool:
    """A wrapper that only looks like furniture: it holds the main content or most of the text."""
    if el.xpath(".//main | .//article | .//*[@role='main']"):
        return True
    if how == "name" and el.xpath(".//h1"):
        return True  # "entry-header" around the document's own title
    n = _text_len(el)
    links = sum(_text_len(a) for a in el.iter("a"))
    return n > total / 2 and links < n / 2


def _content_root(doc: etree._Element) -> etree._Element:
    """<main> (or role=main), narrowed to a single <article> holding most of its text; else the body."""
    mains = doc.xpath("//main | //*[@role='main']")
    body = doc.find("body")
    root = max(mains, key=_text_len) if mains else (body if body is not None else doc)
    articles = [a for a in root.iter("article") if not any(p.tag == "article" for p in a.iterancestors())]
    if len(articles) == 1 and _text_len(articles[0]) * 2 >= _text_len(root):
        root = articles[0]
    return root


def _layout_table(table: etree._Element) -> bool:
    """A table used to lay out the page rather than to hold data."""
    if (table.get("role") or "").lower() in ("presentation", "none"):
        return True
    if table.xpath(".//table | .//h1 | .//h2 | .//h3 | .//h4 | .//h5 | .//h6"):
        return True
    return len(table.xpath("./tr/td | ./tr/th | ./*/tr/td | ./*/tr/th")) <= 1


def _roman(n: int) -> str:
    out = ""
    for v, s in ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"), (50, "l"),
                 (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")):
        while n >= v:
            out, n = out + s, n - v
    return out


def _marker(n: int, kind: str) -> str:
    if kind in ("a", "A") and 1 <= n <= 26:
        s = chr(ord("a") + n - 1)
    elif kind in ("i", "I") and n >= 1:
        s = _roman(n)
    else:
        return f"{n}."
    return (s.upper() if kind.isupper() else s) + "."


def _int(value: str | None, default: int) -> int:
    m = re.match(r"\s*(-?\d+)", value or "")
    return int(m.group(1)) if m else default


# ---------------------------------------------------------------- rendering

@dataclass
class _Part:
    text: str
    line: int
    bold: bool = False
    pre: bool = False  # whitespace kept as written (<pre>)
    br: bool = False  # the new line of a <br>: not a line break in the source


def _render(parts: list[_Part]) -> tuple[str, list[TextLine], list[tuple[int, int]]]:
    """Collapse whitespace like a browser; the text, its source lines and bold spans."""
    out: list[tuple[str, int, bool]] = []
    pending = False
    for p in parts:
        line = p.line
        for ch in p.text:
            if ch in _INVISIBLE:
                continue
            if ch == "\n" and (p.pre or p.br):
                while out and out[-1][0] == " ":
                    out.pop()
                out.append(("\n", line, False))
                pending = False
                line += not p.br
                continue
            if ch in _SPACE and not p.pre:
                pending = True
                line += ch == "\n"
                continue
            if pending and out and out[-1][0] != "\n":
                out.append((" ", line, p.bold and out[-1][2]))
            pending = False
            out.append((" " if ch == "\xa0" else ch, line, p.bold))
    while out and out[0][0] in " \n":
        out.pop(0)
    while out and out[-1][0] in " \n":
        out.pop()
    text = "".join(c for c, _, _ in out)
    lines: list[TextLine] = []
    last = None  # source line of the last character shown
    for i, (c, ln, _) in enumerate(out):
        if c in " \n":
            continue
        if i == 0 or out[i - 1][0] == "\n" or ln != last:
            lines.append(TextLine(start=i, line=ln))
        last = ln
    spans: list[tuple[int, int]] = []
    for i, (c, _, b) in enumerate(out):
        if b and c.strip():
            if spans and all(out[k][2] or not out[k][0].strip() for k in range(spans[-1][1], i)) \
                    and "\n" not in text[spans[-1][1]:i]:
                spans[-1] = (spans[-1][0], i + 1)
            else:
                spans.append((i, i + 1))
    return text, lines, spans


@dataclass
class _Builder:
    """Walks the content tree and cuts it into blocks (or, for a table cell, lines of one text)."""

    text_at: dict
    tail_at: dict
    total: int
    in_cell: bool = False
    blocks: list[Block] = field(default_factory=list)
    parts: list[_Part] = field(default_factory=list)
    kind: str = "paragraph"
    level: int | None = None
    numbering: str | None = None
    bold: int = 0
    pre: int = 0
    lists: list[list] = field(default_factory=list)  # open lists: [next number, type, ordered]
    tables: int = 0

    # -- text and structure
    def add(self, text: str | None, line: int) -> None:
        if text:
            self.parts.append(_Part(text, line, self.bold > 0, self.pre > 0))

    def _after_br(self) -> int:
        """Index just past the last <br> when nothing but white space follows it, else 0."""
        k = len(self.parts)
        while k and not (self.parts[k - 1].pre or self.parts[k - 1].br or self.parts[k - 1].text.strip(_SPACE)):
            k -= 1
        return k if k and self.parts[k - 1].br else 0

    def br(self, line: int) -> None:
        k = self._after_br()
        if k and self.in_cell:
            return  # one new line is enough inside a cell
        if k:
            del self.parts[k - 1:]
            self.flush()  # <br><br>: a paragraph break
            return
        self.parts.append(_Part("\n", line, br=True))

    def flush(self) -> None:
        if self.in_cell:  # a block boundary inside a table cell is a new line
            if any(p.text.strip(_SPACE) for p in self.parts) and not self._after_br():
                self.parts.append(_Part("\n", self.parts[-1].line, br=True))
            return
        parts, self.parts = self.parts, []
        text, lines, spans = _render(parts)
        if not text or (len(text) < 300 and _COPYRIGHT.search(text)):
            return
        if self.kind == "list_item" and self.numbering:
            k = len(self.numbering) + 1
            text = f"{self.numbering} {text}"
            lines = [TextLine(start=ln.start + k if i else 0, line=ln.line) for i, ln in enumerate(lines)]
            spans = [(s + k, e + k) for s, e in spans]
        self.blocks.append(Block(index=len(self.blocks), kind=self.kind, text=text, level=self.level,
                                 numbering=self.numbering if self.kind == "list_item" else None,
                                 bold=spans, lines=lines))
        self.numbering = None  # a list item's number goes on its first block only

    def children(self, el: etree._Element) -> None:
        self.add(el.text, self.text_at.get(el, 1))
        for child in el:
            if isinstance(child.tag, str):
                self.element(child)
            self.add(child.tail, self.tail_at.get(child, 1))

    def container(self, el: etree._Element, kind: str | None = None, level: int | None = None,
                  numbering: str | None = None) -> None:
        self.flush()
        saved = (self.kind, self.level, self.numbering)
        if kind:
            self.kind, self.level, self.numbering = kind, level, numbering
            if self.in_cell and numbering:
                self.add(numbering + " ", self.text_at.get(el, 1))
        self.children(el)
        self.flush()
        self.kind, self.level, self.numbering = saved

    def element(self, el: etree._Element) -> None:
        tag = el.tag.lower()
        if tag in _NEVER or _hidden(el):
            return
        how = _furniture(el, tag)
        if how and not _holds_content(el, self.total, how):
            return
        if tag == "br":
            self.br(self.text_at.get(el, 1))
        elif tag == "hr":
            self.flush()
        elif tag in _HEADINGS:
            self.container(el, "heading", _HEADINGS[tag])
        elif tag == "li":
            self.item(el)
        elif tag in _LISTS:
            kind = el.get("type") or "1"
            self.lists.append([_int(el.get("start"), 1), kind, tag == "ol"])
            self.container(el)
            self.lists.pop()
        elif tag == "table" and not self.in_cell and not _layout_table(el):
            self.table(el)
        elif tag == "pre":
            self.pre += 1
            self.container(el)
            self.pre -= 1
        elif tag in _BLOCKS or tag in _TABLE_PARTS:
            self.container(el)
        else:
            bold = tag in ("b", "strong") or bool(_BOLD_STYLE.search(el.get("style") or ""))
            self.bold += bold
            self.children(el)
            self.bold -= bold

    def item(self, el: etree._Element) -> None:
        numbering = None
        if self.lists and self.lists[-1][2]:
            lst = self.lists[-1]
            n = _int(el.get("value"), lst[0])
            numbering, lst[0] = _marker(n, el.get("type") or lst[1]), n + 1
        self.container(el, "list_item", max(0, len(self.lists) - 1), numbering)

    # -- tables
    def cell(self, el: etree._Element) -> tuple[str, list[TextLine], bool]:
        sub = _Builder(self.text_at, self.tail_at, self.total, in_cell=True, bold=int(el.tag == "th"))
        sub.children(el)
        text, lines, spans = _render(sub.parts)
        letters = [i for i, c in enumerate(text) if c.isalnum()]
        bold = bool(letters) and all(any(s <= i < e for s, e in spans) for i in letters)
        return text, lines or [TextLine(start=0, line=self.text_at.get(el, 1))], bold

    def table(self, table: etree._Element) -> None:
        self.flush()
        for caption in table.findall("caption"):
            self.container(caption)
        rows: list[list[Cell]] = []
        taken: set[tuple[int, int]] = set()
        trs = [tr for tr in table.xpath("./tr | ./*/tr") if tr.xpath("./td | ./th")]
        for r, tr in enumerate(trs):
            cells, c = [], 0
            for td in tr.xpath("./td | ./th"):
                while (r, c) in taken:
                    c += 1
                text, lines, bold = self.cell(td)
                cells.append(Cell(text=text, row=r, col=c, bold=bold, lines=lines))
                span_c = min(max(_int(td.get("colspan"), 1), 1), 1000)
                span_r = min(max(_int(td.get("rowspan"), 1), 1), len(trs) - r)
                taken.update((r + dr, c + dc) for dr in range(span_r) for dc in range(span_c))
                c += span_c
            rows.append(cells)
        if not any(c.text for row in rows for c in row):
            return
        text_rows, lines, spans, pos = [], [], [], 0
        for tr, row in zip(trs, rows):
            at, parts = pos, []
            for k, c in enumerate(row):
                flat = c.text.replace("\n", " ")
                at += 3 if k else 0
                if c.bold and flat:
                    spans.append((at, at + len(flat)))
                parts.append(flat)
                at += len(flat)
            first = row[0].lines[0].line if row and row[0].lines else self.text_at.get(tr, 1)
            lines.append(TextLine(start=pos, line=first))
            text_rows.append(" | ".join(parts))
            pos += len(text_rows[-1]) + 1
        self.blocks.append(Block(index=len(self.blocks), kind="table", text="\n".join(text_rows), rows=rows,
                                 lines=lines, bold=spans, table=self.tables))
        self.tables += 1


# ---------------------------------------------------------------- the reader

def read_html(path: Path, sha256: str) -> Document:
    """Read an .html/.htm page into the document model."""
    path = Path(path)
    size = path.stat().st_size
    if size > MAX_BYTES:
        raise DocumentTooLarge(str(path), f"{size} bytes is over the {MAX_BYTES} byte limit for HTML files")
    text, warnings = _decode(path.read_bytes(), path)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _XML_DECL.sub(lambda m: "\n" * m.group(0).count("\n"), text, count=1)
    doc = Document(path=str(path), sha256=sha256, format="html", pages=None, warnings=warnings)
    if not text.strip():
        return doc
    parser = lxml.html.HTMLParser(huge_tree=True)
    try:
        tree = lxml.html.document_fromstring(text, parser=parser)
    except (etree.ParserError, ValueError) as e:
        raise UnreadableDocument(str(path), f"not parseable as HTML ({e})")
    if any(e.type_name == "ERR_RESOURCE_LIMIT" for e in parser.error_log):
        raise UnreadableDocument(str(path), "elements nested too deeply to read (over 2048 levels)")
    titles = tree.xpath("/html/head/title") or tree.xpath("//title")
    if titles:
        doc.title = " ".join(titles[0].text_content().split()) or None
    root = _content_root(tree)
    limit = sys.getrecursionlimit()
    sys.setrecursionlimit(max(limit, 10_000))  # the parser allows 2048 levels; the walk recurses per level
    try:
        text_at, tail_at = _source_lines(tree)
        builder = _Builder(text_at, tail_at, _text_len(root))
        builder.container(root)
    except RecursionError:
        raise UnreadableDocument(str(path), "elements nested too deeply to read")
    finally:
        sys.setrecursionlimit(limit)
    doc.blocks = builder.blocks
    return doc

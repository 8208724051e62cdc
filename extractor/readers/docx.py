"""DOCX reader (python-docx, with the WordprocessingML read directly where it says more).

The body is read in document order: paragraphs, tables, and the content of block-level
content controls. A paragraph becomes

* a heading when its style, or a style it is based on, is "Heading N" (level N) or "Title"
  (level 0, above Heading 1);
* a list item when its style is a "List ..." style or it has Word numbering (w:numPr, on the
  paragraph or its style); `level` is the numbering level w:ilvl (0 = top). Decimal numbers
  are counted per list (numId) and level, and the number as Word shows it ("2.", "1.3") is
  `numbering` and starts the text, as typed numbers do in the other readers. Bullets,
  letters and roman numerals leave `numbering` None;
* a paragraph otherwise. Empty paragraphs give no block.

A run is bold by its own w:b, else by its character style, else its paragraph style (each
followed through the styles it is based on), else by its table style's first-row bold, else
by the document default. Soft line breaks (w:br, w:cr) become "\\n", page and column
breaks a space; deleted, hidden and text-box text is left out.

Tables: every w:tc is read once, at its first row and grid column (a gridSpan cell covers
the columns after it, a vMerge="continue" cell belongs to the cell above), so `Cell.col` is
the grid column. A cell's paragraphs, and the rows of a table nested in it (cells joined by
" | "), are joined by "\\n". A cell is bold when all its text is. Rows with no text are
dropped. The table's text has a line per row, cells joined by " | ", with the bold spans of
its cells.

Headers and footers are not minutes: their lines go to `Document.headers`.

Provenance: a DOCX has no pages, so `page` is None and `TextLine.line` is a running 1-based
line count over the body in reading order: each paragraph starts a line (empty ones too, and
the paragraphs of table cells, read row by row, left to right, each cell once) and each soft
line break starts another. It is the line number in a plain-text copy of the document that
puts every paragraph on a line of its own.

The archive is checked before it is parsed: over MAX_UNCOMPRESSED bytes in all, or a member
over RATIO_FLOOR bytes that expands more than MAX_RATIO times, is refused as a zip bomb.
The sizes the archive states are not trusted: every member is decompressed once, in small
chunks, to count its real size, and a member whose real size differs from the stated one
is refused (zipfile would otherwise inflate all of it in one call before cutting it to
the stated size). An XML part over MAX_XML_BYTES is refused too: parsed, it would take
many times that in memory.
"""
from __future__ import annotations

import re
import struct
import zipfile
import zlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator

import docx
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.exceptions import PackageNotFoundError
from lxml import etree

from extractor.errors import DocumentTooLarge, MinutebookError, UnreadableDocument
from models.document import Block, Cell, Document, TextLine

MAX_BYTES = 100 * 1024 * 1024  # the .docx file itself
MAX_UNCOMPRESSED = 200 * 1024 * 1024  # all members, expanded
MAX_RATIO = 100  # expansion ratio of one member ...
RATIO_FLOOR = 10 * 1024 * 1024  # ... once it expands beyond this
MAX_MEMBERS = 10_000
MAX_XML_BYTES = 50 * 1024 * 1024  # one XML part (document.xml, styles.xml ...), expanded

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_NS = {"w": _W, "mc": "http://schemas.openxmlformats.org/markup-compatibility/2006"}


def _q(tag: str) -> str:
    return f"{{{_W}}}{tag}"


def _val(el: etree._Element | None, attr: str = "val") -> str | None:
    return None if el is None else el.get(_q(attr))


def _int(value: str | None, default: int) -> int:
    return int(value) if value and value.isdigit() else default


def _on(el: etree._Element | None) -> bool | None:
    """An on/off property (w:b): None when absent, True unless its value switches it off."""
    if el is None:
        return None
    return _val(el) not in ("0", "false", "off", "none")


_RUNS = etree.XPath(".//w:r[not(ancestor::w:del or ancestor::w:moveFrom or ancestor::w:txbxContent"
                    " or ancestor::mc:Fallback)]", namespaces=_NS)
_HEADING = re.compile(r"(?i)^heading\s*(\d)$")
_LIST_STYLE = re.compile(r"(?i)^list\b(?:.*?(\d))?")


# ---------------------------------------------------------------- safety


def _check_archive(path: Path) -> None:
    """Refuse files that are not a readable zip, and zip bombs, before anything is parsed."""
    size = path.stat().st_size
    if size > MAX_BYTES:
        raise DocumentTooLarge(str(path), f"{size} bytes is over the {MAX_BYTES} byte limit for DOCX files")
    with path.open("rb") as f:
        head = f.read(8)
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        raise UnreadableDocument(str(path), "the DOCX is password-protected (encrypted) or is a binary .doc file")
    try:
        with zipfile.ZipFile(path) as zf:
            members = zf.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError) as exc:
        raise UnreadableDocument(str(path), f"not a valid DOCX: the zip archive is corrupt or truncated ({exc})"
                                 ) from exc
    if len(members) > MAX_MEMBERS:
        raise DocumentTooLarge(str(path), f"{len(members)} archive members is over the {MAX_MEMBERS} limit")
    total = sum(m.file_size for m in members)
    if total > MAX_UNCOMPRESSED:
        raise DocumentTooLarge(str(path), f"expands to {total} bytes, over the {MAX_UNCOMPRESSED} byte limit")
    for m in members:
        ratio = m.file_size // max(m.compress_size, 1)
        if m.file_size > RATIO_FLOOR and ratio > MAX_RATIO:
            raise DocumentTooLarge(str(path), f"archive member {m.filename!r} expands {ratio} times (a zip bomb?)")
        if m.flag_bits & 0x1:
            raise UnreadableDocument(str(path), f"archive member {m.filename!r} is encrypted")
    _check_real_sizes(path, members)


def _check_real_sizes(path: Path, members: list[zipfile.ZipInfo]) -> None:
    """Decompress every member in small chunks and refuse an archive whose members expand
    to other sizes than it states, or beyond the limits."""
    total = 0
    with path.open("rb") as f:
        for m in members:
            cap = min(MAX_UNCOMPRESSED - total, MAX_XML_BYTES if _is_xml(m.filename) else MAX_UNCOMPRESSED)
            real = _real_size(f, m, cap, path)
            if real > cap:
                if total + real > MAX_UNCOMPRESSED:
                    raise DocumentTooLarge(str(path), f"expands to over {MAX_UNCOMPRESSED} bytes, over the limit "
                                                      "(the archive states smaller sizes: a zip bomb?)")
                raise DocumentTooLarge(str(path), f"archive member {m.filename!r} expands to over "
                                                  f"{MAX_XML_BYTES} bytes of XML, over the limit")
            if real != m.file_size:
                raise UnreadableDocument(str(path), f"archive member {m.filename!r} expands to {real} bytes, "
                                                    f"not the {m.file_size} the archive states (damaged, or a zip bomb)")
            total += real


def _is_xml(name: str) -> bool:
    return name.lower().endswith((".xml", ".rels"))


def _real_size(f, m: zipfile.ZipInfo, cap: int, path: Path) -> int:
    """The decompressed size of member `m`, counted up to just past `cap`."""
    f.seek(m.header_offset)
    header = f.read(30)
    if len(header) < 30 or header[:4] != b"PK\x03\x04":
        raise UnreadableDocument(str(path), f"not a valid DOCX: archive member {m.filename!r} is damaged")
    name_len, extra_len = struct.unpack("<HH", header[26:30])
    f.seek(m.header_offset + 30 + name_len + extra_len)
    if m.compress_type == zipfile.ZIP_STORED:
        return m.compress_size
    if m.compress_type != zipfile.ZIP_DEFLATED:
        raise UnreadableDocument(str(path), f"archive member {m.filename!r} uses a compression Word does not")
    inflate = zlib.decompressobj(-15)
    left, real = m.compress_size, 0
    try:
        while left > 0 and not inflate.eof:
            data = f.read(min(left, 1 << 16))
            if not data:
                break
            left -= len(data)
            while data and not inflate.eof:
                real += len(inflate.decompress(data, 1 << 16))
                if real > cap:
                    return real
                data = inflate.unconsumed_tail
    except zlib.error as exc:
        raise UnreadableDocument(str(path), f"the zip archive is corrupt ({m.filename}: {exc})") from exc
    return real


# ---------------------------------------------------------------- text with bold and lines


@dataclass
class _Text:
    """Text with a bold flag per character and the offset and line of each source line."""

    text: str = ""
    flags: list[bool] = field(default_factory=list)
    lines: list[TextLine] = field(default_factory=list)

    def append(self, other: _Text, sep: str = "\n") -> None:
        if not other.text:
            return
        if self.text:
            self.text += sep
            self.flags += [False] * len(sep)
        shift = len(self.text)
        self.text += other.text
        self.flags += other.flags
        self.lines += [TextLine(start=ln.start + shift, line=ln.line) for ln in other.lines]

    def prefix(self, marker: str, bold: bool) -> None:
        n = len(marker) + 1
        self.text = f"{marker} {self.text}"
        self.flags = [bold] * len(marker) + [False] + self.flags
        self.lines = [TextLine(start=0 if k == 0 else ln.start + n, line=ln.line) for k, ln in enumerate(self.lines)]

    @property
    def all_bold(self) -> bool:
        marks = [f for ch, f in zip(self.text, self.flags) if not ch.isspace()]
        return bool(marks) and all(marks)

    def spans(self) -> list[tuple[int, int]]:
        """[start, end) runs of bold characters; runs parted only by spaces are one span."""
        out: list[tuple[int, int]] = []
        for i, flag in enumerate(self.flags):
            if not flag:
                continue
            if out and (out[-1][1] == i or not self.text[out[-1][1]:i].strip()):
                out[-1] = (out[-1][0], i + 1)
            else:
                out.append((i, i + 1))
        return out


def _run_text(r: etree._Element) -> str:
    out = []
    for el in r:
        tag = etree.QName(el).localname if isinstance(el.tag, str) else ""
        if tag == "t":
            out.append(el.text or "")
        elif tag == "tab" or tag == "ptab":
            out.append("\t")
        elif tag == "br":
            out.append("\n" if _val(el, "type") in (None, "textWrapping") else " ")
        elif tag == "cr":
            out.append("\n")
        elif tag == "noBreakHyphen":
            out.append("-")
    return "".join(out)


# ---------------------------------------------------------------- styles and numbering


class _Styles:
    """Style names, bold and numbering looked up by style id, through w:basedOn."""

    def __init__(self, root: etree._Element):
        self.by_id = {s.get(_q("styleId")): s for s in root.iterchildren(_q("style"))}
        self.default = next((i for i, s in self.by_id.items()
                             if s.get(_q("type")) == "paragraph" and s.get(_q("default")) in ("1", "true", "on")), None)
        rpr = root.find(f"{_q('docDefaults')}/{_q('rPrDefault')}/{_q('rPr')}")
        self.default_bold = bool(_on(rpr.find(_q("b")))) if rpr is not None else False

    def chain(self, style_id: str | None) -> Iterator[etree._Element]:
        seen: set[str] = set()
        while style_id and style_id not in seen and style_id in self.by_id:
            seen.add(style_id)
            style = self.by_id[style_id]
            yield style
            style_id = _val(style.find(_q("basedOn")))

    def name(self, style_id: str | None) -> str:
        style = self.by_id.get(style_id or "")
        return (_val(style.find(_q("name"))) or "") if style is not None else ""

    def bold(self, style_id: str | None) -> bool | None:
        for style in self.chain(style_id):
            got = _on(style.find(f"{_q('rPr')}/{_q('b')}"))
            if got is not None:
                return got
        return None

    def heading_level(self, style_id: str | None) -> int | None:
        for style in self.chain(style_id):
            name = _val(style.find(_q("name"))) or ""
            if name.lower() == "title":
                return 0
            m = _HEADING.match(name)
            if m:
                return int(m.group(1))
        return None

    def num_pr(self, style_id: str | None) -> tuple[str | None, int | None]:
        for style in self.chain(style_id):
            num_pr = style.find(f"{_q('pPr')}/{_q('numPr')}")
            if num_pr is not None:
                ilvl = _val(num_pr.find(_q("ilvl")))
                return _val(num_pr.find(_q("numId"))), _int(ilvl, 0) if ilvl else None
        return None, None

    def first_row_bold(self, style_id: str | None) -> bool:
        for style in self.chain(style_id):
            for cond in style.iterchildren(_q("tblStylePr")):
                if _val(cond, "type") == "firstRow":
                    got = _on(cond.find(f"{_q('rPr')}/{_q('b')}"))
                    if got is not None:
                        return got
        return False


@dataclass
class _Level:
    fmt: str
    text: str
    start: int


class _Numbering:
    """Word list numbering: counters per list (numId) and level, decimal numbers written out."""

    def __init__(self, root: etree._Element | None):
        self.nums = {} if root is None else {n.get(_q("numId")): n for n in root.iterchildren(_q("num"))}
        self.abstract = {} if root is None else {a.get(_q("abstractNumId")): a
                                                 for a in root.iterchildren(_q("abstractNum"))}
        self.counters: dict[str, dict[int, int]] = {}

    def level(self, num_id: str, ilvl: int) -> _Level | None:
        num = self.nums.get(num_id)
        if num is None:
            return None
        lvl, start = None, None
        for override in num.iterchildren(_q("lvlOverride")):
            if _val(override, "ilvl") == str(ilvl):
                lvl = override.find(_q("lvl"))
                start = _val(override.find(_q("startOverride")))
        if lvl is None:
            abstract = self.abstract.get(_val(num.find(_q("abstractNumId"))))
            if abstract is None:
                return None
            lvl = next((x for x in abstract.iterchildren(_q("lvl")) if _val(x, "ilvl") == str(ilvl)), None)
            if lvl is None:
                return None
        start = start or _val(lvl.find(_q("start"))) or "0"
        return _Level(fmt=_val(lvl.find(_q("numFmt"))) or "decimal", text=_val(lvl.find(_q("lvlText"))) or "",
                      start=int(start) if start.isdigit() else 0)

    def next(self, num_id: str, ilvl: int) -> str | None:
        """Count an item of list `num_id` at `ilvl`; its number as shown, when decimal."""
        counts = self.counters.setdefault(num_id, {})
        for k in [k for k in counts if k > ilvl]:
            del counts[k]
        spec = self.level(num_id, ilvl)
        counts[ilvl] = counts[ilvl] + 1 if ilvl in counts else (spec.start if spec else 1)
        if spec is None or spec.fmt != "decimal":
            return None
        parts: list[str] = []
        for piece in re.split(r"(%\d)", spec.text):
            if not re.fullmatch(r"%\d", piece):
                parts.append(piece)
                continue
            k = int(piece[1]) - 1
            ref = spec if k == ilvl else self.level(num_id, k)
            if ref is None or ref.fmt != "decimal":
                return None
            parts.append(str(counts.get(k, ref.start)))
        return "".join(parts).strip() or None


# ---------------------------------------------------------------- reading


def _first_row_look(look: etree._Element | None) -> bool:
    """Whether the table shows its style's first-row formatting (w:tblLook, attribute or hex mask)."""
    if look is None:
        return False
    if _val(look, "firstRow") is not None:
        return _val(look, "firstRow") in ("1", "true", "on")
    try:
        return bool(int(_val(look) or "0", 16) & 0x0020)
    except ValueError:
        return False


def _wrapped(parent: etree._Element, *tags: str) -> Iterator[etree._Element]:
    """Children of `parent` with one of `tags`, in order, also those a content control or custom
    XML wraps (Word templates put paragraphs, whole rows and cells, "Meeting called by:", in them)."""
    wanted = {_q(t) for t in tags}
    for child in parent.iterchildren():
        if child.tag in wanted:
            yield child
        elif child.tag == _q("sdt"):
            content = child.find(_q("sdtContent"))
            if content is not None:
                yield from _wrapped(content, *tags)
        elif child.tag == _q("customXml"):
            yield from _wrapped(child, *tags)


def _items(parent: etree._Element) -> Iterator[etree._Element]:
    """w:p and w:tbl children in order."""
    return _wrapped(parent, "p", "tbl")


class _Reader:
    def __init__(self, styles: _Styles, numbering: _Numbering):
        self.styles = styles
        self.numbering = numbering
        self.line = 0
        self.blocks: list[Block] = []
        self.tables = 0

    # -- paragraphs
    def text(self, p: etree._Element, table_bold: bool = False) -> _Text:
        """A paragraph's text, bold flags and lines; each line of it advances the line count."""
        style_id = _val(p.find(f"{_q('pPr')}/{_q('pStyle')}")) or self.styles.default
        para_bold = self.styles.bold(style_id)
        chars: list[tuple[str, bool]] = []
        for r in _RUNS(p):
            rpr = r.find(_q("rPr"))
            if rpr is not None and _on(rpr.find(_q("vanish"))):
                continue
            bold = _on(rpr.find(_q("b"))) if rpr is not None else None
            if bold is None and rpr is not None:
                bold = self.styles.bold(_val(rpr.find(_q("rStyle"))))
            if bold is None:
                bold = para_bold
            if bold is None:
                bold = table_bold or self.styles.default_bold
            chars.extend((ch, bold) for ch in _run_text(r))
        segments: list[list[tuple[str, bool]]] = [[]]
        for ch, bold in chars:
            if ch == "\n":
                segments.append([])
            else:
                segments[-1].append((ch, bold))
        out = _Text()
        first = self.line + 1
        self.line += len(segments)
        for k, seg in enumerate(segments):
            while seg and seg[0][0].isspace():
                seg = seg[1:]
            while seg and seg[-1][0].isspace():
                seg = seg[:-1]
            if seg:
                out.append(_Text(text="".join(c for c, _ in seg), flags=[b for _, b in seg],
                                 lines=[TextLine(start=0, line=first + k)]))
        return out

    def paragraph(self, p: etree._Element) -> None:
        text = self.text(p)
        ppr = p.find(_q("pPr"))
        style_id = _val(ppr.find(_q("pStyle"))) if ppr is not None else None
        style_id = style_id or self.styles.default
        num_id, ilvl = self.styles.num_pr(style_id)
        num_pr = ppr.find(_q("numPr")) if ppr is not None else None
        if num_pr is not None:
            num_id = _val(num_pr.find(_q("numId"))) or num_id
            own = _val(num_pr.find(_q("ilvl")))
            if own and own.isdigit():
                ilvl = int(own)
        numbered = bool(num_id) and num_id != "0"
        heading = self.styles.heading_level(style_id)
        list_style = _LIST_STYLE.match(self.styles.name(style_id))
        if not text.text:
            if numbered:
                self.numbering.next(num_id, min(ilvl or 0, 8))  # an empty item still takes its number
            return
        numbering = self.numbering.next(num_id, min(ilvl or 0, 8)) if numbered else None
        if numbering:
            text.prefix(numbering, bold=text.flags[0])
        if heading is not None:
            kind, level = "heading", heading
        elif numbered or list_style:
            kind = "list_item"
            by_name = list_style.group(1) if list_style else None  # "List Bullet 2"
            level = ilvl if ilvl is not None else _int(by_name, 1) - 1
            level = max(0, min(level, 8))
        else:
            kind, level = "paragraph", None
        self.blocks.append(Block(index=len(self.blocks), kind=kind, text=text.text, level=level, numbering=numbering,
                                 bold=text.spans(), lines=text.lines))

    # -- tables
    def rows(self, tbl: etree._Element) -> list[list[tuple[int, _Text]]]:
        """The table's rows of (grid column, cell text), each cell once; rows without text dropped."""
        style = _val(tbl.find(f"{_q('tblPr')}/{_q('tblStyle')}"))
        look = tbl.find(f"{_q('tblPr')}/{_q('tblLook')}")
        header_bold = _first_row_look(look) and self.styles.first_row_bold(style)
        out = []
        for ri, tr in enumerate(_wrapped(tbl, "tr")):
            col = _int(_val(tr.find(f"{_q('trPr')}/{_q('gridBefore')}")), 0)
            row = []
            for tc in _wrapped(tr, "tc"):
                tcpr = tc.find(_q("tcPr"))
                span = _int(_val(tcpr.find(_q("gridSpan"))), 1) if tcpr is not None else 1
                vmerge = tcpr.find(_q("vMerge")) if tcpr is not None else None
                if vmerge is None or _val(vmerge) == "restart":
                    row.append((col, self.cell(tc, header_bold and ri == 0)))
                col += span
            if any(t.text for _, t in row):
                out.append(row)
        return out

    def cell(self, tc: etree._Element, table_bold: bool) -> _Text:
        out = _Text()
        for item in _items(tc):
            if item.tag == _q("p"):
                out.append(self.text(item, table_bold))
                continue
            for row in self.rows(item):  # a nested table: a line per row
                line = _Text()
                for _, t in row:
                    flat = _Text(text=t.text.replace("\n", " "), flags=t.flags, lines=t.lines[:1])
                    if flat.text:
                        line.append(flat, sep=" | ")
                line.lines = line.lines[:1]
                out.append(line)
        return out

    def table(self, tbl: etree._Element) -> None:
        got = self.rows(tbl)
        if not got:
            return
        rows: list[list[Cell]] = []
        whole = _Text()
        for ri, row in enumerate(got):
            rows.append([Cell(text=t.text, row=ri, col=col, bold=t.all_bold, lines=t.lines) for col, t in row])
            if whole.lines:
                whole.text += "\n"
                whole.flags.append(False)
            whole.lines.append(TextLine(start=len(whole.text), line=min(ln.line for _, t in row for ln in t.lines)))
            for k, (_, t) in enumerate(row):
                if k:
                    whole.text += " | "
                    whole.flags += [False] * 3
                whole.text += t.text.replace("\n", " ")
                whole.flags += t.flags
        self.blocks.append(Block(index=len(self.blocks), kind="table", text=whole.text, bold=whole.spans(),
                                 lines=whole.lines, rows=rows, table=self.tables))
        self.tables += 1

    def body(self, root: etree._Element) -> None:
        for item in _items(root):
            if item.tag == _q("p"):
                self.paragraph(item)
            else:
                self.table(item)

    def header_lines(self, root: etree._Element) -> list[str]:
        """The lines of a header or footer (a table row is one line); the body's line count is untouched."""
        saved, out = self.line, []
        for item in _items(root):
            if item.tag == _q("p"):
                out.extend(self.text(item).text.split("\n"))
            else:
                out.extend(" | ".join(t.text.replace("\n", " ") for _, t in row if t.text) for row in self.rows(item))
        self.line = saved
        return [ln.strip() for ln in out if ln.strip()]


def _title(document) -> str | None:
    try:
        core = document.part.package.part_related_by(RT.CORE_PROPERTIES)
    except KeyError:
        return None  # python-docx would make up "Word Document"
    title = (core.core_properties.title or "").strip()
    return title or None


def _reason(exc: Exception) -> str:
    """What a parsing failure means, for the user."""
    detail = str(exc.args[0]) if isinstance(exc, KeyError) and exc.args else str(exc)
    if isinstance(exc, (KeyError, PackageNotFoundError)):
        return f"not a Word document: a required part is missing ({detail})"
    if isinstance(exc, ValueError) and "content type" in detail:
        return f"not a Word document ({detail})"
    if isinstance(exc, etree.XMLSyntaxError):
        return f"the document's XML is damaged ({detail})"
    if isinstance(exc, (zipfile.BadZipFile, zlib.error, EOFError)):
        return f"the zip archive is corrupt ({detail})"
    return f"cannot read DOCX ({type(exc).__name__}: {detail})"


def read_docx(path: Path, sha256: str) -> Document:
    """Read a .docx file into the document model."""
    path = Path(path)
    _check_archive(path)
    try:
        document = docx.Document(str(path))
        part = document.part
        try:
            numbering_root = part.part_related_by(RT.NUMBERING).element
        except KeyError:
            numbering_root = None
        reader = _Reader(_Styles(document.styles.element), _Numbering(numbering_root))
        reader.body(document.element.body)
        headers: list[str] = []
        for section in document.sections:
            for hf in (section.header, section.first_page_header, section.even_page_header,
                       section.footer, section.first_page_footer, section.even_page_footer):
                if hf.is_linked_to_previous:
                    continue  # no definition of its own
                for ln in reader.header_lines(hf.part.element):
                    if ln not in headers:
                        headers.append(ln)
        title = _title(document)
    except MinutebookError:
        raise
    except Exception as exc:  # python-docx, lxml, zipfile and zlib raise many kinds for damaged files
        raise UnreadableDocument(str(path), _reason(exc)) from exc
    return Document(path=str(path), sha256=sha256, format="docx", pages=None, title=title,
                    blocks=reader.blocks, headers=headers)

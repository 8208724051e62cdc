"""PDF reader (pdfplumber).

Each page is read once with `extract_words`; the words are grouped into physical lines by
their distance from the page top, and every line of the page (inside tables too) gets its
1-based line number, so a provenance of "page 3, line 12" is what a reader counts on the
printed page. Ruled tables found by `find_tables` become table blocks whose cells are filled
from the same words (assigned by bounding box) and keep the page line and `top` of each cell
line. The remaining lines become headings, list items and paragraphs:

* a paragraph ends at a vertical gap larger than 1.5x the document's usual line spacing, at
  a line starting with a bullet or an item number ("1.", "4.2", "a)", "•"), at a table, and
  at a change of font size;
* a short line that is all bold, or set larger than the body text, is a heading;
* "commit-" at a line end followed by a lowercase "ment" is joined into "commitment".

Lines that repeat in the top or bottom margin of at least half of the pages (digits
ignored, so "Page 3 of 7" matches "Page 4 of 7") are running headers or footers: removed
from the blocks, kept once in `Document.headers`. Lone page numbers in the margins go too.
Text set sideways (the date headers of attendance grids) is read in its own direction.
"""
from __future__ import annotations

import os
import re
import statistics
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import pdfplumber
import pypdfium2 as pdfium
from pdfplumber.utils.text import WordExtractor

from extractor.errors import DocumentTooLarge, MinutebookError, UnreadableDocument
from extractor.readers.pdf_chars import FontNames, RuledPage, page_chars, page_graphics
from models.document import Block, Cell, Document, TextLine

MAX_BYTES = 200 * 1024 * 1024
MAX_PAGES = 3000

LINE_TOLERANCE = 3.0  # points: words whose tops differ by less are on one line
MARGIN = 0.08  # share of the page height searched for running headers and footers
GAP_FACTOR = 1.5  # a gap this many times the usual line spacing ends a paragraph

_BOLD = re.compile(r"bold|black|heavy|semibold|demibold|,B", re.IGNORECASE)
_BULLET = re.compile(r"^([•●▪◦■□○➢➤►▶✓✔·*\uf0b7\uf0a7\uf076\uf0d8\uf0fc]|[-–—](?=\s))\s*(?=\S)")
_NUMBER = re.compile(r"^(\d{1,3}(?:\.\d{1,3})+\.?|\d{1,3}[.)]|\(?[a-z]\)|[a-z]\.(?=\s)|\(?(?:i{1,3}|iv|v|vi{1,3}|ix|x)\))\s+(?=\S)")
_PAGE_NUMBER = re.compile(r"^(?:page\s*)?[-–—(\[]?\s*\d{1,4}\s*[-–—)\]]?(?:\s*(?:of|/)\s*\d{1,4})?$", re.IGNORECASE)
_NOT_HEADING = re.compile(r"(?i)^\W*actions?\b(?!\s*(?:points?|list|log|items?|summary|tracker)\s*$)|[:;]\s*\S.*[a-z0-9]|[.,;]$|__")
_HEAD_NUMBER = re.compile(r"^(\d{1,3}(?:\.\d{1,3})*\.?)\s+(?=[A-Za-z])")
# prefixes whose hyphen belongs to the word ("co-opted", "self-evaluation") when broken there
_KEEP_HYPHEN = {"co", "self", "non", "ex", "part", "well", "cross", "multi", "anti", "semi", "full", "half",
                "vice", "mid", "all", "e", "re"}
_HYPHEN_END = re.compile(r"[A-Za-z]-$")


# ---------------------------------------------------------------- page reading


@dataclass
class _Word:
    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    bold: bool
    line: int = 0  # page line number, set once the page's lines are known


@dataclass
class _Line:
    page: int
    line: int
    top: float
    bottom: float
    x0: float
    words: list[_Word]

    @property
    def text(self) -> str:
        return " ".join(w.text for w in self.words)

    @property
    def size(self) -> float:
        return max(w.size for w in self.words)

    @property
    def bold(self) -> bool:
        return all(w.bold for w in self.words if any(ch.isalnum() for ch in w.text))


@dataclass
class _Table:
    top: float
    rows: list[list[tuple[int, list[_Word]]]]  # per row: (column, words) for each unmerged cell


@dataclass
class _Page:
    number: int
    height: float
    lines: list[_Line] = field(default_factory=list)  # lines outside tables
    tables: list[_Table] = field(default_factory=list)


def _is_bold(fontname: str | None) -> bool:
    return bool(fontname) and bool(_BOLD.search(fontname))


def _rotated(char: dict) -> bool:
    m = char.get("matrix")
    return bool(m) and abs(m[1]) > abs(m[0]) + 1e-6


def _sideways_words(chars: list[dict]) -> list[_Word]:
    """Words from characters set sideways: one column of stacked glyphs per word, read in
    the text's own direction (upwards for text turned anticlockwise)."""
    columns: list[list[dict]] = []
    for ch in sorted(chars, key=lambda c: (c["x0"], c["top"])):
        if columns and abs(columns[-1][0]["x0"] - ch["x0"]) <= 1.5:
            columns[-1].append(ch)
        else:
            columns.append([ch])
    words: list[_Word] = []
    for col in columns:
        upwards = col[0]["matrix"][1] > 0
        col.sort(key=lambda c: -c["bottom"] if upwards else c["top"])
        runs: list[list[tuple[str, dict]]] = []
        prev = None
        for ch in col:
            size = ch.get("size") or 10.0
            gap = (prev["top"] - ch["bottom"]) if (prev and upwards) else (ch["top"] - prev["bottom"]) if prev else 0
            if prev is None or gap >= 1.0 * size:
                runs.append([("", ch)])
            elif gap > 0.25 * size:
                runs[-1].append((" ", ch))
            else:
                runs[-1].append(("", ch))
            prev = ch
        for run in runs:
            text = "".join(sep + ch["text"] for sep, ch in run).strip()
            if not text:
                continue
            cs = [ch for _, ch in run]
            words.append(_Word(text=text, x0=min(c["x0"] for c in cs), x1=max(c["x1"] for c in cs),
                               top=min(c["top"] for c in cs), bottom=max(c["bottom"] for c in cs),
                               size=max(c.get("size") or 0 for c in cs),
                               bold=all(_is_bold(c.get("fontname")) for c in cs)))
    return words


def _group_lines(words: list[_Word]) -> list[list[_Word]]:
    """Words grouped into lines by their top, lines top to bottom, words left to right."""
    lines: list[list[_Word]] = []
    first_top = None
    for w in sorted(words, key=lambda w: (w.top, w.x0)):
        if lines and w.top - first_top <= LINE_TOLERANCE:
            lines[-1].append(w)
        else:
            lines.append([w])
            first_top = w.top
    for ln in lines:
        ln.sort(key=lambda w: w.x0)
    return lines


def _inside(w: _Word, bbox) -> bool:
    cx, cy = (w.x0 + w.x1) / 2, (w.top + w.bottom) / 2
    return bbox[0] <= cx <= bbox[2] and bbox[1] <= cy <= bbox[3]


def _header_above(table: _Table, bbox, columns, free: list[_Word], in_table: set[int]) -> None:
    """Column titles printed just above a ruled table, outside its rules ("ITEM  BY WHOM  BY
    WHEN"), become the table's first row when every word falls inside one column."""
    if len(columns) < 2:
        return
    above = [w for w in free if bbox[1] - 10 <= w.bottom <= bbox[1] + 1 and bbox[0] - 2 <= (w.x0 + w.x1) / 2 <= bbox[2] + 2]
    if not above or len(_group_lines(above)) != 1:
        return
    if not (len(above) <= 12 or all(w.bold for w in above)):
        return
    got: dict[int, list[_Word]] = defaultdict(list)
    for w in above:
        col = next((ci for ci, x0, x1 in columns if x0 - 1 <= w.x0 and w.x1 <= x1 + 1), None)
        if col is None:
            return  # a word across a column rule: running text, not column titles
        got[col].append(w)
    if len(got) < 2:
        return
    table.rows.insert(0, [(ci, got.get(ci, [])) for ci, _, _ in columns])
    table.top = min(table.top, min(w.top for w in above))
    in_table.update(id(w) for w in above)


_WORDS = WordExtractor(extra_attrs=["fontname", "size"], keep_blank_chars=False, use_text_flow=False)


def _read_page(page, number: int) -> _Page:
    """A page read with pdfplumber (pdfminer): words and, on a page with ruling, tables."""
    raw = page.extract_words(extra_attrs=["fontname", "size"], keep_blank_chars=False,
                             use_text_flow=False, return_chars=True)
    return _build_page(raw, float(page.height), number, page.find_tables if (page.rects or page.lines) else None)


def _read_pdfium_page(page, number: int, fonts: dict, names: FontNames) -> _Page:
    """A page read with pdfium: the same characters and ruling, grouped by pdfplumber's own
    word extractor and table finder."""
    height, width = page.get_height(), page.get_width()
    raw = _WORDS.extract_words(page_chars(page, height, fonts, names, number - 1), return_chars=True)
    ruled = RuledPage(page_graphics(page, height), width, height)
    return _build_page(raw, height, number, ruled.find_tables if (ruled.rects or ruled.lines) else None)


def _inline(by_cell: dict, words: list["_Word"], bbox) -> bool:
    """A small grid whose lines run on outside it ("Present: [Mick] [Mags] and others", each name on a
    coloured box): the words left and right of it on the same lines belong to the same sentences."""
    lines = {w.line for ws in by_cell.values() for w in ws}
    return any(w.line in lines and (w.x1 <= bbox[0] or w.x0 >= bbox[2]) for w in words)


def _build_page(raw: list[dict], height: float, number: int, find_tables) -> _Page:
    words: list[_Word] = []
    sideways: list[dict] = []
    for r in raw:
        chars = r.get("chars") or ()
        if any(_rotated(c) for c in chars):
            sideways.extend(c for c in chars if c["text"].strip())
            continue
        text = r["text"].replace("\x00", "")  # a glyph pdfminer has no text for
        if not text:
            continue
        words.append(_Word(text=text, x0=r["x0"], x1=r["x1"], top=r["top"], bottom=r["bottom"],
                           size=float(r.get("size") or 0.0), bold=_is_bold(r.get("fontname"))))
    if sideways:
        words.extend(_sideways_words(sideways))
    out = _Page(number=number, height=height)
    if not words:
        return out

    # every line on the page gets its number, tables included
    for n, ln in enumerate(_group_lines(words), start=1):
        for w in ln:
            w.line = n

    # ruled tables: words are assigned to cells by bounding box
    in_table: set[int] = set()
    headed: list[tuple[_Table, tuple, list[tuple[int, float, float]]]] = []
    if find_tables is not None:
        for table in find_tables():
            cells = [(ri, ci, bbox) for ri, row in enumerate(table.rows)
                     for ci, bbox in enumerate(row.cells) if bbox is not None]
            if len(cells) < 2:
                continue  # a box drawn round the text, not a table
            members = [w for w in words if id(w) not in in_table and _inside(w, table.bbox)]
            by_cell: dict[tuple[int, int], list[_Word]] = defaultdict(list)
            for w in members:
                for ri, ci, bbox in cells:
                    if _inside(w, bbox):
                        by_cell[(ri, ci)].append(w)
                        in_table.add(id(w))
                        break
            if not by_cell:
                continue
            if len(cells) <= 6 and _inline(by_cell, words, table.bbox):
                for ws in by_cell.values():
                    in_table.difference_update(id(w) for w in ws)
                continue  # highlight boxes behind words of a sentence, stacked into a grid: running text
            rows: list[list[tuple[int, list[_Word]]]] = []
            for ri, row in enumerate(table.rows):
                got = [(ci, by_cell.get((ri, ci), [])) for ci, bbox in enumerate(row.cells) if bbox is not None]
                if any(ws for _, ws in got):
                    rows.append(got)
            first = next((row for row in table.rows if any(c is not None for c in row.cells)), None)
            columns = [(ci, c[0], c[2]) for ci, c in enumerate(first.cells) if c is not None] if first else []
            out.tables.append(_Table(top=float(table.bbox[1]), rows=rows))
            headed.append((out.tables[-1], table.bbox, columns))
    for tbl, bbox, columns in headed:
        _header_above(tbl, bbox, columns, [w for w in words if id(w) not in in_table], in_table)

    flow = [w for w in words if id(w) not in in_table]
    for ln in _group_lines(flow):
        out.lines.append(_Line(page=number, line=ln[0].line, top=min(w.top for w in ln),
                               bottom=max(w.bottom for w in ln), x0=ln[0].x0, words=ln))
    return out


# ---------------------------------------------------------------- text assembly


class _Text:
    """Text built line by line, with bold spans and the offset of every source line."""

    def __init__(self) -> None:
        self.text = ""
        self.bold: list[tuple[int, int]] = []
        self.lines: list[TextLine] = []
        self.last: _Line | None = None

    def add(self, line: _Line, words: list[_Word] | None = None, skip: int = 0) -> None:
        """Append a physical line; `skip` drops that many leading characters (a bullet)."""
        words = line.words if words is None else words
        if self.text:
            first = words[0].text[skip:] if words else ""
            if _HYPHEN_END.search(self.text) and first[:1].islower():
                prefix = re.search(r"(\w+)-$", self.text)
                if not (prefix and prefix.group(1).lower() in _KEEP_HYPHEN):
                    self.text = self.text[:-1]
                self.bold = [(s, min(e, len(self.text))) for s, e in self.bold if s < len(self.text)]
            else:
                self.text += "\n"
        self.lines.append(TextLine(start=len(self.text), line=line.line, page=line.page, top=round(line.top, 2)))
        prev = None
        for i, w in enumerate(words):
            t = w.text[skip:].lstrip() if i == 0 and skip else w.text
            if not t:
                continue
            if prev is not None and w.x0 - prev.x1 > 0.8:  # touching words (a superscript "th") stay joined
                self.text += " "
            prev = w
            start = len(self.text)
            self.text += t
            if w.bold:
                self._span(start, len(self.text))
        self.last = line

    def _span(self, start: int, end: int) -> None:
        if self.bold:
            s, e = self.bold[-1]
            if start - e <= 1 and not self.text[e:start].strip():
                self.bold[-1] = (s, end)
                return
        self.bold.append((start, end))


@dataclass
class _Open:
    kind: str
    text: _Text
    numbering: str | None = None
    level: int | None = None


def _marker(text: str) -> tuple[str, re.Match] | None:
    m = _NUMBER.match(text)
    if m:
        return "number", m
    m = _BULLET.match(text)
    if m:
        return "bullet", m
    return None


class _Builder:
    def __init__(self, body_size: float, spacing: float):
        self.body = body_size
        self.spacing = spacing
        self.blocks: list[Block] = []
        self.open: _Open | None = None
        self.tables = 0

    # -- blocks
    def close(self) -> None:
        o, self.open = self.open, None
        if o is None or not o.text.text.strip():
            return
        t = o.text
        self.blocks.append(Block(index=len(self.blocks), kind=o.kind, text=t.text, level=o.level,
                                 numbering=o.numbering, bold=t.bold, lines=t.lines))

    def heading_like(self, line: _Line) -> bool:
        text = line.text
        if len(text) > 100 or len(text.split()) > 14 or not any(c.isalpha() for c in text):
            return False
        if _NOT_HEADING.search(text):
            return False
        return line.bold or line.size >= self.body + 1.5

    def line(self, ln: _Line, left: float) -> None:
        text = ln.text
        mark = _marker(text)
        heading = self.heading_like(ln)
        o = self.open
        if mark is None and o is not None and o.text.last is not None:
            prev = o.text.last
            same_style = abs(ln.size - prev.size) <= 1.0
            near = ln.top - prev.top <= GAP_FACTOR * self.spacing
            if o.kind in ("paragraph", "list_item") and not heading and same_style and near and prev.page == ln.page:
                o.text.add(ln)
                return
            if o.kind in ("paragraph", "list_item") and not heading and same_style and ln.page == prev.page + 1 \
                    and not re.search(r"[.!?:;]\W*$", o.text.text) and text[:1].islower():
                o.text.add(ln)  # a sentence running on over the page break
                return
            if (o.kind == "heading" and heading and same_style and near and prev.page == ln.page
                    and ln.size >= self.body + 1.0 and o.numbering is None and ln.bold == prev.bold):
                o.text.add(ln)  # a title set over two lines
                return
        self.close()
        t = _Text()
        if mark is not None:
            kind, m = mark
            if kind == "number":
                numbering = m.group(1)
                t.add(ln)
                if heading and re.match(r"\d", numbering):
                    self.open = _Open("heading", t, numbering=numbering, level=numbering.rstrip(".)").count(".") + 1)
                    self.close()
                    return
                self.open = _Open("list_item", t, numbering=numbering, level=self._level(ln.x0, left))
                return
            t.add(ln, skip=len(m.group(0)))
            if not t.text.strip():
                return
            self.open = _Open("list_item", t, level=self._level(ln.x0, left))
            return
        t.add(ln)
        if heading:
            m = _HEAD_NUMBER.match(text)
            numbering = m.group(1) if m else None
            level = numbering.rstrip(".").count(".") + 1 if numbering else None
            self.open = _Open("heading", t, numbering=numbering, level=level)
            return
        self.open = _Open("paragraph", t)

    @staticmethod
    def _level(x0: float, left: float) -> int:
        # to a tenth of a point first: the two engines' glyph origins differ in the last float digits
        return max(0, min(4, int(round(x0 - left, 1) // 18)))

    def table(self, table: _Table, page: int) -> None:
        self.close()
        rows: list[list[Cell]] = []
        for ri, row in enumerate(table.rows):
            cells = []
            for ci, words in row:
                t = _Text()
                for ln in _group_lines(words):
                    t.add(_Line(page=page, line=ln[0].line, top=min(w.top for w in ln),
                                bottom=max(w.bottom for w in ln), x0=ln[0].x0, words=ln))
                bold = bool(words) and all(w.bold for w in words if any(c.isalnum() for c in w.text))
                cells.append(Cell(text=t.text, row=ri, col=ci, bold=bold, lines=t.lines))
            rows.append(cells)
        text_rows, lines, bold, pos = [], [], [], 0
        for row in rows:
            parts = []
            row_lines = [ln for c in row for ln in c.lines]
            at = pos
            for k, c in enumerate(row):
                if k:
                    at += 3
                flat = c.text.replace("\n", " ")
                if c.bold and flat:
                    bold.append((at, at + len(flat)))
                parts.append(flat)
                at += len(flat)
            text = " | ".join(parts)
            if row_lines:
                first = min(row_lines, key=lambda x: (x.top or 0))
                lines.append(TextLine(start=pos, line=first.line, page=page, top=first.top))
            text_rows.append(text)
            pos += len(text) + 1
        self.blocks.append(Block(index=len(self.blocks), kind="table", text="\n".join(text_rows), rows=rows,
                                 lines=lines, bold=bold, table=self.tables))
        self.tables += 1


# ---------------------------------------------------------------- document


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"\d+", "#", text)).strip().lower()


def _margin(line: _Line, height: float, lines: list[_Line]) -> bool:
    """In the top or bottom margin: the outer 8% of the page, or among the first two or last
    three lines of the page when those sit in the outer 15%."""
    if line.top < MARGIN * height or line.bottom > (1 - MARGIN) * height:
        return True
    if line.top < 2 * MARGIN * height and line in lines[:2]:
        return True
    return line.bottom > (1 - 2 * MARGIN) * height and line in lines[-3:]


def _metadata_title(pdf) -> str | None:
    value = (pdf.metadata or {}).get("Title")
    if isinstance(value, bytes):
        for enc in ("utf-16", "utf-8", "latin-1"):
            try:
                value = value.decode(enc) if enc != "utf-16" or value[:2] in (b"\xfe\xff", b"\xff\xfe") else None
            except UnicodeDecodeError:
                value = None
            if value:
                break
    if not isinstance(value, str):
        return None
    value = value.replace("\x00", "").strip()
    return value or None


ENGINES = ("pdfium", "pdfplumber")


def _engine(engine: str | None) -> str:
    engine = engine or os.environ.get("MINUTEBOOK_PDF_ENGINE") or "pdfium"
    if engine not in ENGINES:
        raise ValueError(f"unknown PDF engine {engine!r} (one of {', '.join(ENGINES)})")
    return engine


def _unreadable(path: Path, exc: Exception) -> UnreadableDocument:
    reason = f"{type(exc).__name__}: {exc}".strip().rstrip(":")
    inner = getattr(exc, "args", ())
    if any("password" in repr(a).lower() or "encrypt" in repr(a).lower() for a in inner) or \
            "password" in reason.lower() or "encrypt" in reason.lower():
        reason = "the PDF is encrypted"
    return UnreadableDocument(str(path), f"cannot read PDF ({reason})")


def _check_count(path: Path, count: int) -> None:
    if count == 0:
        raise UnreadableDocument(str(path), "no pages found (the PDF is truncated or damaged)")
    if count > MAX_PAGES:
        raise DocumentTooLarge(str(path), f"{count} pages is over the {MAX_PAGES} page limit")


def _plain_page(page) -> bool:
    """A page pdfium's coordinates give as pdfplumber's: unrotated, its media box at the
    origin and not cropped. Any other page is read with pdfplumber."""
    box = page.get_mediabox()
    return page.get_rotation() == 0 and box[0] == 0 and box[1] == 0 and page.get_cropbox() == box


def _read_pages_pdfplumber(path: Path, warnings: list[str]) -> tuple[list[_Page], int, str | None]:
    pages: list[_Page] = []
    with pdfplumber.open(path) as pdf:
        count = len(pdf.pages)
        _check_count(path, count)
        title = _metadata_title(pdf)
        for number, page in enumerate(pdf.pages, start=1):
            try:
                pages.append(_read_page(page, number))
            finally:
                page.close()
    return pages, count, title


def _read_pages_pdfium(path: Path, warnings: list[str]) -> tuple[list[_Page], int, str | None]:
    pages: list[_Page] = []
    pdf = pdfium.PdfDocument(path)
    plumber = None
    names = FontNames(path)
    try:
        count = len(pdf)
        _check_count(path, count)
        title = (pdf.get_metadata_value("Title") or "").replace("\x00", "").strip() or None
        fonts: dict = {}
        for number in range(1, count + 1):
            page = pdf[number - 1]
            try:
                if _plain_page(page):
                    pages.append(_read_pdfium_page(page, number, fonts, names))
                    continue
            finally:
                page.close()
            if plumber is None:
                plumber = pdfplumber.open(path)
            ppage = plumber.pages[number - 1]
            try:
                pages.append(_read_page(ppage, number))
            finally:
                ppage.close()
    finally:
        if plumber is not None:
            plumber.close()
        names.close()
        pdf.close()
    return pages, count, title


def read_pdf(path: Path, sha256: str, engine: str | None = None) -> Document:
    """Read a PDF into the document model. `engine` (or the MINUTEBOOK_PDF_ENGINE variable)
    picks how pages are read: "pdfium" (the default) or "pdfplumber", which give the same
    document; pdfium is several times faster."""
    path = Path(path)
    engine = _engine(engine)
    size = path.stat().st_size
    if size > MAX_BYTES:
        raise DocumentTooLarge(str(path), f"{size} bytes is over the {MAX_BYTES} byte limit for PDF files")
    warnings: list[str] = []
    try:
        if engine == "pdfium":
            pages, count, title = _read_pages_pdfium(path, warnings)
        else:
            pages, count, title = _read_pages_pdfplumber(path, warnings)
    except MinutebookError:
        raise
    except Exception as exc:  # pdfminer and pdfium raise many kinds for damaged or encrypted files
        raise _unreadable(path, exc) from exc
    for pg in pages:
        if not pg.lines and not pg.tables:
            warnings.append(f"page {pg.number} has no text layer (scanned?)")

    # running headers and footers
    seen: dict[str, set[int]] = defaultdict(set)
    first_text: dict[str, str] = {}
    for pg in pages:
        for ln in pg.lines:
            if _margin(ln, pg.height, pg.lines):
                key = _norm(ln.text)
                seen[key].add(pg.number)
                first_text.setdefault(key, ln.text)
    running = {k for k, pgs in seen.items() if len(pgs) >= 2 and len(pgs) * 2 >= count}
    headers: list[str] = []
    for pg in pages:
        kept = []
        for ln in pg.lines:
            if _margin(ln, pg.height, pg.lines):
                key = _norm(ln.text)
                if key in running:
                    if first_text[key] not in headers:
                        headers.append(first_text[key])
                    continue
                if _PAGE_NUMBER.match(ln.text.strip()):
                    continue
            kept.append(ln)
        pg.lines = kept

    # body size and line spacing of the document
    sizes: Counter[float] = Counter()
    for pg in pages:
        for ln in pg.lines:
            for w in ln.words:
                sizes[round(w.size, 1)] += len(w.text)
    body = sizes.most_common(1)[0][0] if sizes else 12.0
    gaps = []
    for pg in pages:
        for a, b in zip(pg.lines, pg.lines[1:]):
            d = b.top - a.top
            if 0 < d <= 2.5 * max(body, 1.0) and abs(a.size - body) <= 0.5 and abs(b.size - body) <= 0.5:
                gaps.append(d)
    spacing = statistics.median(gaps) if len(gaps) >= 3 else 1.2 * body

    builder = _Builder(body, spacing)
    for pg in pages:
        if builder.open is not None and builder.open.kind not in ("paragraph", "list_item"):
            builder.close()
        left = min((ln.x0 for ln in pg.lines), default=0.0)
        items: list[tuple[float, int, object]] = [(ln.top, 1, ln) for ln in pg.lines]
        items += [(t.top, 0, t) for t in pg.tables]
        items.sort(key=lambda x: (x[0], x[1]))
        for _, _, item in items:
            if isinstance(item, _Table):
                builder.table(item, pg.number)
            else:
                builder.line(item, left)
    builder.close()

    return Document(path=str(path), sha256=sha256, format="pdf", pages=count, title=title,
                    blocks=builder.blocks, headers=headers, warnings=warnings)

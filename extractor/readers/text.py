"""Plain-text and Markdown reader.

Blocks are separated by blank lines, headings, list items, tables and rules. Markdown
markup is removed from the text and kept as structure: `**ACTION**` becomes "ACTION" with
a bold span, `# x` a heading, `| a | b |` rows a table, `[text](url)` its text. Plain text
gets the same treatment where the markup is unambiguous (bullets, numbered items,
underlined headings), so minutes typed in a text editor read like their Markdown twins.
Every line keeps its 1-based line number in the file.
"""
from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from pathlib import Path

from extractor.errors import DocumentTooLarge, UnreadableDocument
from models.document import Block, Cell, Document, TextLine

MAX_BYTES = 10 * 1024 * 1024  # minutes in plain text are rarely over 1 MB; the rules need ~400x in memory

_FENCE = re.compile(r"^\s{0,3}(```|~~~)")
_ATX = re.compile(r"^\s{0,3}(#{1,6})\s+(.*?)(?:\s+#+)?\s*$")
_RULE = re.compile(r"^\s{0,3}([-*_=])(?:\s*\1){2,}\s*$")
_SETEXT = re.compile(r"^\s{0,3}(=+|-+)\s*$")
_TABLE_ROW = re.compile(r"^\s*\|.*\|\s*$")
_TABLE_SEP = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$")
_BULLET = re.compile(r"^(\s*)([*+\-•●▪◦])(\s+)(?=\S)")
_TXT_BULLET = re.compile(r"^(\s*)(\*)(?=[A-Za-z])(?!.*\*)")  # "*ACTION Eddy: …" in plain text
_NUMBERED = re.compile(r"^(\s*)(\d{1,3}(?:[.)]|(?:\.\d{1,3})+\.?)|\(?[a-z]\)|\(?[ivx]{1,4}\))(\s+)(?=\S)")
_FRONT = re.compile(r"^---\s*$")
_YAML_TITLE = re.compile(r"""^title:\s*["']?(.*?)["']?\s*$""")
_YAML_DATE = re.compile(r"""^date:\s*["']?(.*?)["']?\s*$""")

# inline markdown
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|<>~])")
_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
_IMAGE_LINK = re.compile(r"!?\[([^\]\n]*)\]\([^)\n]*\)|!?\[([^\]\n]+)\]\[[^\]\n]*\]")
_AUTOLINK = re.compile(r"<((?:https?|ftp|mailto):[^>\s]+)>")
_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9]*(?:\s[^<>]*)?/?>")
_BOLD = re.compile(r"\*\*(?=\S)(.+?)(?<=\S)\*\*|(?<![\w])__(?=\S)(.+?)(?<=\S)__(?![\w])", re.DOTALL)
_ITALIC = re.compile(r"(?<![\w*\\])\*(?=[^\s*])([^*\n]*?[^\s*])\*(?![\w*])|(?<![\w\\])_(?=[^\s_])([^_\n]*?[^\s_])_(?!\w)")
_CODE = re.compile(r"`([^`\n]+)`")
_B_ON, _B_OFF = "\x01", "\x02"


@dataclass
class _Raw:
    kind: str
    lines: list[tuple[int, str]] = field(default_factory=list)  # (file line, raw text)
    level: int | None = None
    numbering: str | None = None


def _decode(data: bytes, path: Path) -> str:
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    if b"\x00" in data[:4096] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise UnreadableDocument(str(path), "binary content, not a text file")
    for enc in ("utf-8", "utf-16") if data.startswith((b"\xff\xfe", b"\xfe\xff")) else ("utf-8", "cp1252"):
        try:
            return data.decode(enc)
        except UnicodeDecodeError:
            continue
    return data.decode("latin-1")


def inline(text: str, markdown: bool) -> tuple[str, list[tuple[int, int]]]:
    """Text without inline markup, and its bold spans. Newlines are kept where they are."""
    if markdown:
        text = _COMMENT.sub("", text)
        text = _ESCAPE.sub(lambda m: chr(0xE000 + ord(m.group(1))), text)
        text = _IMAGE_LINK.sub(lambda m: m.group(1) if m.group(1) is not None else m.group(2), text)
        text = _AUTOLINK.sub(r"\1", text)
        text = re.sub(r"<br\s*/?>", " ", text, flags=re.IGNORECASE)
        text = _TAG.sub("", text)
        text = _CODE.sub(r"\1", text)
        for _ in range(2):  # nested "***x***"
            text = _BOLD.sub(lambda m: _B_ON + (m.group(1) or m.group(2)) + _B_OFF, text)
        text = _ITALIC.sub(lambda m: m.group(1) or m.group(2), text)
        text = re.sub(r"(?<=\S) {2,}$|\\$", "", text, flags=re.MULTILINE)  # hard line breaks
        text = re.sub("[\uE000-\uE0FF]", lambda m: chr(ord(m.group(0)) - 0xE000), text)
        text = html.unescape(text)
    out: list[str] = []
    spans: list[tuple[int, int]] = []
    start = None
    for ch in text:
        if ch == _B_ON:
            start = len(out) if start is None else start
        elif ch == _B_OFF:
            if start is not None and len(out) > start:
                spans.append((start, len(out)))
            start = None
        else:
            out.append(ch)
    if start is not None and len(out) > start:
        spans.append((start, len(out)))
    return "".join(out), spans


def _split_row(line: str) -> list[str]:
    line = line.strip()
    if line.startswith("|"):
        line = line[1:]
    if line.endswith("|") and not line.endswith("\\|"):
        line = line[:-1]
    return [c.strip() for c in re.split(r"(?<!\\)\|", line)]


class _Splitter:
    """Cuts the file's lines into raw blocks."""

    def __init__(self, markdown: bool):
        self.markdown = markdown
        self.blocks: list[_Raw] = []
        self.cur: _Raw | None = None
        self.item_indent: int | None = None  # content indent of the open list item
        self.list_indents: list[int] = []

    def close(self) -> None:
        if self.cur and any(t.strip() for _, t in self.cur.lines):
            self.blocks.append(self.cur)
        self.cur = None
        self.item_indent = None

    def open(self, kind: str, **kw) -> _Raw:
        self.close()
        self.cur = _Raw(kind=kind, **kw)
        return self.cur

    def _list_level(self, indent: int) -> int:
        while self.list_indents and self.list_indents[-1] > indent:
            self.list_indents.pop()
        if not self.list_indents or self.list_indents[-1] < indent:
            self.list_indents.append(indent)
        return len(self.list_indents) - 1

    def _item(self, lineno: int, line: str) -> bool:
        m = _BULLET.match(line) or _NUMBERED.match(line) or (None if self.markdown else _TXT_BULLET.match(line))
        if not m:
            return False
        if m.re is _BULLET and _RULE.match(line):
            return False
        indent = len(m.group(1).expandtabs(4))
        marker = m.group(2)
        numbered = m.re is _NUMBERED
        body_at = m.end()
        if numbered:
            numbering = marker.replace("\\", "")
            # plain-text agenda lines ("1.2 Introduction of participants") read as headings
            rest = line[body_at:].strip()
            if (not self.markdown and indent == 0 and "." in numbering.rstrip(".") + "." and len(rest.split()) <= 12
                    and not rest.endswith((".", ";", ",")) and re.match(r"\d", numbering)):
                depth = numbering.rstrip(".").count(".") + 1
                self.open("heading", level=depth, numbering=numbering).lines.append((lineno, line.strip()))
                self.close()
                self.list_indents = []
                return True
            level = self._list_level(indent)
            self.open("list_item", level=level, numbering=numbering).lines.append((lineno, line.strip()))
        else:
            level = self._list_level(indent)
            self.open("list_item", level=level).lines.append((lineno, line[body_at:].strip()))
        self.item_indent = len(line[:body_at].expandtabs(4))
        return True

    def feed(self, lines: list[tuple[int, str]]) -> list[_Raw]:
        i = 0
        while i < len(lines):
            lineno, line = lines[i]
            stripped = line.strip()
            nxt = lines[i + 1][1] if i + 1 < len(lines) else ""
            if _FENCE.match(line):
                fence = _FENCE.match(line).group(1)
                self.open("paragraph")
                i += 1
                while i < len(lines) and not lines[i][1].strip().startswith(fence):
                    self.cur.lines.append(lines[i])
                    i += 1
                self.close()
                i += 1
                continue
            if not stripped:
                self.close()
                i += 1
                continue
            if self.markdown and _ATX.match(line):
                m = _ATX.match(line)
                self.open("heading", level=len(m.group(1))).lines.append((lineno, m.group(2)))
                self.close()
                self.list_indents = []
                i += 1
                continue
            if (_SETEXT.match(nxt) and len(nxt.strip()) >= 3 and not _TABLE_ROW.match(line)
                    and (self.cur is None or self.cur.kind != "paragraph" or not self.cur.lines)):
                level = 1 if nxt.strip()[0] == "=" else 2
                self.open("heading", level=level).lines.append((lineno, stripped))
                self.close()
                i += 2
                continue
            if _RULE.match(line):
                self.close()
                self.list_indents = []
                i += 1
                continue
            if _TABLE_ROW.match(line) and (_TABLE_SEP.match(nxt) or (self.cur and self.cur.kind == "table")):
                if not (self.cur and self.cur.kind == "table"):
                    self.open("table")
                if not _TABLE_SEP.match(line):
                    self.cur.lines.append((lineno, line))
                i += 1
                continue
            if self.cur and self.cur.kind == "table":
                self.close()
            if self._item(lineno, line):
                i += 1
                continue
            indent = len(line) - len(line.lstrip())
            if self.cur and self.cur.kind == "list_item":
                # an indented line continues the item; Markdown also continues it lazily
                if indent >= (self.item_indent or 1) or self.markdown or indent > 0:
                    self.cur.lines.append((lineno, stripped))
                    i += 1
                    continue
                self.open("paragraph")
            if self.cur is None:
                self.open("paragraph")
                if indent == 0:
                    self.list_indents = []
            self.cur.lines.append((lineno, stripped))
            i += 1
        self.close()
        return self.blocks


def _front_matter(lines: list[tuple[int, str]]) -> tuple[list[tuple[int, str]], dict[str, str]]:
    """YAML front matter is metadata, not minutes: drop it, keep its title and date."""
    if not lines or not _FRONT.match(lines[0][1]):
        return lines, {}
    for j in range(1, min(len(lines), 200)):
        if _FRONT.match(lines[j][1]) or lines[j][1].strip() == "...":
            meta = {}
            for _, ln in lines[1:j]:
                for key, rx in (("title", _YAML_TITLE), ("date", _YAML_DATE)):
                    m = rx.match(ln)
                    if m and m.group(1).strip():
                        meta[key] = m.group(1).strip()
            return lines[j + 1:], meta
        if lines[j][1].strip() and not re.match(r"^\s*(?:[\w-]+\s*:|-\s|#)", lines[j][1]):
            break
    return lines, {}


def _build(raw: _Raw, index: int, markdown: bool, tables: int) -> Block | None:
    if raw.kind == "table":
        rows: list[list[Cell]] = []
        for r, (lineno, line) in enumerate(raw.lines):
            cells = []
            for c, cell in enumerate(_split_row(line)):
                text, spans = inline(cell, markdown)
                text = re.sub(r"\s+", " ", text).strip()
                bold = bool(text) and any(s == 0 and e >= len(text.rstrip(" :")) for s, e in spans)
                cells.append(Cell(text=text, row=r, col=c, bold=bold, lines=[TextLine(start=0, line=lineno)]))
            rows.append(cells)
        text_rows = [" | ".join(c.text for c in row) for row in rows]
        lines, pos = [], 0
        for (lineno, _), t in zip(raw.lines, text_rows):
            lines.append(TextLine(start=pos, line=lineno))
            pos += len(t) + 1
        return Block(index=index, kind="table", text="\n".join(text_rows), rows=rows, lines=lines, table=tables)
    joined = "\n".join(t.rstrip() if raw.kind != "paragraph" or not markdown else t for _, t in raw.lines)
    text, spans = inline(joined, markdown)
    if not markdown:
        text = "\n".join(ln.rstrip() for ln in text.split("\n"))
    starts, pos = [], 0
    for part in text.split("\n"):
        starts.append(pos)
        pos += len(part) + 1
    if not text.strip():
        return None
    lines = [TextLine(start=s, line=lineno) for s, (lineno, _) in zip(starts, raw.lines)]
    return Block(index=index, kind=raw.kind, text=text, level=raw.level, numbering=raw.numbering,
                 bold=spans, lines=lines)


def read_text(path: Path, sha256: str) -> Document:
    """Read a .txt or .md file into the document model."""
    path = Path(path)
    size = path.stat().st_size
    if size > MAX_BYTES:
        raise DocumentTooLarge(str(path), f"{size} bytes is over the {MAX_BYTES} byte limit for text files")
    markdown = path.suffix.lower() in (".md", ".markdown")
    text = _decode(path.read_bytes(), path).replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n")
    lines = list(enumerate(text.split("\n"), start=1))
    lines, meta = _front_matter(lines)
    blocks: list[Block] = []
    tables = 0
    for raw in _Splitter(markdown).feed(lines):
        block = _build(raw, len(blocks), markdown, tables)
        if block is not None:
            blocks.append(block)
            tables += block.kind == "table"
    return Document(path=str(path), sha256=sha256, format="md" if markdown else "txt", pages=None,
                    title=meta.get("title"), date=meta.get("date"), blocks=blocks)

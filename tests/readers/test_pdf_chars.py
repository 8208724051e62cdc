"""The pdfium engine's characters and ruling against pdfplumber's, on hand-built pages."""
from __future__ import annotations

import pdfplumber
import pypdfium2 as pdfium
import pytest

from extractor.readers.pdf_chars import page_graphics
from tests.readers.minipdf import assemble


def _pdf(content: bytes, resources: bytes = b"<< >>", extra: list[bytes] = ()) -> bytes:
    """A one-page PDF (612 x 792) with the given content stream and resources; `extra`
    objects are numbered from 5 on."""
    objs = [b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources " + resources + b" /Contents 4 0 R >>",
            b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream", *extra]
    return assemble(objs)


def _box(o: dict) -> tuple:
    return tuple(round(o[k], 3) for k in ("x0", "top", "x1", "bottom"))


def test_rectangle_drawn_upwards_or_downwards_has_the_same_box(tmp_path):
    # a highlight drawn from its top-left corner with a negative height, as Quartz writes it
    path = tmp_path / "rects.pdf"
    path.write_bytes(_pdf(b"1 0 0 rg 100 700 50 -20 re f 200 680 -50 20 re f 300 680 50 20 re f"))
    with pdfplumber.open(path) as pdf:
        want = sorted(_box(r) for r in pdf.pages[0].rects)
    doc = pdfium.PdfDocument(path)
    try:
        page = doc[0]
        got = sorted(_box(r) for r in page_graphics(page, page.get_height())["rect"])
    finally:
        doc.close()
    assert got == want
    assert all(top < bottom for _, top, _, bottom in got)


def _stream(data: bytes, head: bytes = b"") -> bytes:
    return b"<< " + head + b" /Length %d >>\nstream\n" % len(data) + data + b"\nendstream"


def _chars_both(path, pages: int = 1) -> tuple[list, list]:
    from extractor.readers.pdf_chars import FontNames, page_chars
    keep = ("text", "fontname", "x0", "x1", "top", "bottom")
    with pdfplumber.open(path) as pdf:
        want = [tuple(round(c[k], 3) if isinstance(c[k], float) else c[k] for k in keep)
                for c in pdf.pages[0].chars]
    doc = pdfium.PdfDocument(path)
    names = FontNames(path)
    try:
        page = doc[0]
        got = [tuple(round(c[k], 3) if isinstance(c[k], float) else c[k] for k in keep)
               for c in page_chars(page, page.get_height(), {}, names, 0) if c["text"] != " "]
    finally:
        names.close()
        doc.close()
    return want, got


def test_type3_glyphs_measured_as_pdfminer_measures_them(tmp_path):
    # two Type3 fonts: one whose FontDescriptor has no FontBBox (pdfminer: no descent, the
    # descriptor's FontName), one without a descriptor (the font's own FontBBox); each glyph
    # is measured by the font's Widths through its FontMatrix
    proc = _stream(b"600 0 0 -200 500 700 d1 0 0 500 700 re f")
    common = (b"/Subtype /Type3 /FontMatrix [0.001 0 0 0.001 0 0] /CharProcs << /A 5 0 R >> "
              b"/Encoding << /Type /Encoding /Differences [65 /A] >> /FirstChar 65 /LastChar 65 ")
    f1 = b"<< /Type /Font " + common + b"/Widths [640] /FontBBox [0 -300 1000 900] /FontDescriptor 8 0 R >>"
    f2 = b"<< /Type /Font " + common + b"/Widths [580] /FontBBox [0 -200 1000 800] >>"
    desc = b"<< /Type /FontDescriptor /FontName /ABCDEF+Glyphs /Flags 4 /ItalicAngle 0 /CapHeight 700 >>"
    content = b"BT /F1 20 Tf 72 700 Td (AA) Tj /F2 20 Tf 30 0 Td (AA) Tj ET"
    path = tmp_path / "type3.pdf"
    path.write_bytes(_pdf(content, b"<< /Font << /F1 6 0 R /F2 7 0 R >> >>", [proc, f1, f2, desc]))
    want, got = _chars_both(path)
    assert len(want) == 4 and want[0][1] == "ABCDEF+Glyphs"
    assert got == want

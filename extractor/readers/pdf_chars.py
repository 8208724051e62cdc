"""Characters and ruling lines of a PDF page read with pdfium (pypdfium2).

pdfium reads a page's content an order of magnitude faster than pdfminer, which pdfplumber
is built on. This module turns what pdfium gives into the objects pdfplumber would have
made from the same page, so the PDF reader can group them with pdfplumber's own word
extractor and table finder and get the same words and tables:

* characters as pdfplumber char dicts (`text`, `x0`, `x1`, `top`, `bottom`, `size`,
  `fontname`, `upright`, `matrix`) with pdfminer's box: from the glyph origin along the
  advance width, and from the font's descent up one font size (a Type3 font measured as
  pdfminer measures it: by its Widths through its FontMatrix, its descent from the FontBBox
  of its descriptor);
* path objects classified as pdfminer classifies them (a two-point path is a line, a
  closed axis-aligned four-point path a rectangle, anything else a curve) and turned into
  pdfplumber's edges, which `pdfplumber.table.TableFinder` takes through `RuledPage`.

pdfium keeps coordinates in single precision; they are rounded back to the shortest
decimal that gives the same single-precision number, which recovers the numbers as written
in the content stream, so edges and glyph positions agree with pdfminer's to about 1e-4 pt.
"""
from __future__ import annotations

import ctypes
import re
import struct
from functools import lru_cache

import pypdfium2 as pdfium
import pypdfium2.raw as R
from pdfminer.fontmetrics import FONT_METRICS
from pdfplumber.table import TableFinder, TableSettings
from pdfplumber.utils import curve_to_edges, line_to_edge, rect_to_edges

_F32 = struct.Struct("f")


@lru_cache(maxsize=65536)
def _f32(v: float) -> float:
    """The shortest decimal that reads back as the same single-precision number."""
    packed = _F32.pack(v)
    for digits in range(0, 9):
        r = round(v, digits)
        if _F32.pack(r) == packed:
            return r
    return v


class _Font:
    __slots__ = ("name", "descent", "widths")

    def __init__(self, name: str, descent: float, widths: dict | None = None):
        self.name = name
        self.descent = descent  # in thousandths of the font size, negative below the baseline
        self.widths = widths  # advance widths by character, for the standard fonts pdfminer measures itself


class FontNames:
    """What pdfminer makes of a page's font resources, read with pdfminer's parser (no content
    stream is interpreted) only when asked: the BaseFont names of its simple fonts (pdfium
    drops a subset prefix, "ABCDEF+Symbol", which decides whether pdfminer measures an
    embedded font by its own metrics), and its Type3 fonts, which pdfium names and measures
    otherwise."""

    def __init__(self, path):
        self.path = path
        self._pages: list | None = None
        self._fp = None
        self._type3: dict[int, list[tuple[float, _Font]]] = {}

    def _page(self, index: int):
        if self._pages is None:
            from pdfminer.pdfdocument import PDFDocument
            from pdfminer.pdfpage import PDFPage
            from pdfminer.pdfparser import PDFParser
            self._fp = open(self.path, "rb")
            self._pages = list(PDFPage.create_pages(PDFDocument(PDFParser(self._fp))))
        return self._pages[index]

    def on_page(self, index: int) -> set[str]:
        from pdfminer.pdftypes import resolve1
        from pdfminer.psparser import literal_name
        names: set[str] = set()
        fonts = resolve1((self._page(index).resources or {}).get("Font")) or {}
        for spec in fonts.values():
            spec = resolve1(spec)
            # pdfminer measures only simple fonts by its metrics, never composite (Type0) ones
            if isinstance(spec, dict) and "BaseFont" in spec and \
                    literal_name(resolve1(spec.get("Subtype"))) in ("Type1", "MMType1", "TrueType"):
                names.add(literal_name(resolve1(spec["BaseFont"])))
        return names

    def type3_on_page(self, index: int) -> list[tuple[float, _Font]]:
        """The Type3 fonts of the page and of the forms it draws, each as (the descent pdfium
        gives it, in thousandths, from the font's own FontBBox, and the font as pdfminer
        measures it)."""
        got = self._type3.get(index)
        if got is None:
            got = self._type3[index] = []
            _type3_fonts(self._page(index).resources, got, set(), 0)
        return got

    def close(self) -> None:
        if self._fp is not None:
            self._fp.close()


def _type3_fonts(resources, out: list, seen: set, depth: int) -> None:
    from pdfminer.pdftypes import PDFObjRef, resolve1
    from pdfminer.psparser import literal_name
    resources = resolve1(resources)
    if not isinstance(resources, dict) or depth > 8:
        return
    for ref in (resolve1(resources.get("Font")) or {}).values():
        key = ref.objid if isinstance(ref, PDFObjRef) else id(ref)
        spec = resolve1(ref)
        if key in seen or not isinstance(spec, dict):
            continue
        seen.add(key)
        if literal_name(resolve1(spec.get("Subtype"))) == "Type3":
            try:
                out.append(_type3_font(spec))
            except Exception:  # a damaged font: pdfium's own reading stands
                continue
    for ref in (resolve1(resources.get("XObject")) or {}).values():
        key = ref.objid if isinstance(ref, PDFObjRef) else id(ref)
        xobj = resolve1(ref)
        if key in seen or not hasattr(xobj, "attrs"):
            continue
        seen.add(key)
        if literal_name(xobj.attrs.get("Subtype")) == "Form":
            _type3_fonts(xobj.attrs.get("Resources"), out, seen, depth + 1)


def _type3_font(spec: dict) -> tuple[float, _Font]:
    """pdfminer's PDFType3Font measures a glyph by the font's Widths and FontMatrix and takes
    its descent from the FontBBox of its FontDescriptor (none there: a descent of 0), named
    by the descriptor's FontName; pdfium takes the FontBBox of the font itself."""
    import logging

    from pdfminer.pdffont import PDFType3Font
    from pdfminer.pdftypes import resolve1
    log = logging.getLogger("pdfminer.pdffont")
    level = log.level
    log.setLevel(logging.ERROR)  # pdfminer warns of a descriptor without a FontBBox; so does the pdfplumber engine
    try:
        font = PDFType3Font(None, spec)
    finally:
        log.setLevel(level)
    a, b, c, d, _, _ = font.matrix
    box = [resolve1(v) for v in resolve1(spec.get("FontBBox")) or ()]
    own = 0.0
    if len(box) == 4 and all(isinstance(v, (int, float)) for v in box):
        own = min(b * x + d * y for x in (box[0], box[2]) for y in (box[1], box[3])) * 1000.0
    widths: dict[str, float] = {}
    for cid, w in font.widths.items():
        try:
            text = font.to_unichr(cid) if isinstance(cid, int) else cid
        except Exception:
            continue
        if isinstance(text, str) and text and isinstance(w, (int, float)):
            widths.setdefault(text, w * font.hscale * 1000.0)
    name = font.fontname if isinstance(font.fontname, str) else str(font.fontname)
    return own, _Font(name, font.get_descent() * 1000.0, widths)


def _font_info(font, cache: dict, names: FontNames | None = None, index: int = 0) -> _Font:
    key = ctypes.cast(font, ctypes.c_void_p).value
    got = cache.get(key)
    if got is None:
        buf = ctypes.create_string_buffer(256)
        n = R.FPDFFont_GetBaseFontName(font, buf, 256)
        if n > 256:
            buf = ctypes.create_string_buffer(n)
            R.FPDFFont_GetBaseFontName(font, buf, n)
        name = buf.value.decode("utf-8", "replace")
        embedded = R.FPDFFont_GetIsEmbedded(font)
        if name in FONT_METRICS and (not embedded or (names is not None and name in names.on_page(index))):
            # a standard font named without a font program: pdfminer takes its name, descent
            # and widths from its own metrics ("Arial,Bold" becomes Helvetica-Bold)
            desc, widths = FONT_METRICS[name]
            got = cache[key] = _Font(str(desc.get("FontName", name)), -abs(float(desc.get("Descent", 0))), widths)
            return got
        d = ctypes.c_float()
        descent = d.value if R.FPDFFont_GetDescent(font, ctypes.c_float(1000.0), ctypes.byref(d)) else 0.0
        got = None
        size = ctypes.c_size_t()
        if not name and embedded and names is not None and R.FPDFFont_GetFontData(font, None, 0, ctypes.byref(size)) \
                and size.value == 0:
            got = _type3_match(descent, names.type3_on_page(index))
        got = cache[key] = got or _Font(name, _f32(descent))
    return got


def _type3_match(descent: float, fonts: list[tuple[float, _Font]]) -> _Font | None:
    """A font pdfium holds without a name or a font program is a Type3 font: the page's Type3
    font that pdfium gives the same descent, when that settles which one it is."""
    found = [f for own, f in fonts if abs(own - descent) < 0.5]
    if found and all((f.name, f.descent, f.widths) == (found[0].name, found[0].descent, found[0].widths) for f in found):
        return found[0]
    return None


def page_chars(page: pdfium.PdfPage, height: float, fonts: dict, names: FontNames | None = None,
               index: int = 0) -> list[dict]:
    """The page's characters as pdfplumber char dicts, in pdfium's reading of the content
    order. Spaces pdfium inserted between words are kept as spaces (they only end words);
    line breaks it inserted are dropped. `names` reads the fonts of the page at `index` as
    pdfminer does, where pdfium's reading of a font differs; `fonts` caches fonts by handle."""
    tp = R.FPDFText_LoadPage(page)
    if not tp:
        return []
    try:
        return _chars(tp, height, fonts, names, index)
    finally:
        R.FPDFText_ClosePage(tp)


def _chars(tp, height: float, fonts: dict, names, index: int) -> list[dict]:
    n = R.FPDFText_CountChars(tp)
    out: list[dict] = []
    loose = R.FS_RECTF()
    l_, r_, b_, t_ = ctypes.c_double(), ctypes.c_double(), ctypes.c_double(), ctypes.c_double()
    ox, oy = ctypes.c_double(), ctypes.c_double()
    m = R.FS_MATRIX()
    fsize = ctypes.c_float()
    objs: dict[int, tuple] = {}
    get_unicode, is_generated = R.FPDFText_GetUnicode, R.FPDFText_IsGenerated
    get_origin, get_loose, get_tight = R.FPDFText_GetCharOrigin, R.FPDFText_GetLooseCharBox, R.FPDFText_GetCharBox
    get_obj, get_matrix = R.FPDFText_GetTextObject, R.FPDFText_GetMatrix
    pending = None  # a glyph drawn past its advance, whose box may end at the next origin
    high = None  # pdfium gives a character beyond U+FFFF (an emoji) as two UTF-16 surrogates
    for i in range(n):
        code = get_unicode(tp, i)
        if 0xD800 <= code <= 0xDBFF:
            high = code
            continue
        if 0xDC00 <= code <= 0xDFFF:
            code = 0x10000 + ((high - 0xD800) << 10) + (code - 0xDC00) if high is not None else 0xFFFD
        high = None
        generated = is_generated(tp, i)
        if generated:
            if code != 0x20:
                continue
        elif code == 0:
            continue  # a glyph without text: pdfminer gives "\x00", never part of a word's meaning
        obj = get_obj(tp, i)
        key = ctypes.cast(obj, ctypes.c_void_p).value if obj else None
        info = objs.get(key)
        if info is None:
            if obj:
                font = _font_info(R.FPDFTextObj_GetFont(obj), fonts, names, index)
                R.FPDFTextObj_GetFontSize(obj, ctypes.byref(fsize))
                size = _f32(fsize.value)
            else:
                font, size = _Font("", 0.0), 0.0
            info = objs[key] = (font, size)
        font, fs = info
        get_origin(tp, i, ctypes.byref(ox), ctypes.byref(oy))
        get_matrix(tp, i, ctypes.byref(m))
        a, b, c, d = _f32(m.a), _f32(m.b), _f32(m.c), _f32(m.d)
        e, f = ox.value, oy.value
        get_loose(tp, i, ctypes.byref(loose))
        get_tight(tp, i, ctypes.byref(l_), ctypes.byref(r_), ctypes.byref(b_), ctypes.byref(t_))
        # the advance runs from the origin to the loose box's far side along the baseline
        if abs(b) <= abs(a):
            far, ink = (loose.right, r_.value) if a > 0 else (loose.left, l_.value)
            start = e
        else:
            far, ink = (loose.top, t_.value) if b > 0 else (loose.bottom, b_.value)
            start = f
        scale = (a * a + b * b) ** 0.5 or 1.0
        adv = abs(far - start) / scale
        overhang = abs(ink - far) < 1e-3 and r_.value > l_.value
        if font.widths is not None and not generated:
            w = font.widths.get(chr(code))
            if w is not None:
                adv = w * fs / 1000.0
                overhang = False
        descent = font.descent * fs / 1000.0
        text = " " if generated else "-" if code == 2 else chr(code)  # pdfium marks a line-end hyphen as 0x02
        args = (text, a, b, c, d, e, f, fs, adv, descent, height, font.name)
        if pending is not None:
            _settle(out, pending, e, f)
            pending = None
        out.append(_char(*args))
        if overhang and not generated:
            pending = (len(out) - 1, args, scale)
    return out


def _settle(out: list[dict], pending: tuple, e: float, f: float) -> None:
    """A glyph drawn past its advance (an italic f, a slash): its box ends at the next
    glyph's origin on the same baseline when that comes before the glyph's ink does."""
    k, args, scale = pending
    _, a, b, _, _, e0, f0, _, adv, *_ = args
    if abs(b) <= abs(a):
        same, step = abs(f - f0) < 0.01, (e - e0) * (1 if a > 0 else -1)
    else:
        same, step = abs(e - e0) < 0.01, (f - f0) * (1 if b > 0 else -1)
    if same and 0 < step / scale < adv:
        out[k] = _char(*args[:8], step / scale, *args[9:])


def _char(text: str, a, b, c, d, e, f, fs: float, adv: float, descent: float, height: float, fontname: str) -> dict:
    # pdfminer's LTChar: (0, descent) to (adv, descent + size) in text space, through the matrix
    llx, lly = c * descent + e, d * descent + f
    urx, ury = a * adv + c * (descent + fs) + e, b * adv + d * (descent + fs) + f
    x0, x1 = (llx, urx) if llx <= urx else (urx, llx)
    y0, y1 = (lly, ury) if lly <= ury else (ury, lly)
    upright = a * d > 0 and b * c <= 0
    w, h = x1 - x0, y1 - y0
    top = height - y1
    return {"text": text, "fontname": fontname, "size": h, "upright": upright,
            "x0": x0, "x1": x1, "y0": y0, "y1": y1, "top": top, "bottom": height - y0, "doctop": top,
            "width": w, "height": h, "matrix": (a, b, c, d, e, f)}


# ---------------------------------------------------------------- ruling lines


_MATRIX = R.FS_MATRIX


def _mul(m1, m2):
    """m1 then m2 (both a, b, c, d, e, f)."""
    a1, b1, c1, d1, e1, f1 = m1
    a2, b2, c2, d2, e2, f2 = m2
    return (a1 * a2 + b1 * c2, a1 * b2 + b1 * d2, c1 * a2 + d1 * c2, c1 * b2 + d1 * d2,
            e1 * a2 + f1 * c2 + e2, e1 * b2 + f1 * d2 + f2)


def _obj_matrix(obj) -> tuple:
    m = _MATRIX()
    if not R.FPDFPageObj_GetMatrix(obj, ctypes.byref(m)):
        return (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)
    return tuple(_f32(v) for v in (m.a, m.b, m.c, m.d, m.e, m.f))


def _walk_paths(count, get, parent, matrix, out: list, depth: int = 0) -> None:
    for i in range(count(parent)):
        obj = get(parent, i)
        kind = R.FPDFPageObj_GetType(obj)
        if kind == R.FPDF_PAGEOBJ_PATH:
            out.append((obj, _mul(_obj_matrix(obj), matrix) if matrix else _obj_matrix(obj)))
        elif kind == R.FPDF_PAGEOBJ_FORM and depth < 15:
            fm = _obj_matrix(obj)
            _walk_paths(R.FPDFFormObj_CountObjects, R.FPDFFormObj_GetObject, obj,
                        _mul(fm, matrix) if matrix else fm, out, depth + 1)


def _path_ops(obj) -> list[tuple]:
    """The path's construction operators as pdfminer records them: ('m', x, y), ('l', x, y),
    ('c', x1, y1, x2, y2, x3, y3), ('h',)."""
    ops: list[tuple] = []
    x, y = ctypes.c_float(), ctypes.c_float()
    bez: list[float] = []
    for k in range(R.FPDFPath_CountSegments(obj)):
        seg = R.FPDFPath_GetPathSegment(obj, k)
        R.FPDFPathSegment_GetPoint(seg, ctypes.byref(x), ctypes.byref(y))
        px, py = _f32(x.value), _f32(y.value)
        t = R.FPDFPathSegment_GetType(seg)
        if t == R.FPDF_SEGMENT_MOVETO:
            ops.append(("m", px, py))
        elif t == R.FPDF_SEGMENT_LINETO:
            ops.append(("l", px, py))
        elif t == R.FPDF_SEGMENT_BEZIERTO:
            bez += (px, py)
            if len(bez) == 6:
                ops.append(("c", *bez))
                bez = []
        else:
            continue
        if R.FPDFPathSegment_GetClose(seg) and not bez:
            ops.append(("h",))
    return ops


def _apply(m, x: float, y: float) -> tuple[float, float]:
    a, b, c, d, e, f = m
    return a * x + c * y + e, b * x + d * y + f


def _paint(path: list[tuple], m, height: float, out: dict) -> None:
    """pdfminer's PDFLayoutAnalyzer.paint_path, giving pdfplumber's line/rect/curve dicts."""
    shape = "".join(op[0] for op in path)
    if shape[:1] != "m":
        return
    if shape.count("m") > 1:
        for sub in re.finditer(r"m[^m]+", shape):
            _paint(path[sub.start(0):sub.end(0)], m, height, out)
        return
    raw = [op[-2:] if op[0] != "h" else path[0][-2:] for op in path]
    pts = [_apply(m, px, py) for px, py in raw]
    if len(shape) > 3 and shape[-2:] == "lh" and pts[-2] == pts[0]:
        shape = shape[:-2] + "h"
        pts.pop()
    if shape in ("mlh", "ml"):
        out["line"].append(_obj("line", _bound(pts[:2]), height))
        return
    if shape in ("mlllh", "mllll"):
        (x0, y0), (x1, y1), (x2, y2), (x3, y3), _ = pts
        closed = pts[0] == pts[4]
        square = (x0 == x1 and y1 == y2 and x2 == x3 and y3 == y0) or (y0 == y1 and x1 == x2 and y2 == y3 and x3 == x0)
        if closed and square:
            # pdfminer's LTRect is bounded by its corners, whichever way the rectangle was drawn
            out["rect"].append(_obj("rect", _bound([pts[0], pts[2]]), height))
            return
    curve = _obj("curve", _bound(pts), height)
    curve["pts"] = [(px, height - py) for px, py in pts]
    out["curve"].append(curve)


def _bound(pts) -> tuple[float, float, float, float]:
    xs = [p[0] for p in pts]
    ys = [p[1] for p in pts]
    return min(xs), min(ys), max(xs), max(ys)


def _obj(kind: str, bbox, height: float) -> dict:
    x0, y0, x1, y1 = bbox
    top = height - y1
    return {"object_type": kind, "x0": x0, "y0": y0, "x1": x1, "y1": y1, "top": top, "doctop": top,
            "bottom": height - y0, "width": x1 - x0, "height": y1 - y0}


def page_graphics(page: pdfium.PdfPage, height: float) -> dict[str, list[dict]]:
    """The page's painted paths as pdfplumber's `line`, `rect` and `curve` objects."""
    out: dict[str, list[dict]] = {"line": [], "rect": [], "curve": []}
    paths: list = []
    _walk_paths(R.FPDFPage_CountObjects, R.FPDFPage_GetObject, page, None, paths)
    fill, stroke = ctypes.c_int(), ctypes.c_int()
    for obj, m in paths:
        if R.FPDFPath_GetDrawMode(obj, ctypes.byref(fill), ctypes.byref(stroke)) and not fill.value and not stroke.value:
            continue  # a clipping path, never painted
        _paint(_path_ops(obj), m, height, out)
    return out


class RuledPage:
    """What pdfplumber's TableFinder reads of a page: its edges and its box."""

    def __init__(self, graphics: dict[str, list[dict]], width: float, height: float):
        self.bbox = (0, 0, width, height)
        self.lines, self.rects, self.curves = graphics["line"], graphics["rect"], graphics["curve"]
        edges = [line_to_edge(x) for x in self.lines]
        for r in self.rects:
            edges += rect_to_edges(r)
        for c in self.curves:
            edges += curve_to_edges(c)
        self.edges = edges

    def find_tables(self):
        return TableFinder(self, TableSettings.resolve(None)).tables

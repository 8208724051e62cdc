"""The HTML reader on the corpus's own page, plus markup the real page can't show."""
from __future__ import annotations

from pathlib import Path

import pytest

from extractor.errors import DocumentTooLarge, UnreadableDocument
from extractor.readers import file_sha256, read_document
from extractor.readers import html as html_reader
from tests.readers.corpus_files import CORPUS, find_block as _find

WEREHAM = CORPUS / "wereham-parish-meeting-2004-05-11.html"


def _page(tmp_path, body: str, name: str = "page.html", encoding: str = "utf-8") -> Path:
    path = tmp_path / name
    path.write_bytes(body.encode(encoding))
    return path


def test_minutes_paragraphs_keep_their_source_lines():
    doc = read_document(WEREHAM)
    assert doc.format == "html" and doc.pages is None and doc.sha256 == file_sha256(WEREHAM)
    present, at = _find(doc, "Present: R. Lankfer - Chairman")
    assert present.kind == "paragraph" and at == 0
    assert present.text == ("Present: R. Lankfer - Chairman, Mrs. Willis, G. Gott and C. Humphries "
                            "together with 5 members of the public.")
    assert present.provenance(at).line == 183
    apologies, at = _find(doc, "Apologies: D. Pickston and G. Clere")
    assert apologies.provenance(at).line == 184 and apologies.index == present.index + 1
    hall, at = _find(doc, "Hire charges are to remain as before")
    assert hall.provenance(at).line == 186 and hall.text.startswith("Village Hall Report:")


def test_headings_and_title():
    doc = read_document(WEREHAM)
    assert doc.title == "Minutes of the Wereham Parish Meeting - June 2004 - Stoke Ferry, Norfolk, UK"
    h1, h2 = doc.blocks[0], doc.blocks[1]
    assert (h1.kind, h1.level, h1.lines[0].line) == ("heading", 1, 173)
    assert h1.text == "Minutes of the Wereham Parish Meeting"
    assert (h2.kind, h2.level, h2.text, h2.lines[0].line) == ("heading", 2, "June 2004", 176)
    assert not any("Stoke Ferry, Norfolk, UK" in b.text for b in doc.blocks)  # the <title> is metadata
    assert not any(b.bold for b in doc.blocks)  # the page has no bold text


def test_site_navigation_and_copyright_are_dropped():
    doc = read_document(WEREHAM)
    text = doc.text
    for furniture in ("stokeferry.com", "West Dereham", "2015", "Minutes of meetings 2001-2021",
                      "Wretton Parish Council", "Broad Norfolk", "WI Scrapbook", "Copyright remains",
                      "All rights reserved"):
        assert furniture not in text, furniture
    assert not {"Village", "Year", "Parish Councils"} & {b.text for b in doc.blocks}  # the menu headings
    assert doc.blocks[-1].text == "Parish Clerk"
    assert len(doc.blocks) == 12


def test_page_furniture_dropped_around_main(tmp_path):
    path = _page(tmp_path, """<!DOCTYPE html>
<html><head><title>Minutes</title><style>p { color: red }</style></head>
<body>
<a class="skip-link" href="#content">Skip to content</a>
<header><h1>Anytown Council</h1>
<nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li></ul></nav></header>
<div id="cookie-banner">We use cookies. <button>Accept</button></div>
<main id="content">
<ul class="breadcrumbs"><li><a href="/">Home</a></li><li>Minutes</li></ul>
<div class="page-header"><h1>Minutes of the meeting</h1></div>
<p>Present: Cllr A Smith</p>
<aside>Related: budget papers</aside>
<script>track("minutes")</script>
</main>
<footer><p>Contact the webmaster</p></footer>
</body></html>""")
    doc = read_document(path)
    assert [b.text for b in doc.blocks] == ["Minutes of the meeting", "Present: Cllr A Smith"]
    assert doc.blocks[0].kind == "heading" and doc.blocks[0].level == 1
    assert doc.blocks[1].lines[0].line == 11


def test_furniture_named_wrapper_keeps_the_minutes(tmp_path):
    # no <main>; the whole page sits in a div whose class mentions a sidebar
    path = _page(tmp_path, """<html><body>
<div id="page" class="layout-with-sidebar">
<p>Present: Cllr A Smith, Cllr B Jones and Cllr C Brown, together with the Clerk.</p>
<p>It was resolved that the precept be set at the same level as last year.</p>
<div class="sidebar"><a href="/a">Archive</a> <a href="/b">Contact us</a></div>
</div>
</body></html>""")
    texts = [b.text for b in read_document(path).blocks]
    assert texts[0].startswith("Present: Cllr A Smith") and len(texts) == 2
    assert "Archive" not in " ".join(texts)


def test_table_cells_with_spans_appear_once(tmp_path):
    path = _page(tmp_path, """<html><body><p>Actions</p>
<table>
<tr><th colspan="2">Action</th><th>Owner</th></tr>
<tr><td rowspan="2">4.1</td><td>Write to the<br>county council</td><td>JW</td></tr>
<tr><td>Book the hall</td><td><b>Clerk</b></td></tr>
</table></body></html>""")
    doc = read_document(path)
    table = next(b for b in doc.blocks if b.kind == "table")
    assert table.table == 0
    assert [[(c.text, c.row, c.col) for c in row] for row in table.rows] == [
        [("Action", 0, 0), ("Owner", 0, 2)],
        [("4.1", 1, 0), ("Write to the\ncounty council", 1, 1), ("JW", 1, 2)],
        [("Book the hall", 2, 1), ("Clerk", 2, 2)],
    ]
    assert table.text == "Action | Owner\n4.1 | Write to the county council | JW\nBook the hall | Clerk"
    assert table.rows[0][0].bold and table.rows[2][1].bold and not table.rows[2][0].bold
    assert [ln.line for ln in table.lines] == [3, 4, 5]
    assert table.provenance(table.text.index("Book")).line == 5


def test_page_laid_out_in_a_table_reads_as_paragraphs(tmp_path):
    path = _page(tmp_path, """<html><body><table width="100%"><tr>
<td><a href="/">Home</a></td>
<td><h1>Parish minutes</h1><p>Present: Cllr X</p>
<table border="1"><tr><td>Name</td><td>Role</td></tr><tr><td>Ann Lee</td><td>Chair</td></tr></table></td>
</tr></table></body></html>""")
    doc = read_document(path)
    assert [b.kind for b in doc.blocks][-3:] == ["heading", "paragraph", "table"]
    assert doc.blocks[-1].table == 0 and doc.blocks[-1].rows[1][0].text == "Ann Lee"


def test_lists_numbering_levels_bold_and_line_breaks(tmp_path):
    path = _page(tmp_path, """<html><body>
<ol start="3">
  <li>Apologies</li>
  <li><strong>ACTION</strong> Clerk to write
      to the council
    <ol type="a"><li>copy to the chair</li></ol>
  </li>
  <li value="9">Date of next meeting</li>
</ol>
<ul><li><p>Cllr Smith &amp; Cllr&nbsp;Jones</p></li></ul>
<p>Present:<br>A Smith<br>
B Jones<br><br>Apologies: C Brown</p>
<pre>Item  Owner
Hall  Clerk</pre>
</body></html>""")
    blocks = read_document(path).blocks
    items = [(b.kind, b.level, b.numbering, b.text) for b in blocks[:5]]
    assert items == [
        ("list_item", 0, "3.", "3. Apologies"),
        ("list_item", 0, "4.", "4. ACTION Clerk to write to the council"),
        ("list_item", 1, "a.", "a. copy to the chair"),
        ("list_item", 0, "9.", "9. Date of next meeting"),
        ("list_item", 0, None, "Cllr Smith & Cllr Jones"),
    ]
    action = blocks[1]
    assert action.is_bold(3, 9) and not action.is_bold(10, 15)
    assert action.provenance(action.text.index("to the council")).line == 5
    present, apologies = blocks[5], blocks[6]
    assert present.text == "Present:\nA Smith\nB Jones"
    assert [ln.line for ln in present.lines] == [11, 11, 12]
    assert (apologies.text, apologies.lines[0].line) == ("Apologies: C Brown", 12)
    pre = blocks[7]
    assert pre.text == "Item  Owner\nHall  Clerk" and [ln.line for ln in pre.lines] == [13, 14]


def test_declared_windows_charset_is_honoured(tmp_path):
    path = _page(tmp_path, '<html><head><meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1">'
                           "</head><body><p>Present: Zoë Brontë – Chair</p></body></html>", encoding="cp1252")
    assert read_document(path).blocks[0].text == "Present: Zoë Brontë – Chair"


@pytest.mark.parametrize("data, reason", [
    (b"\x00\x01\x02\x03binary junk" * 200, "binary"),
    (b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj", "PDF"),
    (bytes(range(128, 256)) * 40, "neither UTF-8 nor Windows-1252"),
    (b"<div>" * 3000 + b"deep" + b"</div>" * 3000, "nested too deeply"),
])
def test_unreadable_files_are_refused_with_a_reason(tmp_path, data, reason):
    path = tmp_path / "minutes.html"
    path.write_bytes(data)
    with pytest.raises(UnreadableDocument) as err:
        read_document(path)
    assert reason in err.value.reason


def test_over_the_size_limit_is_refused(tmp_path, monkeypatch):
    path = _page(tmp_path, "<p>" + "minutes " * 100 + "</p>")
    monkeypatch.setattr(html_reader, "MAX_BYTES", 100)
    with pytest.raises(DocumentTooLarge):
        read_document(path)

"""The DOCX reader on the corpus's real DOCX, plus hand-built files for what that file can't show."""
from __future__ import annotations

import io
import zipfile
from pathlib import Path

import docx
import pytest

from extractor.errors import DocumentTooLarge, UnreadableDocument
from extractor.readers import docx as docx_reader
from extractor.readers import read_document
from extractor.readers.docx import read_docx
from tests.readers.corpus_files import CORPUS, find_block as _find, read_cached as _read

STUDENT = CORPUS / "student-project-team-minutes-2019-02-14.docx"


def _save(d, tmp_path: Path, name: str = "built.docx") -> Path:
    path = tmp_path / name
    d.save(str(path))
    return path


# ---------------------------------------------------------------- the corpus file


def test_tables_in_body_order_with_their_indexes():
    doc = _read(STUDENT)
    assert doc.format == "docx" and doc.pages is None
    assert [b.kind for b in doc.blocks] == ["table"] * 5  # the empty paragraphs between them give no block
    assert [b.table for b in doc.blocks] == [0, 1, 2, 3, 4]
    assert [b.rows[0][0].text for b in doc.blocks] == ["Meeting Minutes", "Attendees:", "Next Steps:",
                                                        "Discussion:", "Decisions made:"]


def test_action_table_rows_and_columns():
    doc = _read(STUDENT)
    table, at = _find(doc, "Edit meeting minutes and create code of conduct.")
    assert table.table == 2 and len(table.rows) == 5
    assert [c.text for c in table.rows[0]] == ["Next Steps:", "Owner:", "Due date:"]
    arlana = table.rows[1]
    assert [(c.row, c.col) for c in arlana] == [(1, 0), (1, 1), (1, 2)]
    assert [c.text for c in arlana] == ["Arlana Keen", "Edit meeting minutes and create code of conduct.",
                                        "21st February 2019"]  # the superscript "st" run joins its number
    assert table.rows[2][2].text == "Version 1  by 21st February 2019"  # spacing inside a cell as written
    # the text rendering: cells joined by " | ", rows by newlines, a source line per row
    assert table.text.split("\n")[1] == ("Arlana Keen | Edit meeting minutes and create code of conduct."
                                         " | 21st February 2019")
    assert table.provenance(at).line == arlana[0].lines[0].line


def test_attendee_table_keeps_empty_signature_cells():
    doc = _read(STUDENT)
    table = doc.blocks[1]
    assert [r[0].text for r in table.rows[1:]] == ["Arlana Keen", "Oliver Howe", "Lewis Jackson", "Brandon Henderson"]
    assert all(len(r) == 2 and r[1].text == "" and r[1].lines == [] for r in table.rows[1:])
    assert table.text.split("\n")[1] == "Arlana Keen | "  # the trailing space of "Arlana Keen " is gone


def test_merged_title_cell_is_read_once_and_is_the_only_bold_text():
    doc = _read(STUDENT)
    header = doc.blocks[0]
    assert len(header.rows[0]) == 1  # "Meeting Minutes" spans both grid columns
    title = header.rows[0][0]
    assert title.bold and (title.row, title.col) == (0, 0)
    assert header.text.count("Meeting Minutes") == 1
    assert header.bold == [(0, len("Meeting Minutes"))]
    assert not any(c.bold for b in doc.blocks for r in b.rows for c in r if c is not title)
    assert all(not b.bold for b in doc.blocks[1:])


def test_cell_paragraphs_join_with_newlines_and_count_as_lines():
    doc = _read(STUDENT)
    objectives = doc.blocks[0].rows[1][1]
    assert objectives.text == ("-Discuss skills audit\n-Decide on what tasks\n"
                               "-Come up with project proposal and deadlines")
    # line 1 is the empty paragraph before the first table; "Meeting Minutes" is line 2
    assert doc.blocks[0].rows[0][0].lines[0].line == 2
    assert [ln.line for ln in objectives.lines] == [4, 5, 6]
    assert [ln.start for ln in objectives.lines] == [0, 22, 44]
    # in the table's text the cell stays on its row's one line
    assert doc.blocks[0].text.split("\n")[1].startswith("Meeting objectives: | -Discuss skills audit -Decide")
    decisions = doc.blocks[4].rows[1][0]
    assert decisions.text.split("\n")[1:3] == ["Missions for each person and group missions", "Project proposal"]


def test_no_metadata_title_and_no_headers():
    doc = _read(STUDENT)
    assert doc.title is None  # core.xml has an empty title
    assert doc.headers == []  # the header part holds one empty paragraph


# ---------------------------------------------------------------- built documents


def test_headings_lists_numbering_and_bold_from_styles(tmp_path):
    d = docx.Document()
    d.core_properties.title = "Parish Council Minutes"
    d.add_heading("Minutes of the meeting", 0)
    d.add_heading("Apologies", 1)
    p = d.add_paragraph("Present: ")
    p.add_run("Ann Lee").bold = True
    p.add_run(" and ")
    p.add_run("Bob Roe").style = "Strong"  # bold by its character style
    for text in ("First", "Second"):
        d.add_paragraph(text, style="List Number")
    d.add_paragraph("Nested", style="List Number 2")
    d.add_paragraph("A bullet", style="List Bullet")
    style = d.styles.add_style("Action Line", 1)
    style.font.bold = True
    d.add_paragraph("ACTION: Clerk to write", style="Action Line")
    doc = read_docx(_save(d, tmp_path), "0" * 64)

    assert doc.title == "Parish Council Minutes"
    title, apologies = doc.blocks[0], doc.blocks[1]
    assert (title.kind, title.level) == ("heading", 0)
    assert (apologies.kind, apologies.level, apologies.text) == ("heading", 1, "Apologies")
    assert apologies.is_bold(0, len("Apologies"))  # Heading 1 is bold in its style
    present, _ = _find(doc, "Present:")
    assert present.kind == "paragraph" and present.bold == [(9, 16), (21, 28)]
    assert not present.is_bold(0, len("Present:"))
    items = [b for b in doc.blocks if b.kind == "list_item"]
    assert [(b.text, b.numbering, b.level) for b in items] == [
        ("1. First", "1.", 0), ("2. Second", "2.", 0), ("1. Nested", "1.", 1), ("A bullet", None, 0)]
    action, _ = _find(doc, "ACTION: Clerk")
    assert action.kind == "paragraph" and action.is_bold(0, len(action.text))


def test_multilevel_numbering_counts_per_level(tmp_path):
    d = docx.Document()
    for text, ilvl in (("Minutes", 0), ("Accuracy", 1), ("Matters arising", 1), ("Finance", 0), ("Budget", 1)):
        p = d.add_paragraph(text)
        num_pr = p._p.get_or_add_pPr().get_or_add_numPr()
        num_pr.get_or_add_numId().val = 1
        num_pr.get_or_add_ilvl().val = ilvl
    numbering = d.part.numbering_part.element
    w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    for num in list(numbering.iterchildren(f"{{{w}}}num")):
        numbering.remove(num)
    numbering.append(numbering.makeelement(f"{{{w}}}num", {f"{{{w}}}numId": "1"}))
    numbering[-1].append(numbering.makeelement(f"{{{w}}}abstractNumId", {f"{{{w}}}val": "99"}))
    abstract = numbering.makeelement(f"{{{w}}}abstractNum", {f"{{{w}}}abstractNumId": "99"})
    for ilvl, text in ((0, "%1."), (1, "%1.%2")):
        lvl = abstract.makeelement(f"{{{w}}}lvl", {f"{{{w}}}ilvl": str(ilvl)})
        for tag, val in (("start", "1"), ("numFmt", "decimal"), ("lvlText", text)):
            lvl.append(lvl.makeelement(f"{{{w}}}{tag}", {f"{{{w}}}val": val}))
        abstract.append(lvl)
    numbering.insert(0, abstract)
    doc = read_docx(_save(d, tmp_path), "0" * 64)
    assert [(b.numbering, b.level) for b in doc.blocks] == [("1.", 0), ("1.1", 1), ("1.2", 1), ("2.", 0), ("2.1", 1)]
    assert doc.blocks[1].text == "1.1 Accuracy"


def test_soft_line_breaks_and_the_running_line_count(tmp_path):
    d = docx.Document()
    d.add_paragraph("Present:")
    d.add_paragraph("")
    p = d.add_paragraph("Ann Lee (AL)")
    p.add_run().add_break()
    p.add_run("Bob Roe (BR)  ")
    d.add_table(rows=1, cols=2).rows[0].cells[1].text = "after the table"
    d.add_paragraph("Last line")
    doc = read_docx(_save(d, tmp_path), "0" * 64)
    people, at = _find(doc, "Bob Roe")
    assert people.text == "Ann Lee (AL)\nBob Roe (BR)"
    assert [(ln.start, ln.line, ln.page) for ln in people.lines] == [(0, 3, None), (13, 4, None)]
    assert people.provenance(at).line == 4
    table = doc.blocks[2]
    assert [(c.col, c.text) for c in table.rows[0]] == [(0, ""), (1, "after the table")]
    assert table.rows[0][1].lines[0].line == 6  # the empty first cell is line 5
    assert doc.blocks[3].lines[0].line == 7


def test_merged_cells_counted_once_at_their_first_row_and_column(tmp_path):
    d = docx.Document()
    t = d.add_table(rows=3, cols=3)
    for r in range(3):
        for c in range(3):
            t.cell(r, c).text = f"r{r}c{c}"
    t.cell(0, 0).merge(t.cell(0, 1)).text = "Wide"
    t.cell(1, 2).merge(t.cell(2, 2)).text = "Tall"
    doc = read_docx(_save(d, tmp_path), "0" * 64)
    (table,) = doc.blocks
    assert [[(c.row, c.col, c.text) for c in row] for row in table.rows] == [
        [(0, 0, "Wide"), (0, 2, "r0c2")],
        [(1, 0, "r1c0"), (1, 1, "r1c1"), (1, 2, "Tall")],
        [(2, 0, "r2c0"), (2, 1, "r2c1")],
    ]
    assert table.text == "Wide | r0c2\nr1c0 | r1c1 | Tall\nr2c0 | r2c1"
    assert table.text.count("Tall") == 1 and table.table == 0


def test_nested_table_and_bold_cell(tmp_path):
    d = docx.Document()
    outer = d.add_table(rows=1, cols=2)
    outer.cell(0, 0).paragraphs[0].add_run("Action").bold = True
    cell = outer.cell(0, 1)
    cell.paragraphs[0].text = "Owners:"
    inner = cell.add_table(rows=1, cols=2)
    inner.cell(0, 0).text = "AL"
    inner.cell(0, 1).text = "Write to the council"
    doc = read_docx(_save(d, tmp_path), "0" * 64)
    (table,) = doc.blocks
    action, owners = table.rows[0]
    assert action.bold and not owners.bold
    assert owners.text.startswith("Owners:\nAL | Write to the council")
    assert table.bold == [(0, len("Action"))]


def test_header_row_bold_by_table_style(tmp_path):
    d = docx.Document()
    t = d.add_table(rows=2, cols=2, style="Light Grid Accent 1")  # its first row is bold in the style
    for (r, c), text in {(0, 0): "Name", (0, 1): "Role", (1, 0): "Ann Lee", (1, 1): "Chair"}.items():
        t.cell(r, c).text = text
    doc = read_docx(_save(d, tmp_path), "0" * 64)
    (table,) = doc.blocks
    assert [[c.bold for c in row] for row in table.rows] == [[True, True], [False, False]]
    assert table.bold == [(0, 4), (7, 11)]  # a span per cell, the " | " between them not bold


def test_header_and_footer_kept_out_of_the_blocks(tmp_path):
    d = docx.Document()
    section = d.sections[0]
    section.header.paragraphs[0].text = "Stoke Ferry Parish Council"
    section.footer.paragraphs[0].text = "Page 1 of 2"
    d.add_paragraph("The meeting opened at 7pm.")
    doc = read_docx(_save(d, tmp_path), "0" * 64)
    assert doc.headers == ["Stoke Ferry Parish Council", "Page 1 of 2"]
    assert [b.text for b in doc.blocks] == ["The meeting opened at 7pm."]
    assert doc.blocks[0].lines[0].line == 1  # the body is counted from its own first paragraph


def test_empty_document_has_no_blocks(tmp_path):
    doc = read_document(_save(docx.Document(), tmp_path, "empty.docx"))
    assert doc.format == "docx" and doc.blocks == [] and doc.headers == []


# ---------------------------------------------------------------- damaged and hostile files


def test_zip_bomb_member_is_refused(tmp_path):
    path = _save(docx.Document(), tmp_path, "bomb.docx")
    with zipfile.ZipFile(path, "a", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("word/media/blob.bin", b"\0" * (11 * 1024 * 1024))  # 11 MiB squeezed a thousand times
    with pytest.raises(DocumentTooLarge, match="blob.bin"):
        read_document(path)


def test_total_expanded_size_is_limited(tmp_path, monkeypatch):
    path = _save(docx.Document(), tmp_path)
    read_docx(path, "0" * 64)  # within the real limits
    monkeypatch.setattr(docx_reader, "MAX_UNCOMPRESSED", 1000)
    with pytest.raises(DocumentTooLarge, match="over the 1000 byte limit"):
        read_docx(path, "0" * 64)


def test_damaged_files_are_unreadable_with_a_reason(tmp_path):
    good = STUDENT.read_bytes()
    truncated = tmp_path / "truncated.docx"
    truncated.write_bytes(good[: len(good) // 2])
    with pytest.raises(UnreadableDocument, match="corrupt or truncated"):
        read_document(truncated)

    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("notes.txt", "not a word document")
    plain = tmp_path / "plain.docx"
    plain.write_bytes(buf.getvalue())
    with pytest.raises(UnreadableDocument, match="not a Word document"):
        read_document(plain)

    buf = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(good)) as zin, zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            data = zin.read(info.filename)
            zout.writestr(info, data[:3000] if info.filename == "word/document.xml" else data)
    cut = tmp_path / "badxml.docx"
    cut.write_bytes(buf.getvalue())
    with pytest.raises(UnreadableDocument, match="XML is damaged"):
        read_document(cut)


def test_encrypted_docx_is_named_as_such(tmp_path):
    # Word saves a password-protected .docx as an OLE compound file, not a zip
    path = tmp_path / "locked.docx"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 512)
    with pytest.raises(UnreadableDocument, match="password-protected"):
        read_docx(path, "0" * 64)


def test_cells_inside_content_controls_are_read():
    """Word's meeting-minutes template wraps label cells ("Meeting called by:") in content controls."""
    doc = read_document(CORPUS / "njit-nc-health-app-team.docx")
    rows = [[c.text for c in row] for b in doc.blocks if b.rows for row in b.rows]
    assert ["Meeting called by:", "Rudolph Paulin", "Type of meeting:", "Status Update"] in rows
    assert ["Facilitator:", "Rudolph Paulin", "Note taker:", "Cristina Hilario"] in rows


def _understate(data: bytes, member: str, size: int, crc: int) -> bytes:
    """The zip archive `data` with `member`'s stated size and CRC replaced (both headers)."""
    import struct

    out = bytearray(data)
    name = member.encode()
    for sig, crc_at in ((b"PK\x03\x04", 14), (b"PK\x01\x02", 16)):
        name_at = 30 if sig == b"PK\x03\x04" else 46
        at = out.find(sig)
        while at != -1:
            if out[at + name_at: at + name_at + len(name)] == name:
                struct.pack_into("<I", out, at + crc_at, crc)
                struct.pack_into("<I", out, at + crc_at + 8, size)
            at = out.find(sig, at + 4)
    return bytes(out)


def test_sizes_the_archive_understates_are_not_trusted(tmp_path):
    """document.xml states its real size and CRC, but 30 MB of padding follow it in the
    compressed stream: zipfile inflates all of it before cutting it to the stated size."""
    import zlib

    good = tmp_path / "good.docx"
    d = docx.Document()
    d.add_paragraph("ACTION KH to write to the board")
    d.save(str(good))
    buf = io.BytesIO()
    with zipfile.ZipFile(good) as zin, zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            body = zin.read(item.filename)
            if item.filename == "word/document.xml":
                xml = body
                body += b" " * (30 * 1024 * 1024)
            zout.writestr(item.filename, body)
    bomb = tmp_path / "understated.docx"
    bomb.write_bytes(_understate(buf.getvalue(), "word/document.xml", len(xml), zlib.crc32(xml)))
    with pytest.raises(UnreadableDocument, match="not the .* the archive states"):
        read_document(bomb)


def test_a_huge_xml_part_is_refused(tmp_path, monkeypatch):
    path = _save(docx.Document(), tmp_path)
    monkeypatch.setattr(docx_reader, "MAX_XML_BYTES", 1000)
    with pytest.raises(DocumentTooLarge, match="bytes of XML, over the limit"):
        read_docx(path, "0" * 64)

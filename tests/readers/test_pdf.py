"""The PDF reader on the corpus's real PDFs, plus hand-built PDFs for damaged and blank files."""
from __future__ import annotations

import re

import pytest

from extractor.errors import UnreadableDocument
from extractor.readers.pdf import read_pdf
from tests.readers.corpus_files import CORPUS, find_block as _find, read_cached as _read
from tests.readers.minipdf import assemble

HALESWORTH = CORPUS / "halesworth-library-friends-trustees-2016-01-26.pdf"
COMMITTEE = CORPUS / "decoy-primary-governors-lw-committee-2022-05-09.pdf"
FGB = CORPUS / "series/decoy-fgb-2019/decoy-fgb-2019-10-14.pdf"


def _pdf(pages: list[str]) -> bytes:
    """A minimal valid PDF: one page per string (an empty string gives a page with no text)."""
    objs: list[bytes] = [b"<< /Type /Catalog /Pages 2 0 R >>", b"",
                         b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"]
    kids = []
    for text in pages:
        pid = len(objs) + 1
        stream = b"BT /F1 12 Tf 72 720 Td (" + text.encode() + b") Tj ET" if text else b""
        objs.append(b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
                    b"/Resources << /Font << /F1 3 0 R >> >> /Contents %d 0 R >>" % (pid + 1))
        objs.append(b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream")
        kids.append(pid)
    objs[1] = b"<< /Type /Pages /Kids [" + b" ".join(b"%d 0 R" % k for k in kids) + b"] /Count %d >>" % len(kids)
    return assemble(objs)


def test_bold_numbered_heading_at_its_page_and_line():
    doc = _read(HALESWORTH)
    assert doc.format == "pdf" and doc.pages == 3
    block, at = _find(doc, "3. Matters Arising")
    assert block.kind == "heading" and block.numbering == "3." and block.level == 1
    prov = block.provenance(at)
    assert (prov.page, prov.line) == (1, 11)
    assert block.is_bold(at, at + len("3. Matters Arising"))
    assert block.lines[0].top == pytest.approx(284.2, abs=1)


def test_paragraph_lines_and_bold_words_inside_them():
    doc = _read(HALESWORTH)
    block, at = _find(doc, "Regarding storage for the chairs")
    assert block.kind == "list_item" and block.numbering == "3.2"
    assert block.text.count("\n") == 4  # four physical lines and the ACTION line
    assert [ln.line for ln in block.lines] == [14, 15, 16, 17, 18]
    agreed = block.text.index("AGREED")
    assert block.is_bold(agreed, agreed + len("AGREED"))
    assert not block.is_bold(at, at + len("Regarding"))
    # the bold ACTION line below the item stays with it (not a heading of its own)
    action = block.text.index("ACTION:AHop/DO")
    assert block.provenance(action).line == 18 and block.text[action - 1] == "\n"
    assert block.is_bold(action, action + len("ACTION:AHop/DO"))
    # superscript ordinals stay on their number
    assert "26th January 2016" in doc.blocks[0].text


def test_running_footer_kept_once_and_removed_from_blocks():
    doc = _read(FGB)
    assert "FGB 191014" in doc.headers
    assert any(h.startswith("Page 1 of") for h in doc.headers)
    assert not any("FGB 191014" in b.text or re.search(r"Page \d+ of 14", b.text) for b in doc.blocks)


def test_actions_table_has_cells_with_tops_and_page_lines():
    doc = _read(FGB)
    table = next(b for b in doc.blocks if b.kind == "table" and b.text.startswith("ITEM"))
    assert [c.text for c in table.rows[0]] == ["ITEM", "", "BY WHOM", "BY WHEN"]
    row = next(r for r in table.rows if r[0].text == "02/1920")
    assert [c.text for c in row] == ["02/1920", "Minutes to website", "Clerk", "asap"]
    assert all(c.lines and c.lines[0].top is not None and c.lines[0].page == 3 for c in row)
    assert len({c.lines[0].line for c in row}) == 1
    assert "02/1920 | Minutes to website | Clerk | asap" in table.text.split("\n")
    assert table.table is not None and table.index == doc.blocks.index(table)
    tables = [b.table for b in doc.blocks if b.kind == "table"]
    assert tables == list(range(len(tables)))


def test_column_titles_above_the_rules_head_the_table():
    doc = _read(COMMITTEE)
    table = next(b for b in doc.blocks if b.kind == "table" and "Minutes to website" in b.text)
    assert [c.text for c in table.rows[0]] == ["ITEM", "", "BY WHOM", "BY WHEN"]
    assert table.rows[0][0].bold and table.rows[0][0].lines[0].page == 2
    assert [c.text for c in table.rows[1]] == ["67/2122", "Minutes to website", "Heather Poustie/Clerk", "asap"]
    assert not any(b.kind != "table" and "BY WHOM" in b.text for b in doc.blocks)


def test_notes_and_action_columns_keep_line_tops():
    doc = _read(FGB)
    row = next(r for b in doc.blocks if b.kind == "table" for r in b.rows if r and r[0].text == "03/1920")
    notes, action = row[2], row[3]
    assert action.text == "Clerk"
    assert len(notes.lines) == 7
    tops = [ln.top for ln in notes.lines]
    assert tops == sorted(tops)
    # the owner's initials sit beside the last line of the note they belong to
    assert abs(action.lines[0].top - notes.lines[-1].top) < 3
    assert notes.text.split("\n")[-1].startswith("Tuesday 15 October 2019")


def test_sideways_dates_of_attendance_grid_read_normally():
    doc = _read(FGB)
    grid = next(b for b in doc.blocks if b.kind == "table" and "GOVERNOR ATTENDANCE" in b.text)
    header = [c.text for c in grid.rows[1]]
    assert "14/10/2019" in header and "09/12/2019" in header
    assert "9102/01/41" not in grid.text
    committee = _read(COMMITTEE)
    assert any("04/10/2021 | 15/11/2021" in b.text for b in committee.blocks if b.kind == "table")


def test_hyphenated_line_break_is_joined():
    doc = _read(COMMITTEE)
    block = next(b for b in doc.blocks for r in b.rows for c in r if "flexischooling" in c.text)
    cell = next(c for r in block.rows for c in r if "flexischooling" in c.text)
    assert "flexi-" not in cell.text and "flexi\n" not in cell.text
    at = cell.text.index("flexischooling")
    second = next(ln for ln in cell.lines if ln.start > at)
    prev = max((ln for ln in cell.lines if ln.start <= at), key=lambda ln: ln.start)
    assert cell.text[second.start - 1] != "\n"  # the joined line starts mid-word
    assert second.line == prev.line + 1 and second.page == prev.page == 4
    # a dash between words is kept
    assert "Vice Chair – Simon Barnes" in " ".join(b.text for b in _read(FGB).blocks).replace("\n", " ")


def test_sentence_running_over_a_page_break_stays_one_block():
    doc = _read(HALESWORTH)
    block = next(b for b in doc.blocks if b.text.startswith("14.1 "))
    assert "Ahop will enquire as to whether the library can also use this\nfacility." in block.text
    at = block.text.index("facility.")
    assert (block.line_at(at).page, block.line_at(at).line) == (3, 1)
    # a new numbered item at the top of a page still starts its own block
    assert next(b for b in doc.blocks if b.text.startswith("8 Update")).kind == "heading"


def test_corrupt_pdf_is_unreadable(tmp_path):
    bad = tmp_path / "bad.pdf"
    bad.write_bytes(b"%PDF-1.4 garbage")
    with pytest.raises(UnreadableDocument):
        read_pdf(bad, "0" * 64)


def test_truncated_pdf_is_unreadable(tmp_path):
    """A download cut short keeps its %PDF header but loses every page object."""
    data = HALESWORTH.read_bytes()
    cut = tmp_path / "cut.pdf"
    cut.write_bytes(data[: len(data) // 3])
    with pytest.raises(UnreadableDocument, match="truncated"):
        read_pdf(cut, "0" * 64)


def test_blank_page_warns(tmp_path):
    path = tmp_path / "blank.pdf"
    path.write_bytes(_pdf(["Minutes of the meeting", ""]))
    doc = read_pdf(path, "0" * 64)
    assert doc.pages == 2
    assert [b.text for b in doc.blocks] == ["Minutes of the meeting"]
    assert doc.warnings == ["page 2 has no text layer (scanned?)"]
    assert doc.blocks[0].lines[0].page == 1 and doc.blocks[0].lines[0].line == 1


def test_all_pages_blank_still_gives_a_document(tmp_path):
    path = tmp_path / "scan.pdf"
    path.write_bytes(_pdf(["", ""]))
    doc = read_pdf(path, "0" * 64)
    assert doc.blocks == [] and doc.pages == 2
    assert doc.warnings == ["page 1 has no text layer (scanned?)", "page 2 has no text layer (scanned?)"]


def test_metadata_title():
    assert _read(HALESWORTH).title == "FHCLmin26Jan16"
    assert _read(FGB).title is None


def test_names_on_highlight_boxes_stay_in_their_sentence():
    # each name of the Present line is drawn on a coloured box; stacked, the boxes look like a grid
    doc = read_pdf(CORPUS / "unseen/batch-2/horsley-village-hall-committee-2013-10-08.pdf", "0" * 64)
    present = next(b for b in doc.blocks if b.text.startswith("Present:"))
    assert present.table is None
    assert "Mick Ratford" in present.text and "Jon Stride" in present.text
    assert not any(b.kind == "table" and "Mags" in b.text for b in doc.blocks)

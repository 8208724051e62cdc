"""The text and Markdown reader on the corpus's own files, plus encodings a real file can't show."""
from __future__ import annotations


import pytest

from extractor.errors import UnreadableDocument
from extractor.readers import file_sha256, read_document
from extractor.readers.text import inline
from tests.readers.corpus_files import CORPUS, find_block as _find


def test_markdown_action_line_keeps_its_line_and_bold_marker():
    doc = read_document(CORPUS / "norfolk-dip-strategy-group-2009-06-03.md")
    block, at = _find(doc, "ACTION KH to advice on the position")
    assert "**" not in block.text
    assert block.provenance(at).line == 60
    assert block.is_bold(at, at + len("ACTION"))
    assert not block.is_bold(at + len("ACTION "), at + len("ACTION KH"))


def test_markdown_headings_and_hard_line_breaks():
    doc = read_document(CORPUS / "norfolk-dip-strategy-group-2009-06-03.md")
    heading, _ = _find(doc, "Apologies for absence")
    assert heading.kind == "heading" and heading.level == 3
    present, at = _find(doc, "Karen Hillen (KH)")
    assert present.kind == "paragraph"
    assert "Peter Burnham (PB)\nAndrew Barwick (AB)" in present.text  # one attendee per line
    assert present.provenance(at).line == 29


def test_front_matter_is_metadata_not_minutes():
    doc = read_document(CORPUS / "stoke-ferry-pc-2020-07-01.md")
    assert doc.title == "Minutes of Stoke Ferry Virtual PC Meeting July 2020"
    assert doc.date == "2020-08-10"  # the day it was posted, kept apart from the minutes
    assert not any("2020-08-10" in b.text for b in doc.blocks)
    assert doc.blocks[0].text.startswith("STOKE FERRY PARISH COUNCIL")


def test_markdown_table_becomes_cells():
    doc = read_document(CORPUS / "series/oasis-sarif-tc-2021/oasis-sarif-tc-2021-10-14.md")
    table = next(b for b in doc.blocks if b.kind == "table")
    assert [c.text for c in table.rows[0]] == ["First Name", "Last Name", "Company", "Role(s)"]
    keaton = next(r for r in table.rows if r[1].text == "Keaton")
    assert keaton[3].text == "Chair" and keaton[0].lines[0].line == 10
    assert all(":--" not in b.text for b in doc.blocks)


def test_links_keep_their_text_and_bullets_become_list_items():
    doc = read_document(CORPUS / "nodejs-tsc-2017-03-23.md")
    item, _ = _find(doc, "James Snell @jasnell (TSC)")
    assert item.kind == "list_item" and item.text == "James Snell @jasnell (TSC)"
    link, _ = _find(doc, "GitHub Issue: TSC#227")
    assert "https://github.com/nodejs/TSC/issues/227" not in link.text
    label, at = _find(doc, "Next steps")
    assert label.is_bold(at, at + 10)


def test_plain_text_bullets_numbered_headings_and_wrapped_items():
    doc = read_document(CORPUS / "fedora-releng-2015-02-09.txt")
    action, _ = _find(doc, "ACTION: pbrobinson to send patch")
    assert action.kind == "list_item" and action.level == 1
    assert action.text == "ACTION: pbrobinson to send patch to infra list enabling keepalive\n(dgilmore, 16:43:08)"
    title, _ = _find(doc, "RELENG (2015-02-09)")
    assert title.kind == "heading"
    oasis = read_document(CORPUS / "series/oasis-sarif-tc-2021/oasis-sarif-tc-2021-09-30.txt")
    heading, _ = _find(oasis, "1.6 Review of action items")
    assert heading.kind == "heading" and heading.numbering == "1.6"
    item, _ = _find(oasis, "ACTION Eddy:")
    assert item.kind == "list_item" and item.text.startswith("ACTION Eddy:")


@pytest.mark.parametrize("markdown, expected, bold", [
    ("**ACTION** KH to advise", "ACTION KH to advise", [(0, 6)]),
    ("3<sup>rd</sup> June 2009", "3rd June 2009", []),
    (r"1\. PUBLIC FORUM", "1. PUBLIC FORUM", []),
    ("see [TSC#227](https://x.org/1) and <https://y.org>", "see TSC#227 and https://y.org", []),
    ("an *emphasised* word and snake_case_name", "an emphasised word and snake_case_name", []),
    ("AT&amp;T <!-- hidden --> kept", "AT&T  kept", []),
    ("2 * 3 * 4", "2 * 3 * 4", []),
])
def test_inline_markdown(markdown, expected, bold):
    assert inline(markdown, True) == (expected, bold)


def test_windows_encoded_text_is_read(tmp_path):
    path = tmp_path / "minutes.txt"
    path.write_bytes("Present: Zoë Brontë\r\n\r\nACTION: Zoë to write – by Friday\r\n".encode("cp1252"))
    doc = read_document(path)
    assert [b.text for b in doc.blocks] == ["Present: Zoë Brontë", "ACTION: Zoë to write – by Friday"]
    assert doc.blocks[1].lines[0].line == 3
    assert doc.sha256 == file_sha256(path)


def test_binary_file_named_txt_is_refused(tmp_path):
    path = tmp_path / "minutes.txt"
    path.write_bytes(b"\x00\x01\x02binary" * 100)
    with pytest.raises(UnreadableDocument):
        read_document(path)

"""Elections and posts given: a heading ("Election of 2015 Committee", "Election of officers", "Assigning various
duties:") over lines that each name a post and who holds it ("President - Peter", "Budget Committee: Andre, Dave")
records one decision, the list of who was elected or given a post."""
from __future__ import annotations

from models.document import Block
from extractor.nlp.textutil import squash
from extractor.nlp.decisions.lexicon import _ELECTION_HEADING, _ROLE_LINE


def election_list(blocks: list[Block], i: int) -> tuple[str, list[str], list[int]] | None:
    """The heading, the post lines and the indices of the list items holding them, for an election list starting
    at block i: a heading (or label) over list items, or a paragraph whose first line is the heading."""
    lines = [squash(x) for x in blocks[i].text.split("\n") if x.strip()]
    if not lines or not _ELECTION_HEADING.match(lines[0]) or len(lines[0].split()) > 8:
        return None
    if len(lines) > 1:
        posts = [x for x in lines[1:] if _ROLE_LINE.match(x)]
        return (lines[0], posts, []) if posts else None
    posts, items = [], []
    for j in range(i + 1, len(blocks)):
        b = blocks[j]
        line = squash(b.text)
        if b.kind != "list_item" or "\n" in b.text.strip() or not _ROLE_LINE.match(line):
            break
        posts.append(line)
        items.append(j)
    return (lines[0], posts, items) if posts else None


def election_text(heading: str, posts: list[str]) -> str:
    return heading.rstrip(" :") + ": " + "; ".join(p.rstrip(" .;") for p in posts)

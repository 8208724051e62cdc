"""Small text helpers shared by the rule components: sentences, words, similarity."""
from __future__ import annotations

import re

_ABBREV = {"cllr", "mr", "mrs", "ms", "dr", "prof", "rev", "st", "no", "nos", "e.g", "i.e", "etc", "vs", "cll",
           "approx", "inc", "ltd", "co", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct",
           "nov", "dec", "fig", "p", "pp", "para"}
_SENT_END = re.compile(r"[.!?]+[\"'”’)]*\s+(?=[\"'“‘(]?[A-Z0-9@#*•])|[:;]?\n(?=\s*(?:\(?\d{1,2}[.)]|\(?[a-h][.)]|[•●▪◦*-])\s+\S)")

STOPWORDS = set("""a an the to of and or for on in at by with be is are was were will would this that it its as from
into about has have had not any all their there them they he she we our his her i you your if so but also than then
which who what when where been being do does did can could should may might must shall up out over more some such
these those very just only other each per""".split())


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """[start, end) spans of the sentences of `text`; abbreviations and initials ("R. Crisp") don't end one.
    A line that starts a sub-item ("1) To approve…", "b. Review…", "● Finance") starts a sentence."""
    spans: list[tuple[int, int]] = []
    start = 0
    for m in _SENT_END.finditer(text):
        before = text[start:m.start() + 1]
        last = text[max(0, m.start() - 12):m.start()].split()
        last_word = last[-1].lower().rstrip(".") if last else ""
        if text[m.start()] == "." and (last_word in _ABBREV or (len(last_word) == 1 and last_word.isalpha())):
            continue
        if not before.strip() or re.fullmatch(r"\s*\(?[0-9]+(\.[0-9]+)*\)?\.?\s*", before):
            continue  # an item number such as "15." starts a sentence, it doesn't make one
        spans.append((start, m.end()))
        start = m.end()
    if start < len(text):
        spans.append((start, len(text)))
    return [(s, e) for s, e in spans if text[s:e].strip()]


def words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9]+", text.lower())


def content_words(text: str) -> set[str]:
    return {w for w in words(text) if w not in STOPWORDS and len(w) > 1}


def overlap(a: str, b: str) -> float:
    """Share of the smaller text's content words that the other text also has."""
    wa, wb = content_words(a), content_words(b)
    if not wa or not wb:
        return 0.0
    return len(wa & wb) / min(len(wa), len(wb))


def squash(text: str) -> str:
    """Collapse whitespace (line breaks included) to single spaces."""
    return re.sub(r"\s+", " ", text).strip()

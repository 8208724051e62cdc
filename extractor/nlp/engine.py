"""The shared spaCy pipeline: `spacy.blank("en")` plus one SpanRuler per pattern file.

Every `patterns/<name>.jsonl` file becomes a SpanRuler whose matches land in
`doc.spans[<name>]`; each pattern carries an `id` (readable as `span.id_`) and a `label`.
Components read the spans they need; no component needs a statistical model.
"""
from __future__ import annotations

import json
from collections import OrderedDict
from functools import lru_cache
from importlib import resources
from typing import Iterable

import spacy
from spacy.language import Language
from spacy.tokens import Doc

PATTERN_PACKAGE = "extractor.nlp"


def pattern_files() -> dict[str, list[dict]]:
    """Pattern sets by name, read from the package's `patterns/*.jsonl`."""
    out: dict[str, list[dict]] = {}
    folder = resources.files(PATTERN_PACKAGE).joinpath("patterns")
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if not entry.name.endswith(".jsonl"):
            continue
        rows = []
        for n, line in enumerate(entry.read_text(encoding="utf-8").splitlines(), 1):
            line = line.strip()
            if line and not line.startswith("//"):
                try:
                    rows.append(json.loads(line))
                except json.JSONDecodeError as e:  # a broken pattern file is a programming error
                    raise ValueError(f"{entry.name}:{n}: {e}") from e
        out[entry.name[: -len(".jsonl")]] = rows
    return out


@lru_cache(maxsize=1)
def get_nlp() -> Language:
    nlp = spacy.blank("en")
    for name, patterns in pattern_files().items():
        ruler = nlp.add_pipe("span_ruler", name=f"{name}_ruler",
                             config={"spans_key": name, "validate": True, "overwrite": False})
        ruler.add_patterns(patterns)
    return nlp


# Within one document the rules parse some texts again (a table cell, a block the decision rules
# read once more): they are parsed once. `forget()` empties it between documents.
_CACHE: OrderedDict[str, Doc] = OrderedDict()
CACHE_SIZE = 4096


def forget() -> None:
    """Drop the parsed texts of the last document."""
    _CACHE.clear()


def parse(texts: Iterable[str]) -> list[Doc]:
    """Run the pipeline over texts (one Doc each, same order). Docs are shared: read them, never change them.

    Line breaks are read as spaces (offsets are unchanged), so that a pattern matches across the
    lines of a PDF paragraph or cell ("It was / agreed that …")."""
    texts = [t.replace("\n", " ") for t in texts]
    missing = list(dict.fromkeys(t for t in texts if t not in _CACHE))
    for text, doc in zip(missing, get_nlp().pipe(missing, batch_size=256)):
        _CACHE[text] = doc
    out = []
    for t in texts:
        _CACHE.move_to_end(t)
        out.append(_CACHE[t])
    while len(_CACHE) > CACHE_SIZE:
        _CACHE.popitem(last=False)
    return out

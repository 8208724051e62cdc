"""Imported by the bulk import's forkserver before it forks any worker.

Everything a worker needs is loaded here once — the pipeline, the readers' libraries and
the rules' spaCy pipeline, which is otherwise built on first use — so every worker starts
with it, and a worker's first document does not pay for it against its time limit.
"""
import extractor.pipeline  # noqa: F401
from extractor.readers import docx, html, pdf, text  # noqa: F401

try:
    from extractor.nlp.engine import get_nlp

    get_nlp()
except Exception:  # noqa: BLE001 - a worker then builds it on first use, and reports any error per document
    pass

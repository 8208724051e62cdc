"""Imported by the bulk import's forkserver before it forks any worker.

Everything a worker needs is loaded here once — the pipeline, the readers' libraries and
the rules' spaCy pipelines (the blank one with its patterns, the trained English one and its
dependency patterns), which are otherwise built on first use — so every worker starts
with it, and a worker's first document does not pay for it against its time limit.
"""
import extractor.pipeline  # noqa: F401
from extractor.readers import docx, html, pdf, text  # noqa: F401

try:
    from extractor.nlp.commitments import warm_up
    from extractor.nlp.engine import get_nlp

    get_nlp()
    warm_up()
except Exception:  # noqa: BLE001 - a worker then builds it on first use, and reports any error per document
    pass

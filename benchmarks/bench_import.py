"""Benchmark `minutebook import`: throughput with 1 and 2 workers, worker memory, pdfplumber baseline.

    .venv/bin/python benchmarks/bench_import.py                 # 2,000 documents (slow)
    .venv/bin/python benchmarks/bench_import.py --documents 200 # a quick run

The corpus is replicated round-robin into a temporary folder up to --documents files. Each
copy is made distinct (so it is not skipped as unchanged) by a harmless change: an HTML
comment at the end of Markdown/HTML, trailing spaces and tabs at the end of text, a PDF
comment line after %%EOF, a zip-archive comment in DOCX. Each worker count imports into a
fresh database. Reported: documents/s, PDF pages/s, the speed-up of 2 workers over 1, the
peak RSS (VmHWM) of the processes that extracted documents, and that peak over the first
quarter of the documents against the last quarter (flat memory means no growth with the
number of documents). Then pdfplumber's bare `extract_words` pass over the same PDFs, in
one process, for comparison. Targets: 2 workers >= 1.7x one worker's pages/s; peak memory
per worker < 300 MiB and flat.
"""
from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from extractor.bulk import DEFAULT_EXTRACTOR, MAX_TASKS_PER_CHILD, collect_files, import_paths  # noqa: E402


_NLP = None


def standin_extract(path):
    """A stand-in for the pipeline with the same heavy parts: the format's parser (pdfplumber
    words, python-docx, BeautifulSoup) and a blank spaCy English pass over the text; stores
    the text as one section. For measuring the import machinery when the pipeline cannot run."""
    global _NLP
    import spacy

    from extractor.readers import detect_format, file_sha256
    from models.extraction import DocumentInfo, Extraction, Section

    p = Path(path)
    fmt = detect_format(p)
    pages = None
    if fmt == "pdf":
        import pdfplumber
        with pdfplumber.open(p) as pdf:
            pages = len(pdf.pages)
            text = "\n".join(" ".join(w["text"] for w in pg.extract_words()) for pg in pdf.pages)
    elif fmt == "docx":
        import docx
        text = "\n".join(par.text for par in docx.Document(str(p)).paragraphs)
    elif fmt == "html":
        from bs4 import BeautifulSoup
        text = BeautifulSoup(p.read_bytes(), "lxml").get_text("\n")
    else:
        text = p.read_text(errors="replace")
    if _NLP is None:
        _NLP = spacy.blank("en")
    _NLP(text[:500_000])
    return Extraction(document=DocumentInfo(path=str(p), sha256=file_sha256(p), format=fmt, pages=pages),
                      sections=[Section(text=text)])


def replicate(sources: list[Path], n: int, dest: Path) -> list[Path]:
    """n distinct copies of `sources`, round-robin, in `dest`."""
    out = []
    for i in range(n):
        src = sources[i % len(sources)]
        copy = dest / f"{i // len(sources):04d}" / src.name
        copy.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(src, copy)
        suffix = src.suffix.lower()
        if suffix in (".md", ".markdown", ".html", ".htm"):
            with copy.open("a") as f:
                f.write(f"\n<!-- copy {i} -->\n")
        elif suffix in (".txt", ".text"):
            with copy.open("a") as f:  # the copy number in binary, as spaces and tabs
                f.write("\n" + bin(i)[2:].replace("0", " ").replace("1", "\t") + "\n")
        elif suffix == ".pdf":
            with copy.open("ab") as f:
                f.write(f"\n% copy {i}\n".encode())
        elif suffix == ".docx":
            with zipfile.ZipFile(copy, "a") as z:
                z.comment = f"copy {i}".encode()
        out.append(copy)
    return out


def pdfplumber_pass(pdfs: list[Path]) -> tuple[int, float]:
    import pdfplumber

    pages = 0
    started = time.perf_counter()
    for p in pdfs:
        with pdfplumber.open(p) as pdf:
            for page in pdf.pages:
                page.extract_words()
                pages += 1
                page.close()
    return pages, time.perf_counter() - started


def mib(kib: int) -> str:
    return f"{kib / 1024:.0f} MiB"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--documents", "-n", type=int, default=2000, help="documents to import (default 2000)")
    ap.add_argument("--corpus", type=Path, default=ROOT / "corpus", help="folder to replicate")
    ap.add_argument("--workers", default="1,2", help="worker counts to compare (default 1,2)")
    ap.add_argument("--timeout", type=float, default=120.0)
    ap.add_argument("--max-tasks-per-child", type=int, default=MAX_TASKS_PER_CHILD)
    ap.add_argument("--extractor", default=DEFAULT_EXTRACTOR,
                    help="module:function (default: the pipeline; benchmarks.bench_import:standin_extract "
                         "is a stand-in with the same parsers)")
    ap.add_argument("--no-pdfplumber", action="store_true", help="skip the bare pdfplumber pass")
    ap.add_argument("--keep", type=Path, help="keep the copies and databases in this folder")
    args = ap.parse_args()

    try:
        module, _, name = args.extractor.partition(":")
        getattr(__import__(module, fromlist=[name]), name)
    except Exception as e:  # noqa: BLE001
        print(f"the extractor {args.extractor} cannot be loaded ({type(e).__name__}: {e}); "
              "--extractor benchmarks.bench_import:standin_extract measures the import machinery "
              "with a stand-in of the same parsers", file=sys.stderr)
        return 2
    sources, _ = collect_files([args.corpus])
    if not sources:
        print(f"no minutes files under {args.corpus}", file=sys.stderr)
        return 2
    work = args.keep or Path(tempfile.mkdtemp(prefix="minutebook-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    docs = work / "docs"
    if docs.exists():
        shutil.rmtree(docs)
    t = time.perf_counter()
    files = replicate(sources, args.documents, docs)
    pdfs = [f for f in files if f.suffix.lower() == ".pdf"]
    print(f"{len(files):,} documents ({len(pdfs):,} PDF) from {len(sources)} corpus files in {docs} "
          f"({time.perf_counter() - t:.1f} s); {os.cpu_count()} CPUs; extractor {args.extractor}")

    results = {}
    for w in [int(x) for x in args.workers.split(",")]:
        db = work / f"bench-{w}.db"
        for suffix in ("", "-wal", "-shm"):
            Path(f"{db}{suffix}").unlink(missing_ok=True)
        r = import_paths(db, [docs], workers=w, timeout=args.timeout, progress=sys.stderr.isatty(),
                         errors_to_stderr=False, extractor=args.extractor,
                         max_tasks_per_child=args.max_tasks_per_child)
        results[w] = r
        quarter = max(1, len(files) // 4)
        first = max((k for n, k in r.rss_trace if n <= quarter), default=0)
        last = max((k for n, k in r.rss_trace if n > len(files) - quarter), default=0)
        print(f"\nworkers={w}: {r.summary()} in {r.elapsed:.1f} s")
        print(f"  {(r.imported + r.failed) / r.elapsed:.1f} documents/s, {r.pages / r.elapsed:.1f} PDF pages/s "
              f"({r.pages:,} pages)")
        print(f"  peak RSS per {'worker' if w > 1 else 'process (in-process extraction)'}: "
              f"{mib(r.worker_peak_rss_kib)}; first {quarter:,} documents {mib(first)}, "
              f"last {quarter:,} {mib(last)} ({'flat' if last <= first * 1.1 else 'GROWS'})")
        if r.errors:
            kinds: dict[str, int] = {}
            for _p, cls, _m in r.errors:
                kinds[cls] = kinds.get(cls, 0) + 1
            print(f"  failures by class: {kinds}; first: {r.errors[0]}")

    if 1 in results and 2 in results and results[1].elapsed and results[2].elapsed:
        one, two = results[1], results[2]
        pages_ratio = (two.pages / two.elapsed) / (one.pages / one.elapsed) if one.pages else float("nan")
        docs_ratio = one.elapsed / two.elapsed
        print(f"\nspeed-up with 2 workers: {pages_ratio:.2f}x pages/s, {docs_ratio:.2f}x documents/s "
              f"(target >= 1.7x)")

    if pdfs and not args.no_pdfplumber:
        pages, secs = pdfplumber_pass(pdfs)
        print(f"\npdfplumber extract_words alone, 1 process: {pages:,} pages in {secs:.1f} s = "
              f"{pages / secs:.1f} pages/s")

    if not args.keep:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())

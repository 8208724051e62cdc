"""Benchmark PDF extraction against pdftotext and pdfplumber's bare word pass.

    .venv/bin/python benchmarks/bench_extract.py              # every PDF under corpus/
    .venv/bin/python benchmarks/bench_extract.py --repeat 5 path/to/file.pdf

For each PDF, in the same run: (a) bare pdfplumber, opening the file and calling
`extract_words()` on every page; (b) the full pipeline `extractor.pipeline.extract(path)`
(reader plus rules), or the PDF reader alone when the pipeline cannot be imported. Each is
repeated --repeat times and the best time kept. Printed: seconds per page for both and their
ratio; the target is a ratio of at most 1.5 for the reader.

Then, over all the PDFs together (best of --repeat), pages a second of: `pdftotext` (poppler,
one process per file, when installed), bare pdfplumber, and the PDF reader alone on each
engine, "pdfplumber" (the old path) and "pdfium" (the default), the rules alone over documents
already read (reading excluded: the SpanRuler pass, the trained English pipeline on candidate
sentences and every rule component), and the whole pipeline.
"""
from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import pdfplumber  # noqa: E402


def bare(path: Path) -> int:
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            page.extract_words()
            page.close()
        return len(pdf.pages)


def pdftotext(path: Path) -> None:
    subprocess.run(["pdftotext", "-q", str(path), "-"], check=False, stdout=subprocess.DEVNULL)


def best_of(fn, repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t)
    return best


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("paths", nargs="*", type=Path, help="PDF files (default: every PDF under corpus/)")
    ap.add_argument("--repeat", type=int, default=3, help="runs of each measurement; the best is kept")
    ap.add_argument("--reader-only", action="store_true", help="time the PDF reader alone, not the pipeline")
    args = ap.parse_args(argv)

    paths = args.paths or sorted((ROOT / "corpus").rglob("*.pdf"))
    if not paths:
        print("no PDF files found", file=sys.stderr)
        return 1

    from extractor.readers import file_sha256
    from extractor.readers.pdf import read_pdf

    label, run = "reader", None
    if not args.reader_only:
        try:
            from extractor.pipeline import extract
            label, run = "pipeline", extract
        except ImportError as exc:
            print(f"pipeline not importable ({exc}); timing the PDF reader alone")
    if run is None:
        def run(path: Path):
            return read_pdf(path, file_sha256(path))

    print(f"{'file':58} {'pages':>5} {'bare s/pg':>10} {label + ' s/pg':>14} {'ratio':>6}")
    total_pages, total_bare, total_full = 0, 0.0, 0.0
    for path in paths:
        pages = bare(path)  # warm the file cache and imports
        run(path)
        t_bare = best_of(lambda: bare(path), args.repeat)
        t_full = best_of(lambda: run(path), args.repeat)
        total_pages += pages
        total_bare += t_bare
        total_full += t_full
        name = str(path.relative_to(ROOT)) if path.is_relative_to(ROOT) else str(path)
        print(f"{name[-58:]:58} {pages:5d} {t_bare / pages:10.4f} {t_full / pages:14.4f} {t_full / t_bare:6.2f}")
    print(f"{'all':58} {total_pages:5d} {total_bare / total_pages:10.4f} {total_full / total_pages:14.4f} "
          f"{total_full / total_bare:6.2f}")

    print(f"\npages a second over {len(paths)} PDFs, {total_pages} pages (best of {args.repeat}):")
    contenders: list[tuple[str, object]] = []
    if shutil.which("pdftotext"):
        contenders.append(("pdftotext (poppler)", lambda: [pdftotext(p) for p in paths]))
    contenders.append(("pdfplumber extract_words", lambda: [bare(p) for p in paths]))
    for engine in ("pdfplumber", "pdfium"):
        contenders.append((f"reader, {engine} engine",
                           lambda engine=engine: [read_pdf(p, file_sha256(p), engine=engine) for p in paths]))
    if label == "pipeline":
        from extractor.pipeline import extract_document
        documents = [read_pdf(p, file_sha256(p)) for p in paths]
        contenders.append(("rules alone (documents read)", lambda: [extract_document(d) for d in documents]))
        contenders.append(("pipeline (reader pdfium + rules)", lambda: [run(p) for p in paths]))
    for name, fn in contenders:
        t = best_of(fn, args.repeat)
        print(f"  {name:34} {total_pages / t:8.1f} pages/s  ({t:.2f} s, {t / total_pages:.4f} s/page)")
    return 0


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""Runs trafilatura and readability-lxml over a WCXB-layout set, timing extraction only, and writes their
predictions for score-extraction. Runs inside the throwaway venv made by scripts/benchmark-extraction.sh;
neither tool is a dependency of Corroborate.

Usage: reference-extractors.py DATA OUTDIR
"""
import gzip
import json
import sys
import time
from pathlib import Path

import html_text
import trafilatura
from readability import Document


def main() -> int:
    data, out = Path(sys.argv[1]), Path(sys.argv[2])
    urls = {k: v.get("url") for k, v in json.loads((data / "metadata.json").read_text())["files"].items()}
    pages = sorted(p for p in (data / "html").glob("*.html.gz"))
    results = {"trafilatura": {}, "readability": {}}
    seconds = {"trafilatura": 0.0, "readability": 0.0}
    for path in pages:
        page_id = path.name[: -len(".html.gz")]
        raw = gzip.decompress(path.read_bytes())
        start = time.perf_counter()
        doc = trafilatura.bare_extraction(raw, url=urls.get(page_id), with_metadata=True, include_comments=False)
        seconds["trafilatura"] += time.perf_counter() - start
        if doc is not None:
            doc = doc.as_dict() if hasattr(doc, "as_dict") else doc
            results["trafilatura"][page_id] = {
                "text": doc.get("text") or "", "title": doc.get("title") or "",
                "author": doc.get("author") or "", "date": doc.get("date") or "",
            }
        start = time.perf_counter()
        try:
            readable = Document(raw)
            text = html_text.extract_text(readable.summary())
            title = readable.short_title()
        except Exception:  # readability raises on some pages; score them as empty
            text, title = "", ""
        seconds["readability"] += time.perf_counter() - start
        results["readability"][page_id] = {"text": text, "title": title}
    for name, predictions in results.items():
        (out / f"{name}.json").write_text(json.dumps(predictions))
        rate = len(pages) / seconds[name]
        print(f"speed {name}: {len(pages)} pages in {seconds[name]:.2f} s: {rate:.1f} pages/s, "
              f"{1000 * seconds[name] / len(pages):.1f} ms/page")
    return 0


if __name__ == "__main__":
    sys.exit(main())

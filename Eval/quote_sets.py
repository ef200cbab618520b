"""Writes a quote set's articles.jsonl from its articles.py, checking that every annotated span occurs."""
import json
import pathlib


def write(folder: pathlib.Path, articles: list) -> None:
    lines = []
    for article in articles:
        quotes = []
        for kind, text, speaker in article["quotes"]:
            assert text in article["text"], (article["id"], text)
            quotes.append({"kind": kind, "text": text, "speaker": speaker})
        record = {"id": article["id"], "published": article["published"], "text": article["text"], "quotes": quotes}
        lines.append(json.dumps(record, ensure_ascii=False))
    (folder / "articles.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(articles)} articles, {sum(len(a['quotes']) for a in articles)} quotes")

"""Writes a quote set's articles.jsonl from its articles.py, checking that every annotated span occurs."""
import json
import re
import pathlib


# Between two pieces of one direct quote: the closing mark, the attribution (no quote marks in it), the opening
# mark: `," she said. "` or `,’ Lykken told reporters. ‘`.
BETWEEN_PIECES = re.compile(r'^["”’]\s+[^"“”‘’\n]{1,160}?[.,:]\s+["“‘]$')


def join_pieces(text: str, quotes: list) -> list:
    """One attribution's pieces as one quote, as PolNeAR annotates them and the analysis reports them:
    direct quotes of one speaker with only their attribution between them become one span, from the first
    piece to the last (the attribution inside it)."""
    joined = []
    for kind, piece, speaker in quotes:
        if joined and kind == "direct" and joined[-1][0] == "direct" and joined[-1][2] == speaker:
            start = text.find(joined[-1][1])
            end = text.find(piece, start + len(joined[-1][1]))
            between = text[start + len(joined[-1][1]):end] if start >= 0 and end >= 0 else ""
            if between and BETWEEN_PIECES.match(between):
                joined[-1] = (kind, text[start:end + len(piece)], speaker)
                continue
        joined.append((kind, piece, speaker))
    return joined


def write(folder: pathlib.Path, articles: list) -> None:
    lines = []
    for article in articles:
        quotes = []
        for kind, text, speaker in join_pieces(article["text"], article["quotes"]):
            assert text in article["text"], (article["id"], text)
            quotes.append({"kind": kind, "text": text, "speaker": speaker})
        record = {"id": article["id"], "published": article["published"], "text": article["text"], "quotes": quotes}
        lines.append(json.dumps(record, ensure_ascii=False))
    (folder / "articles.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    count = sum(len(json.loads(line)["quotes"]) for line in lines)
    print(f"{len(articles)} articles, {count} quotes")

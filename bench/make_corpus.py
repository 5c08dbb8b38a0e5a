"""Make a large corpus of uncurated articles for the scale benchmark, reproducibly.

Each article is a different selection of paragraphs from the held-out articles
the project's developers wrote (``bench/heldout/*.txt``: courts, storms,
elections, strikes, prisons, markets…), shuffled with a fixed seed, so the
texts are varied news prose, every one different, with no curated file.  The
project's own seeds are copied in too (with their annotations), as they would
be in a real grown corpus.

    python bench/make_corpus.py /tmp/corpus-2000 --articles 2000
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import random
import shutil
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
PUBLISHERS = ("Northern Wire", "Coastal Herald", "Metro Daily", "Valley Times", "Harbor Post", "Plains Gazette")


def paragraphs() -> list[str]:
    found = []
    for path in sorted((HERE / "heldout").glob("*.txt")):
        found += [p.strip() for p in path.read_text(encoding="utf-8").split("\n\n") if len(p.strip()) > 40]
    return found


def make_corpus(target: Path, articles: int, seed: int = 20231) -> Path:
    """A project folder at ``target`` with the seeds and ``articles`` generated articles."""
    if target.exists():
        shutil.rmtree(target)
    shutil.copytree(ROOT / "seeds", target / "seeds")
    pool = paragraphs()
    rng = random.Random(seed)
    start = dt.date(2020, 1, 1)
    for number in range(articles):
        chosen = rng.sample(pool, rng.randint(4, 9))
        text = "\n\n".join(chosen) + "\n"
        digest = hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]
        published = start + dt.timedelta(days=rng.randrange(1500))
        publisher = rng.choice(PUBLISHERS)
        name = f"{number + 100:05d}_{digest}"
        source_id = f"bench-{published.isoformat()}-{number:05d}"
        (target / "seeds" / f"{name}.txt").write_text(text, encoding="utf-8")
        (target / "seeds" / f"{name}.meta.yaml").write_text(
            f'source_id: {source_id}\npublisher: {publisher}\npublished: "{published.isoformat()}"\n'
            f"title: Generated article {number} for the scale benchmark\nlanguage: en\n"
            "rights: Written by the project's developers for its benchmarks.\n",
            encoding="utf-8",
        )
    return target


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("target", type=Path)
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=20231)
    args = parser.parse_args()
    make_corpus(args.target, args.articles, args.seed)
    print(f"{args.target}: {args.articles} generated articles and the seeds")


if __name__ == "__main__":
    main()

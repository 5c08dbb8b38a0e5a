"""Benchmark: the rule-based extractors against spaCy's blank English tokenizer, on the same text.

Streams a corpus of the seed articles repeated (one document at a time, as the
build does) and reports characters per second for tokenization alone and for
all the rules, their ratio (target: rules >= 0.5x the tokenizer), and the peak
memory of a process that runs the rules over 1 MB and over 5 MB (target: no
growth with corpus size).  Each measuring process times the tokenizer and the
rules in turn on every document, in CPU seconds (``time.process_time``), so
that other load on a shared machine weighs on both sides of the ratio alike.  Run: ``.venv/bin/python bench/rules_throughput.py``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def documents(megabytes: float):
    """The seed articles, repeated until ``megabytes`` of text have been yielded."""
    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]
    budget, i = int(megabytes * 1_000_000), 0
    while budget > 0:
        text = texts[i % len(texts)]
        budget -= len(text)
        i += 1
        yield text


def run(mode: str, megabytes: float) -> dict:
    """One fresh process: "paired" times the tokenizer and the rules document by document, in
    turn, on the same text (a slow moment of a shared machine then slows both alike); "rules"
    runs the rules alone, for their peak memory."""
    import spacy

    from extract.rules import analyze

    published = dt.date(2023, 9, 20)
    pipeline = spacy.blank("en")  # the baseline: the blank English pipeline's own tokenizer
    analyze(next(documents(0.001)), published)  # load every table and matcher before the clock starts
    chars, tokenizer_seconds, rules_seconds = 0, 0.0, 0.0
    for text in documents(megabytes):
        if mode == "paired":
            start = time.process_time()  # CPU time of this process: less disturbed by other load
            pipeline.make_doc(text)
            tokenizer_seconds += time.process_time() - start
        start = time.process_time()
        analyze(text, published)
        rules_seconds += time.process_time() - start
        chars += len(text)
    peak_mib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {
        "mode": mode,
        "megabytes": megabytes,
        "chars": chars,
        "peak_rss_mib": round(peak_mib, 1),
        "tokenizer_seconds": round(tokenizer_seconds, 3),
        "rules_seconds": round(rules_seconds, 3),
    }


def in_subprocess(mode: str, megabytes: float) -> dict:
    out = subprocess.run(
        [sys.executable, __file__, "--child", mode, str(megabytes)], check=True, capture_output=True, text=True
    )
    return json.loads(out.stdout)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--child", nargs=2, metavar=("MODE", "MB"), help=argparse.SUPPRESS)
    parser.add_argument("--megabytes", type=float, default=5.0)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(run(args.child[0], float(args.child[1]))))
        return
    # several fresh processes, each timing both side by side; the median process by its ratio
    runs = sorted(
        (in_subprocess("paired", args.megabytes) for _ in range(args.runs)),
        key=lambda r: r["tokenizer_seconds"] / r["rules_seconds"],
    )
    ratios = [r["tokenizer_seconds"] / r["rules_seconds"] for r in runs]
    middle = runs[len(runs) // 2]
    ratio = ratios[len(runs) // 2]
    tokenizer = {
        "chars_per_second": round(middle["chars"] / middle["tokenizer_seconds"]),
        "seconds": middle["tokenizer_seconds"],
    }
    rules = {"chars_per_second": round(middle["chars"] / middle["rules_seconds"]), "seconds": middle["rules_seconds"]}
    rules_1mb, rules_full = in_subprocess("rules", 1.0), in_subprocess("rules", args.megabytes)
    print(
        f"corpus: {middle['chars']:,} characters (seed articles repeated, streamed one document at a time); "
        f"{args.runs} processes, each timing the tokenizer and the rules document by document; the median one:"
    )
    print(f"{'':24}{'chars/s':>12}{'CPU seconds':>13}")
    print(f"{'tokenizer only':24}{tokenizer['chars_per_second']:>12,}{tokenizer['seconds']:>13}")
    print(f"{'rules (all extractors)':24}{rules['chars_per_second']:>12,}{rules['seconds']:>13}")
    print(
        f"ratio rules / tokenizer: {ratio:.2f} (target >= 0.5); process by process: {', '.join(f'{r:.2f}' for r in ratios)}"
    )
    print(
        f"peak RSS of the rules alone at 1 MB: {rules_1mb['peak_rss_mib']} MiB; at {args.megabytes:g} MB: {rules_full['peak_rss_mib']} MiB"
    )


if __name__ == "__main__":
    main()

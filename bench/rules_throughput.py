"""Benchmark: the rule-based extractors against spaCy's blank English tokenizer, on the same text.

Streams a corpus of the seed articles repeated (one document at a time, as the
build does) and reports characters per second for tokenization alone and for
all the rules, their ratio (target: rules >= 0.5x the tokenizer), and the peak
memory of a process that runs the rules over 1 MB and over 5 MB (target: no
growth with corpus size).  Times are CPU seconds of the measuring process
(``time.process_time``), so other load on a shared machine disturbs them less.  Run: ``.venv/bin/python bench/rules_throughput.py``.
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
    import spacy

    from extract.rules import analyze

    published = dt.date(2023, 9, 20)
    pipeline = spacy.blank("en")  # the baseline: the blank English pipeline's own tokenizer
    analyze(next(documents(0.001)), published)  # load every table and matcher before the clock starts
    chars, start = 0, time.process_time()  # CPU time of this process: less disturbed by other load
    for text in documents(megabytes):
        if mode == "tokenizer":
            pipeline.make_doc(text)
        else:
            analyze(text, published)
        chars += len(text)
    seconds = time.process_time() - start
    peak_mib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {"mode": mode, "megabytes": megabytes, "chars": chars, "seconds": round(seconds, 3),
            "chars_per_second": round(chars / seconds), "peak_rss_mib": round(peak_mib, 1)}


def in_subprocess(mode: str, megabytes: float) -> dict:
    out = subprocess.run([sys.executable, __file__, "--child", mode, str(megabytes)], check=True, capture_output=True, text=True)
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
    # runs of each, interleaved, and medians: one run on a shared machine is noisy.  The ratio is the
    # median of the ratios of neighbouring runs, so that a slow minute weighs on both sides of one ratio.
    tokenizer_runs, rules_runs = [], []
    for _ in range(args.runs):
        tokenizer_runs.append(in_subprocess("tokenizer", args.megabytes))
        rules_runs.append(in_subprocess("rules", args.megabytes))
    middle = args.runs // 2
    tokenizer = sorted(tokenizer_runs, key=lambda r: r["chars_per_second"])[middle]
    rules = sorted(rules_runs, key=lambda r: r["chars_per_second"])[middle]
    ratios = sorted(r["chars_per_second"] / t["chars_per_second"] for t, r in zip(tokenizer_runs, rules_runs))
    ratio = ratios[middle]
    rules_1mb = in_subprocess("rules", 1.0)
    print(f"corpus: {rules['chars']:,} characters (seed articles repeated, streamed one document at a time); median of {args.runs} runs")
    print(f"{'':24}{'chars/s':>12}{'seconds':>10}{'peak RSS MiB':>14}")
    print(f"{'tokenizer only':24}{tokenizer['chars_per_second']:>12,}{tokenizer['seconds']:>10}{tokenizer['peak_rss_mib']:>14}")
    print(f"{'rules (all extractors)':24}{rules['chars_per_second']:>12,}{rules['seconds']:>10}{rules['peak_rss_mib']:>14}")
    print(f"ratio rules / tokenizer: {ratio:.2f} (target >= 0.5); run by run: {', '.join(f'{r:.2f}' for r in ratios)}")
    print(f"peak RSS of the rules at 1 MB: {rules_1mb['peak_rss_mib']} MiB; at {args.megabytes:g} MB: {rules['peak_rss_mib']} MiB")


if __name__ == "__main__":
    main()

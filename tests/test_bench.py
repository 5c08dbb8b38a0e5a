"""The benchmark scripts run from a fresh clone (tiny sizes; no figure is asserted: speed is the benchmarks' business)."""

import subprocess
import sys

from conftest import ROOT


def bench(*args: str, timeout: int = 180) -> str:
    result = subprocess.run([sys.executable, *args], cwd=ROOT, capture_output=True, text=True, timeout=timeout)
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_the_rules_throughput_benchmark_runs_and_reports_the_ratio():
    out = bench("bench/rules_throughput.py", "--megabytes", "0.05", "--runs", "1")
    assert "ratio rules / tokenizer:" in out and "peak RSS of the rules alone at 1 MB" in out


def test_the_build_scale_benchmark_runs_cold_and_incremental_builds():
    out = bench("bench/build_scale.py", "--sizes", "3", "6", "--pairs", "2", "--stages", timeout=300)
    assert "| 6 | cold |" in out and "| 6 | one article added |" in out and "6 articles cost" in out
    assert out.count("incremental / cold (median of pairs)") == 2 and "others %" in out
    assert "| frictionless |" in out and "| build |" in out  # the stage table, from the build's own timings


def test_the_validation_cost_benchmark_validates_a_replicated_package():
    out = bench("bench/validation_cost.py", "--copies", "2", "--runs", "1")
    assert "foreign keys included" in out and "without foreign keys" in out


def test_the_figures_evaluation_scores_every_part_of_its_gold():
    out = bench("bench/figures_eval.py", "--errors")
    for part in ("dev", "heldout", "dev2", "heldout2", "all"):
        assert f"\n{part} " in out


def test_the_held_out_evaluation_scores_every_measure():
    out = bench("bench/heldout_eval.py", "--misses")
    for measure in ("quotes", "speakers", "figures", "persons", "organizations"):
        assert f"\n{measure} " in out


def test_the_serving_load_benchmark_runs_a_bounded_load(built):
    out = bench(
        "bench/serve_load.py", "--requests", "40", "--concurrency", "4", "--workers", "1", "--root", str(built.root)
    )
    assert "40 requests" in out and "errors: 0" in out


def test_the_events_evaluation_scores_every_part_at_both_levels():
    out = bench("bench/events_eval.py")
    for part in ("dev", "heldout", "news"):
        assert f"| {part} |" in out and out.count(f"| {part} |") == 2


def test_the_events_evaluation_counts_conflict_events_invented_on_articles_without_one():
    sys.path.insert(0, str(ROOT / "bench"))
    from events_eval import PartScore, score_article

    score = PartScore()
    score_article(["disaster"], ["disaster", "violence_against_civilians/attack"], score, "quake")
    score_article(["protests/peaceful_protest"], ["protests/protest_with_intervention"], score, "march")
    assert (score.invented, score.without_conflict) == (1, 1)
    assert (score.types.gold, score.types.found, score.types.right) == (2, 3, 2)
    assert (score.subtypes.gold, score.subtypes.found, score.subtypes.right) == (2, 3, 1)

"""The rules over many articles: the pool gives what one process gives, and the cache is used only when nothing changed."""

from __future__ import annotations

import datetime as dt
import time

import pytest

from extract.rules import analyze, batch

TEXTS = [
    f"Police in Port Elm detained {n} men on Tuesday, a spokeswoman said. \u201cThey were armed,\u201d said Mara Quint, "
    f"a spokeswoman for the Harbor Police. About {n * 10} officers took part."
    for n in range(2, 22)
]
JOBS = [(text, dt.date(2024, 3, 5)) for text in TEXTS]


def as_json(results):
    return [r.as_json() for r in results]


def test_the_pool_over_articles_gives_exactly_what_one_process_gives(monkeypatch):
    monkeypatch.setattr(batch, "POOL_MIN_ARTICLES", 2)
    pooled = batch.analyze_many(JOBS, workers=2)
    assert as_json(pooled) == [analyze(text, published).as_json() for text, published in JOBS]


def test_a_second_run_reads_every_result_from_the_cache(tmp_path, monkeypatch):
    first = batch.analyze_many(JOBS[:3], cache_folder=tmp_path)

    def no_rules(*args):
        raise AssertionError("the rules ran although every result was cached")

    monkeypatch.setattr(batch, "analyze", no_rules)
    assert as_json(batch.analyze_many(JOBS[:3], cache_folder=tmp_path)) == as_json(first)


def test_the_pools_workers_fill_the_cache_and_results_come_in_order_with_cached_ones(tmp_path, monkeypatch):
    monkeypatch.setattr(batch, "POOL_MIN_ARTICLES", 2)
    batch.analyze_many(JOBS[::2], cache_folder=tmp_path, workers=2)  # every other article, written by the workers
    calls = []
    real = batch.analyze
    monkeypatch.setattr(batch, "analyze", lambda *a: calls.append(a[0]) or real(*a))
    mixed = batch.analyze_many(JOBS, cache_folder=tmp_path, workers=1)
    assert calls == [text for text, _ in JOBS[1::2]]  # only the articles the pool did not see
    assert as_json(mixed) == [analyze(text, published).as_json() for text, published in JOBS]


@pytest.mark.parametrize("change", ["rules", "text", "date", "gazetteer"])
def test_a_change_to_the_rules_or_to_an_input_is_a_cache_miss(tmp_path, monkeypatch, change):
    batch.analyze_many(JOBS[:1], cache_folder=tmp_path)
    calls = []
    real = batch.analyze
    monkeypatch.setattr(batch, "analyze", lambda *a: calls.append(a) or real(*a))
    jobs, gazetteer = list(JOBS[:1]), ()
    if change == "rules":
        monkeypatch.setattr(batch, "rules_version", lambda: "another-version")
    elif change == "text":
        jobs = [(JOBS[0][0] + " More.", JOBS[0][1])]
    elif change == "date":
        jobs = [(JOBS[0][0], dt.date(2024, 3, 6))]
    else:
        gazetteer = (("Mara Quint", "person", "Mara Quint", "mara-quint"),)
    batch.analyze_many(jobs, gazetteer, cache_folder=tmp_path)
    assert len(calls) == 1


def test_the_rules_version_changes_when_a_lexicon_changes(tmp_path, monkeypatch):
    rules = tmp_path / "rules"
    (rules / "lexicons").mkdir(parents=True)
    (rules / "lexicons" / "x.yaml").write_text("a: 1\n")
    for name in batch.EXTRA_RULE_FILES:
        (tmp_path / name).write_text("")
    monkeypatch.setattr(batch, "RULE_CODE", rules)
    batch.rules_version.cache_clear()
    try:
        before = batch.rules_version()
        (rules / "lexicons" / "x.yaml").write_text("a: 2\n")
        batch.rules_version.cache_clear()
        assert batch.rules_version() != before
    finally:
        batch.rules_version.cache_clear()


def test_entries_of_earlier_rule_versions_are_removed(tmp_path):
    stale = tmp_path / "0ld-version" / "ab"
    stale.mkdir(parents=True)
    (stale / "abcdef").write_bytes(b"x")
    batch.analyze_many(JOBS[:1], cache_folder=tmp_path)
    assert [p.name for p in tmp_path.iterdir()] == [batch.rules_version()]


def test_the_work_left_for_a_wait_runs_while_the_early_worker_is_busy_and_is_forgotten_after(tmp_path, monkeypatch):
    """``while_waiting``: the build's process does the work it was given instead of waiting for the early worker's
    result (once, in order; a failure dropped), the results are the rules' own, and nothing is left for a later
    build.  The worker (forked with this ``analyze``) analyzes only once the left work has opened its gate, so the
    first result cannot be there before the work runs."""
    gate = tmp_path / "gate"
    real = batch.analyze

    def gated(*args):
        deadline = time.monotonic() + 20  # a build that never does the left work still ends (and fails below)
        while not gate.exists() and time.monotonic() < deadline:
            time.sleep(0.01)
        return real(*args)

    monkeypatch.setattr(batch, "analyze", gated)
    done = []

    def failing() -> None:
        done.append("failing")
        raise RuntimeError("dropped: the build does this again where it needs it")

    with batch.worker_started(batch.POOL_MIN_ARTICLES, workers=2):
        batch.while_waiting(failing)
        batch.while_waiting(lambda: done.append("gate") or gate.touch())
        results = batch.analyze_many(JOBS[:2])  # fewer than the pool's threshold: the early worker's
        assert done == ["failing", "gate"]
        assert as_json(results) == [analyze(text, published).as_json() for text, published in JOBS[:2]]
        batch.while_waiting(lambda: done.append("late"))
    assert batch._WHILE_WAITING == []  # forgotten with the worker
    assert "late" not in done


def test_without_the_early_worker_nothing_waits_and_the_left_work_is_not_run():
    done = []
    batch.while_waiting(lambda: done.append("never"))
    try:
        batch.analyze_many(JOBS[:1])  # in this process: no worker to wait for
        assert done == []
    finally:
        batch._WHILE_WAITING.clear()

"""The articles' metadata files are parsed once per content: an unchanged file is not parsed again, a changed one is."""

from __future__ import annotations

import pytest

from extract import cache, yamlfile
from extract.sources import load_all

META = "000_f58f9e3476caf365.meta.yaml"


@pytest.fixture
def parses(monkeypatch) -> list[str]:
    """The files ``yamlfile.parse_yaml`` parses, by shown name."""
    seen: list[str] = []
    real = yamlfile.parse_yaml
    monkeypatch.setattr(yamlfile, "parse_yaml", lambda text, shown: seen.append(str(shown)) or real(text, shown))
    return seen


def load(project):
    loaded = load_all(project.seeds, project.root, project.metadata_cache)
    assert not loaded.errors, loaded.errors
    return {s.source_id: s for s in loaded.sources}


def test_an_unchanged_metadata_file_is_not_parsed_again(seeds_copy, parses):
    first = load(seeds_copy)
    assert len(parses) == len(first)
    parses.clear()
    assert load(seeds_copy) == first
    assert parses == []


def test_a_changed_metadata_file_is_read_again(seeds_copy, parses):
    before = load(seeds_copy)
    meta = seeds_copy.seeds / META
    meta.write_text(meta.read_text(encoding="utf-8").replace("title:", "title: Changed", 1), encoding="utf-8")
    parses.clear()
    after = load(seeds_copy)
    assert [p.rsplit("/", 1)[-1] for p in parses] == [META]
    changed = [k for k in after if after[k].title != before[k].title]
    assert len(changed) == 1 and after[changed[0]].title.startswith("Changed")


def test_a_metadata_file_that_does_not_parse_is_reported_every_time(seeds_copy, parses):
    load(seeds_copy)
    (seeds_copy.seeds / META).write_text("source_id: [unclosed\n", encoding="utf-8")
    for _ in range(2):
        loaded = load_all(seeds_copy.seeds, seeds_copy.root, seeds_copy.metadata_cache)
        assert [e.location.file for e in loaded.errors] == [f"seeds/{META}"]


def test_another_loader_version_forgets_every_entry(seeds_copy, parses, monkeypatch):
    first = load(seeds_copy)
    cache.loader_version.cache_clear()
    monkeypatch.setattr(cache, "LOADER_CODE", cache.Path(cache.__file__))  # as if yamlfile.py had changed
    parses.clear()
    assert load(seeds_copy) == first
    assert len(parses) == len(first)
    assert [p.name for p in seeds_copy.metadata_cache.iterdir()] == [f"{cache.loader_version()}.pickle"]
    cache.loader_version.cache_clear()


def test_an_unreadable_cache_only_costs_a_parse(seeds_copy, parses):
    first = load(seeds_copy)
    (entry,) = seeds_copy.metadata_cache.iterdir()
    entry.write_bytes(b"not a pickle")
    parses.clear()
    assert load(seeds_copy) == first
    assert len(parses) == len(first)


def test_the_remembered_parse_keeps_the_lines_errors_point_to(seeds_copy):
    load(seeds_copy)
    parsed = cache.ParsedYaml(seeds_copy.metadata_cache)
    meta = parsed.load(seeds_copy.seeds / META)
    assert parsed.parsed == 0  # from the cache
    assert meta == yamlfile.plain(yamlfile.load_yaml(seeds_copy.seeds / META))
    assert yamlfile.line_of(meta, "publisher") == yamlfile.line_of(
        yamlfile.load_yaml(seeds_copy.seeds / META), "publisher"
    )

"""``extract/numbers.yaml`` is read through its typed model (issue 15): validated, a broken file refused."""

from __future__ import annotations

import pytest

from extract import numbers
from extract.errors import BuildFailed
from extract.rules import lexicon


def test_the_number_words_are_typed():
    table = numbers.lexicon()
    assert isinstance(table, lexicon.NumbersLexicon)
    assert table.multipliers["thousand"] == 1000
    assert {e.id for e in table.vague if e.alone} == numbers.standalone_vague_ids()


def test_a_glued_multiplier_comes_from_the_file():
    assert numbers.read_quantity("7bn").value == 7_000_000_000


def test_a_broken_numbers_file_is_refused_with_its_line(tmp_path, monkeypatch):
    broken = tmp_path / "numbers.yaml"
    broken.write_text(lexicon.NUMBERS_FILE.read_text(encoding="utf-8").replace("dozen: 12", "dozen: twelve", 1))
    monkeypatch.setattr(lexicon, "NUMBERS_FILE", broken)
    lexicon.numbers.cache_clear()
    try:
        with pytest.raises(BuildFailed) as failed:
            lexicon.numbers()
        assert "multipliers" in str(failed.value) and "numbers.yaml" in str(failed.value)
    finally:
        lexicon.numbers.cache_clear()

"""How the figure tests read a sentence's figures, named once for every figures test file."""

from extract.rules import analyze


def hits(text):
    """Each figure the rules find: its surface, value, upper value and unit."""
    return [(f.surface, f.value, f.value_max, f.unit) for f in analyze(text).figures]


def units(text):
    """Each figure's value and unit."""
    return [(f.value, f.unit) for f in analyze(text).figures]

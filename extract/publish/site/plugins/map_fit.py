"""Datasette plugin: the map of a table or query shows every pin whole.

datasette-cluster-map (0.18.2) fits its map to the bounds of the points with
``map.fitBounds(bounds)`` and no padding, so a pin (25 x 41 px, its tip on the
point) at the northern edge sticks out of the map and is clipped, and a few
close points zoom in to street level.  The plugin creates its map inside its
own code, out of reach; this script adds a Leaflet init hook (a public Leaflet
API) as soon as Leaflet defines ``window.L``, so every map's ``fitBounds``
keeps room for a pin on each side (``PADDING``) and stops at ``MAX_ZOOM``.
"""

from __future__ import annotations

import json

from datasette import hookimpl

PIN = {"width": 25, "height": 41}  # Leaflet's default marker icon, anchored at its bottom middle
CLUSTER = 40  # markercluster's round icon, centred on its point
MARGIN = 8
PADDING = {
    "paddingTopLeft": [max(PIN["width"] // 2, CLUSTER // 2) + MARGIN, max(PIN["height"], CLUSTER // 2) + MARGIN],
    "paddingBottomRight": [max(PIN["width"] // 2, CLUSTER // 2) + MARGIN, CLUSTER // 2 + MARGIN],
}
MAX_ZOOM = 12
"""A town and its surroundings: the closest a fit zooms (the reader can zoom further)."""

SCRIPT = """
(function () {
  var options = %s;
  function hook(L) {
    if (!L || !L.Map || L.Map.__fitsWithPadding) return;
    L.Map.__fitsWithPadding = true;
    L.Map.addInitHook(function () {
      var fit = this.fitBounds;
      this.fitBounds = function (bounds, given) {
        return fit.call(this, bounds, Object.assign({}, options, given || {}));
      };
    });
  }
  if (window.L) { hook(window.L); return; }
  var value;
  Object.defineProperty(window, "L", {
    configurable: true,
    get: function () { return value; },
    set: function (v) { value = v; hook(v); }
  });
})();
"""


@hookimpl
def extra_body_script():
    return SCRIPT % json.dumps({**PADDING, "maxZoom": MAX_ZOOM})

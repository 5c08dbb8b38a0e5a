"""Stage 2a, extract (curated): turn hand-written annotation files into rows.

Curators cite the article verbatim; ``citations`` finds each citation and
records its exact offsets, ``annotations`` reads the YAML files into rows.
"""

"""How the package's CSV files are written, in one place for the writer and the validator.

``publish.package`` writes every CSV file with this dialect and declares it in each resource; ``package_check``
relies on the declaration (with the delimiter, quote character and initial spaces declared, frictionless's reader
is fully set by the descriptor: its sniffer, which reads only the first 100 lines of a file, decides nothing), so a
row is read alike wherever in a file it stands.  This module imports nothing: the validator, which runs in a helper
interpreter of its own, imports it without the rest of the project."""

CSV_DIALECT = {"delimiter": ",", "quoteChar": '"', "skipInitialSpace": False}

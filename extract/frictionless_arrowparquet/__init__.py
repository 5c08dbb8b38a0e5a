"""A frictionless plugin that reads Parquet through pyarrow, faithfully.

Why: frictionless 5.21 reads Parquet through pandas, which turns nulls into
NaN, list columns into numpy arrays, and never streams the file's bytes, so
it cannot check a resource's ``bytes`` and skips its ``hash``.  This parser
streams the file through frictionless's own loader (so ``hash`` and ``bytes``
are verified exactly as for CSV) and hands frictionless plain Python values
(None, lists, dates) from ``pyarrow``'s ``to_pylist``.

The project installs it as the top-level module ``frictionless_arrowparquet``;
frictionless discovers every installed ``frictionless_*`` module as a plugin
and asks it before its built-in formats, so ``frictionless validate`` in the
project's environment uses it for ``format: parquet`` resources.
"""

from __future__ import annotations

import io
from typing import Any

from frictionless.system import Parser, Plugin


class ArrowParquetParser(Parser):
    """Reads a Parquet resource row by row with pyarrow; the loader counts the bytes."""

    requires_loader = True
    supported_types = ["array", "boolean", "date", "datetime", "integer", "number", "object", "string", "time"]

    def read_cell_stream_create(self):
        import pyarrow.parquet as pq

        table = pq.read_table(io.BytesIO(self.read_all_bytes()))
        yield table.column_names
        for batch in table.to_batches(max_chunksize=10_000):
            columns = [column.to_pylist() for column in batch.columns]
            yield from (list(cells) for cells in zip(*columns))

    def read_all_bytes(self) -> bytes:
        """The whole file, read with ``read1`` so the loader's stats (hash, bytes) count every chunk."""
        stream, chunks = self.loader.byte_stream, []
        while chunk := stream.read1(65536):
            chunks.append(chunk)
        stream.read1()  # an empty read at EOF makes the loader record the hashes
        return b"".join(chunks)

    def write_row_stream(self, source: Any):
        raise NotImplementedError("this plugin only reads Parquet; the project writes it with pyarrow")


class ArrowparquetPlugin(Plugin):
    """Claims ``parquet`` resources before frictionless's built-in pandas-based parser."""

    def create_parser(self, resource):
        if resource.format in ("parquet", "parq"):
            return ArrowParquetParser(resource)
        return None

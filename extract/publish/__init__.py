"""Stage 5, publish: write the validated tables as a Frictionless Data Package
(CSV + Parquet), an SQLite database and Datasette metadata."""

"""The package's files as a browser or a script downloads them from the site's /data/ folder."""

import urllib.request

import pytest


@pytest.mark.parametrize(
    "path, media_type",
    [
        ("/data/parquet/quotes.parquet", "application/vnd.apache.parquet"),
        ("/data/csv/quotes.csv", "text/csv; charset=utf-8"),
        ("/data/datapackage.json", "application/json"),
        ("/data/tocoron.db", "application/vnd.sqlite3"),
    ],
)
def test_each_download_is_served_with_its_media_type(server, built, path, media_type):
    with urllib.request.urlopen(server.url + path, timeout=30) as response:
        assert response.headers["content-type"] == media_type
        assert response.read() == (built.data / path.removeprefix("/data/")).read_bytes()

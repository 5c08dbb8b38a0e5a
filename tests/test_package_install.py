"""`pip install .` installs the whole tool: the `extract` package with every data file it reads,
and a console script, working outside the checkout."""

import json
import os
import subprocess
import sys
import tomllib
import zipfile

import pytest
from conftest import ROOT

ARTICLE = "\u201cWe will rebuild the bridge,\u201d said Maria Lopez, the mayor of Riverton. Some 40 workers began on Monday.\n"


@pytest.fixture(scope="module")
def installed(tmp_path_factory):
    """The project built into a wheel and installed (without its dependencies, which this venv has) into a folder."""
    folder = tmp_path_factory.mktemp("install")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "-w", str(folder / "wheel"), str(ROOT)],
        check=True,
        capture_output=True,
        timeout=300,
    )
    [wheel] = (folder / "wheel").glob("*.whl")
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--target", str(folder / "site"), str(wheel)],
        check=True,
        capture_output=True,
        timeout=300,
    )
    return wheel, folder


def test_the_wheel_holds_every_file_of_the_extract_package(installed):
    wheel, _ = installed
    tracked = subprocess.run(
        ["git", "ls-files", "extract"], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout.split()
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
    assert tracked and [path for path in tracked if path not in names] == []


@pytest.mark.parametrize(
    "command", [[sys.executable, "-m", "extract"], ["{site}/bin/tocoron-dataset"]], ids=["python -m", "script"]
)
def test_the_rules_run_outside_the_checkout(installed, tmp_path, command):
    _, folder = installed
    (tmp_path / "article.txt").write_text(ARTICLE, encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(folder / "site")}
    command = [part.format(site=folder / "site") for part in command]
    if not command[0].startswith(sys.executable):
        command = [sys.executable, *command]  # the script's own interpreter line names this venv's Python anyway
    result = subprocess.run(
        [*command, "rules", "article.txt", "--published", "2024-03-04"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    quotes = json.loads(result.stdout)["quotes"]
    assert [q["text"] for q in quotes] == ["We will rebuild the bridge,"]
    found = subprocess.run(
        [sys.executable, "-c", "import extract.cli; print(extract.cli.__file__)"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    ).stdout
    assert found.startswith(str(folder / "site"))


def test_the_project_supports_python_3_11_to_3_13():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert project["requires-python"] == ">=3.11,<3.14"
    assert project["scripts"] == {"tocoron-dataset": "extract.cli:main"}

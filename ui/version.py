"""The app's version, read from pyproject.toml (`[project] version`, its one definition)."""

from __future__ import annotations

import functools
import tomllib
from pathlib import Path

#: The project file that holds the version.
PYPROJECT = Path(__file__).resolve().parent.parent / "pyproject.toml"


@functools.cache
def app_version() -> str:
    """The version links, exports and notices carry (read once per process)."""
    with PYPROJECT.open("rb") as file:
        return str(tomllib.load(file)["project"]["version"])

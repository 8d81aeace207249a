"""Reproducible installs: every requirement is pinned, to the version the tests ran with,
and the runtime pins cover everything the runtime packages pull in."""

from __future__ import annotations

import importlib.metadata as metadata
import re
from pathlib import Path

import pytest
from packaging.requirements import Requirement

REPO = Path(__file__).resolve().parent.parent
PIN = re.compile(r"^([A-Za-z0-9._-]+)==([0-9][A-Za-z0-9.+!-]*)$")


def _normal(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()  # PEP 503


def pins(filename: str) -> dict[str, str]:
    """Package -> pinned version in a requirements file (its own lines, not -r includes)."""
    found = {}
    for line in (REPO / filename).read_text().splitlines():
        line = line.split("#")[0].strip()
        if not line or line.startswith("-r "):
            continue
        match = PIN.match(line)
        assert match, f"{filename}: {line!r} is not pinned as name==version"
        found[_normal(match.group(1))] = match.group(2)
    return found


RUNTIME, DEV = pins("requirements.txt"), pins("requirements-dev.txt")


@pytest.mark.parametrize(
    ("name", "version"), sorted({**RUNTIME, **DEV}.items()), ids=lambda x: str(x)
)
def test_the_pinned_version_is_the_installed_one(name, version):
    assert metadata.version(name) == version


def test_no_package_is_pinned_in_both_files():
    assert set(RUNTIME) & set(DEV) == set()


@pytest.mark.parametrize(
    ("packages", "pinned"),
    [(RUNTIME, RUNTIME), (DEV, {**RUNTIME, **DEV})],
    ids=["runtime", "dev"],
)
def test_the_pins_cover_every_dependency_of_the_pinned_packages(packages, pinned):
    missing = set()
    for name in packages:
        for text in metadata.requires(name) or []:
            requirement = Requirement(text)
            if requirement.marker and not requirement.marker.evaluate({"extra": ""}):
                continue  # an optional extra, or another platform's dependency
            if _normal(requirement.name) not in pinned:
                missing.add(f"{name} -> {requirement.name}")
    assert missing == set()

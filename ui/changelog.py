"""CHANGELOG.md: what changed between versions, for notices about links from older ones."""

from __future__ import annotations

import functools
import re
from pathlib import Path

from model.link import version_key

#: The changelog at the root of the repository.
CHANGELOG_PATH = Path(__file__).resolve().parent.parent / "CHANGELOG.md"

_SECTION = re.compile(r"^## (\S+)", re.MULTILINE)


@functools.cache
def changelog_text() -> str:
    """The changelog's Markdown (read once per process)."""
    return CHANGELOG_PATH.read_text(encoding="utf-8")


def sections(text: str) -> list[tuple[str, str]]:
    """(version, Markdown of its entry from its `## ` heading on), newest first."""
    starts = list(_SECTION.finditer(text))
    ends = [m.start() for m in starts[1:]] + [len(text)]
    return [
        (m.group(1), text[m.start() : end].strip()) for m, end in zip(starts, ends, strict=True)
    ]


def changes_since(version: str, text: str | None = None) -> str:
    """The entries of versions after `version`, headings demoted to fit under a notice.

    Every entry if `version` is not a dotted version; empty if nothing is newer.
    """
    after = version_key(version)
    newer = [
        body
        for ver, body in sections(changelog_text() if text is None else text)
        if after is None or (key := version_key(ver)) is None or key > after
    ]
    return re.sub(r"^(#{2,3}) ", r"\1## ", "\n\n".join(newer), flags=re.MULTILINE)


def is_newer(version: str, than: str) -> bool:
    """True if `version` is a later dotted version than `than`."""
    a, b = version_key(version), version_key(than)
    return a is not None and b is not None and a > b

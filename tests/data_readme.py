"""data/README.md as tests read it: the status vocabulary and the table of files."""

from __future__ import annotations

import re
from pathlib import Path

README = Path(__file__).resolve().parent.parent / "data" / "README.md"


def _section(title: str) -> str:
    text = README.read_text(encoding="utf-8")
    start = text.index(f"## {title}\n")
    end = text.find("\n## ", start + 1)
    return text[start : end if end >= 0 else None]


def _first_cells(title: str) -> list[tuple[str, str]]:
    """(first cell, second cell) of each body row of the section's Markdown table."""
    rows = []
    for line in _section(title).splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if line.startswith("|") and len(cells) >= 2 and not set(cells[0]) <= set("-: "):
            rows.append((cells[0], cells[1]))
    return rows[1:]  # the header row


def status_vocabulary() -> tuple[set[str], set[str]]:
    """Exact statuses, and bases that take a qualifier in brackets: `verified (...)` in the
    README allows `verified (TDP conflicts)`."""
    exact, qualified = set(), set()
    for cell, _ in _first_cells("Status vocabulary"):
        status = cell.strip("`").split("`")[0]
        if status.endswith("(...)"):
            qualified.add(status.removesuffix("(...)").strip())
        else:
            exact.add(status)
    return exact, qualified


def status_is_defined(status: str) -> bool:
    """True if the README's status vocabulary defines `status`."""
    exact, qualified = status_vocabulary()
    match = re.fullmatch(r"(.+?) \((.+)\)", status)
    return status in exact or (match is not None and match.group(1) in qualified)


def listed_files() -> dict[str, int]:
    """The Files table: file name to the row count it states."""
    return {cell.strip("`"): int(rows) for cell, rows in _first_cells("Files")}

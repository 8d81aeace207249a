"""What the UI shows of inputs: log-scale slider steps and labels, sources as links, text
escaped for Markdown; the number formats of charts/units.py, re-exported."""

from __future__ import annotations

import math
import re

# The number formats live in charts/units.py, below the charts; the UI reads them here.
from charts.units import chart_text as chart_text
from charts.units import count as count
from charts.units import energy as energy
from charts.units import exponent_label as exponent_label
from charts.units import flop as flop
from charts.units import mass_co2 as mass_co2
from charts.units import power as power
from charts.units import scientific as scientific
from charts.units import short_count as short_count
from charts.units import sig as sig
from charts.units import usd as usd
from model.scenario import InputSpec

#: Mantissas of the log-scale slider steps in each decade.
_MANTISSAS = (1.0, 1.25, 1.5, 2.0, 2.5, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0)


def log_options(spec: InputSpec) -> tuple[float, ...]:
    """Log-spaced slider steps from spec.min to spec.max, always including the default."""
    assert spec.min is not None
    assert spec.max is not None
    low, high = math.floor(math.log10(spec.min)), math.ceil(math.log10(spec.max))
    values = {
        float(f"{m * 10.0**e:.6g}")
        for e in range(low, high + 1)
        for m in _MANTISSAS
        if spec.min <= m * 10.0**e <= spec.max
    }
    values.update({float(spec.min), float(spec.max), float(spec.default)})
    return tuple(sorted(values))


def option_label(spec: InputSpec, value: float) -> str:
    """The label a log-scale option shows (and the URL carries)."""
    if spec.unit == "FLOP":
        return exponent_label(value)
    if spec.unit.startswith("x "):
        return f"{sig(value, 3)}x"
    return short_count(value)


_MARKDOWN_SPECIAL = "\\`*_{}[]()<>#+-.!|~$:"


def plain(text: object) -> str:
    """Escape Markdown (and so any HTML) in text a user typed or put in a URL or file."""
    return "".join("\\" + ch if ch in _MARKDOWN_SPECIAL else ch for ch in str(text))


# Web addresses in source citations: with or without a scheme, always with a path (a bare
# domain such as "via example.com" names a secondary source, not a page to open).
_WEB_ADDRESS = re.compile(r"(?:https?://)?(?:[a-z0-9-]+\.)+[a-z]{2,}/[^\s,;()'\"]*", re.I)
_ARXIV_ID = re.compile(r"\barXiv:(\d{4}\.\d{4,5})", re.I)


def source_urls(text: object) -> list[str]:
    """Links in a source citation as https URLs, in order: web addresses with a path, arXiv ids."""
    found: list[tuple[int, str]] = []
    for match in _WEB_ADDRESS.finditer(str(text)):
        address = match.group(0).rstrip(".:")
        found.append(
            (match.start(), address if address.startswith("http") else f"https://{address}")
        )
    for match in _ARXIV_ID.finditer(str(text)):
        found.append((match.start(), f"https://arxiv.org/abs/{match.group(1)}"))
    return list(dict.fromkeys(url for _, url in sorted(found)))


def first_source_url(text: object) -> str | None:
    """The first link in a source citation, or None (for a table's link column)."""
    urls = source_urls(text)
    return urls[0] if urls else None


def source_markdown(text: object) -> str:
    """A source citation escaped for Markdown, with its first link appended (for st.table)."""
    url = first_source_url(text)
    return plain(text) + (f" [link]({url})" if url else "")


def input_value(spec: InputSpec, value: object) -> str:
    """An input's value as the sidebar shows it: 405B, 4.64e26, 1.2, on, us."""
    if spec.kind == "bool":
        return "on" if value else "off"
    if spec.kind == "choice" or isinstance(value, bool) or not isinstance(value, int | float):
        return str(value)
    return option_label(spec, value) if spec.log else sig(value)


def input_with_unit(spec: InputSpec, value: float) -> str:
    """A numeric input's value with its unit, as a sentence reads it: 30%, 3x per year,
    7.5 years, 4.64e26 (a log-scale step's label carries its own unit), 1.2 (a ratio)."""
    text = input_value(spec, value)
    if spec.log or spec.unit in ("", "x", "ratio", "-"):
        return text
    if spec.unit.startswith("%"):
        return f"{text}%"
    if spec.unit.startswith("x "):
        return f"{text}x {spec.unit[2:]}"
    return f"{text} {spec.unit}"

"""What a reader can read on a page run by AppTest: each element's visible text and its
tooltip, in page order (for the glossary tests: a term of art shown must be defined)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import pandas as pd
from streamlit.testing.v1 import AppTest

#: String fields of an element's proto that a reader sees (labels, text, options).
SHOWN_FIELDS = ("label", "body", "placeholder", "caption")
#: Plotly layout keys whose `title.text` is drawn: the chart and every axis.
AXIS_PREFIXES = ("xaxis", "yaxis")


@dataclass(frozen=True)
class Shown:
    """One element of the page: what kind it is, the text it shows, and its tooltip."""

    kind: str
    text: str
    help: str


def _proto_strings(proto: Any, names: tuple[str, ...]) -> list[str]:
    out = []
    for name in names:
        value = getattr(proto, name, None)
        if isinstance(value, str) and value:
            out.append(value)
    options = getattr(proto, "options", None)
    if options is not None and not isinstance(options, str):
        out.extend(str(o) for o in options)
    return out


def _frame_text(frame: pd.DataFrame) -> str:
    """Column names, index labels and every cell of a table, as one text."""
    cells = [str(c) for c in frame.columns] + [str(i) for i in frame.index]
    cells += [str(v) for v in frame.to_numpy().ravel()]
    return " | ".join(cells)


def _column_config_text(proto: Any) -> tuple[str, str]:
    """Labels and help texts of a dataframe's column configs (shown header, tooltip)."""
    raw = getattr(proto, "columns", "")
    config = json.loads(raw) if isinstance(raw, str) and raw else {}
    labels = [str(c.get("label", "")) for c in config.values() if isinstance(c, dict)]
    helps = [str(c.get("help", "")) for c in config.values() if isinstance(c, dict)]
    return " | ".join(labels), "\n\n".join(helps)


def _title(part: Any) -> str:
    if isinstance(part, dict):
        return str(part.get("text", ""))
    return str(part or "")


def chart_text(spec: str) -> str:
    """A plotly figure's drawn words: title, axis titles, annotations, legend names and
    category labels (string x or y values)."""
    figure = json.loads(spec)
    layout = figure.get("layout", {})
    words = [_title(layout.get("title"))]
    for key, axis in layout.items():
        if key.startswith(AXIS_PREFIXES) and isinstance(axis, dict):
            words.append(_title(axis.get("title")))
            words.extend(str(t) for t in axis.get("ticktext", []) or [])
    words += [str(a.get("text", "")) for a in layout.get("annotations", []) or []]
    for trace in figure.get("data", []):
        if trace.get("showlegend", True) and trace.get("name"):
            words.append(str(trace["name"]))
        for axis in ("x", "y"):
            values = trace.get(axis)
            if isinstance(values, list):
                words.extend(v for v in values if isinstance(v, str))
    return " | ".join(w for w in words if w)


def _shown(node: Any) -> Shown | None:
    kind = str(getattr(node, "type", type(node).__name__))
    proto = getattr(node, "proto", None)
    if proto is None:
        return None
    help_text = str(getattr(proto, "help", "") or "")
    if kind == "plotly_chart":
        return Shown(kind, chart_text(proto.spec), "")
    if kind in ("dataframe", "table"):
        labels, helps = _column_config_text(proto)
        return Shown(kind, f"{_frame_text(node.value)} | {labels}", helps)
    if kind in ("expander", "tab"):
        return Shown(kind, str(node.label), "")
    strings = _proto_strings(proto, SHOWN_FIELDS)
    if not strings and not help_text:
        return None
    return Shown(kind, " | ".join(strings), help_text)


def _walk(node: Any) -> Iterator[Any]:
    yield node
    for child in getattr(node, "children", {}).values():
        yield from _walk(child)


def main_text(at: AppTest) -> list[Shown]:
    """Every element of the page's main area (not the sidebar) with its text and help,
    in page order."""
    found = (_shown(node) for node in _walk(at.main))
    return [item for item in found if item is not None]

"""The words a chart draws (title, axis titles, annotations, legend names, category
labels), read from its figure dict without building plotly's objects."""

from __future__ import annotations

from typing import Any

import plotly.graph_objects as go


def _title(part: Any) -> str:
    return str(part.get("text", "")) if isinstance(part, dict) else str(part or "")


def drawn_words(figure: go.Figure) -> str:
    """Every word `figure` draws as text, joined by ' | ' (hover text left out)."""
    spec = figure.to_dict()
    layout = spec.get("layout", {})
    words = [_title(layout.get("title"))]
    for key, axis in layout.items():
        if key.startswith(("xaxis", "yaxis")) and isinstance(axis, dict):
            words.append(_title(axis.get("title")))
            words.extend(str(t) for t in axis.get("ticktext") or [])
    words += [str(note.get("text", "")) for note in layout.get("annotations") or []]
    for trace in spec.get("data", []):
        if trace.get("name"):
            words.append(str(trace["name"]))
        for axis in ("x", "y"):
            values = trace.get(axis)
            if isinstance(values, list | tuple):
                words.extend(v for v in values if isinstance(v, str))
    return " | ".join(w for w in words if w)

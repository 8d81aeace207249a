"""Does charts.style.HouseFigure pay? The figures each page draws, built and sent as
st.plotly_chart sends them (to_dict, then JSON), three ways, interleaved: HouseFigure,
go.Figure(_validate=False) and plain go.Figure. Run from the repository root::

    python bench/house_figure.py

Measured on 2026-12-07 (2 cores, load 4-5 from other work), medians of 25 repeats, ms
per page rerun [house / unvalidated go.Figure / plain go.Figure]: home (1 figure) 0.6 /
2.0 / 4.1; growth (10) 5.8 / 21.1 / 54.2; power (4) 1.9 / 9.5 / 19.2; compare (2) 1.2 /
5.1 / 12.6; train (2) 1.0 / 4.2 / 8.3; serve (3) 1.4 / 5.8 / 11.6; claims (6) 2.1 / 10.1
/ 20.6. Sending a cached figure again (a rerun that hits the cache), growth: 5.4 / 10.0
/ 10.5. A server rerun is 5-50 ms, so HouseFigure is kept (tests/test_charts.py checks
the private plotly hooks it uses).
"""

from __future__ import annotations

import copy
import random
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:  # run as `python bench/house_figure.py`
    sys.path.insert(0, str(ROOT))

import plotly  # noqa: E402
import plotly.graph_objects as go  # noqa: E402
import plotly.io as pio  # noqa: E402
import streamlit as st  # noqa: E402

from charts import style  # noqa: E402
from tests.apptest_support import keep_navigation_mode, open_app  # noqa: E402

PAGES = ("home", "growth", "power", "compare", "train", "serve", "claims")
REPEATS = 25
HOUSE = style.HouseFigure
WAYS: dict[str, Callable[[Any, Any], go.Figure]] = {
    "house": lambda data, layout: HOUSE(data=data, layout=layout),
    "unvalidated": lambda data, layout: go.Figure(data=data, layout=layout, _validate=False),
    "plain": lambda data, layout: go.Figure(data=data, layout=layout),
}


def drawn_specs(page: str) -> list[tuple[Any, Any]]:
    """The (traces, layout) of every figure the page builds from scratch."""
    specs: list[tuple[Any, Any]] = []

    class Recorder(HOUSE):  # type: ignore[misc, valid-type]
        def __init__(self, data: Any = None, layout: Any = None, **kwargs: Any) -> None:
            specs.append((copy.deepcopy(data), copy.deepcopy(layout)))
            super().__init__(data=data, layout=layout, **kwargs)

    st.cache_resource.clear()
    st.cache_data.clear()
    style.HouseFigure = Recorder  # type: ignore[misc]
    try:
        open_app(None if page == "home" else f"pages/{page}.py")
    finally:
        style.HouseFigure = HOUSE  # type: ignore[misc]
    return specs


def send(fig: go.Figure) -> str:
    """What st.plotly_chart does with a figure."""
    spec = plotly.tools.return_figure_from_figure_or_data(fig, validate_figure=True)
    return str(pio.to_json(spec, validate=False))


def main() -> None:
    keep_navigation_mode()
    rng = random.Random(0)
    print(f"plotly {plotly.__version__}; ms per rerun: build+send | send a cached figure")
    for page in PAGES:
        specs = drawn_specs(page)
        built: dict[str, list[float]] = {way: [] for way in WAYS}
        sent: dict[str, list[float]] = {way: [] for way in WAYS}
        for _ in range(REPEATS):
            order = list(WAYS)
            rng.shuffle(order)
            for way in order:
                t0 = time.perf_counter()
                figures = [WAYS[way](copy.copy(d), copy.copy(lay)) for d, lay in specs]
                for fig in figures:
                    send(fig)
                t1 = time.perf_counter()
                for fig in figures:
                    send(fig)
                built[way].append(t1 - t0)
                sent[way].append(time.perf_counter() - t1)
        cells = [
            f"{way} {1000 * statistics.median(built[way]):.1f} | "
            f"{1000 * statistics.median(sent[way]):.1f}"
            for way in WAYS
        ]
        print(f"{page:8s} {len(specs):2d} figures  " + "   ".join(cells), flush=True)


if __name__ == "__main__":
    main()

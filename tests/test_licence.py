"""The code's licence is the MIT licence as published, and the charts that draw CC BY data
attribute it, as that licence requires (data/README.md, Licences and attribution)."""

from __future__ import annotations

from pathlib import Path

from charts import growth
from model.catalog import default_catalog
from model.projection import project
from model.scenario import Scenario

REPO = Path(__file__).resolve().parent.parent

#: The MIT licence's terms as SPDX publishes them (https://spdx.org/licenses/MIT.html),
#: after the copyright line.
MIT_TERMS = """
Permission is hereby granted, free of charge, to any person obtaining a copy of this
software and associated documentation files (the "Software"), to deal in the Software
without restriction, including without limitation the rights to use, copy, modify, merge,
publish, distribute, sublicense, and/or sell copies of the Software, and to permit persons
to whom the Software is furnished to do so, subject to the following conditions:

The above copyright notice and this permission notice shall be included in all copies or
substantial portions of the Software.

THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR IMPLIED,
INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY, FITNESS FOR A PARTICULAR
PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE AUTHORS OR COPYRIGHT HOLDERS BE LIABLE
FOR ANY CLAIM, DAMAGES OR OTHER LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR
OTHERWISE, ARISING FROM, OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER
DEALINGS IN THE SOFTWARE.
"""


def _words(text: str) -> list[str]:
    return text.split()


def test_the_code_licence_is_the_mit_licence_word_for_word():
    paragraphs = (REPO / "LICENSE").read_text().split("\n\n")
    assert paragraphs[0] == "MIT License"
    assert paragraphs[1].startswith("Copyright (c) ")
    # The terms, then a note that the data keep their own licences: nothing changed inside.
    terms = _words(" ".join(paragraphs[2:]))
    assert terms[: len(_words(MIT_TERMS))] == _words(MIT_TERMS)


def test_charts_that_draw_epoch_ai_data_name_epoch_ai():
    # Epoch AI's data are CC BY 4.0: attribution wherever the figures are shown.
    cat = default_catalog()
    history = growth.history_points(cat["epoch_frontier_models"])
    frame = project(Scenario(), cat)
    for figure in (
        growth.compute_figure(frame, None, history, None),
        growth.power_figure(frame, None, history, None, world_average_gw=3000.0),
    ):
        drawn = [t for t in figure.data if t.name and "Past frontier" in t.name]
        assert drawn, [t.name for t in figure.data]
        assert all("(Epoch AI)" in t.name for t in drawn)

"""User text in plotly charts: shown as typed, never read as HTML or as a template field."""

from __future__ import annotations

from charts.compare import compare_figure
from charts.export_names import MAX_NAME_CHARS, image_config, png_name
from model.projection import project
from model.scenario import Scenario
from ui import format as fmt

#: A scenario name with everything plotly might misread: quotes, an ampersand, a tag, and
#: a hovertemplate field.
NAME = """Bob's "nuclear" & <b>gas</b> 100%{y}"""


def test_quotes_in_a_scenario_name_reach_the_legend_unescaped():
    fig = compare_figure(project(Scenario()), {NAME: project(Scenario())})
    names = [t.name for t in fig.data if t.name and t.name.startswith("Bob")]
    # plotly.js shows &quot; and &#x27; literally; it decodes &amp; &lt; &gt; itself.
    assert names[0] == """Bob's "nuclear" &amp; &lt;b&gt;gas&lt;/b&gt; 100%{y}"""


def test_a_percent_brace_in_a_name_is_not_a_hover_field():
    fig = compare_figure(project(Scenario()), {NAME: project(Scenario())})
    hovers = [t.hovertemplate for t in fig.data if t.hovertemplate and "Bob" in t.hovertemplate]
    assert hovers
    assert all("100&#37;{y}" in h and "100%{y}" not in h for h in hovers)


def test_chart_text_escapes_tags_and_ampersands_but_not_quotes():
    assert fmt.chart_text("""a "b" 'c' & <d>""") == """a "b" 'c' &amp; &lt;d&gt;"""


def test_png_file_names_are_short_portable_and_cut_between_words():
    assert png_name("AI power: wanted vs available") == "ai-energy-ai-power-wanted-vs-available"
    long = png_name("Which inputs move the wall most, across ten thousand Monte Carlo samples")
    assert len(long) <= MAX_NAME_CHARS
    # The next word would make it 61 characters: it is dropped whole.
    assert long == "ai-energy-which-inputs-move-the-wall-most-across-ten"
    assert png_name(NAME) == "ai-energy-bob-s-nuclear-gas-100-y"  # no markup, no quotes
    assert png_name("Émissions <br>par an") == "ai-energy-emissions-par-an"


def test_the_compare_chart_downloads_under_its_title():
    fig = compare_figure(project(Scenario()), {NAME: project(Scenario())})
    config = image_config(fig)
    assert config["toImageButtonOptions"]["filename"] == png_name(fig.layout.title.text)
    assert config["toImageButtonOptions"]["filename"].startswith("ai-energy-ai-power")

"""The home page's links to the other pages carry the reader's link (issue 21, defect 1):
after a server restart a click there must not open the defaults."""

from __future__ import annotations

from urllib.parse import parse_qs

from tests.apptest_support import open_app


def test_every_explore_link_carries_the_scenario_of_the_address_bar():
    at = open_app(params={"pue": "1.5", "mix_nuclear_large": "40"})
    links = [link.proto for link in at.get("page_link")]
    explore = [p for p in links if p.label in {"Growth vs power", "Methods & sources"}]
    # The sidebar's link and the Explore section's link, for each of the two pages.
    assert len(explore) >= 4
    for proto in explore:
        query = parse_qs(proto.query_string)
        assert query["pue"] == ["1.5"], proto.label
        assert query["mix_nuclear_large"] == ["40"], proto.label

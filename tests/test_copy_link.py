"""The copy-link buttons (issue 18): at the top of the sidebar and beside each claim's
verdict, each copying the link to its view; the text they carry cannot leave their script."""

from __future__ import annotations

import html
import json
import re
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest

from tests.apptest_support import open_app
from ui.copy_link import copy_button_html, script_string
from ui.version import app_version

#: The link a button's script copies: its `const link = "...";` line.
_LINK_LINE = re.compile(r'const link = ("(?:[^"\\]|\\.)*");')


def copied_link(body: str) -> str:
    """The link a copy button's HTML copies (read from its script, as the browser would)."""
    match = _LINK_LINE.search(body)
    assert match, body
    return str(json.loads(match.group(1)))


def _walk(node: Any) -> list[Any]:
    out = []
    for child in getattr(node, "children", {}).values():
        out.append(child)
        out += _walk(child)
    return out


@pytest.mark.parametrize(
    "text",
    [
        "x</script><script>alert(1)</script>",
        "a & b <!-- c --> \u2028 \u2029 'q' \"d\"",
        "?saved=name%3D%3Cb%3E&v=0.3.0",
    ],
)
def test_a_link_reaches_the_script_intact_and_cannot_close_it(text):
    literal = script_string(text)
    assert "<" not in literal
    assert ">" not in literal
    assert "&" not in literal
    assert json.loads(literal) == text  # the browser reads the same characters back
    body = copy_button_html(text, "claim-1")
    assert body.count("</script>") == 1  # ours only
    assert copied_link(body) == text
    assert f'data-link="{html.escape(text, quote=True)}"' in body


@pytest.mark.parametrize("key", ["", "Claim 1", 'x" onclick="y', "a_b"])
def test_a_button_key_other_than_lowercase_digits_and_dashes_is_refused(key):
    with pytest.raises(ValueError, match="key"):
        copy_button_html("?v=1", key)


def test_the_sidebar_shows_copy_link_right_under_the_page_links():
    at = open_app(params={"pue": "1.5"})
    order = [(n.type, getattr(n, "label", "")) for n in _walk(at.sidebar)]
    first_html = next(i for i, (kind, _) in enumerate(order) if kind == "html")
    last_page_link = max(i for i, (kind, _) in enumerate(order) if kind == "page_link")
    reset = order.index(("button", "Reset to defaults"))
    assert last_page_link < first_html < reset
    body = at.sidebar.get("html")[0].proto.body
    assert 'id="copy-link-sidebar"' in body
    assert ">Copy link to this view</button>" in body
    # AppTest has no address, so the link is the query alone: the changed input, the version.
    assert parse_qs(urlsplit(copied_link(body)).query) == {"pue": ["1.5"], "v": [app_version()]}


def test_the_share_popover_has_a_copy_button_and_no_longer_points_to_a_hidden_one():
    at = open_app()
    bodies = [h.proto.body for h in at.sidebar.get("html")]
    assert any('id="copy-link-popover"' in b for b in bodies)
    captions = " ".join(c.value for c in at.sidebar.caption)
    assert "top right of the box" not in captions
    assert "*Copy link* copies it" in captions


@pytest.mark.parametrize("claim_id", [1, 2, 3, 4, 5])
def test_each_claim_has_a_copy_link_to_its_own_tab_and_section_with_this_scenario(claim_id):
    # Each claim is in its own tab, drawn only while open: its Copy link is the only one.
    tab = f"Claim {claim_id}"
    at = open_app("pages/claims.py", {"ai_capex_growth": "1.05", "claim_tab": tab})
    links = {}
    for element in at.main.get("html"):
        found = re.search(r'id="copy-link-(claim-\d)"', element.proto.body)
        if found:
            links[found.group(1)] = copied_link(element.proto.body)
    assert list(links) == [f"claim-{claim_id}"]
    parts = urlsplit(links[f"claim-{claim_id}"])
    assert parts.fragment == f"claim-{claim_id}"
    # The scenario, the version, and the tab that opens this claim.
    assert parse_qs(parts.query) == {
        "ai_capex_growth": ["1.05"],
        "v": [app_version()],
        "claim_tab": [tab],
    }

"""A button that copies a link to the clipboard in one click, shown as a button at once.

Streamlit has no copy button of its own but st.code's, which a desktop shows only while
the pointer is over the box and a phone only after the box is tapped. This one is a plain
<button> with a few lines of script (st.html runs them): the Clipboard API where the page
is a secure context (https or localhost), else a hidden text area and the browser's copy
command. The link is ours (model/link.py's pairs, percent-encoded), written into the
script as a JSON string with <, > and & escaped, so no text can close the script.
"""

from __future__ import annotations

import html
import json
import re

import streamlit as st
from streamlit.delta_generator import DeltaGenerator

#: What a key may hold: it names the button's id in the page.
_KEY = re.compile(r"[a-z0-9-]+")
#: Look of the button: Streamlit's secondary button in the app's theme
#: (.streamlit/config.toml: primary #2471a3, text #1f2933).
STYLE = """<style>
.copy-link-button { min-height: 2.5rem; padding: 0.25rem 0.75rem;
  border: 1px solid rgba(31, 41, 51, 0.2); border-radius: 0.5rem; background: #ffffff;
  color: #1f2933; font: inherit; font-size: 0.875rem; line-height: 1.6; cursor: pointer; }
.copy-link-button:hover { border-color: #2471a3; color: #2471a3; }
.copy-link-button:focus-visible { outline: 2px solid #2471a3; outline-offset: 2px; }
</style>"""
#: Said on the button for two seconds after a click.
COPIED, NOT_COPIED = "Link copied", "Could not copy: select the link's text instead"


def script_string(text: str) -> str:
    """`text` as a JavaScript string literal that is safe inside a <script> element."""
    literal = json.dumps(text, ensure_ascii=True)
    return literal.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def copy_button_html(
    link: str, key: str, label: str = "Copy link", hint: str = "", stretch: bool = True
) -> str:
    """The button's HTML and script: a click copies `link`; `key` (lowercase letters,
    digits and dashes) names it in the page; `hint` is its tooltip; `stretch` makes it as
    wide as its container, else as wide as its label."""
    if not _KEY.fullmatch(key):
        raise ValueError(f"copy button key must be lowercase letters, digits or '-': {key!r}")
    button_id = f"copy-link-{key}"
    title = html.escape(hint or f"Copy the link: {link}", quote=True)
    return f"""{STYLE}
<button type="button" id="{button_id}" class="copy-link-button" title="{title}"
 style="width: {"100%" if stretch else "auto"}"
 data-link="{html.escape(link, quote=True)}" aria-live="polite">{html.escape(label)}</button>
<script>(() => {{
  const link = {script_string(link)};
  const button = document.getElementById("{button_id}");
  if (!button) return;
  const label = button.textContent;
  const byCommand = () => {{
    const area = document.createElement("textarea");
    area.value = link;
    area.setAttribute("readonly", "");
    area.style.position = "fixed";
    area.style.opacity = "0";
    document.body.appendChild(area);
    area.select();
    let done = false;
    try {{ done = document.execCommand("copy"); }} catch (err) {{ done = false; }}
    area.remove();
    return done;
  }};
  button.addEventListener("click", () => {{
    const copied = navigator.clipboard && window.isSecureContext
      ? navigator.clipboard.writeText(link).then(() => true, byCommand)
      : Promise.resolve(byCommand());
    copied.then((done) => {{
      button.textContent = done ? {script_string(COPIED)} : {script_string(NOT_COPIED)};
      setTimeout(() => {{ button.textContent = label; }}, 2000);
    }});
  }});
}})();</script>"""


def copy_link_button(
    link: str,
    key: str,
    label: str = "Copy link",
    hint: str = "",
    where: DeltaGenerator | None = None,
    stretch: bool = True,
) -> None:
    """Draw the copy button (copy_button_html) in `where` (where the page is if None)."""
    body = copy_button_html(link, key, label, hint, stretch)
    if where is None:
        st.html(body, unsafe_allow_javascript=True)
    else:
        where.html(body, unsafe_allow_javascript=True)

"""How one judged claim reads on the page: verdict, rule, numbers, chart, flips, link."""

from __future__ import annotations

from urllib.parse import urlencode

import plotly.graph_objects as go
import streamlit as st

from charts import claims as charts
from model import claims
from model.claims import ClaimResult, Flip, Number
from model.link import CLAIM_TAB_PARAM
from model.projection import years
from model.scenario import INPUTS_BY_NAME, InputSpec, Scenario
from ui import format as fmt
from ui.copy_link import copy_link_button
from ui.data import claim_flips
from ui.glossary import jargon_help, terms_help
from ui.plot import plot
from ui.sidebar import GROUP_TITLES, SUBGROUP_HEADINGS

#: How each verdict is shown: Streamlit box and icon. Words carry the verdict; the colour
#: only repeats it (so it reads the same to a colour-blind reader).
VERDICT_BOX = {
    claims.SUPPORTED: ("success", ":material/check_circle:"),
    claims.PARTLY: ("warning", ":material/change_history:"),
    claims.NOT_SUPPORTED: ("error", ":material/cancel:"),
    claims.CANNOT_JUDGE: ("info", ":material/help:"),
}


#: The claims page's tabs, one per claim, in order. Only the open tab is drawn: tabs bound
#: to the URL are lazy, and the open one is in the link (CLAIM_TAB_PARAM, claim_tab=Claim+3,
#: also the tabs' session key), so a link opens the same claim. Renaming a tab breaks links
#: to it, and RESTORE_ANCHOR_HTML, which finds a tab by this label.
CLAIM_TABS = tuple(f"Claim {rule.claim_id}" for rule in claims.RULES)

#: Brings back the claim a link opened the page at, and opens the claim an in-page link
#: ("#claim-3", the summary's) names. Streamlit rewrites the address bar from the page's
#: query whenever the server's differs from the link's (a share link's `v=`, a value
#: written another way), and its rewrite (the frontend's handlePageInfoChanged: path +
#: query) drops the "#claim-3", before the claim's heading, which would have scrolled to
#: it, is drawn. The link as opened is still the document's navigation entry: once per
#: page load, if it named a claim of this page, put its anchor back in the address bar.
#: Each claim is in its own tab, drawn only while open: if the named claim's heading is
#: not on the page (a link made before the tabs, or a summary line clicked), click its
#: tab ("Claim 3"). Then keep the claim in view while the page is drawn (up to 8 s, until
#: the reader scrolls, taps or types). Our fixed text: the anchor is only used if it is
#: "claim-" and digits.
RESTORE_ANCHOR_HTML = """<script>(() => {
  if (window.__claimAnchorHooked) return;
  window.__claimAnchorHooked = true;
  const show = (id) => {
    let moved = false;
    for (const type of ["wheel", "touchstart", "keydown", "mousedown"]) {
      window.addEventListener(type, () => { moved = true; }, { once: true, passive: true });
    }
    const started = Date.now();
    let settled = null;
    let clicked = false;
    const keep = () => {
      if (moved || Date.now() - started > 8000) return;
      const target = document.getElementById(id);
      if (!target && !clicked) {
        const label = "Claim " + id.slice(6);
        const tab = Array.from(document.querySelectorAll('[data-testid="stTabs"] [role="tab"]'))
          .find((b) => b.textContent.trim() === label);
        if (tab) { tab.click(); clicked = true; }
      }
      const top = target ? target.getBoundingClientRect().top : null;
      if (target && (settled === null || Math.abs(top - settled) > 2)) {
        target.scrollIntoView(true);
        settled = target.getBoundingClientRect().top;
      }
      setTimeout(keep, 200);
    };
    keep();
  };
  const named = (hash) => {
    const id = hash.slice(1);
    return /^claim-[0-9]+$/.test(id) ? id : null;
  };
  window.addEventListener("hashchange", () => {
    const id = named(location.hash);
    if (id && location.pathname.endsWith("/claims")) show(id);
  });
  const entry = performance.getEntriesByType("navigation")[0];
  if (!entry) return;
  const opened = new URL(entry.name);
  const id = named(opened.hash);
  if (!id || opened.pathname !== location.pathname) return;
  if (!location.hash) history.replaceState(history.state, "", location.href + "#" + id);
  show(id);
})();</script>"""


def restore_claim_anchor() -> None:
    """Open and scroll to the claim a link or a summary line names (RESTORE_ANCHOR_HTML)."""
    st.html(RESTORE_ANCHOR_HTML, unsafe_allow_javascript=True)


def tab_of(claim_id: int) -> str:
    """The label of a claim's tab, as links write it (claim_tab=Claim+3)."""
    return CLAIM_TABS[claim_id - 1]


def anchor(claim_id: int) -> str:
    """The id of a claim's section, for links (#claim-3)."""
    return f"claim-{claim_id}"


def claim_link(link: str, claim_id: int) -> str:
    """The share link of the page (`link`) that opens a claim's tab, at its section."""
    tab = urlencode({CLAIM_TAB_PARAM: tab_of(claim_id)})
    return f"{link}{'&' if '?' in link else '?'}{tab}#{anchor(claim_id)}"


def number_text(number: Number) -> str:
    """A headline number in words and units, by its kind."""
    if number.kind == "text":
        return number.text.capitalize() or "None"
    if number.value is None:
        return number.text or "none"
    value = number.value
    formats = {
        "gwh": lambda v: fmt.energy(v * 1000.0),
        "homes": lambda v: f"{fmt.count(v)} homes",
        "percent": lambda v: f"{fmt.sig(v * 100.0, 2)}%",
        "change": lambda v: "no change" if abs(v) < 5e-4 else f"{v * 100.0:+.1f}%",
        "year": lambda v: str(int(v)),
        "years": lambda v: f"{fmt.sig(v, 2)} years",
        "ratio": lambda v: f"{fmt.sig(v)}x a year",
        "mt": lambda v: f"{fmt.sig(v)} MtCO2e/yr",
        "mt_total": lambda v: f"{fmt.sig(v)} MtCO2e in all",
    }
    return formats.get(number.kind, fmt.sig)(value)


def where_text(spec: InputSpec) -> str:
    """Where the input is in the sidebar: ' (sidebar: *Power supply & build*)', with the
    subgroup heading when the group has one."""
    heading = SUBGROUP_HEADINGS.get(spec.subgroup)
    place = GROUP_TITLES[spec.group] + (f" › {heading}" if heading else "")
    return f" (sidebar: *{place}*)"


def flip_text(flip: Flip) -> str:
    """'**Grid connection wait, US** (sidebar: *Power supply & build*) above 7.5 years (now
    5 years) makes it Partly.'"""
    spec = INPUTS_BY_NAME[flip.name]
    where = where_text(spec)

    def shown(value: float) -> str:
        return fmt.input_with_unit(spec, value)

    if flip.value is None:
        return (
            f"**{spec.label}**{where} (now {shown(flip.current)}): no value in its range "
            f"({shown(float(spec.min or 0))} to {shown(float(spec.max or 0))}) changes the verdict."
        )
    direction = "above" if flip.value > flip.current else "below"
    return (
        f"**{spec.label}**{where} {direction} about {shown(flip.value)} (now "
        f"{shown(flip.current)}) "
        f"makes it **{flip.verdict}**."
    )


def claim_figure(result: ClaimResult, scenario: Scenario) -> go.Figure:
    """The chart that shows why, for each claim."""
    claim_id = result.rule.claim_id
    if claim_id == 1:
        return charts.run_energy_figure(
            result.chart, result.extra["yardsticks_gwh"], result.extra["published"]
        )
    if claim_id == 2:
        return charts.lead_time_figure(result.chart, scenario.behind_meter_share_us)
    if claim_id == 3:
        floor = scenario.compute_growth ** result.rule.threshold("exponential_share")
        return charts.growth_figure(result.chart, floor)
    if claim_id == 4:
        return charts.mixes_figure(result.chart, [int(y) for y in years()])
    return charts.price_figure(result.chart, claims.CHECK_YEAR)


def render_verdict(result: ClaimResult) -> None:
    """The verdict in a box, in words."""
    kind, icon = VERDICT_BOX[result.verdict]
    text = f"**Verdict for this scenario: {result.verdict}**"
    getattr(st, kind)(text + (f"  \n{fmt.plain(result.note)}" if result.note else ""), icon=icon)


def render_numbers(numbers: tuple[Number, ...]) -> None:
    """The headline numbers, two to a row (one to a row on a phone, where Streamlit stacks
    columns: their labels are too long to fit two across 390 px uncut)."""
    for start in range(0, len(numbers), 2):
        for column, number in zip(st.columns(2), numbers[start : start + 2], strict=False):
            column.metric(number.label, number_text(number), help=terms_help(number.label))


#: Session-state key of the open state of a claim's "where it would flip" box.
FLIPS_OPEN_KEY = "_flips_open_{claim_id}"


def render_flips(result: ClaimResult, scenario: Scenario) -> None:
    """The inputs that can change the verdict, named with their sidebar group; where each
    would flip it is searched (dozens of projections an input) only while its box is open."""
    claim_id = result.rule.claim_id
    names = claims.flip_names(scenario, claim_id)
    text = (
        "**What would change the verdict:** "
        + "; ".join(f"**{INPUTS_BY_NAME[n].label}**{where_text(INPUTS_BY_NAME[n])}" for n in names)
        + "."
    )
    st.markdown(text, help=jargon_help(text))  # input labels such as "Utilization (MFU)"
    box = st.expander(
        "At what values (searches the model)",
        key=FLIPS_OPEN_KEY.format(claim_id=claim_id),
        on_change="rerun",
    )
    with box:
        if box.open:
            for flip in claim_flips(scenario, claim_id):
                st.markdown("- " + flip_text(flip))


def render_claim(result: ClaimResult, scenario: Scenario, link: str) -> None:
    """One claim's section."""
    rule = result.rule
    st.header(f"{rule.claim_id}. {rule.title}", anchor=anchor(rule.claim_id), divider="gray")
    st.markdown(f"The post's claim, in our words: *“{fmt.plain(rule.claim)}”*")
    verdict, copy = st.columns([5, 1], vertical_alignment="center")
    with verdict:
        render_verdict(result)
    copy_link_button(
        claim_link(link, rule.claim_id),
        anchor(rule.claim_id),
        "Copy link",
        hint="Copies a link that opens this claim, with this scenario and its verdict.",
        where=copy,
    )
    st.markdown(f"**The rule:** {fmt.plain(rule.plain)}")
    render_numbers(result.numbers)
    chart, text = st.columns([3, 2])
    figure = claim_figure(result, scenario)
    plot(figure, chart, key=f"claim_{rule.claim_id}", share=0.6)
    with text:
        decided = f"**How it is decided.** {fmt.plain(rule.rule)}"
        st.markdown(decided, help=jargon_help(decided, figures=(figure,)))  # the chart's terms too
        st.caption(f"Why: {fmt.plain(rule.reason)}")
        render_flips(result, scenario)
    with st.expander("Sources and the link to this claim"):
        for source in rule.sources:
            st.markdown("- " + fmt.plain(source), help=jargon_help(source))
        st.markdown("Open this claim with this scenario:")
        st.code(claim_link(link, rule.claim_id), language=None, wrap_lines=True)


def summary_markdown(results: tuple[ClaimResult, ...], query: str) -> str:
    """One line per claim, linking to its section: '1. ... - Supported'."""
    lines = []
    for result in results:
        rule = result.rule
        target = f"?{query}#{anchor(rule.claim_id)}" if query else f"#{anchor(rule.claim_id)}"
        lines.append(f"{rule.claim_id}. [{fmt.plain(rule.title)}]({target}): **{result.verdict}**")
    return "\n".join(lines)

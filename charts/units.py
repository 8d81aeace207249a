"""Readable numbers with units (1.2 GWh, 35 MW, 4.6e26 FLOP) and text safe for plotly.

Pure formatting, importing nothing of this project's: chart builders use it, and so does
ui/format.py (which adds what the sidebar needs), so the house reads one way.
"""

from __future__ import annotations

import html
import math

_SCALE_WORDS = ((1e12, "trillion"), (1e9, "billion"), (1e6, "million"))
_SHORT = ((1e12, "T"), (1e9, "B"), (1e6, "M"), (1e3, "K"))


def sig(value: float, digits: int = 3) -> str:
    """A number to `digits` significant figures, without trailing zeros or exponent."""
    if value == 0 or not math.isfinite(value):
        return "0" if value == 0 else str(value)
    magnitude = math.floor(math.log10(abs(value)))
    decimals = max(0, digits - 1 - magnitude)
    rounded = round(value, decimals)
    text = f"{rounded:,.{decimals}f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def _scaled(value: float, units: tuple[tuple[float, str], ...], digits: int = 3) -> str:
    for factor, unit in units:
        if abs(value) >= factor:
            return f"{sig(value / factor, digits)} {unit}"
    factor, unit = units[-1]
    return f"{sig(value / factor, digits)} {unit}"


def energy(mwh: float) -> str:
    """Energy from MWh, in the unit that reads best: 910 MWh, 1.29 GWh, 45.5 TWh."""
    return _scaled(
        mwh * 1e6, ((1e12, "TWh"), (1e9, "GWh"), (1e6, "MWh"), (1e3, "kWh"), (1.0, "Wh"))
    )


def power(gw: float) -> str:
    """Power from GW: 184 MW, 12.2 GW, 1.3 TW."""
    return _scaled(gw * 1e9, ((1e12, "TW"), (1e9, "GW"), (1e6, "MW"), (1e3, "kW"), (1.0, "W")))


def mass_co2(tonnes: float) -> str:
    """Emissions from t: 552 tCO2e, 1.2 ktCO2e, 3.4 MtCO2e."""
    return _scaled(
        tonnes,
        ((1e9, "GtCO2e"), (1e6, "MtCO2e"), (1e3, "ktCO2e"), (1.0, "tCO2e"), (1e-3, "kgCO2e")),
    )


def usd(dollars: float) -> str:
    """Money: $950, $1.2 million, $3.4 billion."""
    if abs(dollars) < 1e6:
        return f"${sig(dollars, 3)}"
    for factor, word in _SCALE_WORDS:
        if abs(dollars) >= factor:
            return f"${sig(dollars / factor, 3)} {word}"
    return f"${sig(dollars, 3)}"


def count(n: float, digits: int = 3) -> str:
    """Counts: 16,384; 2.5 billion."""
    if abs(n) < 1e6:
        return sig(n, max(digits, len(str(int(abs(n))))))
    for factor, word in _SCALE_WORDS:
        if abs(n) >= factor:
            return f"{sig(n / factor, digits)} {word}"
    return sig(n, digits)


def chips(h100e: float) -> str:
    """Accelerators as H100-equivalents: '12.5 million H100e'; '-' where there are none
    to draw (NaN)."""
    if not math.isfinite(h100e):
        return "-"
    return f"{count(h100e)} H100e"


def short_count(n: float) -> str:
    """Compact counts for slider labels and URLs: 405B, 15T, 16.4K, 500."""
    for factor, suffix in _SHORT:
        if abs(n) >= factor:
            return f"{sig(n / factor, 3)}{suffix}".replace(",", "")
    return sig(n, 3)


def flop(value: float) -> str:
    """Compute as a power of ten: 4.64e26 FLOP reads '4.6 × 10^26 FLOP'."""
    return f"{scientific(value)} FLOP"


def scientific(value: float, digits: int = 2) -> str:
    """2.1 × 10²⁵ with superscript exponents."""
    if value == 0 or not math.isfinite(value):
        return str(value)
    exponent = math.floor(math.log10(abs(value)))
    mantissa = value / 10**exponent
    sup = str(exponent).translate(str.maketrans("-0123456789", "⁻⁰¹²³⁴⁵⁶⁷⁸⁹"))
    return f"{sig(mantissa, digits)} × 10{sup}"


def exponent_label(value: float) -> str:
    """Slider label for FLOP-sized values: 4.64e26."""
    exponent = math.floor(math.log10(abs(value)))
    return f"{sig(value / 10**exponent, 3)}e{exponent}"


def chart_text(text: object) -> str:
    """Escape text for plotly labels and hovers (they render a subset of HTML, not Markdown).

    Quotes are left as they are: plotly.js shows &quot; literally (it decodes only &lt;
    &gt; &amp; and numeric entities).
    """
    return html.escape(str(text), quote=False)

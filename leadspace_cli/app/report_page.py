"""The report as one self-contained HTML page: inline CSS and SVG, no scripts, fonts or images; it
reads on a laptop and prints on A4. Every text that came from the file is escaped (answers are data
from a source the user does not control)."""

from __future__ import annotations

import datetime as dt
import html

from leadspace_cli.api import flatten
from leadspace_cli.app.report import Breakdown, Fill, OutputReport
from leadspace_cli.formats.values import visible
from leadspace_cli.results import Result

# The page.

_CSS = """
:root { --ink: #1d2433; --muted: #5b6475; --line: #dde2ea; --bar: #2f6fdf; --bar2: #9db8ef; }
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 1200px; padding: 24px; color: var(--ink);
  font: 14px/1.45 -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
h1 { font-size: 24px; margin: 0 0 4px; } h2 { font-size: 17px; margin: 28px 0 8px; }
.sub { color: var(--muted); margin: 0 0 16px; overflow-wrap: anywhere; }
.kpis { display: grid; grid-template-columns: repeat(auto-fit, minmax(150px, 1fr)); gap: 10px; }
.kpi { border: 1px solid var(--line); border-radius: 8px; padding: 10px 12px; }
.kpi b { display: block; font-size: 22px; } .kpi span { color: var(--muted); font-size: 12px; }
.charts { display: grid; grid-template-columns: repeat(auto-fit, minmax(420px, 1fr)); gap: 16px; }
figure { margin: 0; border: 1px solid var(--line); border-radius: 8px; padding: 12px; min-width: 0; }
figcaption { font-weight: 600; margin-bottom: 6px; }
svg { width: 100%; height: auto; display: block; }
svg text { font: 12px -apple-system, "Segoe UI", Roboto, Arial, sans-serif; fill: var(--ink); }
svg .bar { fill: var(--bar); } svg .track { fill: #eef1f6; } svg .n { fill: var(--muted); }
table { border-collapse: collapse; width: 100%; } td, th { padding: 3px 6px; text-align: left;
  border-bottom: 1px solid var(--line); vertical-align: middle; }
td.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
td.col { overflow-wrap: anywhere; }
.meter { background: #eef1f6; height: 10px; border-radius: 5px; min-width: 60px; }
.meter i { display: block; height: 10px; border-radius: 5px; background: var(--bar); }
.fills { display: grid; grid-template-columns: repeat(auto-fit, minmax(420px, 1fr)); gap: 16px; }
.empty { color: var(--muted); font-style: italic; }
footer { color: var(--muted); font-size: 12px; margin-top: 24px; }
@page { size: A4; margin: 12mm; }
@media print {
  body { max-width: none; padding: 0; font-size: 11px; }
  .charts, .fills { grid-template-columns: 1fr 1fr; gap: 8px; }
  figure, .kpi, tr { break-inside: avoid; }
  h2 { break-after: avoid; }
}
@media (max-width: 520px) { .charts, .fills { grid-template-columns: 1fr; } }
"""


def _e(text: object) -> str:
    return html.escape(visible(text), quote=True)  # controls and overrides as the terminal shows them


def _svg_bars(chart: Breakdown) -> str:
    """Return a horizontal bar chart as inline SVG; each bar carries its label and value as data."""
    if not chart.counts:
        return '<p class="empty">No answer held this field.</p>'
    width, label_w, num_w, row_h = 560, 190, 110, 24
    bar_w = width - label_w - num_w
    top = max(n for _, n in chart.counts) or 1
    height = row_h * len(chart.counts) + 4
    parts = [
        f'<svg viewBox="0 0 {width} {height}" role="img" aria-label="{_e(chart.title)}" '
        f'data-chart="{_e(chart.key)}" xmlns="http://www.w3.org/2000/svg">'
    ]
    for i, (label, n) in enumerate(chart.counts):
        y = i * row_h + 2
        short = label if len(label) <= 28 else label[:27] + "…"
        w = max(1.0, bar_w * n / top)
        parts.append(
            f'<g data-label="{_e(label)}" data-value="{n}"><title>{_e(label)}: {n}</title>'
            f'<text x="{label_w - 8}" y="{y + 16}" text-anchor="end">{_e(short)}</text>'
            f'<rect class="track" x="{label_w}" y="{y + 4}" width="{bar_w}" height="14" rx="3"/>'
            f'<rect class="bar" x="{label_w}" y="{y + 4}" width="{w:.1f}" height="14" rx="3"/>'
            f'<text class="n" x="{label_w + bar_w + 8}" y="{y + 16}">{n:,} ({chart.share(n):.0%})</text></g>'
        )
    parts.append("</svg>")
    return "".join(parts)


def _fill_table(fills: list[Fill], title: str) -> str:
    rows = "".join(
        f'<tr><td class="col">{_e(f.column.removeprefix(flatten.PREFIX))}</td>'
        f'<td class="num" data-filled="{f.filled}">{f.share:.0%}</td>'
        f'<td style="width:40%"><div class="meter"><i style="width:{f.share * 100:.1f}%"></i></div></td></tr>'
        for f in fills
    )
    return f"<figure><figcaption>{_e(title)}</figcaption><table>{rows}</table></figure>"


def report_html(report: OutputReport) -> str:
    """Return the report as one self-contained HTML page."""
    kpis = [
        ("rows", f"{report.rows:,}"),
        ("answered (ok)", f"{report.ok:,}"),
        ("matched", "unknown" if "ls.enrichment_status" in report.missing else f"{report.matched:,}"),
        ("match rate", report.match_text.removeprefix("match rate ")),
    ] + [(name, f"{n:,}") for name, n in report.results() if name != Result.OK.value]
    kpi_html = "".join(f'<div class="kpi"><b>{_e(v)}</b><span>{_e(k)}</span></div>' for k, v in kpis)
    results = Breakdown("result", "ls.result", "Rows by result", report.results(), report.rows)
    charts = [results, *report.charts]
    chart_html = "".join(
        f"<figure><figcaption>{_e(c.title)}</figcaption>{_svg_bars(c)}</figure>" for c in charts
    )
    person = [f for f in report.fills if f.group == "person"]
    company = [f for f in report.fills if f.group != "person"]
    missing = (
        f'<p class="sub">The file has no {_e(", ".join(report.missing))} column (renamed?): those counts '
        "are left out.</p>"
        if report.missing
        else ""
    )
    stamp = dt.datetime.now().astimezone().strftime("%Y-%m-%d %H:%M %Z")
    return (
        '<!doctype html>\n<html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>What the credits bought: {_e(report.path)}</title><style>{_CSS}</style></head><body>"
        f'<header><h1>What the credits bought</h1><p class="sub">{_e(report.path)} · {report.rows:,} rows'
        f" · {report.ok:,} answered · {_e(report.match_text)}</p>{missing}</header>"
        f'<section class="kpis">{kpi_html}</section>'
        f'<h2>Matches</h2><section class="charts">{chart_html}</section>'
        f"<h2>Fill rate per answer field (worst first, of the {report.ok:,} answered rows)</h2>"
        f'<section class="fills">{_fill_table(person, "Person fields")}'
        f"{_fill_table(company, 'Company fields')}</section>"
        f"<footer>leadspace report · {_e(stamp)}</footer></body></html>\n"
    )

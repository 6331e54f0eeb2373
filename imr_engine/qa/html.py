"""The QA report as one self-contained HTML file: figures, charts, the disagreements to read.

Everything is inline (styles, the SVG charts, the few lines of script that filter the
table) and the page's content security policy forbids loading anything, so the file opens
offline and can be mailed or archived as it is.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from ..errors import InputFileError
from .breakdown import ReportData
from .charts import agreement_chart, confusion_chart, count_chart

TEMPLATE = "report.html.j2"


def render_html(data: ReportData, title: str = "IMR QA report") -> str:
    """The report page for *data* (the same data always gives the same bytes)."""
    import jinja2
    from markupsafe import Markup

    source = resources.files(__package__).joinpath("templates", TEMPLATE).read_text(encoding="utf-8")
    env = jinja2.Environment(autoescape=True, undefined=jinja2.StrictUndefined, keep_trailing_newline=True)
    env.filters["pct"] = _pct
    charts = {
        "confusion": confusion_chart(data.overall) if data.overall.items else "",
        "citations": count_chart(data.citation_reasons, "items") if data.overall.items else "",
        **{title: agreement_chart(groups, title.lower()) for title, groups in data.breakdowns.items() if groups},
    }
    return env.from_string(source).render(
        data=data, title=title, charts={k: Markup(v) for k, v in charts.items()},
    )


def _pct(value: float | None) -> str:
    return "–" if value is None else f"{value * 100:.1f} %"


def write_html(data: ReportData, path: Path) -> None:
    """Write the report page to *path* (InputFileError when it cannot be written)."""
    page = render_html(data)
    try:
        path.write_text(page, encoding="utf-8", newline="\n")
    except OSError as exc:
        raise InputFileError(f"cannot write: {exc.strerror or exc}", source=str(path)) from None

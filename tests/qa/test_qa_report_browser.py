"""The QA report in real headless Chromium, offline: the charts draw and the table filters.

Set IMR_REPORT_SCREENSHOT=FILE.png to keep the full-page screenshot.
"""

from __future__ import annotations

import io
import os
import shutil
from pathlib import Path

import pytest
from qa_letters import CASES, letter_decisions

from imr_engine.cli import main

CHROMIUM = shutil.which("chromium") or ("/usr/bin/chromium" if Path("/usr/bin/chromium").exists() else None)
pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="no chromium installed (apt-get install chromium; .ci/run does)")
sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is in the test extra")
Image = pytest.importorskip("PIL.Image", reason="Pillow comes with matplotlib")

ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--no-first-run", "--disable-sync"]
#: The bar and confusion-matrix colours of imr_engine/qa/charts.py, in RGB.
BAR = (0x2F, 0x6F, 0x9F)


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory, rules_without_muscle_relaxants: Path) -> Path:
    path = tmp_path_factory.mktemp("browser") / "report.html"
    main(["qa", str(CASES), "--rules", str(rules_without_muscle_relaxants), "--report", str(path)])
    return path


@pytest.fixture()
def tab(report: Path, tmp_path: Path):
    with sync_api.sync_playwright() as pw:
        context = pw.chromium.launch_persistent_context(
            str(tmp_path / "profile"), executable_path=CHROMIUM, headless=True, args=ARGS,
            viewport={"width": 1280, "height": 900},
        )
        try:
            page = context.new_page()
            errors: list[str] = []
            fetched: list[str] = []
            page.on("pageerror", lambda exc: errors.append(str(exc)))
            page.on("request", lambda request: fetched.append(request.url))
            page.goto(report.as_uri())
            page.wait_for_load_state("load")
            yield page
            assert errors == [], "the page raised JavaScript errors"
            assert fetched == [report.as_uri()], "the page fetched something besides itself"
        finally:
            context.close()


def _pixels(png: bytes) -> list[tuple[int, int, int]]:
    data = Image.open(io.BytesIO(png)).convert("RGB").tobytes()
    return [(data[i], data[i + 1], data[i + 2]) for i in range(0, len(data), 3)]


def test_every_chart_draws(tab) -> None:
    shot = tab.screenshot(full_page=True)
    if os.environ.get("IMR_REPORT_SCREENSHOT"):
        Path(os.environ["IMR_REPORT_SCREENSHOT"]).write_bytes(shot)
    charts = tab.locator("figure.chart")
    names = [charts.nth(i).get_attribute("data-chart") for i in range(charts.count())]
    assert {"confusion", "Category of the deciding rule", "Deciding rule", "Year", "citations"} <= set(names)
    for i, name in enumerate(names):
        chart = charts.nth(i)
        box = chart.bounding_box()
        assert box is not None and box["width"] > 200 and box["height"] > 100, f"{name} has no size"
        pixels = _pixels(chart.screenshot())
        inked = sum(p != (255, 255, 255) for p in pixels)
        assert inked > len(pixels) // 50, f"{name} is (nearly) blank"
        if name != "confusion":  # the confusion matrix is shaded by count, the bar charts in one colour
            near = sum(all(abs(a - b) <= 12 for a, b in zip(p, BAR)) for p in pixels)
            assert near > 200, f"{name} shows no bars"


def test_the_disagreements_table_filters(tab) -> None:
    rows = tab.locator("#disagreements-table tbody tr")
    soma = [r for r, _ in letter_decisions() if r.startswith("Soma")]
    assert rows.count() == len(soma) == 5
    tab.fill("#filter-text", "bid #45")  # one letter's Soma request: "Soma 350mg bid #45 x 3 refills"
    assert tab.locator("#disagreements-table tbody tr:not([hidden])").count() == 1
    assert tab.inner_text("#filter-count") == "1 of 5 shown"
    tab.fill("#filter-text", "")
    tab.select_option("#filter-predicted", "Indeterminate")
    assert tab.locator("#disagreements-table tbody tr:not([hidden])").count() == 5

"""Exports checked by the tools their readers use: TimelineJS 3.9 in headless Chromium, and html-validate.

.ci/run installs both from the npm registry and names the folder in AFREL_NODE_MODULES. Without it the tests
are skipped locally and fail in CI (CI=true).
"""

from __future__ import annotations

import json
import os
import re
import subprocess
from pathlib import Path

import pytest

from tests.conftest import FLAGS

MODULES = os.environ.get("AFREL_NODE_MODULES")


@pytest.fixture
def modules() -> Path:
    if not MODULES or not Path(MODULES, "@knight-lab", "timelinejs").is_dir():
        if os.environ.get("CI"):
            pytest.fail("AFREL_NODE_MODULES must name the npm folder that .ci/run installs")
        pytest.skip("TimelineJS and html-validate from npm are not installed (see .ci/run)")
    return Path(MODULES)


# A page that loads TimelineJS from the npm package, gives it the export and, once it has drawn the
# timeline, writes what it drew into the page for the test to read.
HARNESS = """<!doctype html><html lang="en"><head><meta charset="utf-8"><title>TimelineJS check</title>
<link rel="stylesheet" href="{dist}/css/timeline.css"><script src="{dist}/js/timeline.js"></script>
<style>html, body {{ margin: 0; height: 100%; }} #timeline {{ width: 100%; height: 100vh; }}</style>
</head><body><div id="timeline"></div><pre id="result">pending</pre><script>
var errors = [];
window.addEventListener("error", function (e) {{ errors.push(String(e.message)); }});
function box(node) {{
  if (!node) return null;
  var b = node.getBoundingClientRect();
  return {{top: b.top, bottom: b.bottom, width: b.width, height: b.height}};
}}
function report() {{
  var title = document.querySelector(".tl-slide-titleslide");
  document.getElementById("result").textContent = JSON.stringify({{
    slides: document.querySelectorAll(".tl-slide").length,
    markers: document.querySelectorAll(".tl-timemarker").length,
    groups: document.querySelectorAll(".tl-timegroup").length,
    title: title ? title.textContent : null,
    title_box: box(title),
    nav: box(document.querySelector(".tl-timenav")),
    story: box(document.querySelector(".tl-storyslider")),
    viewport: {{width: window.innerWidth, height: window.innerHeight}},
    errors: errors
  }});
}}
try {{
  var timeline = new TL.Timeline("timeline", {data}, {{hash_bookmark: false}});
  timeline.on("loaded", function () {{ setTimeout(report, 1000); }});
}} catch (e) {{ errors.push(String(e)); report(); }}
</script></body></html>"""


def _draw(browser: str, modules: Path, data: str, tmp_path: Path, size: str) -> dict[str, object]:
    dist = (modules / "@knight-lab" / "timelinejs" / "dist").as_uri()
    page = tmp_path / "timelinejs.html"
    page.write_text(HARNESS.format(dist=dist, data=data), encoding="utf-8")
    result = subprocess.run(
        [
            browser,
            *FLAGS,
            f"--user-data-dir={tmp_path / 'profile'}",
            "--allow-file-access-from-files",
            f"--window-size={size}",
            "--virtual-time-budget=30000",
            "--dump-dom",
            page.as_uri(),
        ],
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    found = re.search(r'<pre id="result">(.*?)</pre>', result.stdout, re.S)
    assert found and found.group(1) != "pending", "TimelineJS did not finish drawing"
    report: dict[str, object] = json.loads(found.group(1).replace("&amp;", "&").replace("&lt;", "<"))
    return report


@pytest.mark.parametrize("args", [[], ["--country", "pakistan"]], ids=["all", "pakistan"])
@pytest.mark.parametrize("size", ["1280,800", "800,600"])
def test_timelinejs_draws_every_slide_and_keeps_its_navigation_on_screen(
    run, browser: str, modules: Path, tmp_path: Path, args: list[str], size: str
) -> None:
    exported = tmp_path / "timeline.json"
    assert run("export", "--to", "timelinejs", *args, "-o", str(exported)).exit_code == 0
    data = exported.read_text(encoding="utf-8")
    events = json.loads(data)["events"]
    report = _draw(browser, modules, data, tmp_path, size)
    assert report["errors"] == []
    assert report["slides"] == len(events) + 1  # every event, and the title slide
    assert report["markers"] == len(events)
    assert report["groups"] == len({e.get("group") for e in events if e.get("group")})
    title = report["title_box"]
    assert isinstance(title, dict) and title["width"] > 0 and title["height"] > 0
    assert "events from afrel" in str(report["title"])
    viewport, nav, story = report["viewport"], report["nav"], report["story"]
    assert isinstance(viewport, dict) and isinstance(nav, dict) and isinstance(story, dict)
    assert nav["bottom"] <= viewport["height"] + 1, "the navigation runs off the screen"
    assert story["height"] >= viewport["height"] * 0.4, "the story area is squeezed"


def test_the_exported_page_passes_html_validate(run, modules: Path, tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    assert run("export", "--to", "html", "--country", "russia", "-o", str(page)).exit_code == 0
    result = subprocess.run(
        ["node", str(modules / "html-validate" / "bin" / "html-validate.mjs"), "--formatter", "text", str(page)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-1000:]


def test_html_validate_would_catch_a_broken_page(modules: Path, tmp_path: Path) -> None:
    page = tmp_path / "broken.html"
    page.write_text('<!doctype html><html lang="en"><head><title>x</title></head><body><p id="a"><p id="a">', "utf-8")
    result = subprocess.run(
        ["node", str(modules / "html-validate" / "bin" / "html-validate.mjs"), str(page)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode != 0

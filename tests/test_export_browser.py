"""The exported HTML page, opened in a real headless browser (Chromium from the distribution's packages).

.ci/run installs Debian's `chromium`. Without it the test is skipped locally and fails in CI (CI=true).
"""

import subprocess
from pathlib import Path

from tests.conftest import FLAGS


def test_exported_page_renders_in_chromium(run_small, browser: str, tmp_path: Path) -> None:
    page = tmp_path / "timeline.html"
    assert run_small("export", "--to", "html", "--title", "Russia & Pakistan", "-o", str(page)).exit_code == 0
    result = subprocess.run(
        [browser, *FLAGS, f"--user-data-dir={tmp_path / 'profile'}", "--dump-dom", page.as_uri()],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    dom = result.stdout
    assert "<title>Russia &amp; Pakistan</title>" in dom
    assert dom.count("<article") == 6
    # Rich markup in the data reaches the page as text, not as tags.
    assert "[bold]markup[/bold]" in dom
    assert '<a href="https://example.org/a">' in dom

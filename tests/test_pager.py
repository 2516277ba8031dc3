"""Long output on a terminal goes through a pager, as git's does; piped output and --no-pager never do."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from typer.testing import CliRunner

from afrel import cli
from afrel.cli.environment import Environment


class FakeTerminal(io.StringIO):
    encoding = "utf-8"

    def isatty(self) -> bool:
        return True


def _run(args: list[str], environ: dict[str, str], stdout: io.StringIO) -> int:
    environment = Environment(stdout=stdout, stderr=io.StringIO(), environ=environ, width=100)
    return CliRunner().invoke(cli.app, args, obj=environment).exit_code


@pytest.fixture(autouse=True)
def _short_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LINES", "20")


def test_long_output_on_a_terminal_goes_through_the_pager(tmp_path: Path) -> None:
    paged, screen = tmp_path / "paged.txt", FakeTerminal()
    assert _run(["timeline", "--country", "pakistan"], {"PAGER": f"cat > {paged}"}, screen) == 0
    assert "Pakistan" in paged.read_text(encoding="utf-8") and screen.getvalue() == ""


@pytest.mark.parametrize(
    "args, stdout",
    [
        (["--no-pager", "timeline", "--country", "pakistan"], FakeTerminal()),
        (["timeline", "--country", "pakistan"], io.StringIO()),  # piped
        (["timeline", "--country", "pakistan", "--json"], FakeTerminal()),  # JSON is for programs
        (["timeline", "--country", "pakistan", "--format", "csv"], FakeTerminal()),  # data for programs
        (["countries", "--search", "USSR"], FakeTerminal()),  # fits the screen
    ],
)
def test_no_pager_when_asked_piped_json_or_short(tmp_path: Path, args: list[str], stdout: io.StringIO) -> None:
    paged = tmp_path / "paged.txt"
    assert _run(args, {"PAGER": f"cat > {paged}"}, stdout) == 0
    assert not paged.exists() and stdout.getvalue()


def test_a_pager_that_cannot_run_leaves_the_output_on_the_terminal() -> None:
    screen = FakeTerminal()
    assert _run(["timeline", "--country", "pakistan"], {"PAGER": "no-such-pager-here"}, screen) == 0
    assert "Pakistan" in screen.getvalue()

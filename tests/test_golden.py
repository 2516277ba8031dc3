"""Golden outputs: one table per command at a fixed width, in Unicode and in ASCII, over the small fixture data.

A change of layout shows here as a diff. To accept a deliberate change, regenerate the files with
`AFREL_UPDATE_GOLDEN=1 python -m pytest tests/test_golden.py` and review the diff before committing it.
"""

import os
from datetime import date
from pathlib import Path

import pytest

GOLDEN = Path(__file__).parent / "golden"
COMMANDS = {
    "timeline": ["timeline", "--country", "russia"],
    "search": ["search", "treaty"],
    "show": ["show", "war-1979"],
    "cite": ["cite", "war-1979"],
    "chart": ["chart"],
    "compare": ["compare", "afghanistan", "russia"],
    "profile": ["profile", "russia"],
    "status": ["status", "russia", "--on", "2025-12-31"],
    "countries": ["countries"],
    "stats": ["stats"],
}


@pytest.mark.parametrize("charset", ["unicode", "ascii"])
@pytest.mark.parametrize("command", COMMANDS)
def test_table_matches_its_golden_output(run_small, command: str, charset: str) -> None:
    env = {"COLUMNS": "100", "NO_COLOR": "1", **({"TERM": "dumb"} if charset == "ascii" else {"TERM": "xterm"})}
    result = run_small(*COMMANDS[command], env=env)
    assert result.exit_code == 0, result.stderr
    # "Relations today" is dated: the day of the run is kept as a placeholder, so the file holds on any day.
    text = result.stdout.replace(date.today().isoformat(), "YYYY-MM-DD")
    path = GOLDEN / f"{command}.{charset}.txt"
    if os.environ.get("AFREL_UPDATE_GOLDEN"):
        path.parent.mkdir(exist_ok=True)
        path.write_text(text, encoding="utf-8")
    assert text == path.read_text(encoding="utf-8")
    # ASCII terminals get ASCII lines and bars; data text (names, units) stays as the data spells it.
    assert charset == "unicode" or not any("\u2500" <= ch <= "\u259f" for ch in result.stdout)

"""Regenerate the example outputs in README.md from the program itself, or check that they are current.

Usage: python tools/readme.py [--check]

A fenced block that starts with one `$ afrel ...` line and has no other `$` line is an example: everything
after the command is replaced by what the command prints at 100 columns without colour. Where the block
shows only the start and end of a long output around a line of "…", the same numbers of leading and
trailing lines are kept. Blocks with several commands (files written, then read) run in a folder of their own,
each command's output regenerated in the same way.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

README = Path(__file__).resolve().parents[1] / "README.md"
FENCE = re.compile(r"^```\n(\$ afrel [^\n]*)\n(.*?)^```$", re.M | re.S)
ELISION = "…"


def _run(command: str, cwd: str | None = None) -> str:
    env = {**os.environ, "COLUMNS": "100", "NO_COLOR": "1", "TERM": "xterm", "AFREL_DATA": ""}
    # Both streams, as a terminal shows them: "wrote FILE" and warnings go to stderr.
    result = subprocess.run(
        ["bash", "-c", command],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        env=env,
        check=False,
        cwd=cwd,
    )
    if result.returncode not in (0, 141):  # 141: `| head` closed the pipe
        raise SystemExit(f"README example failed ({result.returncode}): {command}\n{result.stdout}")
    return result.stdout


def _shown(command_line: str, old: str, cwd: str | None = None) -> str:
    printed = _run(command_line.removeprefix("$ "), cwd)
    if not printed:
        return ""
    output = printed.rstrip("\n").split("\n")
    lines = old.rstrip("\n").split("\n")
    if ELISION in lines:
        cut = lines.index(ELISION)
        head, tail = cut, len(lines) - cut - 1
        if len(output) > head + tail:
            output = output[:head] + [ELISION] + (output[len(output) - tail :] if tail else [])
    return "\n".join(line.rstrip() for line in output) + "\n"


def _session(command_line: str, old: str) -> str:
    """A block of several commands, run one after another in a folder of their own (they write files there)."""
    lines = [command_line, *old.rstrip("\n").split("\n")]
    starts = [i for i, line in enumerate(lines) if line.startswith("$ ")] + [len(lines)]
    shown = []
    with tempfile.TemporaryDirectory() as folder:
        for start, end in zip(starts, starts[1:], strict=False):
            previous = "\n".join(lines[start + 1 : end]) + "\n"
            shown.append(lines[start] + "\n" + _shown(lines[start], previous, folder))
    return "".join(shown)


def regenerate(text: str) -> str:
    def block(match: re.Match[str]) -> str:
        command_line, old = match.group(1), match.group(2)
        if "\n$ " in f"\n{old}":
            return f"```\n{_session(command_line, old)}```"
        return f"```\n{command_line}\n{_shown(command_line, old)}```"

    return FENCE.sub(block, text)


def main() -> None:
    text = README.read_text(encoding="utf-8")
    new = regenerate(text)
    if "--check" in sys.argv:
        if new != text:
            raise SystemExit("README.md's examples are out of date: run python tools/readme.py")
        return
    README.write_text(new, encoding="utf-8")


if __name__ == "__main__":
    main()

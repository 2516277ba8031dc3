"""The program's surroundings in one object: its streams, what the terminal can show, settings and loaded data.

Commands reach it through `current()`. The program makes one for the process; a test makes its own and
passes it to the command line (`app(..., obj=environment)`), instead of patching streams or module state.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from typing import TYPE_CHECKING, NamedTuple, TextIO

if TYPE_CHECKING:
    from afrel.model import Dataset

UTF8 = ("utf8", "utf8sig", "utf16", "utf32")


class Terminal(NamedTuple):
    """What the output stream can show."""

    width: int
    color: bool
    ascii: bool  # only ASCII: box lines and chart bars drawn with + - | #


class Environment:
    """Streams and process facts default to the process's own, read when used (so a test runner's capture works).

    A plain class rather than a dataclass: every command builds one, and `dataclasses` is not otherwise imported.
    """

    def __init__(
        self,
        stdout: TextIO | None = None,
        stderr: TextIO | None = None,
        environ: Mapping[str, str] | None = None,
        width: int | None = None,  # None: the terminal's, or $COLUMNS, or 80
        color: str = "auto",  # --color: auto, always or never
        datasets: dict[str, Dataset] | None = None,  # loaded once per environment: "bundled"
    ) -> None:
        self.stdout, self.stderr, self.environ = stdout, stderr, environ
        self.width, self.color = width, color
        self.pager = True  # --no-pager turns it off
        self.datasets: dict[str, Dataset] = {} if datasets is None else datasets

    @property
    def out(self) -> TextIO:
        return self.stdout or sys.stdout

    @property
    def err(self) -> TextIO:
        return self.stderr or sys.stderr

    @property
    def env(self) -> Mapping[str, str]:
        return os.environ if self.environ is None else self.environ

    def terminal(self) -> Terminal:
        import shutil

        width = self.width or shutil.get_terminal_size((80, 24)).columns
        dumb = self.env.get("TERM") == "dumb"
        encoding = (getattr(self.out, "encoding", None) or "ascii").lower().replace("-", "").replace("_", "")
        ascii_only = dumb or encoding not in UTF8
        if self.color == "always":
            return Terminal(width, True, ascii_only)
        if self.color == "never" or "NO_COLOR" in self.env or dumb:
            return Terminal(width, False, ascii_only)
        return Terminal(width, self.out.isatty(), ascii_only)

    def page(self, text: str) -> bool:
        """Show long output on a terminal through $PAGER (default `less -FRX`), as git does; False if not paged."""
        import shutil

        if not self.pager or not self.out.isatty() or self.env.get("TERM") == "dumb":
            return False
        if text.count("\n") < shutil.get_terminal_size((80, 24)).lines:
            return False
        command = self.env.get("AFREL_PAGER") or self.env.get("PAGER") or ("less -FRX" if shutil.which("less") else "")
        if not command.strip() or command.strip() == "cat":
            return False
        import subprocess

        environ = {**self.env, "LESS": self.env.get("LESS", "FRX"), "LESSCHARSET": self.env.get("LESSCHARSET", "utf-8")}
        try:
            pager = subprocess.Popen(command, shell=True, stdin=subprocess.PIPE, env=environ)
        except OSError:
            return False
        assert pager.stdin is not None
        try:
            pager.stdin.write(text.encode("utf-8", errors="replace"))
            pager.stdin.close()
        except BrokenPipeError:
            pass  # the reader quit the pager before reading everything
        # 126/127: the shell could not run the pager; the text was not shown, so it is written as usual.
        return pager.wait() not in (126, 127)

    def write(self, text: str) -> None:
        stream = self.out
        encoding = getattr(stream, "encoding", None) or "ascii"
        if encoding.lower().replace("-", "") not in ("utf8", "utf8sig"):
            # Persian, Russian or Hebrew text on an ASCII terminal: replace what it cannot show, never crash.
            text = text.encode(encoding, errors="replace").decode(encoding)
        stream.write(text)
        stream.flush()

    def error_line(self, message: str) -> None:
        self.err.write(f"afrel: error: {' '.join(message.split())}\n")

    def note(self, message: str) -> None:
        self.err.write(f"afrel: {message}\n")


# The environment of the command being run. Set only through `using`; tests pass theirs to the app.
_stack: list[Environment] = []


def current() -> Environment:
    """The environment of the command being run (the process's own outside any `using`)."""
    if not _stack:
        _stack.append(Environment())
    return _stack[-1]


@contextmanager
def using(environment: Environment) -> Iterator[Environment]:
    _stack.append(environment)
    try:
        yield environment
    finally:
        _stack.pop()

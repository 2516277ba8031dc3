"""Errors and exit statuses shared by every layer."""

from __future__ import annotations

from enum import IntEnum


class ExitStatus(IntEnum):
    OK = 0
    INVALID_DATA = 1  # `afrel validate` found problems
    USAGE = 2  # bad input: options, names, dates, data paths
    INTERNAL = 3  # a bug: please report it


class UsageError(Exception):
    """Input the user can fix; printed as one line, exit status 2."""


class DataError(Exception):
    """A problem in a data file, located by file, line and field."""

    def __init__(self, file: str, line: int, field: str, message: str) -> None:
        super().__init__(f"{file}:{line}: {field}: {message}")
        self.file = file
        self.line = line
        self.field = field
        self.message = message


class DataErrors(Exception):
    """Every problem found in a set of data files."""

    def __init__(self, problems: list[DataError]) -> None:
        super().__init__(f"{len(problems)} problem(s) in the data, first: {problems[0]}")
        self.problems = problems

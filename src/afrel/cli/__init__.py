"""The command line: parse options, run a query, pick a renderer, print once. No domain logic here."""

from __future__ import annotations

from typing import NoReturn

from afrel.cli.app import _cache, app

__all__ = ["_cache", "app", "main"]


def main() -> NoReturn:
    app()
    raise SystemExit(0)  # pragma: no cover - app() always exits

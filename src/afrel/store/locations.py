"""Where the user's data lives: the config folder and $AFREL_DATA (cheap to import: every command asks)."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from afrel.errors import UsageError

DATA_ENV = "AFREL_DATA"
SUFFIXES = (".yaml", ".yml", ".json", ".jsonl", ".csv")


def config_dir() -> Path:
    """The user's afrel configuration folder, following each platform's convention."""
    if sys.platform == "win32":
        return Path(os.environ.get("APPDATA") or Path.home()) / "afrel"
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Application Support" / "afrel"
    return Path(os.environ.get("XDG_CONFIG_HOME") or Path.home() / ".config") / "afrel"


def user_paths(given: list[str]) -> list[Path]:
    """Where the user's data comes from, lowest priority first: config folder, $AFREL_DATA, then --data."""
    paths = []
    default = config_dir() / "data"
    if default.is_dir():
        paths.append(default)
    paths += [Path(part) for part in os.environ.get(DATA_ENV, "").split(os.pathsep) if part]
    paths += [Path(part) for part in given]
    return paths


def data_files(path: Path) -> list[Path]:
    """The data files at a path: the file itself, or every data file in a folder and its subfolders."""
    if path.is_dir():
        return sorted(p for p in path.rglob("*") if p.suffix.lower() in SUFFIXES and p.is_file())
    if not path.exists():
        raise UsageError(f"data path {str(path)!r} does not exist")
    if path.suffix.lower() not in SUFFIXES:
        raise UsageError(f"data file {str(path)!r}: expected one of {', '.join(SUFFIXES)}")
    return [path]

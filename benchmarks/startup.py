"""Start-up benchmark: each afrel command against a baseline, as paired runs in one measurement.

Usage: python benchmarks/startup.py [--runs N]      (with afrel installed, e.g. in .venv)

Each target runs alternately with its baseline, so both see the same machine load; the table shows the
median wall time of each and their ratio, with the commit and machine. The targets come from the
performance issue: JSON output against `import typer`, tables against `import typer, rich.table`.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import statistics
import subprocess
import sys
import time

PYTHON = sys.executable
AFREL = shutil.which("afrel", path=os.path.dirname(PYTHON)) or shutil.which("afrel") or "afrel"
TYPER = [PYTHON, "-c", "import typer"]
TYPER_RICH = [PYTHON, "-c", "import typer, rich.table"]

# (name, command, baseline, target ratio)
TARGETS = [
    ("timeline russia --format json", [AFREL, "timeline", "--country", "russia", "--format", "json"], TYPER, 1.2),
    ("timeline russia (table)", [AFREL, "timeline", "--country", "russia"], TYPER_RICH, 1.2),
    ("compare afghanistan russia --json", [AFREL, "compare", "afghanistan", "russia", "--json"], TYPER, 1.2),
    ("compare afghanistan russia (table)", [AFREL, "compare", "afghanistan", "russia"], TYPER_RICH, 1.2),
    ("profile russia --json", [AFREL, "profile", "russia", "--json"], TYPER, 1.2),
    ("profile russia (table)", [AFREL, "profile", "russia"], TYPER_RICH, 1.2),
    ("--help", [AFREL, "--help"], TYPER, 1.15),
]


def timed(command: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description="afrel start-up benchmark")
    parser.add_argument("--runs", type=int, default=15, help="paired runs per target (default 15)")
    runs = parser.parse_args().runs
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True).stdout.strip()
    print(f"commit {commit or '?'}, Python {platform.python_version()}, {platform.machine()}, "
          f"{os.cpu_count()} CPUs, {platform.platform()}, {runs} paired runs")
    for _name, command, _baseline, _target in TARGETS:
        timed(command)  # build the compiled cache and warm the file system before measuring
    print(f"{'command':38} {'median s':>9} {'baseline s':>10} {'ratio':>6} {'target':>7}")
    for name, command, baseline, target in TARGETS:
        ours, theirs = [], []
        for _ in range(runs):
            ours.append(timed(command))
            theirs.append(timed(baseline))
        ratio = statistics.median(ours) / statistics.median(theirs)
        verdict = "ok" if ratio <= target else "over"
        print(f"{name:38} {statistics.median(ours):9.3f} {statistics.median(theirs):10.3f} {ratio:6.2f} "
              f"{target:6.2f}  {verdict}")


if __name__ == "__main__":
    main()

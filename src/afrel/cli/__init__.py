"""The command line: parse options, run a query, pick a renderer, print once. No domain logic here.

The program itself starts in `afrel.entry`.
"""

from afrel.cli.app import app
from afrel.cli.environment import Environment

__all__ = ["Environment", "app"]

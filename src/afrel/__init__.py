"""afrel: Afghanistan's foreign relations, as sourced timelines and country comparisons."""

__version__ = "0.1.0"

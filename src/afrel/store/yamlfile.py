"""Strict YAML reading: safe, no implicit dates, duplicate keys refused, every mapping knows its lines."""

from __future__ import annotations

from typing import Any

import yaml

from afrel.errors import DataError

_BaseLoader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class LineDict(dict[Any, Any]):
    """A mapping read from YAML that remembers the line of itself and of each key (1-based)."""

    line: int = 0
    key_lines: dict[Any, int] = {}  # noqa: RUF012 - each instance that knows its key lines gets its own

    def line_of(self, key: Any) -> int:
        return self.key_lines.get(key, self.line)


class _StrictLoader(_BaseLoader):  # type: ignore[misc]
    pass


# An unquoted 1919-08-08 stays the string it was written as: YAML 1.1 would make it a date.
_StrictLoader.yaml_implicit_resolvers = {
    first: [(tag, regex) for tag, regex in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def _construct_mapping(loader: Any, node: yaml.MappingNode) -> LineDict:
    loader.flatten_mapping(node)
    mapping = LineDict()
    mapping.line = node.start_mark.line + 1
    mapping.key_lines = {}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        line = key_node.start_mark.line + 1
        if key in mapping:
            # PyYAML would silently keep the last value.
            raise DataError(loader.name, line, str(key), f"duplicate key (first on line {mapping.key_lines[key]})")
        mapping[key] = loader.construct_object(value_node, deep=True)
        mapping.key_lines[key] = line
    return mapping


_StrictLoader.add_constructor("tag:yaml.org,2002:map", _construct_mapping)


def read_yaml(text: str, name: str) -> Any:
    """Parse one YAML document; syntax errors become a DataError naming the file and line."""
    loader = _StrictLoader(text)
    loader.name = name
    try:
        return loader.get_single_data()
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark else 0
        raise DataError(name, line, "yaml", (error.problem or "malformed YAML").strip()) from None
    except yaml.YAMLError as error:
        raise DataError(name, 0, "yaml", str(error).splitlines()[0]) from None
    finally:
        loader.dispose()

"""JSON Schemas of each command's JSON output: the documented, stable interface for scripts."""

from __future__ import annotations

from typing import Any

_TEXT = {"type": "string"}
_NULLABLE_TEXT = {"type": ["string", "null"]}

DATE = {
    "type": "object",
    "description": "A partial date: value is YYYY, YYYY-MM or YYYY-MM-DD, as precise as the sources allow.",
    "required": ["value", "precision", "approximate"],
    "additionalProperties": False,
    "properties": {
        "value": {"type": "string", "pattern": r"^\d{4}(-\d{2}(-\d{2})?)?$"},
        "precision": {"enum": ["year", "month", "day"]},
        "approximate": {"type": "boolean"},
    },
}
NULLABLE_DATE = {"anyOf": [DATE, {"type": "null"}]}

SOURCE = {
    "type": "object",
    "required": ["title", "url", "publisher", "accessed"],
    "additionalProperties": False,
    "properties": {"title": _TEXT, "url": {"type": "string", "format": "uri"}, "publisher": _TEXT,
                   "accessed": {"type": "string", "format": "date"}},
}

EVENT = {
    "type": "object",
    "required": ["id", "date", "end_date", "title", "summary", "countries", "tags", "sources", "notes",
                 "alternative_dates", "disputes", "origin"],
    "additionalProperties": False,
    "properties": {
        "id": {"type": "string", "pattern": "^[a-z0-9]+(-[a-z0-9]+)*$"},
        "date": DATE,
        "end_date": NULLABLE_DATE,
        "title": _TEXT,
        "summary": _TEXT,
        "countries": {"type": "array", "items": _TEXT, "minItems": 1},
        "tags": {"type": "array", "items": _TEXT, "minItems": 1},
        "sources": {"type": "array", "items": SOURCE, "minItems": 1},
        "notes": _NULLABLE_TEXT,
        "alternative_dates": {"type": "array", "items": {
            "type": "object", "required": ["date", "source", "note"], "additionalProperties": False,
            "properties": {"date": DATE, "source": _TEXT, "note": _TEXT}}},
        "disputes": {"type": "array", "items": {
            "type": "object", "required": ["claim", "claimed_by", "status", "note"], "additionalProperties": False,
            "properties": {"claim": _TEXT, "claimed_by": _TEXT, "status": {"enum": ["corrected", "unverified"]},
                           "note": _TEXT}}},
        "origin": {"type": "object", "required": ["file", "line"], "additionalProperties": False,
                   "properties": {"file": _TEXT, "line": {"type": "integer"}}},
    },
}

COUNTRY = {
    "type": "object",
    "required": ["id", "name", "formal_name", "kind", "iso2", "iso3", "aliases", "successor", "start", "end"],
    "additionalProperties": False,
    "properties": {
        "id": _TEXT, "name": _TEXT, "formal_name": _NULLABLE_TEXT,
        "kind": {"enum": ["state", "historical-state", "organisation"]},
        "iso2": _NULLABLE_TEXT, "iso3": _NULLABLE_TEXT, "aliases": {"type": "array", "items": _TEXT},
        "successor": _NULLABLE_TEXT, "start": NULLABLE_DATE, "end": NULLABLE_DATE,
    },
}

_VALUE = {"type": ["number", "string", "null"]}
OBSERVATION_FIELDS: dict[str, Any] = {
    "value": _VALUE, "unit": _TEXT, "year": {"type": "integer"}, "source": SOURCE, "note": _NULLABLE_TEXT,
}

COMPARE = {
    "type": "object",
    "required": ["countries", "indicators"],
    "additionalProperties": False,
    "properties": {
        "countries": {"type": "array", "items": COUNTRY},
        "indicators": {"type": "array", "items": {
            "type": "object",
            "required": ["indicator", "label", "unit", "values", "ratio", "years_differ"],
            "additionalProperties": False,
            "properties": {
                "indicator": _TEXT, "label": _TEXT, "unit": _TEXT,
                "values": {"type": "array", "items": {
                    "type": "object", "required": ["country", "value"], "additionalProperties": False,
                    "description": "value is null where no figure is known; the other fields come with a value.",
                    "properties": {"country": _TEXT, **OBSERVATION_FIELDS}}},
                "ratio": {"type": ["number", "null"], "description": "first value / second, for two countries"},
                "years_differ": {"type": "boolean"},
            },
        }},
    },
}

PROFILE = {
    "type": "object",
    "required": ["country", "indicators", "relation", "recent_events"],
    "additionalProperties": False,
    "properties": {
        "country": COUNTRY,
        "indicators": {"type": "array", "items": {
            "type": "object", "required": ["indicator", "label", "value"], "additionalProperties": False,
            "properties": {"indicator": _TEXT, "label": _TEXT, **OBSERVATION_FIELDS}}},
        "relation": {
            "type": "object",
            "required": ["actors", "event_count", "first_event", "latest_event", "tag_counts"],
            "additionalProperties": False,
            "properties": {
                "actors": {"type": "array", "items": _TEXT},
                "event_count": {"type": "integer"},
                "first_event": {"anyOf": [EVENT, {"type": "null"}]},
                "latest_event": {"anyOf": [EVENT, {"type": "null"}]},
                "tag_counts": {"type": "object", "additionalProperties": {"type": "integer"}},
            },
        },
        "recent_events": {"type": "array", "items": EVENT},
    },
}

_COUNTS = {"type": "array", "items": {
    "type": "object", "required": ["key", "count"], "additionalProperties": False,
    "properties": {"key": _TEXT, "count": {"type": "integer"}}}}
STATS = {
    "type": "object",
    "required": ["data_version", "totals", "by_counterpart", "by_tag", "by_decade", "by_publisher", "by_precision"],
    "additionalProperties": False,
    "properties": {
        "data_version": _TEXT,
        "totals": {"type": "object", "additionalProperties": {"type": "integer"},
                   "required": ["events", "counterparts", "sources", "with_alternative_dates", "with_disputes"]},
        "by_counterpart": _COUNTS, "by_tag": _COUNTS, "by_decade": _COUNTS, "by_publisher": _COUNTS,
        "by_precision": _COUNTS,
    },
}

_DRAFT = "https://json-schema.org/draft/2020-12/schema"

SCHEMAS: dict[str, Any] = {
    "timeline": {"$schema": _DRAFT, "title": "afrel timeline", "type": "array", "items": EVENT},
    "compare": {"$schema": _DRAFT, "title": "afrel compare", **COMPARE},
    "profile": {"$schema": _DRAFT, "title": "afrel profile", **PROFILE},
    "countries": {"$schema": _DRAFT, "title": "afrel countries", "type": "array", "items": COUNTRY},
    "stats": {"$schema": _DRAFT, "title": "afrel stats", **STATS},
}

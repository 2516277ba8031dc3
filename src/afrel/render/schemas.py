"""JSON Schemas of each command's JSON output: the documented, stable interface for scripts."""

from __future__ import annotations

from typing import Any

from afrel.model import CORRECTION_KINDS, CORRECTION_OUTCOMES, MISSION_HEADS, RELATION_ASPECTS, SOURCE_KINDS

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
    "description": "the work that makes the claim; `via` is the copy that was read, when it is not the original",
    "required": ["publisher", "title", "author", "published", "url", "locator", "kind", "language", "accessed", "via"],
    "additionalProperties": False,
    "properties": {
        "publisher": _TEXT,
        "title": _TEXT,
        "author": {"type": "array", "items": _TEXT},
        "published": {
            "type": ["string", "null"],
            "pattern": "^~?-?[0-9]{1,4}(-[0-9]{2}(-[0-9]{2})?)?$",
            "description": "publication date, as precise as known",
        },
        "url": {"type": ["string", "null"], "format": "uri", "description": "the original; null for print only"},
        "locator": {"type": ["string", "null"], "description": "page, paragraph or article"},
        "kind": {
            "enum": [*SOURCE_KINDS, None],
            "description": "what kind of work it is; null for user data without it",
        },
        "language": {"type": ["string", "null"], "description": "BCP 47 code of the work's language"},
        "accessed": {
            "type": ["string", "null"],
            "format": "date",
            "description": "the day the work was consulted; null for user data without it",
        },
        "via": {
            "type": ["string", "null"],
            "format": "uri",
            "description": "the copy that was read, if not the original",
        },
    },
}
_ORIGIN = {
    "type": "object",
    "required": ["file", "line"],
    "additionalProperties": False,
    "properties": {"file": _TEXT, "line": {"type": "integer"}},
}

CORRECTIONS = {
    "type": "array",
    "description": "claims the last check corrected, found disputed, dropped or found resting on one source",
    "items": {
        "type": "object",
        "required": ["kind", "outcome", "was", "note"],
        "additionalProperties": False,
        "properties": {
            "kind": {"enum": list(CORRECTION_KINDS)},
            "outcome": {"enum": list(CORRECTION_OUTCOMES)},
            "was": {**_TEXT, "description": "what the record said before (single-source: what it says)"},
            "note": {**_TEXT, "description": "what the sources say, naming them"},
        },
    },
}
CHECKED = {**NULLABLE_DATE, "description": "the day every claim was last checked against the sources; null: not yet"}

EVENT: dict[str, Any] = {
    "type": "object",
    "required": [
        "id",
        "date",
        "end_date",
        "title",
        "summary",
        "countries",
        "tags",
        "sources",
        "notes",
        "alternative_dates",
        "disputes",
        "checked",
        "corrections",
        "origin",
    ],
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
        "alternative_dates": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["date", "source", "note"],
                "additionalProperties": False,
                "properties": {"date": DATE, "source": _TEXT, "note": _TEXT},
            },
        },
        "disputes": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["claim", "claimed_by", "document", "status", "note"],
                "additionalProperties": False,
                "properties": {
                    "claim": _TEXT,
                    "claimed_by": {"type": "string", "description": "key of the document that makes the claim"},
                    "document": {"anyOf": [SOURCE, {"type": "null"}], "description": "that document as a source"},
                    "status": {"enum": ["corrected", "unverified"]},
                    "note": _TEXT,
                },
            },
        },
        "checked": CHECKED,
        "corrections": CORRECTIONS,
        "origin": _ORIGIN,
    },
}

COUNTRY: dict[str, Any] = {
    "type": "object",
    "required": [
        "id",
        "name",
        "formal_name",
        "kind",
        "iso2",
        "iso3",
        "un",
        "aliases",
        "names",
        "successor",
        "start",
        "end",
    ],  # fmt: skip
    "additionalProperties": False,
    "properties": {
        "id": _TEXT,
        "name": _TEXT,
        "formal_name": _NULLABLE_TEXT,
        "kind": {"enum": ["state", "historical-state", "organisation"]},
        "iso2": _NULLABLE_TEXT,
        "iso3": _NULLABLE_TEXT,
        "aliases": {"type": "array", "items": _TEXT},
        "names": {
            "type": "object",
            "description": "language (fa, ps, ru, ur, ar, he, uz, tg, romanised, abbreviations) -> names",
            "additionalProperties": {"type": "array", "items": _TEXT},
        },
        "successor": _NULLABLE_TEXT,
        "start": NULLABLE_DATE,
        "end": NULLABLE_DATE,
        "un": {"enum": ["member", "observer", None], "description": "standing at the United Nations today"},
    },
}

# `countries` lists each with the works that date its start and end of existence.
COUNTRY_ENTRY = {
    **COUNTRY,
    "required": [*COUNTRY["required"], "sources"],
    "properties": {
        **COUNTRY["properties"],
        "sources": {"type": "array", "items": SOURCE, "description": "the works that date start and end"},
    },
}

_VALUE = {"type": ["number", "string", "null"]}
OBSERVATION_FIELDS: dict[str, Any] = {
    "value": _VALUE,
    "unit": _TEXT,
    "year": {"type": ["integer", "null"], "description": "the year the figure is for; null: the source gives none"},
    "source": SOURCE,
    "note": {**_NULLABLE_TEXT, "description": "'computed from ...' for a figure afrel computes from others"},
}

COMPARE = {
    "type": "object",
    "required": ["countries", "indicators"],
    "additionalProperties": False,
    "properties": {
        "countries": {"type": "array", "items": COUNTRY},
        "indicators": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["indicator", "label", "unit", "values", "ratio", "years_differ"],
                "additionalProperties": False,
                "properties": {
                    "indicator": _TEXT,
                    "label": _TEXT,
                    "unit": _TEXT,
                    "values": {
                        "type": "array",
                        "items": {
                            "type": "object",
                            "required": ["country", "value"],
                            "additionalProperties": False,
                            "description": "value is null where no figure is known; "
                            "the other fields come with a value.",
                            "properties": {"country": _TEXT, **OBSERVATION_FIELDS},
                        },
                    },
                    "ratio": {"type": ["number", "null"], "description": "first value / second, for two countries"},
                    "years_differ": {"type": "boolean"},
                },
            },
        },
    },
}

PROFILE: dict[str, Any] = {
    "type": "object",
    "required": ["country", "indicators", "status", "relation", "recent_events"],
    "additionalProperties": False,
    "properties": {
        "country": COUNTRY,
        "indicators": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["indicator", "label", "value"],
                "additionalProperties": False,
                "properties": {"indicator": _TEXT, "label": _TEXT, **OBSERVATION_FIELDS},
            },
        },
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

_COUNTS = {
    "type": "array",
    "items": {
        "type": "object",
        "required": ["key", "count"],
        "additionalProperties": False,
        "properties": {"key": _TEXT, "count": {"type": "integer"}},
    },
}
STATS = {
    "type": "object",
    "required": [
        "data_version",
        "newest_event",
        "status_checked",
        "totals",
        "by_counterpart",
        "by_tag",
        "by_decade",
        "by_publisher",
        "by_precision",
        "status",
    ],  # fmt: skip
    "additionalProperties": False,
    "properties": {
        "data_version": _TEXT,
        "newest_event": {**_NULLABLE_TEXT, "description": "the date of the newest event counted"},
        "status_checked": {**_NULLABLE_TEXT, "description": "the last day a status period's source was consulted"},
        "totals": {
            "type": "object",
            "additionalProperties": {"type": "integer"},
            "required": [
                "events",
                "counterparts",
                "sources",
                "with_alternative_dates",
                "with_disputes",
                "with_single_source_claim",
            ],
        },
        "by_counterpart": _COUNTS,
        "by_tag": _COUNTS,
        "by_decade": _COUNTS,
        "by_publisher": _COUNTS,
        "by_precision": _COUNTS,
        "status": {
            "type": "object",
            "description": "what the status periods of the counterparts counted cover",
            "required": [
                "periods",
                "checked",
                "with_single_source_claim",
                "states",
                "states_with_relations",
                "states_relations_undated",
                "states_never_related",
                "by_aspect",
                "by_government",
            ],  # fmt: skip
            "additionalProperties": False,
            "properties": {
                "periods": {"type": "integer"},
                "checked": {"type": "integer", "description": "periods checked claim by claim"},
                "with_single_source_claim": {
                    "type": "integer",
                    "description": "periods with a claim that rests on one source",
                },
                "states": {"type": "integer", "description": "UN member and observer states counted"},
                "states_with_relations": {
                    "type": "integer",
                    "description": "of those, states with a period of diplomatic relations whose start is dated",
                },
                "states_relations_undated": {
                    "type": "integer",
                    "description": "states in relations by a date a source gives, where none dates the beginning",
                },
                "states_never_related": {
                    "type": "integer",
                    "description": "states that sources say never had diplomatic relations with Afghanistan",
                },
                "by_aspect": _COUNTS,
                "by_government": {**_COUNTS, "description": "recognition periods by the era of the government"},
            },
        },
    },
}

_HIT = {
    **EVENT,
    "required": [*EVENT["required"], "score", "matched"],
    "properties": {**EVENT["properties"], "score": {"type": "number"}, "matched": {"type": "array", "items": _TEXT}},
}

_BRIEF_EVENT = {
    "type": "object",
    "required": ["id", "date", "title"],
    "additionalProperties": False,
    "properties": {"id": _TEXT, "date": DATE, "title": _TEXT},
}
# An Afghan government (an era) by id and name, or null.
_GOVERNMENT = {
    "anyOf": [
        {"type": "null"},
        {
            "type": "object",
            "required": ["id", "name"],
            "additionalProperties": False,
            "properties": {"id": _TEXT, "name": _TEXT},
        },
    ]
}
_ASPECT_NAME = {"enum": list(RELATION_ASPECTS)}
_START_KNOWN = "false: the status held by `start`, the earliest date a source attests it; no source dates its beginning"
SHOW = {
    **EVENT,
    "required": [*EVENT["required"], "era", "related", "status_periods", "replaces"],
    "properties": {
        **EVENT["properties"],
        "era": _GOVERNMENT,
        "related": {"type": "array", "items": _BRIEF_EVENT},
        "status_periods": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["country", "aspect", "status", "government", "start", "end"],
                "additionalProperties": False,
                "properties": {
                    "country": _TEXT,
                    "aspect": _TEXT,
                    "status": _TEXT,
                    "government": _NULLABLE_TEXT,
                    "start": DATE,
                    "end": NULLABLE_DATE,
                },
            },
        },
        "replaces": {
            "anyOf": [{"type": "null"}, _ORIGIN],
            "description": "the bundled record that this event from the user's data replaced",
        },
    },
}

_HEAD = {
    "enum": [*MISSION_HEADS, None],
    "description": "embassy and afghan-mission: who heads the mission, where sources say; null: not recorded",
}

ASPECT = {
    "type": "object",
    "required": [
        "aspect",
        "government",
        "status",
        "start",
        "start_known",
        "end",
        "as_of",
        "head",
        "near_boundary",
        "unconfirmed",
        "summary",
        "notes",
        "events",
        "sources",
        "checked",
        "corrections",
        "origin",
    ],
    "additionalProperties": False,
    "properties": {
        "aspect": _ASPECT_NAME,
        "government": _GOVERNMENT,
        "status": {**_NULLABLE_TEXT, "description": "null: no period recorded for that day"},
        "start": NULLABLE_DATE,
        "start_known": {"type": ["boolean", "null"], "description": _START_KNOWN},
        "end": NULLABLE_DATE,
        "as_of": NULLABLE_DATE,
        "head": _HEAD,
        "near_boundary": {"type": "boolean", "description": "the day falls in the month or year a change is dated to"},
        "unconfirmed": {"type": "boolean", "description": "no source confirms the status as late as the day asked"},
        "summary": _NULLABLE_TEXT,
        "notes": _NULLABLE_TEXT,
        "events": {"type": "array", "items": _TEXT},
        "sources": {"type": "array", "items": SOURCE},
        "checked": CHECKED,
        "corrections": CORRECTIONS,
        "origin": {"anyOf": [{"type": "null"}, _ORIGIN]},
    },
}
COUNTRY_STATUS = {
    "type": "object",
    "required": ["country", "actor", "on", "existed", "aspects"],
    "additionalProperties": False,
    "properties": {
        "country": COUNTRY,
        "actor": _TEXT,
        "on": {"type": "string", "format": "date"},
        "existed": {"type": "boolean", "description": "false: neither the state nor a predecessor existed then"},
        "aspects": {"type": "array", "items": ASPECT},
    },
}
# A profile carries the state of relations today, in the form `status` gives for one country.
PROFILE["properties"]["status"] = {**COUNTRY_STATUS, "description": "the state of relations today"}

HISTOGRAM = {
    "type": "object",
    "required": ["per", "by", "buckets", "series", "omitted_series"],
    "additionalProperties": False,
    "properties": {
        "per": {"enum": ["year", "decade"]},
        "by": {"enum": ["counterpart", "tag", None]},
        "buckets": {"type": "array", "items": _TEXT},
        "series": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["key", "total", "counts"],
                "additionalProperties": False,
                "properties": {
                    "key": _TEXT,
                    "total": {"type": "integer"},
                    "counts": {"type": "array", "items": {"type": "integer"}},
                },
            },
        },
        "omitted_series": {"type": "integer"},
    },
}
ERA_BAND = {
    "type": "object",
    "required": ["first_year", "last_year", "eras", "events"],
    "additionalProperties": False,
    "properties": {
        "first_year": {"type": "integer"},
        "last_year": {"type": "integer"},
        "events": {"type": "integer"},
        "eras": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["era", "name", "start", "end", "events"],
                "additionalProperties": False,
                "properties": {
                    "era": _TEXT,
                    "name": _TEXT,
                    "start": _TEXT,
                    "end": _NULLABLE_TEXT,
                    "events": {"type": "integer"},
                },
            },
        },
    },
}

NAME_MATCHES = {
    "type": "object",
    "required": ["query", "matches"],
    "additionalProperties": False,
    "description": "countries --search: what a name resolves to",
    "properties": {
        "query": _TEXT,
        "matches": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["country", "name", "matched", "how", "exact", "score"],
                "additionalProperties": False,
                "properties": {
                    "country": _TEXT,
                    "name": _TEXT,
                    "matched": _TEXT,
                    "how": _TEXT,
                    "exact": {"type": "boolean"},
                    "score": {"type": "number"},
                },
            },
        },
    },
}

_DATA_PROBLEMS = {
    "type": "array",
    "items": {
        "type": "object",
        "required": ["file", "line", "field", "message"],
        "additionalProperties": False,
        "properties": {"file": _TEXT, "line": {"type": "integer"}, "field": _TEXT, "message": _TEXT},
    },
}
VALIDATE = {
    "type": "object",
    "required": ["valid", "files", "counts", "problems", "warnings"],
    "additionalProperties": False,
    "properties": {
        "valid": {"type": "boolean"},
        "files": {"type": "array", "items": _TEXT},
        "counts": {"type": "object", "additionalProperties": {"type": "integer"}},
        "problems": _DATA_PROBLEMS,
        "warnings": {**_DATA_PROBLEMS, "description": "sources that break the source standard; not errors"},
    },
}

STATUS_PERIOD = {
    "type": "object",
    "required": [
        "country", "aspect", "government", "status", "start", "start_known", "end", "as_of", "head", "summary",
        "notes", "events", "sources", "checked", "corrections", "origin",
    ],
    "additionalProperties": False,
    "properties": {
        "country": _TEXT,
        "aspect": _ASPECT_NAME,
        "government": {**_NULLABLE_TEXT, "description": "recognition only: the era id of the government"},
        "status": _TEXT,
        "start": DATE,
        "start_known": {"type": "boolean", "description": _START_KNOWN},
        "end": {**NULLABLE_DATE, "description": "null: the status still holds"},
        "as_of": {**NULLABLE_DATE, "description": "the latest date a source confirms a status that still holds"},
        "head": _HEAD,
        "summary": _TEXT,
        "notes": _NULLABLE_TEXT,
        "events": {"type": "array", "items": _TEXT},
        "sources": {"type": "array", "items": SOURCE},
        "checked": CHECKED,
        "corrections": CORRECTIONS,
        "origin": _ORIGIN,
    },
}  # fmt: skip
HISTORY = {
    "type": "object",
    "description": "status --history: every period of every aspect, in date order",
    "required": ["country", "aspects", "events"],
    "additionalProperties": False,
    "properties": {
        "country": COUNTRY,
        "aspects": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["aspect", "government", "periods"],
                "additionalProperties": False,
                "properties": {
                    "aspect": _TEXT,
                    "government": _GOVERNMENT,
                    "periods": {"type": "array", "items": STATUS_PERIOD},
                },
            },
        },
        "events": {"type": "array", "items": _BRIEF_EVENT},
    },
}
_STANDING = {
    "type": "object",
    "required": ["status", "government"],
    "additionalProperties": False,
    "properties": {"status": _TEXT, "government": _GOVERNMENT},
}
CHANGES = {
    "type": "object",
    "description": "status --changes: every aspect whose status differs between two days",
    "required": ["from", "to", "changes"],
    "additionalProperties": False,
    "properties": {
        "from": {"type": "string", "format": "date"},
        "to": {"type": "string", "format": "date"},
        "changes": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["country", "aspect", "before", "after", "steps", "ended"],
                "additionalProperties": False,
                "properties": {
                    "country": COUNTRY,
                    "aspect": _TEXT,
                    "before": {"type": "array", "items": _STANDING, "description": "empty: no record"},
                    "after": {"type": "array", "items": _STANDING, "description": "empty: no record"},
                    "steps": {
                        "type": "array",
                        "items": STATUS_PERIOD,
                        "description": "periods that began after the first day and by the second",
                    },
                    "ended": {
                        "type": "array",
                        "items": STATUS_PERIOD,
                        "description": "periods of the first day that ended by the second",
                    },
                },
            },
        },
    },
}

_DRAFT = "https://json-schema.org/draft/2020-12/schema"

SCHEMAS: dict[str, Any] = {
    "timeline": {"$schema": _DRAFT, "title": "afrel timeline", "type": "array", "items": EVENT},
    "compare": {"$schema": _DRAFT, "title": "afrel compare", **COMPARE},
    "profile": {"$schema": _DRAFT, "title": "afrel profile", **PROFILE},
    "countries": {
        "$schema": _DRAFT,
        "title": "afrel countries",
        "oneOf": [{"type": "array", "items": COUNTRY_ENTRY}, NAME_MATCHES],
    },
    "stats": {"$schema": _DRAFT, "title": "afrel stats", **STATS},
    "search": {"$schema": _DRAFT, "title": "afrel search", "type": "array", "items": _HIT},
    "show": {"$schema": _DRAFT, "title": "afrel show", **SHOW},
    "status": {
        "$schema": _DRAFT,
        "title": "afrel status",
        "description": "an object for one country, an array for all; --history and --changes have their own",
        "oneOf": [COUNTRY_STATUS, {"type": "array", "items": COUNTRY_STATUS}, HISTORY, CHANGES],
    },
    "chart": {"$schema": _DRAFT, "title": "afrel chart", "oneOf": [HISTOGRAM, ERA_BAND]},
    "validate": {"$schema": _DRAFT, "title": "afrel validate", **VALIDATE},
}

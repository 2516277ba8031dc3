"""Real output of the whole data validates against the published schemas with formats checked strictly
(`format: uri` by rfc3987, `format: date`), as ajv and check-jsonschema do."""

import pytest
import rfc3987  # noqa: F401 - jsonschema checks "uri" only when rfc3987 is installed
from jsonschema import Draft202012Validator, FormatChecker

from afrel.render.schemas import SCHEMAS


@pytest.mark.parametrize(
    "command, args",
    [
        ("timeline", ["timeline", "--json"]),
        ("status", ["status", "--on", "2021-12-31", "--json"]),
        ("status", ["status", "pakistan", "--history", "--json"]),
        ("status", ["status", "--changes", "2021-08-01", "2021-12-31", "--json"]),
        ("show", ["show", "persian-siege-of-herat-1837", "--json"]),
        ("compare", ["compare", "afghanistan", "russia", "pakistan", "--json"]),
    ],
)
def test_output_holds_under_strict_format_checks(run, command: str, args: list[str]) -> None:
    checker = FormatChecker()
    assert "uri" in checker.checkers, "rfc3987 must be installed for uri checks"
    validator = Draft202012Validator(SCHEMAS[command], format_checker=checker)
    errors = list(validator.iter_errors(run.json(*args)))
    assert not errors, [f"{list(e.absolute_path)}: {e.message}" for e in errors[:5]]

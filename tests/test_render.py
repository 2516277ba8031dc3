import json

from hypothesis import given
from hypothesis import strategies as st

from afrel.render.jsonout import laid_out

scalars = st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text()
values = st.recursive(scalars, lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(), inner, max_size=4),
                      max_leaves=30)


@given(values)
def test_laid_out_json_reads_back_as_the_value(value) -> None:
    assert json.loads(laid_out(value)) == json.loads(json.dumps(value))


def test_laid_out_json_puts_each_record_on_a_line() -> None:
    records = [{"id": "a", "date": {"value": "1919"}}, {"id": "b", "tags": ["x", "y"]}]
    lines = laid_out({"events": records, "count": 2}).splitlines()
    assert lines[0] == "{" and lines[-1] == "}"
    assert lines[1] == '  "count": 2,'  # members in key order
    assert [json.loads(line.strip().rstrip(",")) for line in lines[3:5]] == records

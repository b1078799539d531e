"""The style sheet is well formed: an unclosed block would silently swallow every rule after it."""

from __future__ import annotations

from pathlib import Path

CSS = Path(__file__).resolve().parents[2] / "src/overdracht/web/static/overdracht/overdracht.css"


def test_every_css_block_is_closed() -> None:
    depth = 0
    for number, line in enumerate(CSS.read_text(encoding="utf-8").splitlines(), 1):
        depth += line.count("{") - line.count("}")
        assert depth >= 0, f"overdracht.css:{number}: '}}' zonder '{{'"
        if not line.startswith((" ", "}")) and line.strip():
            # A rule at the top level starts while no block is open (or only an @media one).
            assert depth <= 1 or line.startswith("@"), (
                f"overdracht.css:{number}: blok niet gesloten"
            )
    assert depth == 0, "overdracht.css: een blok is niet gesloten"

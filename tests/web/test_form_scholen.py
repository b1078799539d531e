"""Schools already in the dossiers are offered when typing a school's name or BRIN."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.test import Client

from .test_editing import NEW

pytestmark = pytest.mark.django_db


def test_known_schools_are_offered(ib_client: Client, sample_dossier: Any) -> None:
    data = sample_dossier.current.data
    html = ib_client.get(NEW).content.decode()
    for part in ("vertrekkende_school", "ontvangende_school"):
        school = data[part]
        assert f'<option value="{school["naam"]}" data-brin="{school["brin"]}">' in html
        assert f'<option value="{school["brin"]}">' in html
        field = re.search(rf'<input id="veld-{part.replace("_", "-")}-naam"[^>]*>', html)
        assert field and 'list="bekende-scholen"' in field.group(0)
        field = re.search(rf'<input id="veld-{part.replace("_", "-")}-brin"[^>]*>', html)
        assert field and 'list="bekende-brins"' in field.group(0)


def test_no_list_without_schools(ib_client: Client) -> None:
    html = ib_client.get(NEW).content.decode()
    assert "<datalist" not in html
    assert "bekende-scholen" not in html

"""The OKR's newer parts reach the form by themselves, with Dutch labels (the form is
generated from the model)."""

from __future__ import annotations

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db


def test_new_okr_fields_are_in_the_form_with_dutch_labels(ib_client: Client) -> None:
    html = ib_client.get("/dossiers/nieuw/?overgang=po-vo").content.decode()
    for label in (
        "Sterke kanten",
        "Eerdere scholen",
        "Doublures en versnellingen",
        "Dyslexieverklaring",
        "Dyscalculieverklaring",
        "Zicht, gehoor en motoriek",
        "Medische informatie: gaat alleen mee met toestemming",
        "Toetsadvies",
    ):
        assert label in html, label
    # The doorstroomtoets is a choice of the admitted toetsen, not free text.
    assert '<option value="Route 8 Doorstroomtoets"' in html
    assert '<option value="IEP Doorstroomtoets"' in html

"""Round trip: generated pupils -> template filled by openpyxl -> import -> the same dossiers."""

from __future__ import annotations

import io
import tempfile
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook
from stdnum.nl import bsn as stdnum_bsn

from overdracht.importing import import_workbook
from overdracht.importing.template import template_bytes
from overdracht.importing.yamlout import to_yaml
from overdracht.model import Dossier


def _bsn_from(digits: list[int]) -> str | None:
    total = sum(d * w for d, w in zip(digits, range(9, 1, -1), strict=True))
    last = total % 11
    return "".join(map(str, digits)) + str(last) if last < 10 else None


bsns = (
    st.lists(st.integers(0, 9), min_size=8, max_size=8)
    .map(_bsn_from)
    .filter(lambda n: n is not None and stdnum_bsn.is_valid(n))
)
names = (
    st.text(
        alphabet=st.sampled_from("abcdefghijklmnopqrstuvwxyzéëïöüABCDEZ '-"),
        min_size=1,
        max_size=20,
    )
    .map(str.strip)
    .filter(lambda s: bool(s) and not s.startswith(("=", "-", "'")))
)
dates = st.dates(min_value=date(2005, 1, 1), max_value=date(2020, 12, 31))
parents = st.fixed_dictionaries(
    {
        "naam": names,
        "relatie": st.sampled_from(["moeder", "vader", "ouder", "voogd"]),
        "gezag": st.booleans(),
        "postcode": st.from_regex(r"[1-9][0-9]{3} [A-Z]{2}", fullmatch=True).filter(
            lambda p: p[-2:] not in {"SA", "SD", "SS"}
        ),
    }
)
tests = st.fixed_dictionaries(
    {"naam": names, "datum": dates, "referentieniveau": st.sampled_from(["<1F", "1F", "2F", "1S"])}
)
pupils = st.fixed_dictionaries(
    {
        "achternaam": names,
        "voornamen": names,
        "geboortedatum": dates,
        "geslacht": st.sampled_from(["m", "v", "x"]),
        "groep": st.integers(1, 8),
        "bsn_as_number": st.booleans(),
        "ouders": st.lists(parents, max_size=2),
        "toetsen": st.lists(tests, max_size=3),
    }
)
year_groups = st.lists(pupils, min_size=1, max_size=6).flatmap(
    lambda group: st.lists(bsns, min_size=len(group), max_size=len(group), unique=True).map(
        lambda numbers: [dict(p, bsn=n) for p, n in zip(group, numbers, strict=True)]
    )
)


TEMPLATE = template_bytes("po-vo")


def _fill(sheet: Any, row: int, values: dict[str, Any]) -> None:
    headers = [cell.value for cell in sheet[1]]
    for header, value in values.items():
        sheet.cell(row=row, column=headers.index(header) + 1, value=value)


def _expected(number: str, pupil: dict[str, Any]) -> dict[str, Any]:
    data = {
        "leerling": {
            "voornamen": pupil["voornamen"],
            "achternaam": pupil["achternaam"],
            "geboortedatum": pupil["geboortedatum"],
            "geslacht": pupil["geslacht"],
            "bsn": pupil["bsn"],
            "leerlingnummer": number,
            "groep": pupil["groep"],
        },
        "ouders": [dict(o) for o in pupil["ouders"]],
        "vertrekkende_school": {"naam": "OBS De Vlinder", "brin": "99ZZ", "soort": "bao"},
        "ontvangende_school": {"naam": "Het Baken", "brin": "31QX", "soort": "vo"},
        "overgang": {"id": "po-vo", "schooljaar": "2026-2027", "geplande_startdatum": "2026-08-24"},
        "toetsen": [dict(t) for t in pupil["toetsen"]],
    }
    return Dossier.model_validate(data).model_dump(mode="json")


@pytest.mark.slow
@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(group=year_groups)
def test_template_round_trip(group: list[dict[str, Any]]) -> None:
    workbook = load_workbook(io.BytesIO(TEMPLATE))
    _fill(
        workbook["School"],
        2,
        {
            "Naam school": "OBS De Vlinder",
            "BRIN": "99ZZ",
            "Schooljaar": "2026-2027",
            "Geplande startdatum": date(2026, 8, 24),
        },
    )
    ouder_row = toets_row = 3  # row 2 holds the example
    for index, pupil in enumerate(group):
        number = str(5000 + index)
        _fill(
            workbook["Leerlingen"],
            3 + index,
            {
                "Leerlingnummer": number,
                "Achternaam": pupil["achternaam"],
                "Voornamen": pupil["voornamen"],
                "Geboortedatum": pupil["geboortedatum"],
                "Geslacht": pupil["geslacht"],
                "Groep": pupil["groep"],
                "BSN": int(pupil["bsn"]) if pupil["bsn_as_number"] else pupil["bsn"],
                "Naam nieuwe school": "Het Baken",
                "BRIN nieuwe school": "31QX",
            },
        )
        for ouder in pupil["ouders"]:
            _fill(
                workbook["Ouders"],
                ouder_row,
                {
                    "Leerlingnummer": number,
                    "Naam ouder": ouder["naam"],
                    "Relatie": ouder["relatie"],
                    "Gezag": "ja" if ouder["gezag"] else "nee",
                    "Postcode": ouder["postcode"],
                },
            )
            ouder_row += 1
        for toets in pupil["toetsen"]:
            _fill(
                workbook["Toetsen"],
                toets_row,
                {
                    "Leerlingnummer": number,
                    "Toets": toets["naam"],
                    "Datum": toets["datum"],
                    "Referentieniveau": toets["referentieniveau"],
                },
            )
            toets_row += 1
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / "ingevuld.xlsx"
        workbook.save(source)
        result = import_workbook(source, Path(folder) / "out", transition="po-vo")
        assert result.errors == [] and result.exit_code == 0
        got = {
            p.stem: Dossier.model_validate(
                yaml.safe_load(p.read_text(encoding="utf-8"))
            ).model_dump(mode="json")
            for p in result.written
        }
    expected = {f"leerling-{5000 + i}": _expected(str(5000 + i), p) for i, p in enumerate(group)}
    assert got == expected


scalars = st.one_of(
    st.text(max_size=30),
    st.integers(-(10**6), 10**6),
    st.booleans(),
    st.none(),
    st.floats(allow_nan=False, allow_infinity=False),
    st.sampled_from(
        ["ja", "nee", "yes", "No", "2014-03-14", "12:30", "a: b", "#x", "- x", "null", "~", "0012"]
    ),
)
documents = st.recursive(
    scalars,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4),
        st.dictionaries(st.from_regex(r"[a-z_]{1,12}", fullmatch=True), inner, max_size=4),
    ),
    max_leaves=20,
)


@settings(max_examples=300)
@given(data=st.dictionaries(st.from_regex(r"[a-z_]{1,12}", fullmatch=True), documents, max_size=5))
def test_yaml_writer_reads_back_unchanged(data: dict[str, Any]) -> None:
    assert yaml.safe_load(to_yaml(data)) == (data or None)

"""The fill-in workbook: sheets, Dutch headers, dropdowns, date columns, example row."""

from __future__ import annotations

import io
from datetime import datetime

from openpyxl import load_workbook

from overdracht.importing.template import template_bytes


def test_po_vo_template_layout() -> None:
    workbook = load_workbook(io.BytesIO(template_bytes("po-vo")))
    assert workbook.sheetnames == [
        "Instructie",
        "School",
        "Leerlingen",
        "Ouders",
        "Eerdere scholen",
        "Doublures",
        "Toetsen",
        "Schooladvies",
        "Ontwikkeling",
        "Ondersteuning",
    ]
    pupils = workbook["Leerlingen"]
    headers = [c.value for c in pupils[1]]
    assert headers[:6] == [
        "Leerlingnummer",
        "Achternaam",
        "Tussenvoegsel",
        "Voornamen",
        "Roepnaam",
        "Geboortedatum",
    ]
    assert "Leerjaar" not in headers  # a VO column, not for po-vo
    assert pupils["A2"].value == "VOORBEELD"
    assert pupils["F2"].value == datetime(2014, 3, 14)
    assert pupils["F500"].number_format == "DD-MM-YYYY"
    assert pupils["H500"].number_format == "@"  # BSN as text keeps its leading zero
    assert "Verplicht." in pupils["B1"].comment.text
    lists = {
        str(dv.sqref)[0]: dv.formula1
        for dv in pupils.data_validations.dataValidation
        if dv.type == "list"
    }
    assert lists["G"] == '"m,v,x"'
    advies = workbook["Schooladvies"]
    formulas = [dv.formula1 for dv in advies.data_validations.dataValidation if dv.type == "list"]
    assert (
        '"vso,pro,vmbo-b,vmbo-b/k,vmbo-k,vmbo-k/gt,vmbo-gt,vmbo-gt/havo,havo,havo/vwo,vwo"'
        in formulas
    )
    assert '"<1F,1F,2F,1S"' in formulas
    assert '"ja,nee"' in formulas
    school = workbook["School"]
    overgang = [c.value for c in school[1]].index("Overgang")
    assert school.cell(row=2, column=overgang + 1).value == "po-vo"  # with a dropdown of all ids
    assert any(
        "po-vo,po-pro" in (dv.formula1 or "") for dv in school.data_validations.dataValidation
    )
    assert workbook["Instructie"]["A1"].value == "Invulsjabloon overdracht – overgang po-vo"


def test_tlv_template_has_bekostigingscategorie() -> None:
    workbook = load_workbook(io.BytesIO(template_bytes("po-so")))
    assert "TLV" in workbook.sheetnames and "Schooladvies" not in workbook.sheetnames
    formulas = [dv.formula1 for dv in workbook["TLV"].data_validations.dataValidation]
    assert '"laag,midden,hoog,n.v.t."' in formulas

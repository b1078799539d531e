"""The IB'er asks for inzage and reads in the signed paper forms: the one way the school
records what parents chose, and it counts only with the scan and a line in the log."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from playwright.sync_api import expect

from .conftest import main_page

SCAN = {"name": "formulier.pdf", "mimeType": "application/pdf", "buffer": b"%PDF-1.4\n%...\n"}


def inzage_on_paper(page: Any, dossier_url: str, remarks: Mapping[str, str] = {}) -> list[str]:
    """Ask for inzage, then read in everyone's signed form (all 'ja', 'eens'); who was asked."""
    page.goto(dossier_url + "inzage/")
    page.get_by_role("button", name="Inzage vragen en brieven maken").click()
    page.goto(dossier_url + "inzage/")
    people: list[str] = []
    read_in = page.get_by_role("link", name=re.compile("^Formulier op papier inlezen"))
    while read_in.count():
        read_in.first.click()
        heading = page.get_by_text(re.compile(r"^Voor .* \((\w+)\), over versie"))
        role = re.search(r"\((\w+)\), over versie", heading.inner_text())
        who = role.group(1) if role else "?"
        people.append(who)
        for yes in page.get_by_label("Ja, dit mag mee").all():
            yes.check()
        page.get_by_label("Ik ben het eens met wat de school schrijft").check()
        if who in remarks:
            page.get_by_label(re.compile("^Toelichting op het formulier")).fill(remarks[who])
        page.get_by_label(re.compile("^Scan of foto")).set_input_files(SCAN)
        if len(people) == 1:
            main_page(page, "inzage-papier-formulier")  # screenshot and axe-core
        page.get_by_role("button", name="Formulier inlezen").click()
        expect(page.get_by_text("is ingelezen en in het logboek vastgelegd")).to_be_visible()
    return people

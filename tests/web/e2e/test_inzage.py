"""Inzage in real browsers: the IB'er asks, the parents and the pupil answer on their own
phones (each in a browser context of their own), the version is made final.

The pages a parent opens send ``Referrer-Policy: no-referrer``, so Chromium sends ``Origin: null``
with their forms: these tests are what shows that parents can answer at all.
"""

from __future__ import annotations

import re
import subprocess
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml

from .conftest import OUTPUT, SAMPLES, App, main_page, screenshot

pytestmark = pytest.mark.browser
SLOW = 120_000  # ms: rendering documents on a busy machine
PHONE = {"width": 390, "height": 844}  # an iPhone 12-14 held upright


@dataclass(frozen=True)
class Letter:
    naam: str
    rol: str
    url: str
    code: str


def dossier_file(folder: Path, roepnaam: str, achternaam: str, age: int, bsn: str) -> Path:
    """The po-so sample for another pupil of ``age`` on its peildatum (20 May 2027), with no
    consent and no inzage yet: what the school has before it asks the parents."""
    data = yaml.safe_load((SAMPLES / "po-so-compleet.yaml").read_text(encoding="utf-8"))
    leerling = data["leerling"]
    leerling.update(roepnaam=roepnaam, voornamen=roepnaam, achternaam=achternaam, bsn=bsn)
    leerling.pop("tussenvoegsel", None)
    leerling["leerlingnummer"] = f"e2e-{roepnaam.lower()}"
    leerling["geboortedatum"] = date(2027 - age - 1, 9, 14).isoformat()
    data["toestemmingen"] = []
    data.pop("inzage", None)
    path = folder / f"{roepnaam.lower()}.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path


def upload(ib: Any, path: Path) -> str:
    """The IB'er reads a dossier file in as a new dossier; the dossier's address."""
    ib.goto("/dossierbestanden/")
    ib.get_by_label("Dossierbestanden").set_input_files(path)
    ib.get_by_role("button", name="Inlezen").click()
    ib.wait_for_url(re.compile(r".*/dossiers/[^/]+/$"))
    return str(ib.url)


def ask_inzage(ib: Any, dossier_url: str, name: str = "") -> dict[str, Letter]:
    """On the Inzage tab: ask, and read the letters (shown this once) per role."""
    ib.goto(dossier_url + "inzage/")
    if name:
        main_page(ib, name)
    ib.get_by_role("button", name=re.compile("inzage vragen", re.IGNORECASE)).click()
    ib.get_by_role("heading", name="Brieven voor inzage").wait_for()
    letters = {}
    for item in ib.locator(".niet-afdrukken li").all():
        text = item.inner_text()
        match = re.match(r"(.+) \((\w+)\): link .* code ([A-Z0-9]{4}-[A-Z0-9]{4})", text)
        assert match, text
        url = item.get_by_role("textbox").input_value()
        letters[match[2]] = Letter(match[1], match[2], url, match[3])
    return letters


@pytest.fixture
def phones(browser: Any, app: App) -> Iterator[Any]:
    """Make a phone-sized browser context per person (own cookies), closed afterwards."""
    made: list[Any] = []

    def phone() -> Any:
        # A browser context of its own: the parent's cookies never meet the IB'er's.
        context = browser.new_context(
            base_url=app.url, viewport=PHONE, locale="nl-NL", accept_downloads=True
        )
        context.set_default_timeout(15_000)
        made.append(context)
        return context.new_page()

    yield phone
    for context in made:
        context.close()


def open_letter(page: Any, letter: Letter) -> None:
    """Open the link on the letter and type the code, as the parent does."""
    page.goto(letter.url)
    page.get_by_label("Code van de brief").fill(letter.code.lower())
    page.get_by_role("button", name="Verder").click()
    page.wait_for_url(re.compile(r".*/inzage/$"))


def choose(page: Any, question: str, answer: str) -> None:
    page.get_by_role("group", name=question).get_by_label(answer).check()


def answer(page: Any, choices: dict[str, str], zienswijze: str, toelichting: str = "") -> None:
    for question, choice in choices.items():
        choose(page, question, choice)
    mening = re.compile(r"(Uw|Jouw) mening over het rapport")
    choose(page, mening, zienswijze)
    if toelichting:
        page.get_by_label(re.compile(r"(Uw|Jouw) toelichting")).fill(toelichting)
    page.get_by_role("button", name="Keuzes doorgeven aan de school").click()
    page.get_by_role("heading", name=re.compile(r"(U|Je) hebt gereageerd")).wait_for()


YES = "Ja, dit mag mee"
NO = "Nee, dit gaat niet mee"
AGREE = "Ik ben het eens met wat de school schrijft"
DISAGREE = "Ik ben het niet (helemaal) eens met wat de school schrijft"
EVERYTHING = {
    "Jeugdhulp": YES,
    "MDO/ZAT-besprekingen": YES,
    "Bijlage: Psychodiagnostisch onderzoek 2025": YES,
    "Bijlage: Verslag kinderpsychiater": YES,
}
REASON = "Het stuk over thuis klopt niet meer: we wonen sinds maart weer samen."


def pdf_pages(path: Path) -> list[str]:
    text = subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    return [page for page in text.split("\f") if page.strip()]


def fits_the_screen(page: Any) -> None:
    """Nothing is cut off sideways on a phone: the page is no wider than the screen."""
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE["width"], f"de pagina is {width}px breed op een telefoon"


def test_a_parent_answers_on_a_phone(ib: Any, phones: Any, tmp_path: Path) -> None:
    dossier_url = upload(ib, dossier_file(tmp_path, "Fenna", "Kuipers", 10, "111222333"))
    letters = ask_inzage(ib, dossier_url)
    assert set(letters) == {"moeder", "vader"}

    mother = phones()
    mother.goto(letters["moeder"].url)
    assert mother.get_by_role("heading", name="Inzage in het schooldossier").is_visible()
    main_page(mother, "inzage-telefoon-code")
    mother.get_by_label("Code van de brief").fill(letters["moeder"].code.lower())
    with mother.expect_request(lambda request: request.method == "POST") as posted:
        mother.get_by_role("button", name="Verder").click()
    # What Django's CSRF check refused: a no-referrer page's form is sent with Origin: null.
    assert posted.value.header_value("origin") == "null"
    mother.wait_for_url(re.compile(r".*/inzage/$"))  # the token is gone from the address
    assert "Het dossier van Fenna Kuipers" in mother.locator("h1").inner_text()
    fits_the_screen(mother)
    answer(mother, {**EVERYTHING, "Jeugdhulp": NO}, DISAGREE, REASON)

    # She reads back exactly what she chose (not "mag mee" after "nee").
    chosen = mother.get_by_role("status").filter(has_text="U hebt gereageerd").inner_text()
    assert "Jeugdhulp: nee, gaat niet mee" in chosen
    assert "MDO/ZAT-besprekingen: ja, mag mee" in chosen
    assert "Dank u wel. Uw keuzes zijn doorgegeven aan de school." in mother.content()
    # Coming back, her choices are filled in.
    mother.reload()
    group = mother.get_by_role("group", name="Jeugdhulp")
    assert group.get_by_label(NO).is_checked()
    assert mother.get_by_label("Uw toelichting").input_value() == REASON
    fits_the_screen(mother)
    main_page(mother, "inzage-telefoon-gereageerd")


def test_the_story_of_a_thirteen_year_old(ib: Any, phones: Any, app: App, tmp_path: Path) -> None:
    """Issue 22's story: mother refuses jeugdhulp and disagrees, the pupil and the father agree;
    the version is made final; the parents see what was sent."""
    dossier_url = upload(ib, dossier_file(tmp_path, "Mees", "Verhoeven", 13, "123456782"))
    letters = ask_inzage(ib, dossier_url, "inzage-ib-vragen")
    assert set(letters) == {"moeder", "vader", "leerling"}
    main_page(ib, "inzage-brieven")
    # Printed on A4: one letter per page, the menu and the codes list left out.
    printed = OUTPUT / "inzage-brieven.pdf"
    ib.pdf(path=str(printed), format="A4")
    pages = pdf_pages(printed)
    assert len(pages) == 3
    assert "Beste Sandra van der Berg," in pages[0] and "Beste Mees," in pages[2]
    assert all("Vul daar deze code in" in page for page in pages)
    assert "Uitloggen" not in pages[0]
    letter = ib.locator("section.brief").first.inner_text()
    assert re.search(r"\d{1,2} \w+ 20\d\d", letter)  # dated
    assert "Marieke de Boer (033-4561230 of ib@regenboog-amersfoort.nl)" in letter

    # The mother, on her phone: jeugdhulp stays out, and she disagrees, with her reason.
    mother = phones()
    open_letter(mother, letters["moeder"])
    fits_the_screen(mother)
    main_page(mother, "inzage-moeder")
    answer(mother, {**EVERYTHING, "Jeugdhulp": NO}, DISAGREE, REASON)
    screenshot(mother, "inzage-moeder-gereageerd")

    # The pupil, on their own phone, is addressed as "je".
    pupil = phones()
    open_letter(pupil, letters["leerling"])
    # (The report itself is the document as it goes to the new school, the same for everyone.)
    report = pupil.locator("article.rapport").inner_text()
    page_text = pupil.locator("main").inner_text().replace(report, "")
    assert "Jouw dossier" in page_text
    assert "uw kind" not in page_text.lower() and " u " not in page_text
    fits_the_screen(pupil)
    main_page(pupil, "inzage-leerling")
    answer(pupil, EVERYTHING, AGREE)
    assert "Bedankt. Je keuzes zijn doorgegeven aan de school." in pupil.content()

    # The father agrees.
    father = phones()
    open_letter(father, letters["vader"])
    answer(father, EVERYTHING, AGREE)

    # The IB'er sees the three answers, and the checklist is green.
    ib.goto(dossier_url + "inzage/")
    table = ib.locator("table").inner_text()
    assert table.count("geopend") == 3
    assert "jeugdhulp: geweigerd" in table
    main_page(ib, "inzage-ib-reacties")
    ib.goto(dossier_url + "documenten/")
    assert "compleet" in ib.locator(".paginakop .status").inner_text().lower()

    ib.get_by_role("button", name="Definitief maken").click(timeout=SLOW)
    assert ib.get_by_text("is definitief").first.is_visible()
    with ib.expect_download(timeout=SLOW) as download:
        ib.get_by_role("link", name="Download PDF", exact=True).click()
    pdf = tmp_path / "rapport.pdf"
    download.value.save_as(pdf)
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "Mees" in text
    assert "Youké" not in text and "gezinsbegeleiding" not in text.lower()  # no jeugdhulp
    assert "we wonen sinds maart weer samen" in " ".join(text.split())  # her own words

    # The links are closed for answers; the mother can still look.
    mother.reload()
    assert mother.get_by_role("heading", name="Het dossier is definitief").is_visible()
    assert mother.get_by_role("button", name="Keuzes doorgeven aan de school").count() == 0
    assert "Youké" not in mother.locator("main").inner_text()  # the report as it went
    main_page(mother, "inzage-moeder-definitief")
    ib.goto(dossier_url + "inzage/")
    assert ib.locator("table").inner_text().count("gesloten voor reacties") == 3

    # verify recognises the final PDF.
    ib.goto("/controleren/")
    ib.locator("input[type=file]").first.set_input_files(pdf)
    ib.get_by_role("button", name=re.compile("Controleren")).click()
    verdict = ib.locator("main").inner_text()
    assert "rapport.pdf is precies een definitief document." in verdict
    assert "Mees Verhoeven" in verdict

    # No link's secret reached the server's log.
    for sent_letter in letters.values():
        assert sent_letter.url.rstrip("/").rsplit("/", 1)[1] not in app.log()

    # The IB'er sends the final documents to the new school: a disclosure naming its receiver.
    ib.goto(dossier_url + "documenten/")
    assert ib.get_by_label("Aan").input_value() == "SO De Baken"
    with ib.expect_download(timeout=SLOW) as sent_zip:
        ib.get_by_role("button", name="Downloaden voor deze ontvanger").click()
    bundle = tmp_path / "verstuurd.zip"
    sent_zip.value.save_as(bundle)
    with zipfile.ZipFile(bundle) as archive:
        documents = [n for n in archive.namelist() if n.endswith(".pdf")]
    assert documents and not any("checklistrapport" in n for n in documents)

    # The parents' page shows exactly what was sent: not the school's own downloads.
    mother.reload()
    sent = mother.locator("h2:has-text('Wat is er al verstuurd?') + ul li").all_inner_texts()
    assert len(sent) == len(documents), sent
    assert all("aan SO De Baken (niet meegestuurd: jeugdhulp)" in line for line in sent), sent
    assert not any("concept" in line or "checklistrapport" in line for line in sent), sent
    main_page(mother, "inzage-moeder-verstuurd")

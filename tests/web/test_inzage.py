"""Parents' and pupil's own inzage: who is asked, links, codes, answers into a new version."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import pytest
from django.test import Client
from django.utils import timezone

from overdracht.checklists import check
from overdracht.model import load_dossier
from overdracht.render.privacy import shareable_dossier
from overdracht.web import disclosure
from overdracht.web.inzage import links
from overdracht.web.inzage.people import plan_for
from overdracht.web.models import Dossier, Inzageverzoek, Logregel
from overdracht.web.store import create_dossier, document, save_version

from .conftest import SAMPLES

pytestmark = pytest.mark.django_db


def _aged(age: int) -> Any:
    """The po-so sample with a pupil of ``age`` on its peildatum (20 May 2027)."""
    doc = load_dossier(SAMPLES / "po-so-compleet.yaml")
    born = doc.leerling.geboortedatum.replace(year=2027 - age - 1)  # 14 Sept: birthday after May
    return doc.model_copy(
        update={"leerling": doc.leerling.model_copy(update={"geboortedatum": born})}
    )


@pytest.mark.parametrize(
    ("age", "asked", "deciders"),
    [
        (11, ["moeder", "vader"], {"moeder", "vader"}),
        (12, ["moeder", "vader", "leerling"], {"moeder", "vader", "leerling"}),
        (15, ["moeder", "vader", "leerling"], {"moeder", "vader", "leerling"}),
        (16, ["moeder", "vader", "leerling"], {"leerling"}),  # parents of a minor still see it
    ],
)
def test_who_is_asked_follows_the_consent_rules_by_age(
    age: int, asked: list[str], deciders: set[str]
) -> None:
    plan = plan_for(_aged(age))
    assert plan.leeftijd == age
    assert [p.rol for p in plan.personen] == asked
    assert {p.rol for p in plan.personen if p.beslist_toestemming} == deciders


def test_a_parent_without_gezag_is_not_asked() -> None:
    doc = _aged(10)
    ouders = [doc.ouders[0], doc.ouders[1].model_copy(update={"gezag": False})]
    plan = plan_for(doc.model_copy(update={"ouders": ouders}))
    assert [p.rol for p in plan.personen] == ["moeder"]


def test_the_categories_asked_are_those_the_dossier_holds() -> None:
    plan = plan_for(_aged(13))
    assert [c.categorie for c in plan.categorieen] == ["jeugdhulp", "mdo"]
    jeugdhulp = plan.categorieen[0]
    assert any("Youké" in t for t in jeugdhulp.inhoud)
    assert [t for _i, t, _c in plan.bijlagen] == [
        "Psychodiagnostisch onderzoek 2025",
        "Verslag kinderpsychiater",
    ]


@pytest.fixture
def dertien(db: None) -> Dossier:
    doc = _aged(13)
    data = doc.model_dump(mode="python")
    data["toestemmingen"] = []
    data.pop("inzage")
    return create_dossier(type(doc).model_validate(data), None, herkomst="test")


def _key(client: Client, url: str) -> str:
    """The form key of the browser's inzage session, as a page gives it."""
    return str(client.get(url).context["sleutel"])


def _open(client: Client, link: links.NewLink) -> str:
    """Open the letter's link with its code; the page's (token-free) address."""
    url = f"/inzage/{link.token}/"
    code = link.code.lower().replace("-", " ")
    response = client.post(url, {"code": code, "sleutel": _key(client, url)})
    assert response.status_code == 302
    assert response["Location"] == "/inzage/"
    return "/inzage/"


def _answers(plan_client: Client, url: str, **choices: str) -> Any:
    return plan_client.post(url, {**choices, "sleutel": _key(plan_client, url)})


def test_the_ib_asks_and_gets_letters(ib_client: Client, dertien: Dossier) -> None:
    page = ib_client.get(f"/dossiers/{dertien.public_id}/inzage/")
    assert page.status_code == 200
    assert "is op de peildatum (20 mei 2027) 13 jaar" in page.content.decode()
    letters = ib_client.post(f"/dossiers/{dertien.public_id}/inzage/vragen/")
    text = letters.content.decode()
    assert letters.status_code == 200
    assert text.count('class="brief"') == 3
    assert "<svg" in text  # the QR code
    codes = re.findall(r'class="brief-code">([A-Z0-9]{4}-[A-Z0-9]{4})<', text)
    assert len(codes) == 3
    stored = Inzageverzoek.objects.filter(dossier=dertien)
    assert stored.count() == 3
    for verzoek in stored:  # neither the link nor the code is stored
        assert verzoek.token_hash not in text and verzoek.code_hash not in text
        assert verzoek.verloopt_op.date() == (timezone.now() + dt.timedelta(days=14)).date()
    wat = [e.wat for e in disclosure.entries_for(dertien)]
    assert wat[0].startswith("Inzagelink gemaakt voor ouder 1 (moeder), geldig tot ")
    assert "Sandra" not in " ".join(wat)  # no names in the log


def test_asking_again_withdraws_the_open_links(dertien: Dossier, ib: Any) -> None:
    first = links.ask(dertien, ib)
    links.ask(dertien, ib)
    for link in first:
        assert links.find(link.token) is None
    assert Logregel.objects.filter(wat__contains="ingetrokken (vervangen").count() == 3


@pytest.mark.parametrize("how", ["forged", "expired", "withdrawn"])
def test_a_link_that_does_not_work_gets_a_calm_page(
    client: Client, dertien: Dossier, ib: Any, how: str
) -> None:
    link = links.ask(dertien, ib)[0]
    token = link.token
    if how == "forged":
        token = token[:-2] + ("AA" if not token.endswith("AA") else "BB")
    elif how == "expired":
        Inzageverzoek.objects.filter(pk=link.verzoek.pk).update(
            verloopt_op=timezone.now() - dt.timedelta(seconds=1)
        )
    else:
        links.withdraw(link.verzoek, ib)
    page = client.get(f"/inzage/{token}/")
    assert page.status_code == 404
    text = page.content.decode()
    assert "Deze link werkt niet" in text
    assert "Er is niets verloren gegaan" in text
    assert "Daan" not in text and "Regenboog" not in text
    if how == "expired":
        assert Logregel.objects.filter(wat="Inzagelink voor ouder 1 (moeder) verlopen").count() == 1


def test_a_wrong_code_is_refused_and_rate_limited(
    client: Client, dertien: Dossier, ib: Any
) -> None:
    link = links.ask(dertien, ib)[0]
    url = f"/inzage/{link.token}/"
    page = client.get(url)
    assert "Vul de code in" in page.content.decode()
    assert "Daan" not in page.content.decode()
    key = page.context["sleutel"]
    for _ in range(links.MAX_TRIES - 1):
        wrong = client.post(url, {"code": "AAAA-AAAA", "sleutel": key})
        assert wrong.status_code == 400
        assert "De code klopt niet." in wrong.content.decode()
        assert "Daan" not in wrong.content.decode()
    resting = client.post(url, {"code": "AAAA-AAAA", "sleutel": key})
    assert "Wacht een kwartier" in resting.content.decode()
    # Even the right code waits now.
    right = {"code": link.code, "sleutel": key}
    assert "Wacht een kwartier" in client.post(url, right).content.decode()
    Inzageverzoek.objects.filter(pk=link.verzoek.pk).update(
        geblokkeerd_tot=timezone.now() - dt.timedelta(seconds=1)
    )
    assert client.post(url, right).status_code == 302
    Inzageverzoek.objects.filter(pk=link.verzoek.pk).update(mislukte_pogingen=links.MAX_TOTAL)
    link.verzoek.refresh_from_db()
    assert links.check_code(link.verzoek, link.token, link.code) is links.CodeResult.CLOSED


def test_the_story_of_a_thirteen_year_old(dertien: Dossier, ib: Any) -> None:
    made = {link.verzoek.rol: link for link in links.ask(dertien, ib)}
    ja_alles = {
        "toestemming_jeugdhulp": "ja",
        "toestemming_mdo": "ja",
        "bijlage_0": "ja",
        "bijlage_1": "ja",
        "zienswijze": "eens",
    }
    # The mother refuses jeugdhulp and agrees to the rest.
    moeder = Client()
    url = _open(moeder, made["moeder"])
    page = moeder.get(url)
    text = page.content.decode()
    assert page.status_code == 200
    assert "Het dossier van Daan van der Berg" in text
    assert "Ambulante gezinsbegeleiding via Youké" in text  # she sees what she decides on
    missing = _answers(moeder, url, zienswijze="eens")
    assert missing.status_code == 400
    assert "Jeugdhulp: Kies ja of nee." in missing.content.decode()
    answer = {**ja_alles, "toestemming_jeugdhulp": "nee", "toelichting": "Liever niet."}
    assert _answers(moeder, url, **answer).status_code == 302
    # The father and the pupil agree.
    for rol in ("vader", "leerling"):
        person = Client()
        assert _answers(person, _open(person, made[rol]), **ja_alles).status_code == 302

    dertien.refresh_from_db()
    doc = document(dertien.current.data)
    report = check(doc)
    assert not [f for f in report.errors if f.path.startswith(("inzage", "toestemmingen"))]
    assert report.left_out == ["jeugdhulp"]
    assert {(t.categorie, t.geweigerd): t.gegeven_door for t in doc.toestemmingen} == {
        ("jeugdhulp", True): ["ouders"],
        ("mdo", False): ["ouders", "leerling"],
    }
    assert doc.inzage is not None and doc.inzage.door == ["ouders", "leerling"]
    assert doc.inzage.versie == 1
    assert [(r.wie, r.zienswijze, r.toelichting) for r in doc.inzage.reacties] == [
        ("Moeder", "eens", "Liever niet."),
        ("Vader", "eens", None),
        ("Leerling", "eens", None),
    ]
    assert [b.meesturen for b in doc.bijlagen] == [True, True]

    # Staff cannot change what she chose: a save that gives consent back is overruled.
    data = doc.model_dump(mode="python")
    data["toestemmingen"].append(
        {
            "categorie": "jeugdhulp",
            "gegeven_door": ["ouders", "leerling"],
            "datum": dt.date(2027, 5, 1),
        }
    )
    data["ontwikkeling"]["cognitief"] = "Aangevuld na de inzage."
    version = save_version(dertien, type(doc).model_validate(data), ib, base_number=None)
    assert version is not None
    after = document(version.data)
    assert [t.geweigerd for t in after.toestemmingen if t.categorie == "jeugdhulp"] == [True]
    # ... and a change after the inzage means the inzage is of an older version.
    messages = [f.message for f in check(after).errors if f.path == "inzage"]
    assert messages and "de inzage geldt voor versie 1 van het dossier" in messages[0]


def test_the_shared_documents_leave_out_what_was_refused(dertien: Dossier, ib: Any) -> None:
    made = {link.verzoek.rol: link for link in links.ask(dertien, ib)}
    for rol in ("moeder", "vader", "leerling"):
        person = Client()
        _answers(
            person,
            _open(person, made[rol]),
            toestemming_jeugdhulp="nee" if rol == "moeder" else "ja",
            toestemming_mdo="ja",
            bijlage_0="ja",
            bijlage_1="nee",
            zienswijze="oneens",
        )
    dertien.refresh_from_db()
    doc = document(dertien.current.data)
    from overdracht.checklists import load_checklist

    report = check(doc)
    shared, privacy = shareable_dossier(
        load_checklist(doc.overgang.id), doc, report, doc.overgang.peildatum
    )
    assert privacy.left_out == ("jeugdhulp",)
    assert shared.ondersteuning.jeugdhulp in (None, [])
    assert privacy.attachments_withheld == ("Verslag kinderpsychiater",)
    assert doc.inzage is not None and doc.inzage.zienswijze == "oneens"


def test_the_parent_sees_the_log_and_the_pdf(dertien: Dossier, ib: Any) -> None:
    link = links.ask(dertien, ib)[0]
    disclosure.record(ib, dertien, 1, "onderwijskundig rapport (PDF)", left_out=["jeugdhulp"])
    parent = Client()
    url = _open(parent, link)
    text = parent.get(url).content.decode()
    assert "onderwijskundig rapport (PDF) aan SO De Baken (niet meegestuurd: jeugdhulp)" in text
    pdf = parent.get(url + "rapport.pdf")
    assert pdf.status_code == 200
    assert pdf.content[:4] == b"%PDF"
    assert Client().get(url + "rapport.pdf").status_code == 404  # not without the code


def test_staff_pages_need_a_login(client: Client, dertien: Dossier) -> None:
    assert client.get(f"/dossiers/{dertien.public_id}/inzage/").status_code == 302

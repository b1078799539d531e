"""Roles: every URL of the app, requested as every persona (a persona matrix).

The table below is a second, independent statement of who may use what: a change to
``permissions.MATRIX`` that gives a role more than this table says fails here. Every URL
pattern the resolver knows must be in the table, so a new view cannot be forgotten.

Kept fast: documents are "rendered" by a stand-in that returns a few bytes (no WeasyPrint);
the parents' PDF is requested without the code, so it is refused before anything is rendered;
import reports and uploaded loket ZIPs are bound to the session that made them, so their tokens
here answer 404 to the roles that may use those pages (the access check runs first).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from overdracht.model import load_dossier
from overdracht.web import documents
from overdracht.web.models import Profile, Role
from overdracht.web.permissions import MATRIX, REFUSALS, Capability, active_role, may, role_of

from .conftest import SAMPLES

pytestmark = pytest.mark.django_db

ANON, B, IB, ADM, LOKET, NONE = "anoniem", "beheerder", "ib", "administratie", "loket", "geen-rol"
STAFF = (B, IB, ADM, LOKET)
PERSONAS = (ANON, *STAFF, NONE)


@dataclass(frozen=True)
class Row:
    """Who may use one URL pattern, and what they get."""

    allowed: frozenset[str]  # the logged-in personas that may use it
    ok: int = 200  # their answer (GET, or POST when post_only)
    post_only: bool = False
    public: dict[str, int] = field(default_factory=dict)  # no login needed: persona -> answer


def may_use(*personas: str, ok: int = 200, post_only: bool = False) -> Row:
    return Row(frozenset(personas), ok, post_only)


def public(anonymous: int, logged_in: int | None = None) -> Row:
    answers = {p: anonymous if p == ANON else logged_in or anonymous for p in PERSONAS}
    return Row(frozenset(), public=answers)


IB_ONLY = (B, IB)  # the IB'er and the beheerder
SCHOOL = (B, IB, ADM)  # the school's own staff

TABLE: dict[str, Row] = {
    # Accounts: log in and first run are public; a user without a role can only log out.
    "home": may_use(*STAFF, ok=302),
    "login": public(200, 302),
    "logout": may_use(*STAFF, NONE, ok=302, post_only=True),
    "eerste_keer": public(404),  # only while no account exists
    # Beheer
    "beheer": may_use(B),
    "beheer_aanvulling": may_use(B, ok=400, post_only=True),  # no file sent
    "beheer_aanvulling_uit": may_use(B, ok=302, post_only=True),
    "beheer_account_nieuw": may_use(B, ok=400, post_only=True),  # empty form
    "beheer_account": may_use(B, ok=302, post_only=True),
    "bewaartermijn": may_use(B),
    "verstrekkingenlog": may_use(B),
    "verstrekkingenlog_csv": may_use(B),
    "verstrekkingenlog_xlsx": may_use(B),
    # Dossiers: the overview for the school's staff; the content for the IB'er only.
    "dossiers": may_use(*SCHOOL),
    "dossier_nieuw": may_use(*IB_ONLY),
    "checklist_bijwerken": may_use(*IB_ONLY, post_only=True),
    "dossier": may_use(*IB_ONLY),
    "dossier_verwijderen": may_use(*IB_ONLY),  # GET: the page that asks to confirm
    "documenten": may_use(*IB_ONLY),
    "document": may_use(*IB_ONLY),
    "documenten_zip": may_use(*IB_ONLY),
    "documenten_versturen": may_use(*IB_ONLY, ok=400, post_only=True),  # no receiver named
    "definitief_maken": may_use(*IB_ONLY, ok=302, post_only=True),
    "versies": may_use(*IB_ONLY),
    "versie": may_use(*IB_ONLY),
    "versie_herstellen": may_use(*IB_ONLY, ok=302, post_only=True),
    "dossier_logboek": may_use(*IB_ONLY),
    # Inzage: asking shows the codes, so only the IB'er; the parents' pages are public.
    "inzage_overzicht": may_use(*IB_ONLY),
    "inzage_vragen": may_use(*IB_ONLY, post_only=True),
    "inzage_intrekken": may_use(*IB_ONLY, ok=302, post_only=True),
    "inzage_link": public(200),  # the code page
    "inzage_ouder": public(404),  # without the code: the calm "not valid" page
    "inzage_afsluiten": Row(frozenset(), post_only=True, public=dict.fromkeys(PERSONAS, 200)),
    "inzage_toestemming_intrekken": Row(
        frozenset(), post_only=True, public=dict.fromkeys(PERSONAS, 404)
    ),  # without the code: the calm "not valid" page
    "inzage_pdf": public(404),  # without the code: the calm "not valid" page
    "inzage_brief": may_use(*IB_ONLY),  # GET: asks to confirm that the old letter stops
    "inzage_openzetten": may_use(*IB_ONLY, ok=302, post_only=True),
    "inzage_papier": may_use(*IB_ONLY),
    # Dossier files: reading in for the school's staff; downloads hold everything.
    "dossierbestanden": may_use(*SCHOOL),
    "dossierbestanden_zip": may_use(*IB_ONLY),
    "dossierbestand": may_use(*IB_ONLY),
    "dossierbestand_versie": may_use(*IB_ONLY),
    # Import
    "importeren": may_use(*SCHOOL),
    "import_sjabloon": may_use(*SCHOOL, ok=302),  # no transition chosen: back to the form
    "importverslag": may_use(*SCHOOL, ok=404),  # another session's report
    "importverslag_xlsx": may_use(*SCHOOL, ok=404),
    # The loket's TLV aanvragen (the IB'er checks an aanvraag as the loket will)
    "loket": may_use(B, IB, LOKET),
    "loket_download": may_use(B, IB, LOKET),
    "loket_zip": may_use(B, IB, LOKET, ok=404),  # another session's ZIP
    "loket_zip_download": may_use(B, IB, LOKET, ok=404),
    # Is this PDF one of ours? Tells only about a document the user holds.
    "controleren": may_use(*STAFF),
    # Django's admin checks is_staff itself (only the beheerder has it); the rest of admin:*
    # is Django's own and answers the same way.
    "admin:index": Row(frozenset({B}), public={p: 302 for p in (ANON, IB, ADM, LOKET, NONE)}),
}


def _patterns(
    resolver: URLResolver | None = None, namespace: str = ""
) -> Iterator[tuple[str, URLPattern]]:
    for entry in (resolver or get_resolver()).url_patterns:
        if isinstance(entry, URLResolver):
            inner = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
            yield from _patterns(entry, inner)
        elif entry.name:
            yield f"{namespace}{entry.name}", entry


def test_every_url_pattern_is_in_the_table() -> None:
    names = {name for name, _ in _patterns()}
    own = {name for name in names if not name.startswith("admin:")}
    assert own - TABLE.keys() == set(), "nieuwe URL: zet hem in TABLE, met wie hem mag gebruiken"
    assert TABLE.keys() - names == set(), "TABLE noemt een URL die niet meer bestaat"
    unnamed = [p for p in get_resolver().url_patterns if isinstance(p, URLPattern) and not p.name]
    assert unnamed == []


def test_the_matrix_names_every_capability_once() -> None:
    assert set(MATRIX) == set(Capability) == set(REFUSALS)


# --- The fixture: two dossiers, an inzage link, one account per persona -------------------------


def _tiny_render(doc: Any, *, pdfa: bool, final: bool = False) -> documents.Rendered:
    """Stands in for WeasyPrint and docxtpl: the access checks do not need real documents."""
    if pdfa:
        return documents.Rendered({(documents.MAIN, "pdfa"): b"%PDF-1.7 klein"}, concept=not final)
    files = {(documents.MAIN, "docx"): b"PK klein", (documents.MAIN, "pdf"): b"%PDF-1.7 klein"}
    return documents.Rendered(files, concept=not final)


@pytest.fixture
def world(django_user_model: Any, monkeypatch: pytest.MonkeyPatch) -> dict[str, Any]:
    from overdracht.web.inzage import links
    from overdracht.web.store import create_dossier

    monkeypatch.setattr(documents, "_render", _tiny_render)
    users: dict[str, Any] = {}
    for role in STAFF:
        user = django_user_model.objects.create_user(username=role)  # no password: force_login
        user.is_staff = user.is_superuser = role == B  # as the beheer page makes a beheerder
        user.save()
        Profile.objects.create(user=user, rol=role)
        users[role] = user
    users[NONE] = django_user_model.objects.create_user(username="zonder")
    tlv = create_dossier(load_dossier(SAMPLES / "po-so-compleet.yaml"), None, herkomst="test")
    other = create_dossier(load_dossier(SAMPLES / "po-vo-compleet.yaml"), None, herkomst="test")
    made = {
        kind: links.ask(dossier, users[IB])[0] for kind, dossier in [("tlv", tlv), ("other", other)]
    }
    return {"users": users, "tlv": tlv, "other": other, "links": made}


def _kwargs(name: str, pattern: URLPattern, world: dict[str, Any], kind: str) -> dict[str, Any]:
    dossier, link = world[kind], world["links"][kind]
    values = {
        "public_id": dossier.public_id,
        "number": dossier.current_number,
        "pk": link.verzoek.pk,
        "token": link.token if name.startswith("inzage") else "onbekend-token",
        "soort": "overzicht.xlsx" if name.startswith("loket") else documents.MAIN,
        "formaat": "pdf",
        "user_id": world["users"][ADM].pk,
    }
    return {key: values[key] for key in pattern.pattern.converters}


def _post_data(name: str, world: dict[str, Any], dossier: Any) -> dict[str, str]:
    return {
        "definitief_maken": {"versie": str(dossier.current_number)},
        "versie_herstellen": {"huidig": str(dossier.current_number)},
        "inzage_vragen": {"bevestigd": "ja"},  # letters are out: confirm they stop working
        "beheer_account": {"actie": "rol", "rol": Role.ADMINISTRATIE},
    }.get(name, {})


def _expected(row: Row, persona: str, method: str) -> int:
    if row.public:
        if method == "GET" and row.post_only:
            return 405
        return row.public.get(persona, row.ok)
    if persona == ANON:
        return 302
    if persona not in row.allowed:
        return 403
    if row.post_only and method == "GET":
        return 405
    return row.ok


def _client(world: dict[str, Any], persona: str) -> Client:
    client = Client(raise_request_exception=False)
    if persona != ANON:
        client.force_login(world["users"][persona])
    return client


@pytest.mark.parametrize("kind", ["tlv", "other"])
def test_every_url_as_every_persona(world: dict[str, Any], kind: str) -> None:
    """Each request runs in a savepoint that is rolled back, so none changes the next. The
    dossier pages are requested for a TLV dossier and for another one; the rest once."""
    dossier = world[kind]
    wrong: list[str] = []
    clients = {persona: Client(raise_request_exception=False) for persona in PERSONAS}
    for name, pattern in sorted(_patterns()):
        if name not in TABLE or (name.startswith("admin:") and name != "admin:index"):
            continue
        if kind == "other" and "public_id" not in pattern.pattern.converters:
            continue  # the same request as for the TLV dossier
        row = TABLE[name]
        kwargs = _kwargs(name, pattern, world, kind)
        url = reverse(name, kwargs=kwargs)
        methods = ["GET", "POST"] if row.post_only else ["GET"]
        for persona in PERSONAS:
            for method in methods:
                client = clients[persona]  # one per persona: loading the middleware is slow
                if persona != ANON:
                    client.force_login(world["users"][persona])  # again, after Uitloggen
                savepoint = transaction.savepoint()
                try:
                    if method == "GET":
                        response = client.get(url)
                    else:
                        response = client.post(url, _post_data(name, world, dossier))
                finally:
                    transaction.savepoint_rollback(savepoint)
                want = _expected(row, persona, method)
                got = response.status_code
                if got != want:
                    wrong.append(f"{method} {name} als {persona}: {got}, verwacht {want}")
                if got == 302 and want == 302 and persona == ANON and not row.public:
                    assert response["Location"].startswith("/inloggen/?next="), url
                if got == 403:
                    page = response.content.decode()
                    assert "Geen toegang" in page and "Traceback" not in page
    assert not wrong, "\n".join(wrong)


# --- What the matrix says, one decision at a time -----------------------------------------------


def test_only_the_ib_and_the_beheerder_make_final_and_ask_for_inzage(world: dict[str, Any]) -> None:
    users = world["users"]
    for capability in (Capability.MAKE_FINAL, Capability.ASK_INZAGE, Capability.READ_DOSSIER):
        assert {p for p in STAFF if may(users[p], capability)} == {B, IB}


def test_the_loket_sees_only_the_tlv_aanvragen(world: dict[str, Any]) -> None:
    loket = _client(world, LOKET)
    assert loket.get("/dossierbestanden/alles.zip").status_code == 403
    assert loket.get("/dossiers/").status_code == 403
    page = loket.get("/loket/")
    assert page.status_code == 200
    html = page.content.decode()
    assert world["tlv"].public_id not in html and world["other"].public_id not in html
    assert loket.get("/", follow=False)["Location"] == "/loket/"


def test_a_user_without_a_role_can_only_log_out(world: dict[str, Any]) -> None:
    client = _client(world, NONE)
    assert role_of(world["users"][NONE]) is None
    page = client.get("/")
    assert page.status_code == 403
    html = page.content.decode()
    assert "geen rol" in html
    assert 'action="/uitloggen/"' in html  # the way out is on the page
    assert "Hoofdmenu" not in html
    assert client.post("/uitloggen/").status_code == 302
    assert client.get("/dossiers/").status_code == 302  # logged out: to the login page


def test_a_switched_off_account_has_no_role(world: dict[str, Any]) -> None:
    user = world["users"][IB]
    user.is_active = False
    user.save()
    assert role_of(user) == Role.IB  # the beheer page still shows which role it had
    assert active_role(user) is None
    assert not may(user, Capability.READ_DOSSIER)
    assert _client(world, IB).get("/dossiers/").status_code == 302  # Django logs it out


def test_the_beheer_page_shows_an_account_without_a_role_as_such(world: dict[str, Any]) -> None:
    html = _client(world, B).get("/beheer/").content.decode()
    row = html.split(">zonder<")[1].split("</tr>")[0]
    assert "Geen rol (mag niets)" in row
    assert 'value="beheerder" selected' not in row


def test_an_unknown_role_has_no_rights(world: dict[str, Any]) -> None:
    user = world["users"][IB]
    Profile.objects.filter(user=user).update(rol="stagiair")
    user.refresh_from_db()
    assert role_of(user) is None
    assert _client(world, IB).get("/dossiers/").status_code == 403


@pytest.mark.parametrize(
    ("persona", "menu"),
    [
        (B, ["Dossiers", "Importeren", "TLV-aanvragen", "Controleren", "Beheer"]),
        (IB, ["Dossiers", "Importeren", "TLV-aanvragen", "Controleren"]),
        (ADM, ["Dossiers", "Importeren", "Controleren"]),
        (LOKET, ["TLV-aanvragen", "Controleren"]),
    ],
)
def test_the_menu_shows_only_what_the_role_may_use(
    world: dict[str, Any], persona: str, menu: list[str]
) -> None:
    start = _client(world, persona).get("/", follow=True)
    assert start.status_code == 200  # the start page is one the role may use
    html = start.content.decode()
    nav = html.split('aria-label="Hoofdmenu"')[1].split("</nav>")[0]
    shown = [
        label
        for label in ("Dossiers", "Importeren", "TLV-aanvragen", "Controleren", "Beheer")
        if f">{label}</a>" in nav
    ]
    assert shown == menu


def test_administratie_sees_the_overview_but_no_dossier_page(world: dict[str, Any]) -> None:
    client = _client(world, ADM)
    html = client.get("/dossiers/").content.decode()
    assert f"/dossiers/{world['tlv'].public_id}/" not in html  # names without links
    assert "alles.zip" not in html and "Nieuw dossier" not in html
    assert "alles.zip" not in client.get("/dossierbestanden/").content.decode()


def _forgotten(request: Any) -> Any:
    from django.http import HttpResponse

    return HttpResponse("leerlinggegevens")


def test_a_view_that_forgets_its_role_check_is_refused_to_everyone(
    world: dict[str, Any], settings: Any
) -> None:
    from types import ModuleType

    from django.urls import path

    from overdracht.web import urls

    module = ModuleType("urls_met_vergeten_controle")
    module.__dict__.update(vars(urls))
    module.urlpatterns = [*urls.urlpatterns, path("vergeten/", _forgotten)]  # type: ignore[attr-defined]
    settings.ROOT_URLCONF = module
    for persona in PERSONAS:
        response = _client(world, persona).get("/vergeten/")
        assert response.status_code == (302 if persona == ANON else 403), persona
        assert "leerlinggegevens" not in response.content.decode()


def test_administratie_reads_in_a_dossier_file_and_returns_to_the_overview(
    world: dict[str, Any],
) -> None:
    from django.core.files.uploadedfile import SimpleUploadedFile

    data = (SAMPLES / "vo-vo-compleet.yaml").read_bytes()
    upload = SimpleUploadedFile("vo-vo-compleet.yaml", data, content_type="application/yaml")
    response = _client(world, ADM).post("/dossierbestanden/", {"bestanden": [upload]})
    assert response.status_code == 302
    assert response["Location"] == "/dossiers/"  # not the dossier, which it may not open


def test_a_post_can_need_more_than_a_get(world: dict[str, Any]) -> None:
    from django.http import HttpResponse
    from django.test import RequestFactory

    from overdracht.web.permissions import requires

    @requires(Capability.LIST_DOSSIERS, post=Capability.EDIT_DOSSIER)
    def view(request: Any) -> HttpResponse:
        return HttpResponse("ja")

    factory = RequestFactory()
    for persona, get, post in [(ADM, 200, 403), (IB, 200, 200), (LOKET, 403, 403)]:
        user = world["users"][persona]
        for method, want in (("get", get), ("post", post)):
            request = getattr(factory, method)("/")
            request.user = user
            try:
                got = view(request).status_code
            except PermissionDenied:
                got = 403
            assert got == want, (persona, method)

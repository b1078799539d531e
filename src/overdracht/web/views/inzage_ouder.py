"""The parents' and pupil's own inzage pages: no account, a link and a code.

``/inzage/<token>/`` is the link on the letter: it asks for the code. After the right code the
browser's own inzage session (:mod:`overdracht.web.inzage.session`) holds the link, and every
later page (``/inzage/``, ``/inzage/rapport.pdf``) has no token in its address, so the token is
not in later addresses, Referer headers or logs. The posts are checked by that session's form
key, not by Django's CSRF middleware, which refuses the ``Origin: null`` that browsers send from
a ``no-referrer`` page.
"""

from __future__ import annotations

from typing import Any

from django.contrib.auth.decorators import login_not_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_POST

from overdracht.errors import OverdrachtError
from overdracht.web import disclosure
from overdracht.web.documents import MAIN, document_bytes
from overdracht.web.inzage import links
from overdracht.web.inzage.apply import submit
from overdracht.web.inzage.forms import AnswerForm, chosen
from overdracht.web.inzage.people import Plan, plan_for
from overdracht.web.inzage.preview import readable_report, report_pdf
from overdracht.web.inzage.session import FORM_FIELD, ParentSession
from overdracht.web.inzage.withdrawal import withdraw_after_final, withdrawable
from overdracht.web.models import DossierVersion, Inzagereactie, Inzageverzoek
from overdracht.web.store import document, overlay_for

CODE_PROBLEMS = {
    links.CodeResult.WRONG: "De code klopt niet. Kijk de code op de brief na en probeer het "
    "opnieuw.",
    links.CodeResult.RESTING: "Er is een paar keer een verkeerde code ingevuld. Wacht een "
    "kwartier en probeer het dan opnieuw.",
    links.CodeResult.CLOSED: "Er is te vaak een verkeerde code ingevuld. Neem contact op met de "
    "school: zij kunnen de link weer openzetten of een nieuwe brief maken.",
}
EXPIRED_FORM = (
    "Het formulier was verlopen. Vul de code nog een keer in. Lukt het steeds niet? Deze pagina "
    "gebruikt één cookie om te onthouden dat de code klopte: zet cookies aan voor deze website."
)


def _public(
    request: HttpRequest,
    session: ParentSession | None,
    template: str,
    context: dict[str, Any],
    status: int = 200,
) -> HttpResponse:
    response = render(request, template, context, status=status)
    response["Cache-Control"] = "no-store"
    response["Referrer-Policy"] = "no-referrer"
    response["X-Robots-Tag"] = "noindex, nofollow"
    return session.attach(response) if session is not None else response


def _not_valid(request: HttpRequest, typed: str = "") -> HttpResponse:
    # The same calm page for a forged, expired or withdrawn link: it tells nothing.
    return _public(request, None, "overdracht/inzage/ongeldig.html", {"getypt": typed}, 404)


@login_not_required
@never_cache
@csrf_exempt  # checked by the inzage session's form key: see the module's docstring
@require_http_methods(["GET", "POST"])
def code_page(request: HttpRequest, token: str) -> HttpResponse:
    """The link on the letter: the code, then on to the token-free page."""
    verzoek = links.find(token)
    if verzoek is None:
        return _not_valid(request)
    session = ParentSession(request)
    if request.method == "GET" and session.holds(verzoek):
        return session.attach(redirect("inzage_ouder"))
    fout = ""
    if request.method == "POST":
        if not session.form_ok(request):
            fout = EXPIRED_FORM
        else:
            result = links.check_code(verzoek, token, request.POST.get("code", ""))
            if result is links.CodeResult.OK:
                session.open(verzoek)
                return session.attach(redirect("inzage_ouder"))
            fout = CODE_PROBLEMS[result]
    context = {"fout": fout, "je": verzoek.giver == "leerling", "sleutel": session.form_key}
    return _public(request, session, "overdracht/inzage/code.html", context, 400 if fout else 200)


@login_not_required
@never_cache
@csrf_exempt  # checked by the inzage session's form key: see the module's docstring
@require_http_methods(["GET", "POST"])
def parent_page(request: HttpRequest) -> HttpResponse:
    """What goes to the new school, the choices, and what was sent: for the opened link."""
    session = ParentSession(request)
    verzoek = session.opened()
    typed = request.POST.get("toelichting", "") if request.method == "POST" else ""
    if verzoek is None or not links.viewable(verzoek):
        return _not_valid(request, typed)
    plan = _plan(verzoek)
    form = None
    if request.method == "POST":
        if not links.can_answer(verzoek):
            return _answer_page(request, session, verzoek, plan, None, too_late=True, typed=typed)
        form = AnswerForm(plan, verzoek.beslist_toestemming, request.POST, je=_je(verzoek))
        if not session.form_ok(request):
            form.expired()
        elif form.is_valid():
            submit(verzoek, form.answer())
            session.flash(
                "Bedankt. Je keuzes zijn doorgegeven aan de school."
                if _je(verzoek)
                else "Dank u wel. Uw keuzes zijn doorgegeven aan de school."
            )
            return session.attach(redirect("inzage_ouder"))
    return _answer_page(request, session, verzoek, plan, form)


def _je(verzoek: Inzageverzoek) -> bool:
    return verzoek.giver == "leerling"


def _plan(verzoek: Inzageverzoek) -> Plan:
    doc = document(verzoek.dossier.versions.get(number=verzoek.versie).data)
    return plan_for(doc, overlay_for(doc))


def _final(verzoek: Inzageverzoek) -> DossierVersion | None:
    return (
        verzoek.dossier.versions.filter(definitief=True, number__gte=verzoek.versie)
        .order_by("-number")
        .first()
    )


def _answer_page(
    request: HttpRequest,
    session: ParentSession,
    verzoek: Inzageverzoek,
    plan: Plan,
    form: AnswerForm | None,
    *,
    too_late: bool = False,
    typed: str = "",
    withdraw_problem: str = "",
) -> HttpResponse:
    dossier = verzoek.dossier
    final = _final(verzoek)
    shown = final or dossier.versions.get(number=verzoek.versie)
    reactie = verzoek.reacties.last()
    if form is None and final is None:
        form = AnswerForm(
            plan, verzoek.beslist_toestemming, initial=_initial(reactie, plan), je=_je(verzoek)
        )
    earlier = None if reactie else _earlier(verzoek)
    return _public(
        request,
        session,
        "overdracht/inzage/ouder.html",
        {
            "verzoek": verzoek,
            "je": _je(verzoek),
            "doc": document(shown.data),
            "definitief": final,
            "plan": plan,
            "form": form,
            "sleutel": session.form_key,
            "categorieen": {f"toestemming_{c.categorie}": c for c in plan.categorieen},
            "rapport": readable_report(document(shown.data), everything=final is None),
            "reactie": reactie,
            "keuzes": chosen(reactie),
            "eerder": earlier,
            "eerdere_keuzes": chosen(earlier),
            "melding": session.take_flash(),
            "te_laat": too_late,
            "getypt": typed,
            "verstrekkingen": disclosure.real_disclosures(dossier),
            "intrekbaar": withdrawable(verzoek) if final is not None else [],
            "intrekfout": withdraw_problem,
        },
        status=409 if too_late else 400 if withdraw_problem or (form and form.errors) else 200,
    )


def _initial(reactie: Inzagereactie | None, plan: Plan) -> dict[str, str]:
    """A returning parent's own last answers on this link, as the form's starting values."""
    if reactie is None:
        return {}
    initial = {
        f"toestemming_{c}": "ja" if yes else "nee" for c, yes in reactie.toestemmingen.items()
    }
    index = {titel: i for i, titel, _c in plan.bijlagen}
    for bijlage in reactie.bijlagen:
        if bijlage.get("titel") in index:
            initial[f"bijlage_{index[bijlage['titel']]}"] = "ja" if bijlage["meesturen"] else "nee"
    initial["zienswijze"] = reactie.zienswijze
    initial["toelichting"] = reactie.toelichting
    return initial


def _earlier(verzoek: Inzageverzoek) -> Inzagereactie | None:
    """This person's answer on an earlier letter for this dossier (shown, not filled in: a
    consent is given anew for each version, never pre-ticked)."""
    return (
        Inzagereactie.objects.filter(
            verzoek__dossier=verzoek.dossier,
            verzoek__giver=verzoek.giver,
            verzoek__ouder_nummer=verzoek.ouder_nummer,
        )
        .exclude(verzoek=verzoek)
        .order_by("-ingediend_op", "-pk")
        .first()
    )


@login_not_required
@never_cache
@csrf_exempt  # checked by the inzage session's form key: see the module's docstring
@require_POST
def parent_withdraw(request: HttpRequest) -> HttpResponse:
    """After final: withdraw a consent given earlier (never give a new one)."""
    session = ParentSession(request)
    verzoek = session.opened()
    if verzoek is None or not links.viewable(verzoek):
        return _not_valid(request)
    je = _je(verzoek)
    if links.state(verzoek) is not links.State.FINAL:
        return session.attach(redirect("inzage_ouder"))  # before final: the form itself
    problem = ""
    if not session.form_ok(request):
        problem = (
            "Het formulier was verlopen. Vink opnieuw aan wat "
            f"{'je' if je else 'u'} wilt intrekken."
        )
    elif withdraw_after_final(verzoek, request.POST.getlist("intrekken")) is None:
        problem = f"Vink aan welke toestemming {'je' if je else 'u'} wilt intrekken."
    if problem:
        return _answer_page(
            request, session, verzoek, _plan(verzoek), None, withdraw_problem=problem
        )
    session.flash(
        "Je toestemming is ingetrokken. De school ziet dit meteen."
        if je
        else "Uw toestemming is ingetrokken. De school ziet dit meteen."
    )
    return session.attach(redirect("inzage_ouder"))


@login_not_required
@never_cache
def parent_pdf(request: HttpRequest) -> HttpResponse:
    """The report as a PDF: the concept as it goes when they agree to everything, or after
    final the stored document exactly as it was made."""
    session = ParentSession(request)
    verzoek = session.opened()
    if verzoek is None or not links.viewable(verzoek):
        return _not_valid(request)
    final = _final(verzoek)
    content = document_bytes(final, MAIN, "pdf") if final is not None else None
    if content is None:
        try:
            content = report_pdf(document(verzoek.dossier.versions.get(number=verzoek.versie).data))
        except OverdrachtError as exc:  # being made (busy) or failed: a calm page, never a 500
            page = _public(request, None, "overdracht/documentfout_kaal.html", {"renderfout": exc})
            seconds = getattr(exc, "refresh_seconds", None)
            if seconds:  # the browser asks again by itself
                page["Refresh"] = str(seconds)
            return page
    name = "onderwijskundig-rapport" if final is not None else "onderwijskundig-rapport-concept"
    response = HttpResponse(content, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{name}.pdf"'
    response["Cache-Control"] = "no-store"
    response["Referrer-Policy"] = "no-referrer"
    return response


@login_not_required
@never_cache
@csrf_exempt  # checked by the inzage session's form key
@require_POST
def parent_end(request: HttpRequest) -> HttpResponse:
    """'Afsluiten' on a shared computer: the session ends, the page needs the code again."""
    session = ParentSession(request)
    if session.form_ok(request):
        session.end()
    return _public(request, session, "overdracht/inzage/afgesloten.html", {})


__all__ = [
    "FORM_FIELD",
    "code_page",
    "parent_end",
    "parent_page",
    "parent_pdf",
    "parent_withdraw",
]

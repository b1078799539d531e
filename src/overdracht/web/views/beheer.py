"""Beheer (beheerder only): the regional overlay that applies to every check, and accounts.

Accounts are managed here, in plain Dutch (make, change role, switch off and on again); the
Django admin (``/admin/``) stays available for the rare deeper change.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.password_validation import validate_password
from django.contrib.auth.validators import UnicodeUsernameValidator
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import URLPattern, path
from django.views.decorators.http import require_POST

from overdracht.checklists.loader import load_checklist, overlay_bases
from overdracht.errors import InvalidInputError, OverdrachtError
from overdracht.web import store
from overdracht.web.models import Overlay, Profile, Role
from overdracht.web.permissions import Capability, requires, role_of
from overdracht.web.uploads import original_name, save_upload, temporary_folder, user_messages


class OverlayForm(forms.Form):
    aanvulling = forms.FileField(
        label="Regionale aanvulling (YAML)",
        help_text="Een overlay met 'extends:', zoals 'overdracht check --overlay' hem leest.",
        error_messages={"required": "Kies het bestand met de regionale aanvulling."},
        widget=forms.ClearableFileInput(attrs={"accept": ".yml,.yaml"}),
    )


class AccountForm(forms.Form):
    gebruikersnaam = forms.CharField(label="Gebruikersnaam", max_length=150)
    rol = forms.ChoiceField(label="Rol", choices=Role.choices, initial=Role.IB)
    wachtwoord = forms.CharField(
        label="Eerste wachtwoord",
        help_text="Minstens 10 tekens. Geef het persoonlijk door; het is niet meer te zien.",
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        strip=False,
    )

    def clean_gebruikersnaam(self) -> str:
        name = str(self.cleaned_data["gebruikersnaam"]).strip()
        UnicodeUsernameValidator()(name)
        users = get_user_model()
        if users.objects.filter(**{f"{users.USERNAME_FIELD}__iexact": name}).exists():
            raise ValidationError("Er is al een account met deze gebruikersnaam.")
        return name

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if "wachtwoord" in data:
            user = get_user_model()(username=data.get("gebruikersnaam", ""))
            try:
                validate_password(data["wachtwoord"], user)
            except ValidationError as exc:
                self.add_error(
                    "wachtwoord", [PASSWORD_PROBLEMS.get(e.code or "", e) for e in exc.error_list]
                )
        return data


# Django's own Dutch texts for these lag behind its English ones (and then show in English).
PASSWORD_PROBLEMS = {
    "password_too_short": "Dit wachtwoord is te kort: gebruik minstens 10 tekens.",
    "password_too_common": "Dit wachtwoord wordt te vaak gebruikt; kies een ander.",
    "password_entirely_numeric": "Dit wachtwoord bestaat alleen uit cijfers; gebruik ook letters.",
    "password_too_similar": "Dit wachtwoord lijkt te veel op de gebruikersnaam.",
}


class RolForm(forms.Form):
    rol = forms.ChoiceField(label="Rol", choices=Role.choices)


def _page(
    request: HttpRequest,
    overlay_form: OverlayForm | None = None,
    account_form: AccountForm | None = None,
    status: int = 200,
) -> HttpResponse:
    users = get_user_model().objects.order_by("username").select_related("profiel")
    context = {
        "overlay_form": overlay_form or OverlayForm(),
        "account_form": account_form or AccountForm(),
        "actief": Overlay.objects.filter(actief=True).order_by("-created_at").first(),
        "eerdere": Overlay.objects.filter(actief=False).order_by("-created_at")[:10],
        "accounts": [(u, role_of(u)) for u in users],
        "rollen": Role.choices,
        "form": overlay_form if overlay_form is not None and overlay_form.errors else account_form,
    }
    return render(request, "overdracht/beheer.html", context, status=status)


@requires(Capability.BEHEER)
def beheer_page(request: HttpRequest) -> HttpResponse:
    return _page(request)


@requires(Capability.BEHEER)
@require_POST
def overlay_upload(request: HttpRequest) -> HttpResponse:
    form = OverlayForm(request.POST, request.FILES)
    if not form.is_valid():
        return _page(request, overlay_form=form, status=400)
    upload = form.cleaned_data["aanvulling"]
    name = original_name(upload)
    with temporary_folder() as folder:
        saved = save_upload(upload, folder)
        try:
            bases = validate_overlay(saved)
            text = saved.read_text(encoding="utf-8")
        except OverdrachtError as exc:
            form.add_error("aanvulling", user_messages(exc, {saved: name}))
            return _page(request, overlay_form=form, status=400)
    with transaction.atomic():
        Overlay.objects.filter(actief=True).update(actief=False)
        Overlay.objects.create(naam=name, inhoud=text, actief=True, created_by_id=request.user.pk)
        count = store.reindex_all()
    messages.success(
        request,
        f"De regionale aanvulling {name} geldt nu voor {', '.join(bases)}. "
        f"De status van {count} dossiers is opnieuw bepaald.",
    )
    return redirect("beheer")


def validate_overlay(path: Path) -> list[str]:
    """The checklists the overlay extends, each loaded with it: any problem raises, as in the
    CLI (``file:line: field: problem``)."""
    bases = overlay_bases(path)
    if not bases:
        raise InvalidInputError(
            f"{path}:1: extends: een overlay moet zeggen welke checklist hij uitbreidt"
        )
    for base in bases:
        load_checklist(base, path)
    return bases


@requires(Capability.BEHEER)
@require_POST
def overlay_off(request: HttpRequest) -> HttpResponse:
    with transaction.atomic():
        switched = Overlay.objects.filter(actief=True).update(actief=False)
        count = store.reindex_all() if switched else 0
    if switched:
        messages.success(
            request,
            "De regionale aanvulling is uitgezet; de landelijke checklists gelden weer. "
            f"De status van {count} dossiers is opnieuw bepaald.",
        )
    return redirect("beheer")


@requires(Capability.BEHEER)
@require_POST
def account_new(request: HttpRequest) -> HttpResponse:
    form = AccountForm(request.POST)
    if not form.is_valid():
        return _page(request, account_form=form, status=400)
    data = form.cleaned_data
    beheerder = data["rol"] == Role.BEHEERDER
    with transaction.atomic():
        user = get_user_model().objects.create_user(
            username=data["gebruikersnaam"], password=data["wachtwoord"]
        )
        user.is_staff = user.is_superuser = beheerder  # a beheerder may use the Django admin
        user.save()
        Profile.objects.create(user=user, rol=data["rol"])
    messages.success(request, f"Account {user.get_username()} is gemaakt.")
    return redirect("beheer")


@requires(Capability.BEHEER)
@require_POST
def account_change(request: HttpRequest, user_id: int) -> HttpResponse:
    user = get_object_or_404(get_user_model(), pk=user_id)
    if user.pk == request.user.pk:
        messages.error(
            request,
            "Uw eigen account kunt u hier niet veranderen, zodat er altijd een beheerder "
            "overblijft. Vraag een andere beheerder.",
        )
        return redirect("beheer")
    action = request.POST.get("actie", "")
    if action == "rol":
        form = RolForm(request.POST)
        if form.is_valid():
            rol = form.cleaned_data["rol"]
            Profile.objects.update_or_create(user=user, defaults={"rol": rol})
            user.is_staff = user.is_superuser = rol == Role.BEHEERDER
            user.save()
            label = dict(Role.choices)[rol]
            messages.success(request, f"{user.get_username()} is nu: {label}.")
    elif action in ("uit", "aan"):
        user.is_active = action == "aan"
        user.save()
        state = "weer aangezet" if user.is_active else "uitgeschakeld; inloggen kan niet meer"
        messages.success(request, f"Account {user.get_username()} is {state}.")
    return redirect("beheer")


urlpatterns: list[URLPattern] = [
    path("beheer/", beheer_page, name="beheer"),
    path("beheer/aanvulling/", overlay_upload, name="beheer_aanvulling"),
    path("beheer/aanvulling/uit/", overlay_off, name="beheer_aanvulling_uit"),
    path("beheer/accounts/nieuw/", account_new, name="beheer_account_nieuw"),
    path("beheer/accounts/<int:user_id>/", account_change, name="beheer_account"),
]

"""Log in, log out, and the first-run page that makes the first beheerder account."""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth import get_user_model, login
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_not_required
from django.contrib.auth.forms import AuthenticationForm, UserCreationForm
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import URLPattern, path

from overdracht.web import throttle
from overdracht.web.models import Profile, Role
from overdracht.web.permissions import any_role, role_free, start_page

LOCAL_ADDRESSES = {"127.0.0.1", "::1"}


class LoginForm(AuthenticationForm):
    error_messages = {
        "invalid_login": (
            "Deze combinatie van gebruikersnaam en wachtwoord is onbekend. Let op hoofdletters."
        ),
        "inactive": "Dit account is uitgeschakeld. Vraag de beheerder om het weer aan te zetten.",
    }

    def get_invalid_login_error(self) -> ValidationError:
        if getattr(self.request, "login_throttled", False):
            return ValidationError(throttle.LOCKED_MESSAGE.format(minuten=throttle.lock_minutes()))
        return super().get_invalid_login_error()


class FirstAccountForm(UserCreationForm):  # type: ignore[type-arg]
    class Meta(UserCreationForm.Meta):  # type: ignore[name-defined,misc]
        model = get_user_model()
        fields = ("username",)


@login_not_required
def first_run(request: HttpRequest) -> HttpResponse:
    """Make the first account (beheerder); only while none exists, only from this machine."""
    if get_user_model().objects.exists():
        raise Http404
    if not _directly_on_this_machine(request):
        raise PermissionDenied(
            "Het eerste account kan alleen worden gemaakt op de computer waarop overdracht "
            "draait, in een browser zonder proxy ertussen. Maak het anders op die computer met "
            "'overdracht web --beheerder NAAM'."
        )
    form = FirstAccountForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        user = form.save(commit=False)
        user.is_staff = True
        user.is_superuser = True
        user.save()
        Profile.objects.create(user=user, rol=Role.BEHEERDER)
        login(request, user, backend="django.contrib.auth.backends.ModelBackend")
        return redirect("dossiers")
    return render(request, "overdracht/eerste_keer.html", {"form": form})


# Headers a proxy adds; a request carrying one came through a proxy, even from 127.0.0.1.
PROXY_HEADERS = (
    "HTTP_FORWARDED",
    "HTTP_X_FORWARDED_FOR",
    "HTTP_X_FORWARDED_HOST",
    "HTTP_X_FORWARDED_PROTO",
    "HTTP_X_REAL_IP",
    "HTTP_VIA",
)


def _directly_on_this_machine(request: HttpRequest) -> bool:
    """From a browser on the computer itself: never in public mode (behind a proxy the first
    account is made with ``overdracht web --beheerder``), never through a proxy."""
    if settings.PUBLIC or request.META.get("REMOTE_ADDR") not in LOCAL_ADDRESSES:
        return False
    return not any(header in request.META for header in PROXY_HEADERS)


class LoginView(auth_views.LoginView):
    template_name = "registration/login.html"
    authentication_form = LoginForm
    redirect_authenticated_user = True

    def get(self, request: HttpRequest, *args: object, **kwargs: object) -> HttpResponse:
        if not get_user_model().objects.exists():
            return redirect("eerste_keer")
        return super().get(request, *args, **kwargs)


@any_role
def home(request: HttpRequest) -> HttpResponse:
    return redirect(start_page(request.user))


urlpatterns: list[URLPattern] = [
    path("", home, name="home"),
    path("inloggen/", LoginView.as_view(), name="login"),
    path("uitloggen/", role_free(auth_views.LogoutView.as_view()), name="logout"),
    path("eerste-keer/", first_run, name="eerste_keer"),
]

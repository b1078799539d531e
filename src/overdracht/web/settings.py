"""Django settings for the overdracht web app, read from the environment (healthchecks' habit).

- ``OVERDRACHT_DATA``: the data folder (database, uploads, secret key); ``./overdracht-data``.
- ``DATABASE_URL``: a PostgreSQL address (``postgres://user:pw@host/db``); default SQLite in the
  data folder.
- ``OVERDRACHT_RENDER_WORKERS``: how many processes make documents at once; 2.
- ``OVERDRACHT_IMPORTS_TEGELIJK``: how many imports run at once; 2.
- ``OVERDRACHT_PUBLIC=1``: the app listens on another address than 127.0.0.1; switches on the
  HTTPS settings (secure cookies, HSTS, SSL redirect). ``OVERDRACHT_HOSTS`` lists the host names.
"""

from __future__ import annotations

import os
import secrets
from pathlib import Path
from typing import Any

import dj_database_url
from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured

from overdracht.limits import MAX_IMPORT_FILE_BYTES, MAX_SOURCE_BYTES, MAX_SOURCE_VALUES

DATA_DIR = Path(os.environ.get("OVERDRACHT_DATA", "overdracht-data")).resolve()
PUBLIC = os.environ.get("OVERDRACHT_PUBLIC", "") == "1"


def _secret_key(data_dir: Path) -> str:
    """The key kept in the data folder (made by ``overdracht web``, 0600); else a key for this
    process only (tests, tools), so importing the settings never writes anything."""
    env = os.environ.get("OVERDRACHT_SECRET_KEY")
    if env:
        return env
    try:
        return (data_dir / SECRET_KEY_FILE).read_text(encoding="utf-8").strip()
    except OSError:
        return secrets.token_urlsafe(50)


SECRET_KEY_FILE = "geheime-sleutel.txt"
SECRET_KEY = _secret_key(DATA_DIR)
DEBUG = False

if PUBLIC:
    ALLOWED_HOSTS = [h for h in os.environ.get("OVERDRACHT_HOSTS", "").split(",") if h]
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_SSL_REDIRECT = True
    SECURE_HSTS_SECONDS = 31536000
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    # No SECURE_PROXY_SSL_HEADER: waitress believes X-Forwarded-Proto only from the proxy given
    # with --proxy and then serves the request as https itself (server.waitress_options).
    CSRF_TRUSTED_ORIGINS = [f"https://{h}" for h in ALLOWED_HOSTS]
else:
    ALLOWED_HOSTS = ["127.0.0.1", "localhost", "testserver"]

INSTALLED_APPS = [
    # First, so its createsuperuser (with the password rules for --noinput) is the one used.
    "overdracht.web.apps.OverdrachtWebConfig",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django_htmx",
    "csp",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Every response that is not a static file: a Content-Security-Policy, and no-store.
    "csp.middleware.CSPMiddleware",
    "overdracht.web.headers.no_store",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    # Every view needs a login unless it is marked @login_not_required (the few public ones).
    "overdracht.web.middleware.LoginRequired",
    "overdracht.web.busy.DatabaseBusy",  # a busy database: a 503 page that keeps the form
]

ROOT_URLCONF = "overdracht.web.urls"
WSGI_APPLICATION = "overdracht.web.wsgi.application"

TEMPLATES: list[dict[str, Any]] = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "overdracht.web.context.navigation",
            ],
            "builtins": ["overdracht.web.templatetags.overdracht_tags"],
        },
    }
]

DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{DATA_DIR / 'overdracht.sqlite3'}", conn_max_age=60
    )
}
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):
    # Many people save at once (a whole school; parents answering the same evening):
    # - WAL: readers never wait for a writer, and a writer never waits for readers;
    # - IMMEDIATE: a transaction takes the write lock when it starts, so two saves queue
    #   (up to ``timeout`` seconds) instead of one failing with "database is locked" when it
    #   upgrades from reading to writing, which the busy timeout cannot wait out;
    # - synchronous=NORMAL is safe in WAL mode (a power cut loses at most the last commit,
    #   never the database) and makes every commit one write instead of two.
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "timeout": 30,
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL",
    }
    DATABASES["default"]["CONN_MAX_AGE"] = 0

# Documents (previews, downloads, final versions) are rendered in this many worker processes,
# never in the server's threads (renderpool.py); each takes about one core and 120 MB while it
# renders. A render that takes longer than RENDER_TIMEOUT seconds is given up.
try:
    RENDER_WORKERS = int(os.environ.get("OVERDRACHT_RENDER_WORKERS", "2"))
except ValueError:
    raise ImproperlyConfigured(
        "OVERDRACHT_RENDER_WORKERS moet een heel getal zijn, bijvoorbeeld 2."
    ) from None
RENDER_TIMEOUT = 300
# At most this many of the server's threads wait for a render; more previews at once are made
# in the background while their page says so, and the other threads keep serving pages.
RENDER_WAITERS = 4

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Django's validators, with plain Dutch messages (overdracht.web.passwords).
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "overdracht.web.passwords.UserAttributeSimilarityValidator"},
    {"NAME": "overdracht.web.passwords.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "overdracht.web.passwords.CommonPasswordValidator"},
    {"NAME": "overdracht.web.passwords.NumericPasswordValidator"},
]

# Login throttling (overdracht.web.throttle): after this many wrong passwords for one account,
# or from one address, logging in is refused for LOGIN_LOCK_SECONDS, even with the right one.
AUTHENTICATION_BACKENDS = [
    "overdracht.web.throttle.LoginGate",
    "django.contrib.auth.backends.ModelBackend",
]
LOGIN_FAILURES_PER_ACCOUNT = 5
LOGIN_FAILURES_PER_ADDRESS = 30
LOGIN_LOCK_SECONDS = 15 * 60

LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"  # each role's own start page (permissions.START_PAGES)
LOGOUT_REDIRECT_URL = "login"

LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", "Nederlands")]
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = None
# The few static files (CSS, the pinned htmx) are served by WhiteNoise straight from the package.
WHITENOISE_USE_FINDERS = True

# Uploads (bijlagen, imports) live in the data folder and are only served by views that
# check the login; there is no public MEDIA_URL.
UPLOAD_DIR = DATA_DIR / "bestanden"
# The dossier form must save any dossier the library's reader accepts (limits.MAX_SOURCE_VALUES
# values, MAX_SOURCE_BYTES): each value at most one row of the widest row part of the form
# (FORM_FIELDS_PER_ROW fields with its row mark), plus the form's own fields; the form's field
# names make the body up to about three times the dossier file. tests/web/test_limits.py checks
# FORM_FIELDS_PER_ROW against the form's schema.
FORM_FIELDS_PER_ROW = 9
DATA_UPLOAD_MAX_NUMBER_FIELDS = MAX_SOURCE_VALUES * FORM_FIELDS_PER_ROW + 1000
DATA_UPLOAD_MAX_MEMORY_SIZE = 3 * MAX_SOURCE_BYTES
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
FILE_UPLOAD_PERMISSIONS = 0o600
FILE_UPLOAD_DIRECTORY_PERMISSIONS = 0o700
MAX_UPLOAD_BYTES = 25 * 1024 * 1024
# The largest request at all (an import: the workbook and its mapping file, plus the form):
# waitress refuses a larger one with 413 before it spools any of it to disk.
MAX_REQUEST_BYTES = MAX_IMPORT_FILE_BYTES + MAX_SOURCE_BYTES + 1024 * 1024

SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
SESSION_COOKIE_AGE = 8 * 60 * 60
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
CSRF_FAILURE_VIEW = "overdracht.web.views.errors.csrf_failure"
X_FRAME_OPTIONS = "SAMEORIGIN"  # the PDF preview is shown in an <iframe> of our own page
# check --deploy asks for DENY; SAMEORIGIN is deliberate (above) and still refuses other sites.
SILENCED_SYSTEM_CHECKS = ["security.W019"]
# Only the app's own scripts, styles, frames (the PDF preview) and forms; no inline script or
# style, no plugins, no other site may frame a page. The templates use no inline code; htmx
# is told not to add its inline style nor to evaluate (base.html's htmx-config).
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "frame-src": [SELF],
        "frame-ancestors": [SELF],
        "form-action": [SELF],
        "base-uri": [NONE],
        "object-src": [NONE],
    }
}
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"

# Logs never hold pupil data: only the method, the path (opaque ids) and the status code.
LOGGING: dict[str, Any] = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "plain": {
            "()": "overdracht.web.logs.PrivateFormatter",
            "format": "%(asctime)s %(levelname)s %(name)s: %(message)s",
        }
    },
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    # One handler, on the root logger: every line is written once (waitress's basicConfig()
    # finds it there and adds none), and waitress's own lines get the same private format.
    "root": {"handlers": ["console"], "level": "WARNING"},
    "loggers": {
        "django": {"handlers": [], "level": "WARNING"},
        "django.request": {"handlers": [], "level": "ERROR"},
        "overdracht": {"handlers": [], "level": "INFO"},
    },
}

# Imports at once (OVERDRACHT_IMPORTS_TEGELIJK): each takes up to a few hundred MB while it
# runs; as many more wait up to IMPORT_WAIT seconds, later ones get an "even wachten" page.
_imports = os.environ.get("OVERDRACHT_IMPORTS_TEGELIJK", "2")
if not _imports.isdigit() or int(_imports) < 1:
    raise ImproperlyConfigured(
        "OVERDRACHT_IMPORTS_TEGELIJK moet een heel getal van 1 of meer zijn, bijvoorbeeld 2."
    )
IMPORTS_AT_ONCE = int(_imports)
IMPORT_WAIT = 60

# Parents' inzage links: valid this many days (OVERDRACHT_INZAGE_DAGEN), then they expire.
INZAGE_DAGEN = int(os.environ.get("OVERDRACHT_INZAGE_DAGEN", "14"))
# Retention: a dossier may be deleted this many years after its transition's start date.
BEWAARTERMIJN_JAREN = int(os.environ.get("OVERDRACHT_BEWAARTERMIJN_JAREN", "2"))

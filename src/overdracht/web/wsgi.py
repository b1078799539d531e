"""WSGI entry point, served by waitress (``overdracht web``), never by Django's runserver."""

from __future__ import annotations

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "overdracht.web.settings")
application = get_wsgi_application()

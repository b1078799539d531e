"""The Django app of overdracht."""

from __future__ import annotations

from django.apps import AppConfig


class OverdrachtWebConfig(AppConfig):
    name = "overdracht.web"
    label = "overdracht"
    verbose_name = "overdracht"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from overdracht.web import throttle  # noqa: F401  (connects the login counters)

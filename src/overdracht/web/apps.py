"""The Django app of overdracht."""

from __future__ import annotations

from django.apps import AppConfig


class OverdrachtWebConfig(AppConfig):
    name = "overdracht.web"
    label = "overdracht"
    verbose_name = "overdracht"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        # Connect the login counters and the password guard.
        from overdracht.web import passwords, throttle  # noqa: F401

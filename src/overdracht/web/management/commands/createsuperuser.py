"""``python -m overdracht.web createsuperuser``: Django's command, with the password rules also
for ``--noinput`` (Django then takes DJANGO_SUPERUSER_PASSWORD without checking it), and the
new account made a beheerder."""

from __future__ import annotations

import os
from typing import Any

from django.contrib.auth.management.commands import createsuperuser
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.management.base import CommandError


class Command(createsuperuser.Command):
    def handle(self, *args: Any, **options: Any) -> None:
        password = os.environ.get("DJANGO_SUPERUSER_PASSWORD")
        if not options["interactive"] and password is not None:
            users: Any = self.UserModel
            field = users.USERNAME_FIELD
            name = options.get(field) or os.environ.get(f"DJANGO_SUPERUSER_{field.upper()}")
            try:
                validate_password(password, users(**{field: name or ""}))
            except ValidationError as exc:
                raise CommandError(
                    "Het wachtwoord in DJANGO_SUPERUSER_PASSWORD is niet sterk genoeg: "
                    + " ".join(exc.messages)
                ) from None
        before = set(self.UserModel._default_manager.values_list("pk", flat=True))
        super().handle(*args, **options)
        from overdracht.web.models import Profile, Role

        for user in self.UserModel._default_manager.exclude(pk__in=before):
            Profile.objects.get_or_create(user=user, defaults={"rol": Role.BEHEERDER})

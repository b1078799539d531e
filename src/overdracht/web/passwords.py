"""Django's password validators with plain Dutch messages.

Django's Dutch translation lacks some of them (the length rule answers in English), and its
wording is for programmers' users. These subclasses change only the words, so every place a
password is set — the first-run page, *Beheer*, the admin, ``overdracht web --beheerder``,
``createsuperuser`` — checks the same rules and says the same thing.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib.auth import password_validation as django_validators
from django.contrib.auth.password_validation import validate_password
from django.db.models.signals import pre_save
from django.dispatch import receiver


class MinimumLengthValidator(django_validators.MinimumLengthValidator):
    def get_error_message(self) -> str:
        return f"Dit wachtwoord is te kort: gebruik minstens {self.min_length} tekens."

    def get_help_text(self) -> str:
        return f"Gebruik minstens {self.min_length} tekens; een zin van een paar woorden is goed."


class CommonPasswordValidator(django_validators.CommonPasswordValidator):
    def get_error_message(self) -> str:
        return "Dit wachtwoord wordt te vaak gebruikt; kies een ander."

    def get_help_text(self) -> str:
        return "Geen wachtwoord dat veel mensen gebruiken."


class NumericPasswordValidator(django_validators.NumericPasswordValidator):
    def get_error_message(self) -> str:
        return "Dit wachtwoord bestaat alleen uit cijfers; gebruik ook letters."

    def get_help_text(self) -> str:
        return "Niet alleen cijfers."


class UserAttributeSimilarityValidator(django_validators.UserAttributeSimilarityValidator):
    def get_error_message(self) -> str:
        return (
            "Dit wachtwoord lijkt te veel op de gebruikersnaam of andere gegevens van het account."
        )

    def get_help_text(self) -> str:
        return "Niet te veel zoals uw gebruikersnaam of naam."


@receiver(pre_save, sender=settings.AUTH_USER_MODEL)
def refuse_weak_password(sender: object, instance: Any, raw: bool = False, **_: Any) -> None:
    """The last guard: an account is never saved with a new password these rules refuse,
    whichever way it was set (``createsuperuser --noinput``, the shell, a future form).
    ``set_password`` keeps the new password in ``_password`` until the account is saved."""
    new_password = getattr(instance, "_password", None)
    if raw or new_password is None:
        return
    validate_password(new_password, instance)

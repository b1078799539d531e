"""The Django admin (``/admin/``, beheerders only) for accounts and regional overlays.

Dossiers are not here on purpose: a dossier is a validated pydantic document with versions and
a log, and is only changed through the app. The everyday beheer is on the app's own page.
"""

from __future__ import annotations

from django.contrib import admin
from django.contrib.auth import get_user_model
from django.contrib.auth.admin import UserAdmin

from overdracht.web.models import Overlay, Profile


class ProfileInline(admin.StackedInline):  # type: ignore[type-arg]
    model = Profile
    can_delete = False
    verbose_name = "rol"
    verbose_name_plural = "rol"


class AccountAdmin(UserAdmin):  # type: ignore[type-arg]
    inlines = (ProfileInline,)
    list_display = ("username", "rol", "is_active", "last_login")
    list_filter = ("is_active", "profiel__rol")

    @admin.display(description="rol")
    def rol(self, user: object) -> str:
        profile = getattr(user, "profiel", None)
        return str(profile.get_rol_display()) if profile is not None else "–"


@admin.register(Overlay)
class OverlayAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ("naam", "actief", "created_at", "created_by")
    list_filter = ("actief",)
    readonly_fields = ("naam", "inhoud", "created_at", "created_by")


User = get_user_model()
if admin.site.is_registered(User):
    admin.site.unregister(User)
admin.site.register(User, AccountAdmin)

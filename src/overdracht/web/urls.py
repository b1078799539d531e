"""URLs: each views module owns its own ``urlpatterns``; this file only joins them."""

from __future__ import annotations

from django.contrib import admin
from django.urls import URLPattern, URLResolver, path

from overdracht.web.views import VIEW_MODULES

admin.site.site_header = "overdracht beheer"
admin.site.site_title = "overdracht beheer"
admin.site.index_title = "Accounts en referentiegegevens"

urlpatterns: list[URLPattern | URLResolver] = [path("admin/", admin.site.urls)]
for module in VIEW_MODULES:
    urlpatterns += module.urlpatterns

handler400 = "overdracht.web.views.errors.bad_request"
handler403 = "overdracht.web.views.errors.permission_denied"
handler404 = "overdracht.web.views.errors.page_not_found"
handler500 = "overdracht.web.views.errors.server_error"

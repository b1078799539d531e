"""A search box whose text never goes in an address.

A search text is a pupil's name or number: in an address it would end up in the browser's
history, a proxy's log and the Referer. The page's filter form POSTs it; it is kept in the
session for that page's next pages and downloads, and forgotten when the page is opened afresh
(a GET without a page number, other than the one the search itself leads to). The other
filters hold no personal data and stay in the address.
"""

from __future__ import annotations

from urllib.parse import urlencode

from django.http import HttpRequest, HttpResponse, QueryDict
from django.shortcuts import redirect

MAX_SEARCH = 100


def read_filters(
    request: HttpRequest, key: str, filters: tuple[str, ...]
) -> tuple[dict[str, str], HttpResponse | None]:
    """The page's filters, and the redirect to answer with, if any.

    A POST of the filter form keeps ``zoek`` in the session under ``key``; an htmx request is
    answered at once (its other filters moved to ``request.GET``), any other is sent on to the
    page's address with the other filters.
    """
    if request.method == "POST" and "zoek" in request.POST:
        request.session[key] = request.POST["zoek"].strip()[:MAX_SEARCH]
        query = urlencode({k: v for k in filters if (v := request.POST.get(k, ""))})
        if not getattr(request, "htmx", False):
            request.session[f"{key}_volgt"] = True
            return {}, redirect(request.path + (f"?{query}" if query else ""))
        request.GET = QueryDict(query)
    elif (
        request.method == "GET"
        and "pagina" not in request.GET
        and not request.session.pop(f"{key}_volgt", False)
    ):
        request.session.pop(key, None)
    return remembered(request, key, filters), None


def remembered(request: HttpRequest, key: str, filters: tuple[str, ...]) -> dict[str, str]:
    """The filters in the address, and the search text kept in the session (for downloads)."""
    params = {k: request.GET.get(k, "").strip() for k in filters}
    params["zoek"] = str(request.session.get(key, ""))
    return params


def address_query(params: dict[str, str]) -> str:
    """The filters for a link: everything but the search text."""
    return urlencode({k: v for k, v in params.items() if v and k != "zoek"})

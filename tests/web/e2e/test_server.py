"""The app as served to users: waitress, WhiteNoise, Dutch error pages, a log without pupils."""

from __future__ import annotations

import urllib.error
import urllib.request
from typing import Any

import pytest

from .conftest import App, main_page, pupil_data

pytestmark = pytest.mark.browser


def test_static_files_are_served_by_whitenoise_without_a_login(app: App) -> None:
    with urllib.request.urlopen(app.url + "static/overdracht/overdracht.css") as response:
        assert response.status == 200
        assert response.headers["Content-Type"].startswith("text/css")
        # WhiteNoise's own headers: cacheable, and the same file for every visitor.
        assert "public" in response.headers["Cache-Control"]
        assert response.headers["Access-Control-Allow-Origin"] == "*"
        assert b".skiplink" in response.read()
    with urllib.request.urlopen(app.url + "static/overdracht/htmx-2.0.11.min.js") as response:
        assert response.status == 200


def test_a_missing_page_is_dutch_and_shows_no_internals(ib: Any) -> None:
    response = ib.goto("/dossiers/bestaat-niet/")
    assert response.status == 404
    assert ib.get_by_role("heading", level=1).inner_text() == "Deze pagina bestaat niet"
    html = ib.content()
    for internal in ("Traceback", "URLconf", "DEBUG", "Django"):
        assert internal not in html
    main_page(ib, "fout-404")


def test_a_page_answers_only_after_login(app: App) -> None:
    request = urllib.request.Request(app.url + "dossiers/")
    opener = urllib.request.build_opener(_NoRedirect())
    with pytest.raises(urllib.error.HTTPError) as error:
        opener.open(request)
    assert error.value.code == 302
    assert error.value.headers["Location"].startswith("/inloggen/")


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args: Any, **kwargs: Any) -> None:
        return None


def test_the_server_log_holds_no_pupil_data_after_all_journeys(app: App) -> None:
    log = app.log()
    leaked = sorted(value for value in pupil_data() if value in log)
    assert not leaked, f"leerlinggegevens in het serverlog: {leaked}"

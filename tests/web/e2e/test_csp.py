"""The Content-Security-Policy blocks nothing the app itself needs: htmx, the form's script,
the live checklist, the PDF preview in its frame, printing the letters."""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import expect

from .conftest import open_dossier, open_tab, screenshot

pytestmark = pytest.mark.browser

RECORD_VIOLATIONS = """
window.__csp = [];
document.addEventListener("securitypolicyviolation", (e) => {
  window.__csp.push(e.violatedDirective + " " + (e.blockedURI || "inline"));
});
"""


def _watch(page: Any) -> list[str]:
    blocked: list[str] = []
    page.on(
        "console",
        lambda m: blocked.append(m.text) if "Content Security Policy" in m.text else None,
    )
    page.context.add_init_script(RECORD_VIOLATIONS)
    return blocked


def _violations(page: Any) -> list[str]:
    return list(page.evaluate("window.__csp || []"))


def test_nothing_the_app_needs_is_blocked_by_its_content_security_policy(ib: Any) -> None:
    blocked = _watch(ib)
    response = ib.goto("/dossiers/")
    assert "script-src 'self'" in response.headers["content-security-policy"]
    assert response.headers["cache-control"] == "no-store"
    # htmx: the list follows the search box.
    ib.get_by_label("Zoek op naam of leerlingnummer").press_sequentially("jansen")
    ib.get_by_text("gevonden").first.wait_for()
    assert _violations(ib) == []

    # The form's own script and htmx: add a row, the live checklist answers.
    ib.goto("/dossiers/nieuw/?overgang=po-so")
    ib.evaluate("document.querySelectorAll('details').forEach(d => d.open = true)")
    rows = ib.locator("fieldset.rij").count()
    ib.get_by_role("button", name="Rij toevoegen bij toetsen").click()
    expect(ib.locator("fieldset.rij")).to_have_count(rows + 1)
    ib.wait_for_load_state("networkidle")
    assert _violations(ib) == []

    dossier = open_dossier(ib, "Daan van der Berg", overgang="po-so")
    open_tab(ib, dossier, "Documenten")
    frame = ib.locator("iframe.pdfvoorbeeld")
    frame.wait_for()
    with ib.expect_response(lambda r: "voorbeeld" in r.url, timeout=120_000) as preview:
        ib.reload()
    assert preview.value.status == 200
    assert preview.value.headers["content-type"] == "application/pdf"
    ib.wait_for_timeout(2000)  # the PDF viewer starts in its frame
    screenshot(ib, "documenten-csp")
    assert _violations(ib) == []
    assert blocked == [], blocked


def test_the_admin_works_under_the_policy(ib: Any) -> None:
    blocked = _watch(ib)
    for address in ("/admin/", "/admin/auth/user/", "/admin/auth/user/add/"):
        ib.goto(address)
        ib.wait_for_load_state("networkidle")
        assert "overdracht beheer" in ib.title(), address
        assert _violations(ib) == [], address
    assert blocked == [], blocked

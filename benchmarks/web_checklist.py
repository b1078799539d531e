"""Does the live checklist beside the dossier form cost at most 2x the library's check()?

For each sample dossier, in one process, times:

- the library: ``overdracht.check(dossier)`` on the validated document
- the web app: one htmx POST of the form to the live checklist (``checklist_bijwerken``), as
  the page sends it (its filled-in fields as JSON): read them, validate with the model, check
  with the active overlay, build the checklist's HTML.
  * "view": the view alone, called with a request from Django's RequestFactory;
  * "verzoek": the whole request through Django's test client, so the middleware (session,
    login, CSRF, the database queries for them) is counted too.

and prints the ratios per dossier and overall (target: at most 2.0x). The best of several runs
counts (the machine is shared). Run: .venv/bin/python benchmarks/web_checklist.py [rounds]
"""

from __future__ import annotations

import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

SAMPLES = Path(__file__).resolve().parents[1] / "samples"


def best_of(rounds: int, inner: int, action: Callable[[], object]) -> float:
    """The fastest mean time of one call, in milliseconds."""
    best = float("inf")
    for _ in range(rounds):
        start = time.perf_counter()
        for _ in range(inner):
            action()
        best = min(best, (time.perf_counter() - start) / inner)
    return best * 1000


def form_post(data: dict[str, Any]) -> dict[str, Any]:
    """The form as the browser posts it to the live checklist for a stored dossier (name ->
    value(s)); like formulier.js, empty fields are left out."""
    from overdracht.web.formdata import ROW_MARK, raw_from_document

    out: dict[str, Any] = {}

    def walk(node: Any, prefix: str) -> None:
        if isinstance(node, dict):
            for key, value in node.items():
                walk(value, f"{prefix}.{key}" if prefix else key)
        elif isinstance(node, list) and node and isinstance(node[0], dict):
            for index, row in enumerate(node):
                out[f"{prefix}.{index}.{ROW_MARK}"] = "1"
                walk(row, f"{prefix}.{index}")
        elif isinstance(node, bool):
            out[prefix] = ["nee", "ja"] if node else ["nee"]
        else:
            out[prefix] = node

    walk(raw_from_document(data), "")
    return {name: value for name, value in out.items() if value != ""}


def line(name: str, times: list[float]) -> str:
    library, view, request = times
    return (
        f"{name:28} {library:6.2f}ms {view:6.2f}ms {request:6.2f}ms "
        f"{view / library:5.2f}x {request / library:6.2f}x"
    )


def main() -> int:
    rounds = int(sys.argv[1]) if len(sys.argv) > 1 else 5
    with tempfile.TemporaryDirectory() as folder:
        from overdracht.web.server import configure, migrate

        configure(Path(folder) / "data")
        migrate()
        import json

        from django.contrib.auth import get_user_model
        from django.test import Client, RequestFactory
        from django.urls import reverse

        from overdracht import check, load_dossier
        from overdracht.web.models import Profile, Role
        from overdracht.web.store import as_json
        from overdracht.web.views.editing import checklist_update

        user = get_user_model().objects.create_user("bench", password="Bench-wachtwoord-1")
        Profile.objects.create(user=user, rol=Role.IB)  # without a role every page is 403
        client = Client()
        client.force_login(user)
        url = reverse("checklist_bijwerken")
        form = "application/json"
        headers = {"HX-Request": "true"}
        factory = RequestFactory()

        def via_client(body: str) -> object:
            return client.post(url, body, content_type=form, headers=headers)

        def via_view(body: str) -> object:
            request = factory.post(url, body, content_type=form, headers=headers)
            request.user = user
            return checklist_update(request)

        print(
            f"{'dossier':28} {'check()':>8} {'view':>8} {'verzoek':>8} {'view':>6} {'verzoek':>7}"
        )
        totals = [0.0, 0.0, 0.0]
        for path in sorted(SAMPLES.glob("*.yaml")):
            doc = load_dossier(path)
            body = json.dumps(form_post(as_json(doc)))
            response = via_client(body)
            assert response.status_code == 200, response.status_code  # type: ignore[attr-defined]
            assert b"Nog niet gecontroleerd" not in response.content, path.name  # type: ignore[attr-defined]
            times = [
                best_of(rounds, 20, lambda doc=doc: check(doc)),
                best_of(rounds, 20, lambda body=body: via_view(body)),
                best_of(rounds, 20, lambda body=body: via_client(body)),
            ]
            totals = [a + b for a, b in zip(totals, times, strict=True)]
            print(line(path.stem, times))
        print(line("alle voorbeelden", totals) + "  (doel: hoogstens 2.0x)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""Does the web app stay fast when a whole school uses it at once?

Starts ``overdracht web`` as a school does (waitress and its threads, on loopback) on a data
folder filled with dossiers, then lets simulated staff work in it, each with their own login
and browser cookies, for a fixed time. Every person goes round the pages an IB'er uses:

- overzicht: the list of dossiers (``/dossiers/``);
- dossier: one dossier's form with its checklist;
- live checklist: the checklist update the form sends on every change (htmx, JSON);
- opslaan: saving the form (every other round; not with ``--zonder-opslaan``), followed by
  "voorbeeld (nieuwe versie)": the documents of the version just saved, always a new render;
- voorbeeld: the documents page and the PDF in its frame, of one of ten dossiers everyone
  looks at. A version's preview is rendered once (in a worker process) and then served: the
  requests that had to wait for that render ("eerste keer") are counted apart from the later
  ones ("daarna").

Baseline, in the same run: the same round by one person alone ("één gebruiker"). Then the load
("20 gebruikers", or ``--clients``) for ``--seconds`` seconds. Printed per page type: p50, p95
and p99 in milliseconds, the ratio of p95 under load to p50 alone, and the number of errors
(any answer that is not what the page should give, or no answer). Target: p95 at most 1 s for
overzicht, dossier and live checklist under load.

The database is SQLite in a temporary data folder, or PostgreSQL when DATABASE_URL is set.
Run: .venv/bin/python benchmarks/load_web.py [--clients 20] [--seconds 60] [--dossiers 100]
[--zonder-opslaan]
"""

from __future__ import annotations

import argparse
import html
import re
import statistics
import sys
import tempfile
import threading
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "web"))

from live import Response, Site, Visitor, form_fields, running_site  # noqa: E402

PAGES = [
    "overzicht",
    "dossier",
    "live checklist",
    "opslaan",
    "voorbeeld (nieuwe versie)",
    "voorbeeld (eerste keer)",
    "voorbeeld (daarna)",
]
TARGET = {"overzicht": 1.0, "dossier": 1.0, "live checklist": 1.0}
CHECKLIST = "/dossiers/checklist-bijwerken/"
PREVIEWED = 10  # the dossiers everyone previews: the class being handed over this week


class Results:
    """Seconds per request by page type, and the errors, from every person's thread."""

    def __init__(self) -> None:
        self.times: dict[str, list[float]] = defaultdict(list)
        self.errors: dict[str, int] = defaultdict(int)
        self.previewed: set[str] = set()
        self.lock = threading.Lock()

    def add(self, page: str, answer: Response | None, ok: bool) -> None:
        with self.lock:
            if answer is not None:
                self.times[page].append(answer.seconds)
            if not ok:
                self.errors[page] += 1

    def add_seconds(self, page: str, seconds: float, ok: bool) -> None:
        with self.lock:
            self.times[page].append(seconds)
            if not ok:
                self.errors[page] += 1

    def preview_ready(self, public_id: str) -> bool:
        """Was this preview already made and served before this request started?"""
        with self.lock:
            return public_id in self.previewed

    def mark_ready(self, public_id: str) -> None:
        with self.lock:
            self.previewed.add(public_id)


def _checklist_body(html: str, url: str) -> dict[str, list[str]]:
    """The filled-in fields of the form, as the page's script sends them."""
    body: dict[str, list[str]] = {}
    for name, value in form_fields(html, url):
        if value and not name.startswith(("csrf", "_")):
            body.setdefault(name, []).append(value)
    return body


def _timed(
    results: Results, page: str, call: Callable[[], Response], ok: Callable[[Response], bool]
) -> Response | None:
    try:
        answer = call()
    except OSError:  # no answer at all (refused, reset, timed out)
        results.add(page, None, ok=False)
        return None
    results.add(page, answer, ok(answer))
    return answer


def one_round(
    visitor: Visitor, results: Results, mine: str, shared: str, turn: int, save: bool
) -> None:
    """What an IB'er does: the overview, a dossier with some typing (and, with ``save``, saving
    it and looking at its new documents every other time), a colleague's preview."""
    _timed(results, "overzicht", lambda: visitor.get("/dossiers/"), lambda a: a.status == 200)
    url = f"/dossiers/{mine}/"
    page = _timed(results, "dossier", lambda: visitor.get(url), lambda a: a.status == 200)
    if page is None or page.status != 200:
        return
    body = _checklist_body(page.text, url)
    for _ in range(3):  # three changes in the form, three checklist updates
        _timed(
            results,
            "live checklist",
            lambda: visitor.post_json(
                "/dossiers/checklist-bijwerken/", body, {"HX-Request": "true"}
            ),
            lambda a: a.status == 200,
        )
    if save and turn % 2 == 0:
        fields = [
            (name, f"Ronde {turn}: werkt geconcentreerd.")
            if name == "ontwikkeling.werkhouding"
            else (name, value)
            for name, value in form_fields(page.text, url)
        ]
        _timed(results, "opslaan", lambda: visitor.post(url, fields), lambda a: a.status == 302)
        preview(visitor, results, mine, "voorbeeld (nieuwe versie)")
    kind = "voorbeeld (daarna)" if results.preview_ready(shared) else "voorbeeld (eerste keer)"
    if preview(visitor, results, shared, kind):
        results.mark_ready(shared)


def preview(visitor: Visitor, results: Results, public_id: str, kind: str) -> bool:
    """The preview as a person waits for it: the documents page (asked again while it says the
    documents are being made, as the browser does on its Refresh header), then the PDF in its
    frame."""
    start = time.perf_counter()
    try:
        documents = visitor.get(f"/dossiers/{public_id}/documenten/")
        while documents.headers.get("refresh") and time.perf_counter() - start < 300:
            time.sleep(float(documents.headers["refresh"]))
            documents = visitor.get(f"/dossiers/{public_id}/documenten/")
        frame = re.search(r'<iframe[^>]* src="([^"]+)"', documents.text)
        pdf = visitor.get(html.unescape(frame.group(1))) if frame else None
    except OSError:
        results.add(kind, None, ok=False)
        return False
    ok = documents.status == 200 and pdf is not None and pdf.body.startswith(b"%PDF")
    results.add_seconds(kind, time.perf_counter() - start, ok)
    return ok


def run(
    site: Site, clients: int, seconds: float, label: str, *, save: bool, ready: set[str]
) -> Results:
    results = Results()
    results.previewed = ready  # previews made earlier in this run are ready to be served
    visitors = []
    for number in range(clients):
        visitor = site.visitor()
        visitor.log_in(site.staff[number % len(site.staff)])
        visitors.append(visitor)
    stop = time.monotonic() + seconds

    # Everyone previews the same few dossiers (never saved here); each person saves only
    # their own, so nobody's save is refused because a colleague saved the same dossier.
    previewed, own = site.dossiers[:PREVIEWED], site.dossiers[PREVIEWED:]
    per_person = max(1, len(own) // clients)

    def person(number: int) -> None:
        visitor, turn = visitors[number], 0
        mine = [own[(number * per_person + k) % len(own)] for k in range(per_person)]
        while time.monotonic() < stop:
            shared = previewed[(number + turn) % PREVIEWED]
            one_round(visitor, results, mine[turn % len(mine)], shared, turn, save)
            turn += 1

    threads = [threading.Thread(target=person, args=(n,)) for n in range(clients)]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    took = time.perf_counter() - started
    count = sum(len(t) for t in results.times.values())
    print(f"{label}: {count} verzoeken in {took:.0f} s ({count / took:.1f} per seconde)")
    return results


def percentile(values: list[float], fraction: float) -> float:
    if len(values) == 1:
        return values[0]
    return statistics.quantiles(values, n=100, method="inclusive")[int(fraction * 100) - 1]


def report(alone: Results, load: Results, clients: int) -> bool:
    print(
        f"\n{'pagina':26} {'alleen p50':>10}   {'p50':>7} {'p95':>7} {'p99':>7}   "
        f"{'p95/alleen':>10} {'aantal':>7} {'fouten':>6}   doel"
    )
    met = True
    for page in PAGES:
        times = load.times.get(page, [])
        base = alone.times.get(page, [])
        if not times:
            continue
        p50, p95, p99 = (percentile(times, f) * 1000 for f in (0.50, 0.95, 0.99))
        solo = statistics.median(base) * 1000 if base else 0.0
        target = TARGET.get(page)
        verdict = ""
        if target is not None:
            ok = p95 <= target * 1000
            met &= ok
            verdict = f"p95 ≤ {target * 1000:.0f} ms: {'gehaald' if ok else 'NIET gehaald'}"
        solo_text = f"{solo:8.0f} ms" if solo else f"{'–':>11}"
        ratio = f"{p95 / solo:9.1f}x" if solo else f"{'–':>10}"
        print(
            f"{page:26} {solo_text} {p50:5.0f} ms {p95:5.0f} ms {p99:5.0f} ms   "
            f"{ratio} {len(times):7d} {load.errors.get(page, 0):6d}   {verdict}"
        )
    errors = sum(load.errors.values()) + sum(alone.errors.values())
    first = len(load.times.get("voorbeeld (eerste keer)", []))
    later = len(load.times.get("voorbeeld (daarna)", []))
    print(
        f"\nvoorbeelden van de {len(load.previewed)} gedeelde dossiers: elk één keer gemaakt; "
        f"onder belasting wachtten {first} verzoeken op het maken en kregen {later} het "
        "kant-en-klaar"
    )
    print(f"fouten in totaal: {errors}")
    print(f"{clients} gebruikers tegelijk, zonder bedenktijd tussen hun klikken.")
    return met and errors == 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0] if __doc__ else "")
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--dossiers", type=int, default=100)
    parser.add_argument("--baseline-seconds", type=float, default=15)
    parser.add_argument(
        "--zonder-opslaan",
        action="store_true",
        help="alleen lezen: niemand slaat op (dus geen nieuwe versies om te maken)",
    )
    args = parser.parse_args()
    save = not args.zonder_opslaan
    with (
        tempfile.TemporaryDirectory(prefix="overdracht-last-") as folder,
        running_site(
            Path(folder), staff=args.clients, dossiers=max(args.dossiers, 2 * PREVIEWED), links=0
        ) as site,
    ):
        print(f"Database: {site.database}; {len(site.dossiers)} dossiers")
        ready: set[str] = set()
        label = "één gebruiker (basislijn)"
        alone = run(site, 1, args.baseline_seconds, label, save=save, ready=ready)
        label = f"{args.clients} gebruikers"
        load = run(site, args.clients, args.seconds, label, save=save, ready=ready)
        ok = report(alone, load, args.clients)
        warnings = [line for line in site.log().splitlines() if "GLib" in line]
        errors = [line for line in site.log().splitlines() if " ERROR " in line]
        print(f"GLib-waarschuwingen in het serverlog: {len(warnings)}; fouten: {len(errors)}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())

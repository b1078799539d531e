"""Does the overview of dossiers stay fast with a whole region's worth of pupils?

Fills a database with 50 dossiers made from the samples (varied names, leerlingnummers and
school years), times the overview page, adds dossiers until there are 5,000 and times it again,
in the same run and the same process. Each page is what an IB'er asks for: the first page, a
search on a surname, a filter on transition and status, and a page further on. Prints the
milliseconds per request (median) and the ratio 5,000 vs 50 (target: at most 1.5x).

The database is SQLite in a temporary data folder, or PostgreSQL when DATABASE_URL is set.
Run: .venv/bin/python benchmarks/web_overview.py [requests per page]
"""

from __future__ import annotations

import itertools
import statistics
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples"
SMALL, LARGE = 50, 5_000

FIRST_NAMES = [
    "Daan", "Sanne", "Noah", "Emma", "Liam", "Julia", "Sem", "Tess", "Lucas", "Mila", "Finn",
    "Zoë", "Levi", "Nora", "Milan", "Yara", "Jesse", "Lotte", "Bram", "Sara", "Mohammed", "Fleur",
    "Ayoub", "Noor", "Thijs", "Eva", "Luuk", "Anna", "Gijs", "Lieke", "Mees", "Fenna", "Ravi",
    "Ilse", "Jayden", "Amira", "Stijn", "Roos", "Omar", "Vera",
]  # fmt: skip
SURNAMES = [
    ("", "Jansen"), ("de", "Vries"), ("van den", "Berg"), ("van", "Dijk"), ("", "Bakker"),
    ("", "Janssen"), ("", "Visser"), ("", "Smit"), ("", "Meijer"), ("de", "Boer"), ("", "Mulder"),
    ("de", "Groot"), ("", "Bos"), ("", "Vos"), ("", "Peters"), ("", "Hendriks"),
    ("van", "Leeuwen"), ("", "Dekker"), ("", "Brouwer"), ("de", "Wit"), ("", "Dijkstra"),
    ("", "Smits"), ("de", "Graaf"), ("van der", "Meer"), ("", "Kok"), ("", "Jacobs"),
    ("", "El Amrani"), ("", "Yılmaz"), ("", "Koster"), ("", "Willems"), ("van", "Beek"),
    ("", "Hermans"), ("", "Verhoeven"), ("", "Postma"), ("", "Kaya"), ("", "Nguyen"),
]  # fmt: skip
SCHOOL_YEARS = ["2025-2026", "2026-2027", "2027-2028"]


def varied_dossiers(count: int, start: int) -> Iterator[Any]:
    """``count`` realistic dossiers: the samples over and over, each with its own pupil."""
    from overdracht import load_dossier
    from overdracht.model import expand_dossier_paths

    paths = [p for p in expand_dossier_paths([SAMPLES]) if p.suffix != ".yml"]
    samples = [load_dossier(p) for p in paths]
    names = list(itertools.product(SURNAMES, FIRST_NAMES))  # 1,440 names, then again
    for number in range(start, start + count):
        doc = samples[number % len(samples)]
        (tussenvoegsel, achternaam), voornaam = names[(number * 7) % len(names)]
        leerling = doc.leerling.model_copy(
            update={
                "voornamen": voornaam,
                "roepnaam": voornaam,
                "tussenvoegsel": tussenvoegsel or None,
                "achternaam": achternaam,
                "leerlingnummer": f"{30000 + number}",
            }
        )
        overgang = doc.overgang.model_copy(
            update={"schooljaar": SCHOOL_YEARS[number % len(SCHOOL_YEARS)]}
        )
        yield doc.model_copy(update={"leerling": leerling, "overgang": overgang})


def requests(count: int) -> dict[str, str]:
    """The overview pages an IB'er opens, by what they show."""
    last = count // 50
    return {
        "eerste pagina": "/dossiers/",
        "zoeken op achternaam": "/dossiers/?zoek=dijk",
        "filter overgang + status": "/dossiers/?overgang=po-vo&status=onvolledig",
        "bladeren (pagina verderop)": f"/dossiers/?pagina={max(1, last // 2)}",
        "filter via htmx": "/dossiers/?schooljaar=2026-2027",
    }


def measure(client: Any, count: int, repeat: int) -> tuple[dict[str, float], dict[str, int]]:
    """Median milliseconds per page, and how many dossiers each page shows."""
    timings, shown = {}, {}
    for label, url in requests(count).items():
        headers = {"HX-Request": "true"} if "htmx" in label else {}
        for _ in range(3):  # warm up
            assert client.get(url, headers=headers).status_code == 200
        runs = []
        for _ in range(repeat):
            start = time.perf_counter()
            response = client.get(url, headers=headers)
            runs.append(time.perf_counter() - start)
            assert response.status_code == 200
        timings[label] = statistics.median(runs) * 1000
        shown[label] = response.content.count(b"<tr>") - 1  # minus the header row
    return timings, shown


def main() -> int:
    repeat = int(sys.argv[1]) if len(sys.argv) > 1 else 30
    with tempfile.TemporaryDirectory() as folder:
        from overdracht.web.server import configure, migrate

        configure(Path(folder) / "data")
        migrate()
        from django.contrib.auth import get_user_model
        from django.db import connection
        from django.test import Client
        from django.test.utils import setup_test_environment

        from overdracht.web import store
        from overdracht.web.models import Profile, Role

        setup_test_environment()
        user = get_user_model().objects.create_user("ib", password="Geheim-wachtwoord-1")
        Profile.objects.create(user=user, rol=Role.IB)  # without a role every page is 403
        client = Client()
        client.force_login(user)
        print(f"Database: {connection.vendor}")

        store.create_dossiers(list(varied_dossiers(SMALL, 0)), None, "benchmark")
        small, small_rows = measure(client, SMALL, repeat)
        start = time.perf_counter()
        store.create_dossiers(list(varied_dossiers(LARGE - SMALL, SMALL)), None, "benchmark")
        print(f"{LARGE - SMALL} dossiers toegevoegd in {time.perf_counter() - start:.1f} s")
        large, large_rows = measure(client, LARGE, repeat)

    # A filter on 50 dossiers may show only a few rows where on 5,000 it fills a page of 50:
    # the rows shown are printed beside the times.
    print(f"\n{'pagina':30} {SMALL:>6} {LARGE:>8}   verhouding (doel ≤ 1,5)   rijen getoond")
    for label in small:
        ratio = large[label] / small[label]
        rows = f"{small_rows[label]} / {large_rows[label]}"
        print(
            f"{label:30} {small[label]:5.1f} ms {large[label]:6.1f} ms   {ratio:4.2f}x"
            f"                   {rows}"
        )
    small_all, large_all = sum(small.values()), sum(large.values())
    ratio = large_all / small_all
    print(f"{'alles samen':30} {small_all:5.1f} ms {large_all:6.1f} ms   {ratio:4.2f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""How fast is 'overdracht import' on a year group of a large school board?

Generates a 10,000-row x 40-column workbook (School + Leerlingen with extra
columns a school export typically has), then times:

- our full import (read with python-calamine, validate, write 10,000 dossiers + report)
- our read step alone
- openpyxl in read_only mode just iterating the cell values

and prints the ratios. Each step runs several times and the fastest run counts,
because this machine is shared (other work makes single runs noisy); all runs
are printed. Run: .venv/bin/python benchmarks/import_speed.py [repeats, default 3]
"""

from __future__ import annotations

import os
import random
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

from openpyxl import Workbook, load_workbook

from overdracht.importing import import_workbook
from overdracht.importing.reading import read_workbook

ROWS = 10_000
COLUMNS = 40


def _bsn(rng: random.Random, used: set[str]) -> str:
    while True:
        digits = [rng.randint(0, 9) for _ in range(8)]
        total = sum(d * w for d, w in zip(digits, range(9, 1, -1), strict=True))
        last = total % 11
        number = "".join(map(str, digits)) + str(last)
        if last < 10 and digits[0] != 0 and number not in used:
            used.add(number)
            return number


def make_workbook(path: Path) -> None:
    rng = random.Random(5)
    workbook = Workbook(write_only=True)
    school = workbook.create_sheet("School")
    school.append(["Naam school", "BRIN", "Vestiging", "Schooljaar", "Geplande startdatum"])
    school.append(["OBS De Vlinder", "99ZZ", "00", "2026-2027", date(2026, 8, 24)])
    pupils = workbook.create_sheet("Leerlingen")
    headers = [
        "Leerlingnummer",
        "Achternaam",
        "Tussenvoegsel",
        "Voornamen",
        "Roepnaam",
        "Geboortedatum",
        "Geslacht",
        "BSN",
        "Groep",
        "Naam nieuwe school",
        "BRIN nieuwe school",
        "Plaats nieuwe school",
        "Aanmelddatum",
    ]
    extra = [f"Extra kolom {n}" for n in range(COLUMNS - len(headers))]
    pupils.append(headers + extra)
    names = ["Jansen", "de Vries", "Bakker", "Visser", "Smit", "Meijer", "Mulder", "Bos"]
    used: set[str] = set()
    for number in range(ROWS):
        born = date(2013, 10, 1) + timedelta(days=rng.randint(0, 364))
        row = [
            str(100000 + number),
            rng.choice(names),
            None,
            "Sam Jesse",
            "Sam",
            born,
            rng.choice("mvx"),
            _bsn(rng, used),
            8,
            "Het Baken",
            "31QX",
            "Zwolle",
            date(2026, 3, 20),
        ]
        pupils.append(row + [f"waarde {number % 97}" for _ in extra])
    workbook.save(path)


def timed(label: str, action: Callable[[int], object], repeat: int) -> float:
    """The best of ``repeat`` runs: the machine is shared, the minimum is the least noisy."""
    times = []
    for attempt in range(repeat):
        start = time.perf_counter()
        action(attempt)
        times.append(time.perf_counter() - start)
    best = min(times)
    spread = f"(beste van {repeat}: {', '.join(f'{t:.2f}' for t in times)})" if repeat > 1 else ""
    print(f"{label:<54} {best:6.2f} s  {spread}")
    return best


def main() -> int:
    repeat = int(sys.argv[1]) if len(sys.argv) > 1 else 3
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / "leerlingen.xlsx"
        print(f"Werkmap maken: {ROWS} rijen x {COLUMNS} kolommen, {os.cpu_count()} kernen ...")
        make_workbook(source)

        def openpyxl_read(_: int) -> None:
            workbook = load_workbook(source, read_only=True)
            for sheet in workbook.worksheets:
                for _row in sheet.iter_rows(values_only=True):
                    pass
            workbook.close()

        def our_read(_: int) -> None:
            read_workbook(source)

        def our_import(attempt: int) -> None:
            # a new, empty folder each time: the first import of a year group
            output = Path(folder) / f"dossiers-{attempt}"
            result = import_workbook(source, output, transition="po-vo")
            assert len(result.written) == ROWS, result.errors[:3]

        def file_system(attempt: int) -> None:
            # what 10,000 small files cost on this disk alone (temp name + rename, like the
            # import): on a shared machine this varies most, so it is printed for comparison
            output = Path(folder) / f"bestanden-{attempt}"
            output.mkdir()
            data = b"x" * 900
            for number in range(ROWS):
                temporary = output / f".leerling-{number}.yaml.tmp"
                temporary.write_bytes(data)
                os.replace(temporary, output / f"leerling-{number}.yaml")

        baseline = timed("openpyxl read_only (alleen lezen)", openpyxl_read, max(1, repeat - 1))
        reading = timed("overdracht: lezen (veiligheidscontrole + calamine)", our_read, repeat)
        full = timed("overdracht import (alles, 10.000 dossiers + verslag)", our_import, repeat)
        disk = timed(
            "ter vergelijking: 10.000 bestanden schrijven, verder niets", file_system, repeat
        )
        print()
        print(f"Lezen:            {baseline / reading:5.1f}x vs openpyxl read_only (doel: 10x)")
        print(f"Volledige import: {full:5.2f} s (doel: ongeveer 1 s)")
        print(f"  (alleen 10.000 bestanden schrijven kost op deze schijf nu al {disk:.2f} s)")
        print(
            f"Volledige import: {baseline / full:5.1f}x sneller dan openpyxl read_only alleen leest"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Is importing a year group into the web app's database as fast as importing it into files?

Makes the 10,000-row workbook of ``import_speed.py``, then times in the same run:

- today's import into files (``overdracht import``: read, check, write 10,000 dossier files)
- the web app's import into the database (``read_dossiers`` + ``store.create_dossiers``: read,
  check, run each pupil's checklist for the overview, store 10,000 dossiers and versions)

and prints the ratio (target: at most 1.0x). The database is SQLite in a temporary data
folder, or PostgreSQL when DATABASE_URL is set. Each step runs several times and the fastest
run counts (the machine is shared). Run: .venv/bin/python benchmarks/web_import.py [repeats]
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from import_speed import ROWS, make_workbook, timed

from overdracht.importing import import_workbook, read_dossiers


def main() -> int:
    repeat = int(sys.argv[1]) if len(sys.argv) > 1 else 3
    with tempfile.TemporaryDirectory() as folder:
        from overdracht.web.server import configure, migrate

        configure(Path(folder) / "data")
        migrate()
        from overdracht.web import store
        from overdracht.web.models import Dossier

        source = Path(folder) / "leerlingen.xlsx"
        print(f"Werkmap maken: {ROWS} rijen ...")
        make_workbook(source)

        def into_files(attempt: int) -> None:
            result = import_workbook(
                source, Path(folder) / f"dossiers-{attempt}", transition="po-vo"
            )
            assert len(result.written) == ROWS, result.errors[:3]

        def into_database(attempt: int) -> None:
            imported = read_dossiers(source, transition="po-vo")
            docs = [item.dossier for item in imported.dossiers]
            made = store.create_dossiers(docs, None, "import leerlingen.xlsx")
            assert len(made) == ROWS, imported.result.errors[:3]

        def empty_database() -> None:
            Dossier.objects.all().delete()

        files = timed("import naar bestanden (overdracht import)", into_files, repeat)
        best = []
        for attempt in range(repeat):
            empty_database()  # every run is the first import of a year group
            best.append(timed("import naar de database (web)", into_database, 1))
            assert Dossier.objects.count() == ROWS
            del attempt
        database = min(best)
        print()
        ratio = database / files
        print(f"Import in de database: {ratio:4.2f}x de import naar bestanden (doel: ≤ 1.0x)")
    return 0


if __name__ == "__main__":
    sys.exit(main())

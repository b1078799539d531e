"""How fast does `overdracht check` answer on one dossier?

Baseline: `python -c pass` (the interpreter's own start-up). Prints the median wall time of
each over several runs and the ratio, and whether WeasyPrint or docxtpl were imported on the
check path (they must not be). Target: under 0.3 s on a 2-core machine, at most 15x the
baseline.

overdracht is measured as installed: pip compiles a package's modules to bytecode when it
installs it, so this script does the same (compileall) before measuring. Without it, a
checkout with PYTHONDONTWRITEBYTECODE=1 would measure Python compiling overdracht's source
on every run, not overdracht.

    .venv/bin/python benchmarks/check_startup.py [RUNS]
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "samples" / "po-so-compleet.yaml"
OVERDRACHT = Path(sys.executable).parent / "overdracht"


def median_seconds(command: list[str], runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def heavy_imports() -> list[str]:
    probe = (
        "import sys; from overdracht.cli import main\n"
        "try:\n    main(['check', sys.argv[1]])\nexcept SystemExit:\n    pass\n"
        "heavy = ('weasyprint', 'docxtpl', 'docx', 'openpyxl', 'rich')\n"
        "print('MODULES:' + ','.join(m for m in heavy if m in sys.modules))"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe, str(SAMPLE)], capture_output=True, text=True, check=False
    )
    lines = [x for x in result.stdout.splitlines() if x.startswith("MODULES:")]
    last = lines[-1].removeprefix("MODULES:") if lines else ""
    return [m for m in last.split(",") if m]


def compile_package() -> None:
    import overdracht

    package = Path(overdracht.__file__).parent
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(package)], check=True)


def main() -> None:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 11
    compile_package()
    baseline = median_seconds([sys.executable, "-c", "pass"], runs)
    check = median_seconds([str(OVERDRACHT), "check", str(SAMPLE)], runs)
    print(f"baseline  python -c pass          {baseline * 1000:7.1f} ms (mediaan van {runs})")
    print(f"overdracht check (1 dossier)      {check * 1000:7.1f} ms")
    print(f"ratio check / baseline            {check / baseline:7.1f}x")
    print(f"doel < 300 ms                     {'gehaald' if check < 0.3 else 'NIET gehaald'}")
    ratio_ok = check / baseline <= 15
    print(f"doel <= 15x python -c pass        {'gehaald' if ratio_ok else 'NIET gehaald'}")
    heavy = heavy_imports()
    print(f"zware modules op het check-pad:   {', '.join(heavy) if heavy else 'geen'}")


if __name__ == "__main__":
    main()

"""How fast is `overdracht tlv-check` on 500 aanvragen?

Copies the sample aanvragen (samples/aanvragen/) into a temporary folder until there are
N of them, then times each step: checking, the XLSX and HTML overviews, the letters and the
whole command from the shell. Prints seconds, milliseconds per aanvraag and the ratio to a
run on the 15 samples (1.0 per aanvraag means it scales linearly). Target: the overview of
500 aanvragen within a few seconds.

    .venv/bin/python benchmarks/tlv_overview.py [N]
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from overdracht.tlv import check_aanvragen
from overdracht.tlv.html import html_page
from overdracht.tlv.letters import write_letters
from overdracht.tlv.xlsx import xlsx_bytes

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples" / "aanvragen"
PEILDATUM = date(2027, 4, 12)
OVERDRACHT = Path(sys.executable).parent / "overdracht"


def fill(folder: Path, count: int) -> None:
    sources = sorted(SAMPLES.glob("*.yaml"))
    for number in range(count):
        source = sources[number % len(sources)]
        shutil.copy(source, folder / f"{number:04d}-{source.name}")


def timed(step: Callable[[], Any]) -> tuple[float, Any]:
    start = time.perf_counter()
    result = step()
    return time.perf_counter() - start, result


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 500
    with tempfile.TemporaryDirectory() as tmp:
        base, many, out = Path(tmp, "basis"), Path(tmp, "veel"), Path(tmp, "uit")
        for folder in (base, many, out):
            folder.mkdir()
        fill(base, len(list(SAMPLES.glob("*.yaml"))))
        fill(many, count)

        small, _ = timed(lambda: check_aanvragen(base, peildatum=PEILDATUM))
        small_n = len(list(base.iterdir()))
        check_s, overzicht = timed(lambda: check_aanvragen(many, peildatum=PEILDATUM))
        xlsx_s, _ = timed(lambda: xlsx_bytes(overzicht))
        html_s, _ = timed(lambda: html_page(overzicht))
        letters_s, letters = timed(lambda: write_letters(overzicht, out / "brieven"))
        cli_s, _ = timed(
            lambda: subprocess.run(
                [str(OVERDRACHT), "tlv-check", str(many), "-o", str(out / "o.xlsx")],
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
                check=False,
            )
        )

    per_small = small / small_n * 1000
    per_many = check_s / count * 1000
    print(f"{count} aanvragen ({overzicht.summary()})")
    print(f"  controleren        {check_s:6.2f} s   {per_many:5.1f} ms per aanvraag")
    print(f"  XLSX-overzicht     {xlsx_s:6.2f} s")
    print(f"  HTML-overzicht     {html_s:6.2f} s")
    print(f"  {len(letters):3d} brieven (DOCX) {letters_s:6.2f} s")
    print(f"  hele commando -o overzicht.xlsx (met opstarten): {cli_s:.2f} s")
    print(f"  ratio ms per aanvraag, {count} vs {small_n}: {per_many / per_small:.2f}")


if __name__ == "__main__":
    main()

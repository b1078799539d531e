"""Batch rendering: overdracht against docxtpl + one LibreOffice batch, same dossiers, one run.

    .venv/bin/python benchmarks/render_batch.py                  # 200 dossiers, the OKR
    .venv/bin/python benchmarks/render_batch.py --alle-documenten --dossiers 50

Both pipelines render the same view models of the same dossiers to DOCX and PDF:

- baseline: ``DocxTemplate(...).render(...)`` per document (the usual docxtpl way), then a
  single ``soffice --headless --convert-to pdf`` call for all DOCX files;
- overdracht: ``render_batch`` (``overdracht render dossiers/ -o uit/ --jobs N``).

Prints docs/s for each and the ratio of wall times (target: overdracht <= 0.8x baseline).
Timings vary per machine; compare ratios from the same run.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples"


def make_dossiers(folder: Path, count: int) -> list[Path]:
    """``count`` dossiers: the samples, round robin, each under its own pupil number."""
    import yaml

    sources = []
    for path in sorted(SAMPLES.glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        if isinstance(data, dict) and "leerling" in data:
            sources.append((path.stem, data))
    folder.mkdir(parents=True, exist_ok=True)
    made = []
    for index in range(count):
        stem, data = sources[index % len(sources)]
        data = dict(data, leerling=dict(data["leerling"], leerlingnummer=f"B{index:04d}"))
        target = folder / f"{index:04d}-{stem}.yaml"
        target.write_text(
            yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8"
        )
        made.append(target)
    return made


def baseline(
    dossiers: list[Path], out: Path, documents: tuple[str, ...] | None
) -> tuple[int, float, float]:
    """docxtpl per document, then one soffice batch. Returns (documents, docx s, pdf s)."""
    from docxtpl import DocxTemplate

    from overdracht.model.loading import load_dossier
    from overdracht.render.documents import build_context, build_views, file_name
    from overdracht.render.docx import DOCX_TEMPLATE, docx_environment
    from overdracht.resources import data_dir

    template = data_dir("templates") / DOCX_TEMPLATE
    out.mkdir(parents=True, exist_ok=True)
    start = time.perf_counter()
    written = []
    for path in dossiers:
        ctx = build_context(load_dossier(path))
        for view in build_views(ctx, path.stem):
            if documents is not None and view.soort not in documents:
                continue
            doc = DocxTemplate(str(template))
            doc.render({"doc": view}, docx_environment(), autoescape=True)
            target = out / file_name(path.stem, view, "docx")
            doc.save(str(target))
            written.append(target)
    docx_seconds = time.perf_counter() - start
    profile = Path(tempfile.mkdtemp(prefix="lo-profiel-"))
    start = time.perf_counter()
    subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation=file://{profile}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(out),
            *map(str, written),
        ],
        check=True,
        capture_output=True,
    )
    pdf_seconds = time.perf_counter() - start
    shutil.rmtree(profile, ignore_errors=True)
    return len(written), docx_seconds, pdf_seconds


def ours(
    folder: Path, out: Path, jobs: int, documents: tuple[str, ...] | None
) -> tuple[int, float]:
    from overdracht.render.batch import RenderOptions, render_batch

    options = RenderOptions(("docx", "pdf"), force=True, documents=documents)
    start = time.perf_counter()
    summary = render_batch(folder, out, options, jobs=jobs)
    seconds = time.perf_counter() - start
    if summary.failed:
        sys.exit(f"overdracht: {len(summary.failed)} dossiers mislukt: {summary.failed[0].reason}")
    files = sum(len(o.files) for o in summary.outcomes)
    return files // 2, seconds


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--dossiers", type=int, default=200)
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    parser.add_argument(
        "--herhalingen",
        type=int,
        default=1,
        help="meet elke pijplijn zo vaak, om en om, en neem de snelste (minder ruis)",
    )
    parser.add_argument(
        "--alle-documenten",
        action="store_true",
        help="alle documenten per dossier in plaats van alleen het OKR",
    )
    args = parser.parse_args()
    if shutil.which("soffice") is None:
        sys.exit(
            "LibreOffice (soffice) is niet geïnstalleerd: installeer libreoffice-writer-nogui."
        )
    documents = None if args.alle_documenten else ("okr",)
    runs_ours, runs_base = [], []
    with tempfile.TemporaryDirectory(prefix="overdracht-bench-") as tmp:
        work = Path(tmp)
        dossiers = make_dossiers(work / "dossiers", args.dossiers)
        for run in range(args.herhalingen):
            runs_ours.append(ours(work / "dossiers", work / f"ours{run}", args.jobs, documents))
            runs_base.append(baseline(dossiers, work / f"baseline{run}", documents))
    n_ours, t_ours = min(runs_ours, key=lambda r: r[1])
    n_base, t_docx, t_pdf = min(runs_base, key=lambda r: r[1] + r[2])
    t_base = t_docx + t_pdf
    print(f"{args.dossiers} dossiers, {n_ours} documenten, elk DOCX + PDF, {args.jobs} processen")
    print(
        f"baseline  (docxtpl + soffice): {t_base:7.1f} s  {n_base / t_base:6.1f} docs/s  "
        f"(docxtpl {t_docx:.1f} s, LibreOffice {t_pdf:.1f} s)"
    )
    print(f"overdracht (render --jobs {args.jobs}): {t_ours:7.1f} s  {n_ours / t_ours:6.1f} docs/s")
    print(f"verhouding overdracht/baseline: {t_ours / t_base:.2f}x (doel: <= 0.80x)")


if __name__ == "__main__":
    main()

"""From a dossier to the documents of its transition, and onto disk."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from overdracht.checklists import Report, evaluate, load_checklist
from overdracht.errors import IncompleteError, UsageError
from overdracht.model.dossier import Dossier
from overdracht.model.loading import dossier_to_json
from overdracht.output import atomic_write_bytes, prepare_output_dir, refuse_existing
from overdracht.render.companions import (
    build_feedback_form,
    build_tlv_summary,
    build_warm_handover,
    needs_tlv_summary,
)
from overdracht.render.context import BuildContext
from overdracht.render.okr import build_okr
from overdracht.render.privacy import shareable_dossier
from overdracht.render.report_view import build_checklist_report
from overdracht.render.view import DocumentView

FORMATS = ("docx", "pdf")
# Document kind -> the end of its file name (deterministic, whatever --jobs is).
FILE_NAMES = {
    "okr": "onderwijskundig-rapport",
    "tlv": "tlv-samenvatting",
    "warme-overdracht": "verslag-warme-overdracht",
    "terugkoppeling": "terugkoppelingsformulier",
    "checklistrapport": "checklistrapport",
}


@dataclass
class RenderResult:
    """What :func:`overdracht.render_documents` wrote for one dossier."""

    dossier: str
    files: list[Path]
    report: Report
    concept: bool
    left_out: tuple[str, ...] = field(default_factory=tuple)


def parse_formats(formats: str | Sequence[str]) -> tuple[str, ...]:
    items = formats.split(",") if isinstance(formats, str) else list(formats)
    chosen = tuple(dict.fromkeys(f.strip().lower() for f in items if f.strip()))
    unknown = [f for f in chosen if f not in FORMATS]
    if unknown or not chosen:
        raise UsageError(
            f"onbekend formaat '{', '.join(unknown) or formats}'. Kies docx, pdf of docx,pdf."
        )
    return chosen


def build_context(
    dossier: Dossier,
    *,
    dossier_path: str = "",
    overlay: Path | None = None,
    peildatum: date | None = None,
    today: date | None = None,
) -> BuildContext:
    """Check the dossier and strip it to what may travel; the input of every builder."""
    checklist = load_checklist(dossier.overgang.id, overlay)
    peil = peildatum or dossier.overgang.peildatum or date.today()
    report = evaluate(checklist, dossier, dossier_path=dossier_path, peildatum=peil)
    shareable, privacy = shareable_dossier(checklist, dossier, report, peil)
    titel = load_checklist(dossier.overgang.id).titel if overlay else checklist.titel
    return BuildContext(shareable, report, checklist, privacy, peil, today or date.today(), titel)


def build_views(ctx: BuildContext, dossier_naam: str = "") -> list[DocumentView]:
    """Every document this transition needs, in a fixed order."""
    views = [build_okr(ctx)]
    if needs_tlv_summary(ctx):
        views.append(build_tlv_summary(ctx))
    views += [
        build_warm_handover(ctx),
        build_feedback_form(ctx),
        build_checklist_report(ctx, dossier_naam),
    ]
    return views


def final_problems(ctx: BuildContext) -> list[str]:
    """Why the documents cannot be final yet (empty when they can)."""
    problems = [f.message for f in ctx.report.errors]
    if ctx.dossier.inzage is None and not any(
        f.path.startswith("inzage") for f in ctx.report.errors
    ):
        problems.append(
            f"inzage: {ctx.termen.wie_inziet} het dossier nog niet ingezien (vul 'inzage' in)."
        )
    return problems


def file_name(stem: str, view: DocumentView, fmt: str) -> str:
    return f"{stem}-{FILE_NAMES[view.soort]}.{fmt}"


def render_bytes(
    views: list[DocumentView], formats: tuple[str, ...], stem: str, *, pdfa: bool, dossier_json: str
) -> dict[str, bytes]:
    """File name -> content for every document and format, all in memory."""
    out: dict[str, bytes] = {}
    for view in views:
        for fmt in formats:
            if fmt == "docx":
                from overdracht.render.docx import render_docx

                out[file_name(stem, view, fmt)] = render_docx(view)
            else:
                from overdracht.render.pdf import render_pdf

                attach = dossier_json if view.soort == "okr" else None
                out[file_name(stem, view, fmt)] = render_pdf(view, pdfa=pdfa, dossier_json=attach)
    return out


def render_dossier(
    dossier: Dossier,
    output_dir: Path,
    *,
    stem: str,
    dossier_path: str = "",
    formats: tuple[str, ...] = FORMATS,
    final: bool = False,
    force: bool = False,
    pdfa: bool = False,
    overlay: Path | None = None,
    peildatum: date | None = None,
    today: date | None = None,
    documents: tuple[str, ...] | None = None,
) -> RenderResult:
    """Render and write every document of one dossier; nothing is written on any error.

    ``documents`` limits the output to these kinds (keys of ``FILE_NAMES``).
    """
    ctx = build_context(
        dossier, dossier_path=dossier_path, overlay=overlay, peildatum=peildatum, today=today
    )
    if final:
        problems = final_problems(ctx)
        if problems:
            raise IncompleteError(
                f"{dossier_path or stem}: de documenten kunnen nog niet definitief worden gemaakt. "
                "Dit ontbreekt nog:",
                details=problems,
            )
    views = build_views(ctx, dossier_path or stem)
    if documents is not None:
        views = [v for v in views if v.soort in documents]
    prepare_output_dir(output_dir)
    targets = [output_dir / file_name(stem, v, f) for v in views for f in formats]
    refuse_existing(targets, force)
    contents = render_bytes(
        views, formats, stem, pdfa=pdfa, dossier_json=dossier_to_json(ctx.dossier)
    )
    written: list[Path] = []
    try:
        for name, data in contents.items():
            path = output_dir / name
            atomic_write_bytes(path, data, force=True)
            written.append(path)
    except BaseException:
        # All or nothing per dossier (Ctrl-C, full disk): no set of documents half there.
        for path in written:
            path.unlink(missing_ok=True)
        raise
    return RenderResult(
        dossier=dossier_path or stem,
        files=written,
        report=ctx.report,
        concept=ctx.concept,
        left_out=ctx.privacy.left_out,
    )

"""Render a folder of dossiers in parallel; one failure never stops the others.

Workers are separate processes (WeasyPrint is CPU-bound and not thread-safe). Each worker
loads the renderers, the font configuration, the stylesheet and the compiled templates
once and reuses them; workers are replaced after ``recycle_after`` dossiers, so memory
stays flat in long runs. Workers ignore Ctrl-C: the main process stops handing out work,
lets the running dossiers finish (every file is written atomically) and reports.

A manifest in the output folder records, per dossier, a hash of everything its documents
depend on (dossier file, templates, checklists, overlay, options, version) and a hash of
every file written. A second run skips a dossier whose inputs are unchanged; a changed
dossier may replace its old documents only if nobody edited them since (same hash).
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import multiprocessing
import os
import signal
import threading
from collections.abc import Callable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, Literal

from overdracht import __version__
from overdracht.errors import EXIT_OK, OverdrachtError, UsageError
from overdracht.model.loading import dossier_files
from overdracht.output import atomic_write_text, prepare_output_dir, write_error
from overdracht.resources import data_dir

MANIFEST = ".overdracht-render.json"
Status = Literal["geschreven", "overgeslagen", "mislukt"]


@dataclass(frozen=True)
class RenderOptions:
    formats: tuple[str, ...]
    final: bool = False
    force: bool = False
    pdfa: bool = False
    overlay: Path | None = None
    peildatum: date | None = None
    documents: tuple[str, ...] | None = None  # None: every document of the transition


@dataclass
class Outcome:
    """What happened to one dossier."""

    dossier: Path
    status: Status
    files: list[str] = field(default_factory=list)
    reason: str = ""
    exit_code: int = EXIT_OK
    concept: bool = False


@dataclass
class BatchSummary:
    outcomes: list[Outcome]
    total: int
    interrupted: bool = False

    def count(self, status: Status) -> int:
        return sum(1 for o in self.outcomes if o.status == status)

    @property
    def failed(self) -> list[Outcome]:
        return [o for o in self.outcomes if o.status == "mislukt"]

    @property
    def exit_code(self) -> int:
        return max((o.exit_code for o in self.outcomes), default=EXIT_OK)


def find_dossiers(folder: Path) -> list[Path]:
    """Dossier files in ``folder`` (not recursive), sorted by name."""
    if not folder.is_dir():
        raise UsageError(f"{folder}: deze map bestaat niet.")
    found = dossier_files(folder)
    if not found:
        raise UsageError(f"{folder}: geen dossiers (.yaml, .yml of .json) in deze map.")
    return found


def _digest_folder(folder: Path, digest: Any) -> None:
    for path in sorted(folder.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts:
            digest.update(path.relative_to(folder).as_posix().encode())
            digest.update(path.read_bytes())


def shared_inputs_hash(options: RenderOptions) -> str:
    """Hash of what every dossier's documents depend on besides the dossier itself."""
    digest = hashlib.sha256(f"overdracht {__version__}".encode())
    _digest_folder(data_dir("templates"), digest)
    _digest_folder(data_dir("checklists"), digest)
    if options.overlay is not None:
        digest.update(options.overlay.read_bytes())
    opts = (options.formats, options.final, options.pdfa, str(options.peildatum), options.documents)
    digest.update(repr(opts).encode())
    return digest.hexdigest()


def _file_hash(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


class _Worker:
    """A worker's state for SIGTERM: stop at once when idle, after the dossier when busy."""

    busy = False
    stopping = False


def _on_sigterm(signum: int, _frame: object) -> None:
    if not _Worker.busy:
        os._exit(128 + signum)
    _Worker.stopping = True


def _render_one(path: Path, output_dir: Path, options: RenderOptions, force: bool) -> Outcome:
    """Run in a worker: render one dossier and turn every error into an outcome."""
    _Worker.busy = True
    try:
        return _render(path, output_dir, options, force)
    finally:
        _Worker.busy = False
        if _Worker.stopping:  # report this dossier, then go, even if nobody says so
            threading.Timer(5.0, os._exit, (128 + signal.SIGTERM,)).start()


def _render(path: Path, output_dir: Path, options: RenderOptions, force: bool) -> Outcome:
    from overdracht.model.loading import load_dossier
    from overdracht.render.documents import render_dossier

    try:
        result = render_dossier(
            load_dossier(path),
            output_dir,
            stem=path.stem,
            dossier_path=str(path),
            formats=options.formats,
            final=options.final,
            force=force,
            pdfa=options.pdfa,
            overlay=options.overlay,
            peildatum=options.peildatum,
            documents=options.documents,
        )
    except OverdrachtError as exc:
        return Outcome(path, "mislukt", reason=str(exc), exit_code=exc.exit_code)
    except OSError as exc:  # e.g. a full disk under WeasyPrint's own temporary files
        error = write_error(output_dir, exc)
        return Outcome(path, "mislukt", reason=str(error), exit_code=error.exit_code)
    except Exception as exc:  # one broken dossier must not stop the batch
        return Outcome(path, "mislukt", reason=f"onverwachte fout: {exc!r}", exit_code=3)
    return Outcome(path, "geschreven", [p.name for p in result.files], concept=result.concept)


def _init_worker() -> None:
    # Ctrl-C and a closed terminal reach the whole process group; the main process
    # decides, and lets a worker finish the dossier it is writing.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGHUP, signal.SIG_IGN)
    # SIGTERM to the group: finish the dossier being written, so the main process can
    # record it in the manifest (a dossier killed half-way would be refused on a rerun)
    signal.signal(signal.SIGTERM, _on_sigterm)
    from overdracht.render import docx, pdf

    pdf.pdf_assets()
    docx.compiled_template()


def _start_forkserver() -> None:
    """Start the forkserver with Ctrl-C, SIGHUP and SIGTERM ignored from the start.

    It imports the renderers first (a second or so) and only then ignores Ctrl-C itself;
    a Ctrl-C in that second printed its traceback. An ignored signal stays ignored
    across fork and exec (Python keeps it so), so the disposition is set for the few
    milliseconds of starting it and then restored for this process.
    """
    from multiprocessing import forkserver

    signals = (signal.SIGINT, signal.SIGHUP, signal.SIGTERM)
    previous = {sig: signal.signal(sig, signal.SIG_IGN) for sig in signals}
    try:
        forkserver.ensure_running()
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)


@contextlib.contextmanager
def _signals_deferred() -> Iterator[None]:
    """Hold Ctrl-C, SIGTERM and SIGHUP while workers start, then act on them.

    A worker that is half started when the main process stops cannot find the pool's
    semaphores and prints a traceback; after this block every worker is running.
    """
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    received: list[int] = []
    signals = (signal.SIGINT, signal.SIGTERM, signal.SIGHUP)
    previous = {sig: signal.signal(sig, lambda n, _: received.append(n)) for sig in signals}
    try:
        yield
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)
        for signum in received[:1]:  # also when starting failed because of it
            signal.raise_signal(signum)


class Manifest:
    def __init__(self, output_dir: Path) -> None:
        self.path = output_dir / MANIFEST
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            data = {}
        self.entries: dict[str, Any] = data if isinstance(data, dict) else {}

    def unchanged(self, stem: str, inputs: str, output_dir: Path) -> bool:
        entry = self.entries.get(stem)
        if not isinstance(entry, dict) or entry.get("invoer") != inputs:
            return False
        files = entry.get("bestanden", {})
        return bool(files) and all((output_dir / name).exists() for name in files)

    def ours(self, stem: str, output_dir: Path) -> bool:
        """True when every existing old document of ``stem`` is exactly as we wrote it."""
        entry = self.entries.get(stem)
        if not isinstance(entry, dict):
            return False
        files: dict[str, str] = entry.get("bestanden", {})
        return all(
            not (output_dir / n).exists() or _file_hash(output_dir / n) == h
            for n, h in files.items()
        )

    def record(self, stem: str, inputs: str, output_dir: Path, files: list[str]) -> None:
        self.entries[stem] = {
            "invoer": inputs,
            "bestanden": {name: _file_hash(output_dir / name) for name in files},
        }

    def save(self) -> None:
        atomic_write_text(self.path, json.dumps(self.entries, indent=1, sort_keys=True), force=True)


def dossier_hash(path: Path, shared: str) -> str:
    return hashlib.sha256(shared.encode() + path.read_bytes()).hexdigest()


def render_batch(
    folder: Path,
    output_dir: Path,
    options: RenderOptions,
    *,
    jobs: int | None = None,
    recycle_after: int = 100,
    on_start: Callable[[int], None] | None = None,
    on_outcome: Callable[[Outcome], None] | None = None,
) -> BatchSummary:
    """Render every dossier in ``folder``; ``on_outcome`` is called as each one finishes."""
    dossiers = find_dossiers(folder)
    prepare_output_dir(output_dir)
    manifest = Manifest(output_dir)
    shared = shared_inputs_hash(options)
    outcomes: list[Outcome] = []
    todo: list[tuple[Path, str, bool]] = []
    for path in dossiers:
        inputs = dossier_hash(path, shared)
        if not options.force and manifest.unchanged(path.stem, inputs, output_dir):
            outcomes.append(
                Outcome(path, "overgeslagen", reason="ongewijzigd sinds de vorige keer")
            )
        else:
            todo.append((path, inputs, options.force or manifest.ours(path.stem, output_dir)))
    if on_start:
        on_start(len(dossiers))
    for outcome in outcomes:
        if on_outcome:
            on_outcome(outcome)
    hashes = {path: inputs for path, inputs, _ in todo}

    def finished(outcome: Outcome) -> None:
        outcomes.append(outcome)
        if outcome.status == "geschreven":
            manifest.record(
                outcome.dossier.stem, hashes[outcome.dossier], output_dir, outcome.files
            )
        if on_outcome:
            on_outcome(outcome)

    interrupted = False
    try:
        for outcome in _run(todo, output_dir, options, jobs or os.cpu_count() or 1, recycle_after):
            finished(outcome)
    except KeyboardInterrupt:
        interrupted = True
    finally:
        manifest.save()
    outcomes.sort(key=lambda o: o.dossier.name)
    return BatchSummary(outcomes, len(dossiers), interrupted)


def _run(
    todo: list[tuple[Path, str, bool]],
    output_dir: Path,
    options: RenderOptions,
    jobs: int,
    recycle_after: int,
) -> Iterator[Outcome]:
    if jobs <= 1 or len(todo) <= 1:
        for path, _, force in todo:
            yield _render_one(path, output_dir, options, force)
        return
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(["overdracht.render.documents", "overdracht.render.pdf"])
    _start_forkserver()
    executor = ProcessPoolExecutor(
        max_workers=min(jobs, len(todo)),
        mp_context=context,
        initializer=_init_worker,
        max_tasks_per_child=recycle_after,
    )
    pending: set[Future[Outcome]] = set()
    queue = iter(todo)
    try:
        # Keep only a few dossiers queued per worker, so Ctrl-C has little to cancel.
        with _signals_deferred():  # the first submit starts the workers
            for path, _, force in queue:
                pending.add(executor.submit(_render_one, path, output_dir, options, force))
                if len(pending) >= jobs * 2:
                    break
        while pending:
            done, pending = wait(pending, return_when=FIRST_COMPLETED)
            for future in done:
                yield future.result()
                following = next(queue, None)
                if following is not None:
                    path, _, force = following
                    pending.add(executor.submit(_render_one, path, output_dir, options, force))
    except KeyboardInterrupt:
        # Let the running dossiers finish writing (atomically), start no new ones, and
        # still report the ones that finished, so the manifest knows their files.
        for future in pending:
            future.cancel()
        executor.shutdown(wait=True, cancel_futures=True)
        for future in pending:
            # a worker stopped by the same signal has no result (BrokenProcessPool)
            if future.done() and not future.cancelled() and future.exception() is None:
                yield future.result()
        raise
    finally:
        executor.shutdown(wait=True, cancel_futures=True)

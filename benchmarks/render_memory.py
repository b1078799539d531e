"""Memory in long batch runs: resident memory after 100 and after 1,000 documents.

    .venv/bin/python benchmarks/render_memory.py            # 1,000 OKRs, DOCX + PDF
    .venv/bin/python benchmarks/render_memory.py --recyclen 0   # never replace workers

Renders with ``render_batch`` (as ``overdracht render dossiers/ --jobs N``) and reads the
resident set size (VmRSS in /proc) of the main process and all its descendants (the
forkserver and the workers) when 100 and when 1,000 documents are done. Prints the ratio
(target: at most 1.2x). WeasyPrint grows in long runs; workers are replaced after
``--recyclen`` dossiers each, which keeps memory flat.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from render_batch import make_dossiers


def _children(pid: int) -> list[int]:
    found = []
    for task in Path(f"/proc/{pid}/task").glob("*"):
        try:
            found += [int(c) for c in (task / "children").read_text().split()]
        except OSError:
            continue
    return found


def _rss_kb(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def tree_rss_mb() -> tuple[float, float]:
    """(total RSS of this process and its descendants, largest single descendant) in MB."""
    pids, todo = [], [os.getpid()]
    while todo:
        pid = todo.pop()
        pids.append(pid)
        todo += _children(pid)
    sizes = [_rss_kb(pid) for pid in pids]
    largest = max(sizes[1:], default=0)
    return sum(sizes) / 1024, largest / 1024


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--documenten", type=int, default=1000)
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    parser.add_argument(
        "--recyclen",
        type=int,
        default=100,
        help="vervang een werkproces na zoveel dossiers (0: nooit)",
    )
    args = parser.parse_args()
    if not Path("/proc/self/status").exists():
        sys.exit("Deze meting leest /proc en werkt alleen op Linux.")

    from overdracht.render.batch import Outcome, RenderOptions, render_batch

    marks = {100: (0.0, 0.0), args.documenten: (0.0, 0.0)}
    done = 0

    def measured(_: Outcome) -> None:
        nonlocal done
        done += 1
        if done in marks:
            marks[done] = tree_rss_mb()
            total, largest = marks[done]
            print(
                f"na {done:5d} documenten: {total:7.1f} MB totaal, "
                f"grootste werkproces {largest:6.1f} MB",
                flush=True,
            )

    options = RenderOptions(("docx", "pdf"), force=True, documents=("okr",))
    recycle = args.recyclen if args.recyclen > 0 else 10**9
    with tempfile.TemporaryDirectory(prefix="overdracht-geheugen-") as tmp:
        folder = Path(tmp) / "dossiers"
        make_dossiers(folder, args.documenten)
        render_batch(
            folder,
            Path(tmp) / "uit",
            options,
            jobs=args.jobs,
            recycle_after=recycle,
            on_outcome=measured,
        )
    first, last = marks[100], marks[args.documenten]
    print(
        f"verhouding totaal na {args.documenten} / na 100: {last[0] / first[0]:.2f}x "
        "(doel: <= 1.20x)"
    )
    print(f"verhouding grootste werkproces: {last[1] / first[1]:.2f}x")


if __name__ == "__main__":
    main()

"""Fuzz the readers: dossier files, PDFs for extract, workbooks and CSVs for import.

The property everywhere: a clean OverdrachtError (exit 0-3) or a result, never another
exception, never a hang, never an invalid file.
"""

from __future__ import annotations

import contextlib
import io
import json
import tempfile
import zlib
from pathlib import Path

import yaml
from hypothesis import given
from hypothesis import strategies as st
from openpyxl import Workbook

from overdracht.checklists import check
from overdracht.errors import OverdrachtError
from overdracht.importing import import_workbook
from overdracht.model import load_dossier
from overdracht.render.attachment import extract_dossier_json
from overdracht.sourcefile import parse_text

from .bombs import ods_repeat_bomb, pdf_with_attachment, run_limited, write_zip, xlsx_parts
from .conftest import SAMPLES, assert_valid_office_file, run, sample
from .fuzzing import bounded, budget
from .strategies import hostile_text, json_values, mutated, text_values, yaml_soup

BASE = sample("po-vo-compleet")
CSV_HEADERS = (SAMPLES / "import" / "leerlingen-po-vo.csv").read_bytes().decode("cp1252")
CSV_HEADERS = CSV_HEADERS.splitlines()[0].split(";")
MAPPING = SAMPLES / "import" / "mapping-export.yaml"


@budget(300)
@given(st.one_of(yaml_soup, st.text(max_size=300)))
def test_any_text_parses_or_is_refused_in_dutch(text: str) -> None:
    with bounded(10):
        try:
            parse_text(text, Path("f.yaml"))
        except OverdrachtError as exc:
            assert str(exc).startswith("f.yaml")


@budget(120)
@given(mutated(BASE), st.booleans())
def test_mutated_dossiers_load_and_check_or_fail_cleanly(data: dict, as_json: bool) -> None:
    with tempfile.TemporaryDirectory() as folder, bounded(20):
        path = Path(folder) / ("d.json" if as_json else "d.yaml")
        try:
            text = json.dumps(data) if as_json else yaml.safe_dump(data, allow_unicode=True)
        except (ValueError, yaml.YAMLError):
            return  # not every generated value is representable
        path.write_text(text, encoding="utf-8", errors="surrogatepass")
        with contextlib.suppress(OverdrachtError):
            check(load_dossier(path))


@budget(20)
@given(st.lists(st.one_of(yaml_soup, mutated(BASE).map(yaml.safe_dump)), min_size=1, max_size=4))
def test_check_cli_on_a_folder_of_generated_files(texts: list[str]) -> None:
    with tempfile.TemporaryDirectory() as folder, bounded(60):
        for number, text in enumerate(texts):
            (Path(folder) / f"{number}.yaml").write_text(text, encoding="utf-8")
        code, _, err = run("check", folder)  # a traceback would raise here
        assert code in (0, 1, 2, 3)
        assert "Traceback" not in err


@budget(200)
@given(
    st.one_of(
        st.binary(max_size=2000).map(lambda b: b"%PDF-1.7\n" + b),
        json_values.map(lambda v: pdf_with_attachment(json.dumps(v).encode())),
        st.tuples(st.binary(max_size=300), st.booleans(), st.integers(0, 10**9)).map(
            lambda t: pdf_with_attachment(t[0], compress=t[1], length=t[2])
        ),
        st.tuples(st.binary(max_size=400), st.integers(0, 400)).map(
            lambda t: pdf_with_attachment(zlib.compress(t[0]))[: 150 + t[1]]
        ),
    )
)
def test_extract_reads_any_bytes_cleanly(content: bytes) -> None:
    with tempfile.TemporaryDirectory() as folder, bounded(10):
        path = Path(folder) / "f.pdf"
        path.write_bytes(content)
        with contextlib.suppress(OverdrachtError):
            json.loads(extract_dossier_json(path))


def _csv_text(rows: list[list[str]], delimiter: str) -> str:
    return "\n".join(delimiter.join(cells) for cells in [CSV_HEADERS, *rows])


@budget(40)
@given(
    st.lists(st.lists(text_values, min_size=0, max_size=len(CSV_HEADERS) + 2), max_size=6),
    st.sampled_from([";", ",", "\t"]),
    st.sampled_from(["utf-8", "utf-8-sig", "cp1252", "utf-16"]),
)
def test_import_of_generated_csv(rows: list[list[str]], delimiter: str, encoding: str) -> None:
    with tempfile.TemporaryDirectory() as folder, bounded(60):
        source = Path(folder) / "export.csv"
        source.write_bytes(_csv_text(rows, delimiter).encode(encoding, errors="replace"))
        _import_and_verify(source, Path(folder) / "uit")


@budget(25)
@given(
    st.lists(
        st.lists(st.one_of(text_values, st.integers(), st.floats(), st.none()), max_size=9),
        max_size=5,
    )
)
def test_import_of_generated_xlsx(rows: list[list[object]]) -> None:
    with tempfile.TemporaryDirectory() as folder, bounded(60):
        workbook = Workbook()
        sheet = workbook.active
        sheet.title = "Leerlingen"
        sheet.append(CSV_HEADERS)
        for row in rows:
            sheet.append([_xlsx_safe(v) for v in row])
        source = Path(folder) / "leerlingen.xlsx"
        buffer = io.BytesIO()
        workbook.save(buffer)
        source.write_bytes(buffer.getvalue())
        _import_and_verify(source, Path(folder) / "uit")


def _xlsx_safe(value: object) -> object:
    # openpyxl itself refuses characters XML forbids; a hostile file would carry them
    # escaped (_x0001_), which the shared-string test below covers.
    if isinstance(value, str):
        from overdracht.xmltext import clean_text

        return clean_text(value)
    return value


@budget(25)
@given(st.lists(hostile_text, min_size=1, max_size=4), st.integers(1, 30))
def test_import_of_raw_shared_strings(strings: list[str], cells: int) -> None:
    from xml.sax.saxutils import escape

    with tempfile.TemporaryDirectory() as folder, bounded(60):
        shared = [escape(s).replace("\x00", "_x0000_").replace("\x01", "_x0001_") for s in strings]
        header = "".join(
            f'<c r="{chr(65 + i)}1" t="inlineStr"><is><t>{escape(h)}</t></is></c>'
            for i, h in enumerate(CSV_HEADERS)
        )
        body = "".join(
            f'<row r="{n}"><c r="A{n}"><v>{n}</v></c><c r="B{n}" t="s"><v>{n % len(shared)}</v></c>'
            f'<c r="D{n}" t="s"><v>{(n + 1) % len(shared)}</v></c></row>'
            for n in range(2, cells + 2)
        )
        source = write_zip(
            Path(folder) / "x.xlsx", xlsx_parts(f'<row r="1">{header}</row>{body}', shared)
        )
        _import_and_verify(source, Path(folder) / "uit")


def _import_and_verify(source: Path, out: Path) -> None:
    try:
        result = import_workbook(source, out, transition="po-vo", mapping=MAPPING)
    except OverdrachtError:
        return
    assert result.report_path is not None
    assert_valid_office_file(result.report_path)
    for path in result.written:
        load_dossier(path)  # every dossier written reads back


@budget(3)
@given(st.integers(20_000, 200_000), st.integers(20, 200), st.integers(500, 3000))
def test_import_bombs_stay_within_memory(rows: int, columns: int, text: int) -> None:
    with tempfile.TemporaryDirectory() as folder:
        bomb = ods_repeat_bomb(Path(folder) / "bom.ods", rows=rows, columns=columns, text=text)
        result = run_limited("import", bomb, "-t", "po-vo", "-o", Path(folder) / "uit")
        assert result.returncode == 3, result.stderr
        assert "Traceback" not in result.stderr

"""Load a dossier file (YAML or JSON) into the model, with Dutch errors."""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from overdracht.errors import InvalidInputError
from overdracht.model.dossier import Dossier
from overdracht.sourcefile import SourceDocument, parse_text, read_source
from overdracht.validation import describe_errors


def parse_dossier(content: str | Mapping[str, Any], name: str = "dossier") -> Dossier:
    """A dossier from YAML/JSON text or already parsed data (e.g. a web form or database).

    ``name`` stands for the file in messages. Raises :class:`InvalidInputError` listing every
    problem, with the line for text.
    """
    if isinstance(content, str):
        return validate_source(parse_text(content, Path(name)))
    return validate_source(SourceDocument(Path(name), dict(content), {}))


def validate_source(source: SourceDocument) -> Dossier:
    """Validate parsed content as a dossier; raise InvalidInputError listing every problem."""
    if not isinstance(source.data, dict):
        raise InvalidInputError(
            f"{source.path}: dit is geen dossier; het bestand moet beginnen met velden als "
            "'leerling:' en 'overgang:' (zie samples/ voor voorbeelden)"
        )
    try:
        return Dossier.model_validate(source.data)
    except ValidationError as exc:
        problems = describe_errors(exc, source)
        raise InvalidInputError(
            f"{source.path}: het dossier bevat {len(problems)} "
            f"{'fout; verbeter die' if len(problems) == 1 else 'fouten; verbeter ze'} "
            "en probeer opnieuw.",
            details=problems,
        ) from None


def load_dossier(path: str | Path) -> Dossier:
    """Read and validate a dossier file (``.yaml``, ``.yml`` or ``.json``)."""
    return validate_source(read_source(Path(path)))


DOSSIER_SUFFIXES = (".yaml", ".yml", ".json")


def dossier_files(folder: Path, *, recursive: bool = False) -> list[Path]:
    """The dossier files in ``folder``, sorted: the one rule for check, render and tlv-check.

    Files ending in .yaml, .yml or .json; hidden files and folders (``.name``) and regional
    overlays lying among the dossiers (a top-level ``extends:``) are left out. With
    ``recursive`` subfolders count too. Raises ``PermissionError`` like ``os.scandir``.
    """
    candidates = folder.rglob("*") if recursive else folder.iterdir()
    return sorted(
        path
        for path in candidates
        if path.suffix.lower() in DOSSIER_SUFFIXES
        and not any(part.startswith(".") for part in path.relative_to(folder).parts)
        and path.is_file()
        and not _is_overlay(path)
    )


def _is_overlay(path: Path) -> bool:
    """A regional checklist overlay (top-level 'extends:') lying among the dossiers."""
    try:
        with path.open("rb") as handle:
            head = handle.read(64 * 1024)
    except OSError:
        return False
    return re.search(rb"^extends:", head, re.MULTILINE) is not None


def expand_dossier_paths(paths: Sequence[Path]) -> list[Path]:
    """Files as given; a folder stands for the dossier files in it (see ``dossier_files``).

    A folder without dossier files is an InvalidInputError: 'check map && verstuur'
    must not go ahead when there was nothing to check.
    """
    result: list[Path] = []
    for path in paths:
        if path.is_dir():
            found = dossier_files(path)
            if not found:
                raise InvalidInputError(_nothing_found(path))
            result.extend(found)
        else:
            result.append(path)
    return result


def _nothing_found(folder: Path) -> str:
    message = f"{folder}: geen dossiers gevonden (gezocht naar .yaml-, .yml- en .json-bestanden)."
    deeper = any(p.suffix.lower() in DOSSIER_SUFFIXES for p in folder.glob("*/*") if p.is_file())
    if deeper:
        message += " Er staan wel dossiers in submappen; geef die submap op."
    return message


def dossier_schema() -> dict[str, Any]:
    """JSON Schema of a dossier file, for editors that validate YAML/JSON."""
    schema = Dossier.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "Overdrachtsdossier"
    return schema


def dossier_to_json(dossier: Dossier) -> str:
    """Serialise a dossier to JSON with the same keys as the dossier file."""
    return json.dumps(
        dossier.model_dump(mode="json", exclude_none=True), ensure_ascii=False, indent=2
    )

"""What parents and the pupil chose, in the library: derived, applied, and not overruled."""

from __future__ import annotations

import subprocess
from datetime import date
from pathlib import Path
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from overdracht import check, load_dossier
from overdracht.consent import Answer, Person, Request, apply_answers, derive_answers
from overdracht.model import Dossier
from overdracht.render.documents import build_context
from overdracht.render.okr import build_okr
from overdracht.render.pdf import render_pdf

from .conftest import SAMPLES

MOEDER = Person("ouders", 1, "moeder")
VADER = Person("ouders", 2, "vader")
LEERLING = Person("leerling", None, "leerling")
DAY = date(2027, 5, 1)


def _sample(**changes: Any) -> Dossier:
    doc = load_dossier(SAMPLES / "po-so-compleet.yaml")
    data = doc.model_dump(mode="python")
    data.update(changes)
    return Dossier.model_validate(data)


def _asked(*people: Person, version: int = 1) -> list[Request]:
    return [Request(p, version) for p in people]


def _answer(person: Person, **kw: Any) -> Answer:
    return Answer(person, kw.pop("version", 1), kw.pop("day", DAY), **kw)


def test_nothing_to_derive_without_answers() -> None:
    assert derive_answers(_asked(MOEDER, VADER), []) is None


def test_one_no_keeps_a_category_out_and_everyone_must_say_yes() -> None:
    derived = derive_answers(
        _asked(MOEDER, VADER),
        [
            _answer(MOEDER, toestemmingen={"jeugdhulp": False, "mdo": True}),
            _answer(VADER, toestemmingen={"jeugdhulp": True, "mdo": True}),
        ],
    )
    assert derived is not None
    by = {t.categorie: t for t in derived.toestemmingen}
    assert by["jeugdhulp"].geweigerd and by["jeugdhulp"].gegeven_door == ["ouders"]
    assert not by["mdo"].geweigerd and by["mdo"].herkomst == "inzagepagina"


def test_the_zienswijze_is_each_persons_own_once_everyone_answered() -> None:
    answers = [
        _answer(MOEDER, zienswijze="oneens", toelichting="De thuissituatie klopt niet."),
        _answer(LEERLING, zienswijze="eens"),
    ]
    waiting = derive_answers(_asked(MOEDER, VADER, LEERLING), answers)
    assert waiting is not None and waiting.inzage is not None
    assert waiting.inzage.wacht_op == ["Vader"]
    assert waiting.inzage.zienswijze is None  # not everyone answered: no combined word yet
    assert waiting.inzage.door == ["leerling"]

    done = derive_answers(_asked(MOEDER, VADER, LEERLING), [*answers, _answer(VADER)])
    assert done is not None and done.inzage is not None
    assert done.inzage.wacht_op == []
    assert done.inzage.zienswijze == "oneens"
    assert done.inzage.door == ["ouders", "leerling"]
    assert [(r.wie, r.zienswijze, r.toelichting) for r in done.inzage.reacties] == [
        ("Moeder", "oneens", "De thuissituatie klopt niet."),
        ("Vader", "eens", None),
        ("Leerling", "eens", None),
    ]


def test_two_parents_with_the_same_role_are_told_apart() -> None:
    other = Person("ouders", 2, "moeder")
    derived = derive_answers(_asked(MOEDER, other), [_answer(MOEDER)])
    assert derived is not None and derived.inzage is not None
    assert derived.inzage.wacht_op == ["Ouder 2 (moeder)"]


def test_the_latest_round_counts() -> None:
    derived = derive_answers(
        [*_asked(MOEDER, version=1), *_asked(MOEDER, version=3)],
        [
            _answer(MOEDER, version=1, toestemmingen={"jeugdhulp": True}),
            _answer(MOEDER, version=3, toestemmingen={"jeugdhulp": False}),
        ],
    )
    assert derived is not None and derived.version == 3
    assert [t.geweigerd for t in derived.toestemmingen] == [True]


def test_a_withdrawn_request_without_an_answer_is_not_waited_for() -> None:
    requests = [Request(MOEDER, 1), Request(VADER, 1, withdrawn=True)]
    derived = derive_answers(requests, [_answer(MOEDER)])
    assert derived is not None and derived.inzage is not None
    assert derived.inzage.wacht_op == []


def test_consent_typed_by_the_school_does_not_count_but_its_refusal_does() -> None:
    doc = apply_answers(_sample(), None)
    assert {t.herkomst for t in doc.toestemmingen} == {"school"}
    assert doc.inzage is not None and doc.inzage.herkomst == "school"
    report = check(doc)
    failing = {f.rule for f in report.errors}
    assert {"inzage", "toestemming_jeugdhulp", "toestemming_mdo"} <= failing
    inzage = next(f for f in report.errors if f.rule == "inzage")
    assert "door de school ingevoerd" in inzage.problem
    # A refusal the school recorded is respected: the data stays out, which is always safe.
    refused = [{**t.model_dump(), "geweigerd": True} for t in doc.toestemmingen]
    report = check(apply_answers(_sample(toestemmingen=refused), None))
    assert "jeugdhulp" in report.left_out


def test_answers_follow_the_bijlage_not_its_title_or_place() -> None:
    doc = apply_answers(_sample(), None)
    psychiater = next(b for b in doc.bijlagen if b.titel == "Verslag kinderpsychiater")
    assert psychiater.id
    derived = derive_answers(
        _asked(MOEDER, VADER),
        [
            _answer(MOEDER, bijlagen={psychiater.id: False}),
            _answer(VADER, bijlagen={psychiater.id: True}),
        ],
    )
    # Staff rename the refused bijlage and put it first, and tick 'meesturen'.
    data = doc.model_dump(mode="python")
    moved = next(b for b in data["bijlagen"] if b["id"] == psychiater.id)
    moved.update(titel="Verslag (nieuw)", meesturen=True)
    data["bijlagen"] = [moved] + [b for b in data["bijlagen"] if b is not moved]
    after = apply_answers(Dossier.model_validate(data), derived)
    renamed = next(b for b in after.bijlagen if b.id == psychiater.id)
    assert renamed.titel == "Verslag (nieuw)" and renamed.meesturen is False
    # A bijlage nobody answered for does not travel either.
    assert [b.meesturen for b in after.bijlagen if b.id != psychiater.id] == [False]


def test_bijlage_ids_are_made_once_and_kept() -> None:
    first = _sample()
    again = _sample()
    assert [b.id for b in first.bijlagen] == [b.id for b in again.bijlagen]  # same on each load
    data = first.model_dump(mode="python")
    data["bijlagen"].reverse()
    data["bijlagen"][0]["titel"] = "Andere titel"
    kept = Dossier.model_validate(data)
    assert {b.id for b in kept.bijlagen} == {b.id for b in first.bijlagen}


def test_a_dossier_file_with_the_same_bijlage_id_twice_is_refused() -> None:
    data = _sample().model_dump(mode="python")
    data["bijlagen"][1]["id"] = data["bijlagen"][0]["id"]
    try:
        Dossier.model_validate(data)
    except ValueError as exc:
        assert "hetzelfde id" in str(exc)
    else:  # pragma: no cover
        raise AssertionError("accepted")


def _okr_text(doc: Dossier, tmp_path: Path) -> str:
    pdf = tmp_path / "okr.pdf"
    pdf.write_bytes(render_pdf(build_okr(build_context(doc))))
    out = subprocess.run(
        ["pdftotext", str(pdf), "-"], capture_output=True, check=True, text=True
    ).stdout
    return " ".join(out.split())


def test_the_report_says_who_has_not_answered_and_then_everyones_own_view(
    tmp_path: Path,
) -> None:
    asked = _asked(MOEDER, VADER)
    mother = _answer(MOEDER, zienswijze="oneens", toelichting="Te negatief over gedrag.")
    waiting = apply_answers(_sample(), derive_answers(asked, [mother]))
    text = _okr_text(waiting, tmp_path)
    assert "Nog geen reactie van vader" in text
    assert "Moeder: oneens — Te negatief over gedrag." in text

    done = apply_answers(_sample(), derive_answers(asked, [mother, _answer(VADER)]))
    text = _okr_text(done, tmp_path)
    assert "Moeder: oneens — Te negatief over gedrag.; Vader: eens" in text
    assert "Nog geen reactie" not in text
    assert "door ouders en leerling zelf" in text


def test_the_date_the_school_heard_the_pupil_is_kept() -> None:
    data = _sample().model_dump(mode="python")
    data["inzage"]["leerling_gehoord"] = date(2027, 4, 2)
    doc = apply_answers(
        Dossier.model_validate(data), derive_answers(_asked(MOEDER), [_answer(MOEDER)])
    )
    assert doc.inzage is not None and doc.inzage.leerling_gehoord == date(2027, 4, 2)
    assert doc.inzage.herkomst == "inzagepagina"


CATEGORIES = ["jeugdhulp", "medisch", "mdo", "psychosociaal", "jgz"]
typed_consent = st.lists(
    st.fixed_dictionaries(
        {
            "categorie": st.sampled_from(CATEGORIES),
            "gegeven_door": st.sampled_from([["ouders"], ["leerling"], ["ouders", "leerling"]]),
            "datum": st.just(date(2027, 4, 1)),
            "geweigerd": st.booleans(),
            "herkomst": st.sampled_from([None, "inzagepagina", "papier", "school"]),
        }
    ),
    max_size=4,
)
typed_inzage = st.one_of(
    st.none(),
    st.fixed_dictionaries(
        {
            "datum": st.just(date(2027, 4, 20)),
            "door": st.sampled_from([["ouders"], ["ouders", "leerling"]]),
            "zienswijze": st.sampled_from(["eens", "oneens", None]),
            "herkomst": st.sampled_from([None, "inzagepagina", "papier"]),
        }
    ),
)


@settings(max_examples=60, deadline=None)
@given(
    consent=typed_consent,
    inzage=typed_inzage,
    meesturen=st.lists(st.booleans(), min_size=2, max_size=2),
    reverse=st.booleans(),
)
def test_whatever_staff_type_the_answers_come_out_the_same(
    consent: list[dict[str, Any]],
    inzage: dict[str, Any] | None,
    meesturen: list[bool],
    reverse: bool,
) -> None:
    base = _sample()
    ids = [b.id for b in base.bijlagen]
    derived = derive_answers(
        _asked(MOEDER, VADER),
        [
            _answer(MOEDER, toestemmingen={"jeugdhulp": False}, bijlagen={ids[0]: True}),
            _answer(VADER, toestemmingen={"jeugdhulp": True}, bijlagen={ids[0]: True}),
        ],
    )
    expected = apply_answers(base, derived)
    data = base.model_dump(mode="python")
    data["toestemmingen"] = consent
    data["inzage"] = inzage
    for bijlage, send in zip(data["bijlagen"], meesturen, strict=True):
        bijlage["meesturen"] = send
    if reverse:
        data["bijlagen"].reverse()
    typed = apply_answers(Dossier.model_validate(data), derived)

    def counted(doc: Dossier) -> set[tuple[str, bool]]:
        return {(t.categorie, t.geweigerd) for t in doc.toestemmingen if t.herkomst != "school"}

    assert counted(typed) == counted(expected) == {("jeugdhulp", True)}
    assert typed.inzage == expected.inzage
    assert {b.id: b.meesturen for b in typed.bijlagen} == {ids[0]: True, ids[1]: False}
    assert apply_answers(typed, derived) == typed  # applying twice changes nothing

"""The web app's upload endpoints go through the same readers: generated and hostile uploads get a
Dutch page, never a 500, and no traceback reaches the user."""

from __future__ import annotations

import io
import zipfile
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from hypothesis import given
from hypothesis import strategies as st

from .fuzzing import bounded, budget

pytestmark = pytest.mark.django_db

HOSTILE = [
    b"a: &a [*a]\n",
    b"? [a, b]\n: c\n",
    b"leerling: " + b"9" * 5000 + b"\n",
    b"[" * 20000,
    b"%PDF-1.7\n" + bytes(range(256)) * 8,
    b"PK\x03\x04" + b"\x00" * 200,
    "leerling:\n  voornamen: \u0001\ufffe\n".encode(),
    b"\xff\xfe" + "naam;bsn\n".encode("utf-16-le"),
]
NAMES = st.sampled_from(["a.yaml", "b.json", "c.xlsx", "d.csv", "e.ods", "f.zip", "../g.yaml", "h"])


def _zip(entries: list[tuple[str, bytes]]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in entries:
            archive.writestr(name, data)
    return buffer.getvalue()


def _post(client: Client, url: str, field: str, name: str, data: bytes, **extra: Any) -> None:
    upload = SimpleUploadedFile(name, data)
    with bounded(60):
        response = client.post(url, {field: upload, **extra})
    assert response.status_code < 500, (url, name)
    assert b"Traceback" not in response.content


@pytest.fixture
def logged_in(client: Client, django_user_model: Any) -> Client:
    from overdracht.web.models import Profile, Role

    user = django_user_model.objects.create_user(username="fuzz", password="Geheim-wachtwoord-9")
    Profile.objects.create(user=user, rol=Role.IB)  # without a role every upload is refused
    client.force_login(user)
    return client


@budget(25)
@given(name=NAMES, data=st.one_of(st.sampled_from(HOSTILE), st.binary(max_size=2000)))
def test_dossier_file_upload(logged_in: Client, name: str, data: bytes) -> None:
    _post(logged_in, "/dossierbestanden/", "bestanden", name, data)


@budget(25)
@given(name=NAMES, data=st.one_of(st.sampled_from(HOSTILE), st.binary(max_size=2000)))
def test_workbook_import(logged_in: Client, name: str, data: bytes) -> None:
    _post(logged_in, "/importeren/", "bestand", name, data, overgang="po-vo")


@budget(25)
@given(
    entries=st.lists(
        st.tuples(NAMES, st.one_of(st.sampled_from(HOSTILE), st.binary(max_size=500))),
        max_size=4,
    ),
    raw=st.booleans(),
)
def test_aanvragen_zip(logged_in: Client, entries: list[tuple[str, bytes]], raw: bool) -> None:
    data = b"".join(d for _, d in entries) if raw else _zip(entries)
    _post(logged_in, "/loket/", "aanvragen", "aanvragen.zip", data)

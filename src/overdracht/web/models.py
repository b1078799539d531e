"""What the web adds around the dossier: versions, accounts' roles, files, overlays.

The dossier itself is the pydantic document, stored as JSON in :class:`DossierVersion`. The few
columns on :class:`Dossier` (name, transition, status, ...) are an index for the overview page,
derived from the current version on every save; they are never edited on their own.
"""

from __future__ import annotations

import secrets
from typing import Any

from django.conf import settings
from django.db import models


def new_public_id() -> str:
    """An opaque id for URLs: says nothing about the pupil, cannot be guessed."""
    return secrets.token_urlsafe(12)


class Role(models.TextChoices):
    BEHEERDER = "beheerder", "Beheerder"
    IB = "ib", "Intern begeleider / mentor"
    ADMINISTRATIE = "administratie", "Leerlingadministratie"
    LOKET = "loket", "Loket samenwerkingsverband"


class Profile(models.Model):
    """A staff account's role (and, later, its school or samenwerkingsverband)."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="profiel"
    )
    rol = models.CharField("rol", max_length=20, choices=Role.choices, default=Role.IB)

    class Meta:
        verbose_name = "profiel"
        verbose_name_plural = "profielen"

    def __str__(self) -> str:
        return f"{self.user.get_username()} ({self.get_rol_display()})"


class Status(models.TextChoices):
    ONVOLLEDIG = "onvolledig", "Concept, onvolledig"
    COMPLEET = "compleet", "Concept, compleet"
    DEFINITIEF = "definitief", "Definitief"


class Dossier(models.Model):
    """One pupil's handover for one transition; its content lives in its versions."""

    public_id = models.CharField(max_length=32, unique=True, default=new_public_id, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    # Index of the current version, for listing, filtering and searching 5,000 dossiers.
    current_number = models.PositiveIntegerField(default=0)
    leerling_naam = models.CharField(max_length=300, db_index=True)
    leerling_sorteernaam = models.CharField(max_length=300, db_index=True)
    leerlingnummer = models.CharField(max_length=50, blank=True, db_index=True)
    overgang = models.CharField(max_length=40, db_index=True)
    schooljaar = models.CharField(max_length=9, db_index=True)
    status = models.CharField(max_length=20, choices=Status.choices, db_index=True)
    ontbreekt = models.PositiveIntegerField(default=0)
    volgende_termijn = models.DateField(null=True, blank=True)
    volgende_termijn_wat = models.CharField(max_length=200, blank=True)
    # A parent or the pupil withdrew a consent after final: the overview marks the row.
    toestemming_ingetrokken = models.BooleanField(default=False, db_index=True)

    class Meta:
        verbose_name = "dossier"
        verbose_name_plural = "dossiers"
        indexes = [models.Index(fields=["status", "overgang", "schooljaar"])]

    def __str__(self) -> str:
        return f"dossier {self.public_id}"

    @property
    def current(self) -> DossierVersion:
        return self.versions.get(number=self.current_number)


class DossierVersion(models.Model):
    """Every save is a version: who, when, what changed. A final version is frozen."""

    dossier = models.ForeignKey(Dossier, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField()
    data: models.JSONField[Any] = models.JSONField()
    created_at = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    wijzigingen = models.JSONField(default=list, help_text="Wat er veranderde, in gewone taal")
    herkomst = models.CharField(max_length=200, blank=True, help_text="Bijv. 'import', 'hersteld'")
    definitief = models.BooleanField(default=False)
    definitief_op = models.DateTimeField(null=True, blank=True)
    definitief_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        verbose_name = "versie"
        verbose_name_plural = "versies"
        ordering = ["dossier", "-number"]
        constraints = [
            models.UniqueConstraint(fields=["dossier", "number"], name="een_nummer_per_versie")
        ]

    def __str__(self) -> str:
        return f"versie {self.number}"


class Bestand(models.Model):
    """An uploaded bijlage; stored in the data folder under a random name, served after login."""

    public_id = models.CharField(max_length=32, unique=True, default=new_public_id, editable=False)
    dossier = models.ForeignKey(Dossier, on_delete=models.CASCADE, related_name="bestanden")
    naam = models.CharField(max_length=255, help_text="Oorspronkelijke bestandsnaam")
    opslag = models.CharField(max_length=100, help_text="Naam in de map bestanden/")
    grootte = models.PositiveIntegerField()
    soort = models.CharField(max_length=100, default="application/octet-stream")
    sha256 = models.CharField(max_length=64)
    created_at = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )

    class Meta:
        verbose_name = "bestand"
        verbose_name_plural = "bestanden"

    def __str__(self) -> str:
        return f"bestand {self.public_id}"


class Overlay(models.Model):
    """A regional overlay uploaded by a beheerder; the active one applies to every check."""

    naam = models.CharField(max_length=255)
    inhoud = models.TextField()
    actief = models.BooleanField(default=True)
    created_at = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )

    class Meta:
        verbose_name = "regionale aanvulling"
        verbose_name_plural = "regionale aanvullingen"

    def __str__(self) -> str:
        return self.naam


# --- Parents' inzage and the disclosure log (issue 11) -------------------------------------------


class Logsoort(models.TextChoices):
    """What an entry records. A *verstrekking* names a receiver outside the school; *toegang*
    is looking at or downloading data inside the school (never shown to parents as sent)."""

    VERSTREKKING = "verstrekking", "Verstrekking"
    TOEGANG = "toegang", "Toegang binnen de school"
    GEBEURTENIS = "gebeurtenis", "Gebeurtenis"
    VERWIJDERD = "verwijderd", "Verwijderd na de bewaartermijn"


class Logregel(models.Model):
    """One entry of the append-only, hash-chained log: a disclosure or a state change.

    No foreign keys and no pupil data: an entry outlives its dossier (retention) and its hash
    covers every column, so nothing in it may ever change. ``dossier_ref`` is the dossier's
    opaque ``public_id``.
    """

    volgnummer = models.PositiveBigIntegerField(unique=True)
    tijdstip = models.DateTimeField()
    soort = models.CharField(max_length=20, choices=Logsoort.choices, db_index=True)
    door = models.CharField(max_length=200)
    dossier_ref = models.CharField(max_length=32, blank=True, db_index=True)
    versie = models.PositiveIntegerField(null=True, blank=True)
    wat = models.CharField(max_length=500)
    aan = models.CharField(max_length=300, blank=True)
    sha256 = models.CharField(max_length=64, blank=True)
    weggelaten: models.JSONField[Any] = models.JSONField(default=list)
    vorige_hash = models.CharField(max_length=64)
    hash = models.CharField(max_length=64, unique=True)
    # True: ``hash`` is an HMAC-SHA256 with the log key kept outside the database. False only for
    # entries written by a version before the key existed (sealed once, see logchain.seal).
    gesleuteld = models.BooleanField(default=False)

    class Meta:
        verbose_name = "logregel"
        verbose_name_plural = "logregels"
        ordering = ["volgnummer"]

    def __str__(self) -> str:
        return f"logregel {self.volgnummer}"

    @property
    def weggelaten_labels(self) -> str:
        """The withheld consent categories, in Dutch."""
        from overdracht.checklists.consent import CATEGORY_LABELS

        return ", ".join(CATEGORY_LABELS.get(c, c) for c in self.weggelaten)

    def save(self, *args: Any, **kwargs: Any) -> None:
        if not self._state.adding:
            raise ValueError("Een logregel kan niet worden gewijzigd.")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> tuple[int, dict[str, int]]:
        raise ValueError("Een logregel kan niet worden verwijderd.")


class Logstand(models.Model):
    """The log's head (count and last hash), kept apart so a removed last entry is noticed."""

    aantal = models.PositiveBigIntegerField(default=0)
    laatste_hash = models.CharField(max_length=64, blank=True)

    class Meta:
        verbose_name = "stand van het log"
        verbose_name_plural = "stand van het log"

    def __str__(self) -> str:
        return f"log: {self.aantal} regels"


# --- Documents of a final version (web-docs) ---


class DefinitiefDocument(models.Model):
    """A document of a final version, rendered once when it was made final and never again.

    The file lives in the data folder (``definitief/``, 0600) under a random name; its SHA-256
    is kept here, so what is served later (to staff now, to parents in their inzage next) is
    provably what was made final.
    """

    version = models.ForeignKey(DossierVersion, on_delete=models.CASCADE, related_name="documenten")
    soort = models.CharField(max_length=60, help_text="Bijv. 'onderwijskundig-rapport'")
    formaat = models.CharField(max_length=10, help_text="docx, pdf of pdfa")
    volgorde = models.PositiveSmallIntegerField(default=0)
    bestand = models.CharField(max_length=100, help_text="Naam in de map definitief/")
    grootte = models.PositiveIntegerField()
    sha256 = models.CharField(max_length=64)
    weggelaten: models.JSONField[Any] = models.JSONField(
        default=list, help_text="Categorieën die wegens ontbrekende toestemming ontbreken"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "definitief document"
        verbose_name_plural = "definitieve documenten"
        ordering = ["version", "volgorde", "formaat"]
        constraints = [
            models.UniqueConstraint(
                fields=["version", "soort", "formaat"], name="een_document_per_soort_en_formaat"
            )
        ]

    def __str__(self) -> str:
        return f"{self.soort}.{self.formaat} van {self.version}"


# --- Parents' and pupil's own inzage (issue 11) ---


class Inzageverzoek(models.Model):
    """A personal inzage link for one person and one dossier version.

    The link's secret and the code on the letter are never stored: only a hash of the link, and
    a hash of the code keyed by the link (so the codes cannot be guessed from the database).
    """

    dossier = models.ForeignKey(Dossier, on_delete=models.CASCADE, related_name="inzageverzoeken")
    versie = models.PositiveIntegerField(
        help_text="De versie die de ouder of leerling te zien krijgt"
    )
    giver = models.CharField(max_length=10, choices=[("ouders", "ouder"), ("leerling", "leerling")])
    ouder_nummer = models.PositiveIntegerField(null=True, blank=True)
    rol = models.CharField(max_length=40)
    naam = models.CharField(max_length=300)
    beslist_toestemming = models.BooleanField(default=False)
    token_hash = models.CharField(max_length=64, unique=True)
    code_hash = models.CharField(max_length=64)
    aangemaakt_op = models.DateTimeField(auto_now_add=True)
    aangemaakt_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    verloopt_op = models.DateTimeField()
    ingetrokken_op = models.DateTimeField(null=True, blank=True)
    geopend_op = models.DateTimeField(null=True, blank=True)
    verlopen_gemeld = models.BooleanField(default=False)
    mislukte_pogingen = models.PositiveIntegerField(default=0)
    geblokkeerd_tot = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = "inzageverzoek"
        verbose_name_plural = "inzageverzoeken"
        ordering = ["dossier", "-aangemaakt_op"]

    def __str__(self) -> str:
        return f"inzageverzoek {self.pk}"

    @property
    def wie(self) -> str:
        """Who, without a name: for the log, which can never be cleaned."""
        if self.giver == "leerling":
            return "leerling"
        return f"ouder {self.ouder_nummer} ({self.rol})"


class Inzagereactie(models.Model):
    """What a parent or pupil submitted; staff cannot change it, only ask again."""

    verzoek = models.ForeignKey(Inzageverzoek, on_delete=models.CASCADE, related_name="reacties")
    ingediend_op = models.DateTimeField(auto_now_add=True)
    versie = models.PositiveIntegerField()
    vingerafdruk = models.CharField(max_length=64)
    toestemmingen: models.JSONField[Any] = models.JSONField(default=dict)
    bijlagen: models.JSONField[Any] = models.JSONField(default=list)
    zienswijze = models.CharField(
        max_length=10, choices=[("eens", "eens"), ("oneens", "niet eens")]
    )
    toelichting = models.TextField(blank=True)
    # Inzage on paper: the person signed the form, the IB'er read it in with the scan.
    papier = models.BooleanField(default=False)
    formulier = models.CharField(
        max_length=100, blank=True, help_text="Naam van de scan in de map inzageformulieren/"
    )
    formulier_sha256 = models.CharField(max_length=64, blank=True)
    ingelezen_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    # After final the person can only withdraw: this answer is their last one with the
    # withdrawn consents (``ingetrokken``: category keys and "bijlage:<id>") set to no.
    na_definitief = models.BooleanField(default=False)
    ingetrokken: models.JSONField[Any] = models.JSONField(default=list)

    class Meta:
        verbose_name = "inzagereactie"
        verbose_name_plural = "inzagereacties"
        ordering = ["ingediend_op", "pk"]

    def __str__(self) -> str:
        return f"inzagereactie {self.pk}"


# --- Rendered once, then served (issue 22) ---


class Voorbeeld(models.Model):
    """A document of a concept render, kept so the next preview of the same version is served,
    not rendered again (rendering takes seconds). One row per kind and format.

    ``sleutel`` is the SHA-256 of what the render depends on: the version's content, the overlay
    and the day. Only the latest render of each kind (``wat``) of a dossier is kept; the rows go
    with their version when a dossier is deleted.
    """

    version = models.ForeignKey(
        DossierVersion, on_delete=models.CASCADE, related_name="voorbeelden"
    )
    wat = models.CharField(max_length=20, help_text="documenten, pdfa of inzage")
    sleutel = models.CharField(max_length=64)
    soort = models.CharField(max_length=60)
    formaat = models.CharField(max_length=10)
    volgorde = models.PositiveSmallIntegerField(default=0)
    concept = models.BooleanField(default=True)
    weggelaten: models.JSONField[Any] = models.JSONField(default=list)
    inhoud = models.BinaryField()
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "voorbeeld"
        verbose_name_plural = "voorbeelden"
        ordering = ["version", "volgorde", "formaat"]
        constraints = [
            models.UniqueConstraint(
                fields=["version", "sleutel", "soort", "formaat"], name="een_voorbeeld_per_render"
            )
        ]

    def __str__(self) -> str:
        return f"voorbeeld {self.soort}.{self.formaat} van {self.version}"
